package no.tilpass.cli;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The {@code --clock WALL_TIME} of {@code serve} and {@code bench production}: where the plant's clock starts. */
final class PlantClockOption {
    private PlantClockOption() {}

    /** The plant's wall time (Europe/Oslo) that {@code value} names, e.g. 2026-12-07T08:00; empty when none. */
    static Optional<LocalDateTime> parse(String value) {
        try {
            return Optional.of(LocalDateTime.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Says on {@code err}, after {@code prefix}, that {@code value} is no wall time, and the likely fix. */
    static void refuse(String value, String prefix, PrintWriter err) {
        err.println(prefix + "--clock '" + value + "' is not a date and time");
        err.println("Maybe --clock 2026-12-07T08:00 (the plant's wall clock, Europe/Oslo).");
    }
}
