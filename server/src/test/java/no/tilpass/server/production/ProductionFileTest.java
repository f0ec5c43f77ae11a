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

    @Test
    void an_article_stock_line_gives_pieces_on_hand_and_the_lead_time_in_days() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader("workcentre.saw-1.type=saw\nstock.glass_triple=120 14\nstock.motor = 0 28\n"));

        ProductionFile file = ProductionFile.parse("firm.properties", p);

        assertThat(file.stock())
                .containsExactly(
                        new ProductionFile.Stock("glass_triple", 120, 14), new ProductionFile.Stock("motor", 0, 28));
    }

    @Test
    void a_file_without_a_stock_section_controls_no_article() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader("workcentre.saw-1.type=saw\n"));

        assertThat(ProductionFile.parse("firm.properties", p).stock()).isEmpty();
    }

    @Test
    void the_bundled_window_maker_is_short_of_some_articles() {
        ProductionFile file = ProductionFile.bundled("glamdal-vindu").orElseThrow();

        assertThat(file.stock()).extracting(ProductionFile.Stock::item).contains("glass_triple", "screen", "motor");
        assertThat(file.stock()).allSatisfy(s -> assertThat(s.leadDays()).isBetween(1, 365));
    }

    @Test
    void a_bad_stock_line_in_a_file_is_reported_at_its_line_and_column() {
        String text = "# stock\nworkcentre.saw-1.type=saw\n\nstock.motor = two 28\n";

        assertThatThrownBy(() -> ProductionFile.parse("models/production/x.properties", text))
                .hasMessageStartingWith("models/production/x.properties:4:15: stock.motor is 'two 28'")
                .hasMessageContaining("Maybe stock.motor=40 14.");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"many 14", "12", "12 14 3", "-1 14", "12 -2", "12 400"})
    void a_bad_stock_line_is_reported_with_file_key_value_and_a_maybe(String value) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader("workcentre.saw-1.type=saw\nstock.glass_triple=" + value + "\n"));

        assertThatThrownBy(() -> ProductionFile.parse("firm.properties", p))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("firm.properties")
                .hasMessageContaining("stock.glass_triple")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("Maybe stock.glass_triple=");
    }
}
