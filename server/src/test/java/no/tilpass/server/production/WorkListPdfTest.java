package no.tilpass.server.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import no.tilpass.server.PdfText;
import org.junit.jupiter.api.Test;

class WorkListPdfTest {

    private static WorkListPdf.Row row(String taskId, boolean lost, boolean restarted) {
        return new WorkListPdf.Row(
                "order-1",
                7,
                12,
                taskId,
                "press",
                "Glue and press the leaf",
                255,
                LocalDateTime.of(2026, 12, 7, 7, 0),
                LocalDateTime.of(2026, 12, 7, 11, 15),
                lost,
                restarted);
    }

    private static String text(byte[] pdf) throws IOException {
        return PdfText.of(pdf).replaceAll("\\s+", " ");
    }

    @Test
    void a_work_list_marks_the_lost_part_and_the_restart_of_an_operation_a_stop_cut_short() throws IOException {
        byte[] pdf = WorkListPdf.render(
                "Glåmdal Vindu AS",
                "press-1",
                "Press 1",
                LocalDateTime.of(2026, 12, 7, 6, 0),
                List.of(
                        row("order-1/press", true, false),
                        row("order-1/press/restarted@2026-12-07T09:00", false, true),
                        row("order-2/press", false, false)));

        String text = text(pdf);

        assertThat(text).contains("Glåmdal Vindu AS").contains("Press 1 (press-1)");
        assertThat(text)
                .contains("leaf LOST: cut short by a stop")
                .contains("leaf RESTARTED: runs again whole after a stop");
        assertThat(text.split("LOST:", -1)).hasSize(2);
        assertThat(text.split("RESTARTED:", -1)).hasSize(2);
    }

    @Test
    void an_operation_no_stop_touched_has_no_note() {
        assertThat(WorkListPdf.stopNote(row("order-2/press", false, false))).isEmpty();
        assertThat(WorkListPdf.stopNote(row("order-1/press", true, false))).startsWith("LOST");
    }
}
