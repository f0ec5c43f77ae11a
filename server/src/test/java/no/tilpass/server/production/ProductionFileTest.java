package no.tilpass.server.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.util.Properties;
import no.tilpass.engine.production.ShiftCalendar;
import org.junit.jupiter.api.Test;

class ProductionFileTest {
    @Test
    void the_bundled_window_maker_has_a_work_centre_for_every_routing_type() {
        ProductionFile file = ProductionFile.bundled("glamdal-vindu").orElseThrow();

        assertThat(file.centres())
                .extracting(ProductionFile.Centre::type)
                .contains("saw", "cnc", "paint", "glazing_line", "bench", "packing");
        assertThat(file.bars()).containsEntry("frame_profile", 6000);
        assertThat(file.remnants()).extracting(ProductionFile.Remnant::profile).contains("frame_profile");
    }

    @Test
    void a_calendar_line_is_parsed_into_shifts_holidays_and_downtime() {
        ShiftCalendar c = ProductionFile.calendar(
                "x",
                "shifts=MON-FRI 07:00-15:00, SAT 08:00-12:00\nholidays=2026-12-24\ndowntime=2026-12-07T07:00/2026-12-07T11:00");

        assertThat(c.shifts()).hasSize(6);
        assertThat(c.shifts().get(5).day()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(c.holidays()).hasSize(1);
        assertThat(c.downtime()).hasSize(1);
    }

    @Test
    void a_bad_capacity_is_reported_with_file_key_value_and_a_maybe() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader("workcentre.saw-1.type=saw\nworkcentre.saw-1.capacity=many\n"));

        assertThatThrownBy(() -> ProductionFile.parse("firm.properties", p))
                .hasMessageContaining("firm.properties")
                .hasMessageContaining("workcentre.saw-1.capacity")
                .hasMessageContaining("'many'")
                .hasMessageContaining("Maybe");
    }

    @Test
    void a_bad_shift_is_reported_with_a_maybe() {
        assertThatThrownBy(() -> ProductionFile.calendar("saw-1", "shifts=MONDAY 7-15"))
                .hasMessageContaining("saw-1")
                .hasMessageContaining("Maybe");
    }
}
