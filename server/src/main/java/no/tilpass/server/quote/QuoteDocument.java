package no.tilpass.server.quote;

import java.time.LocalDate;
import java.util.List;
import no.tilpass.server.drawing.Drawing;

/**
 * Everything one quote says, already in its language: who quotes, what, at what price, until when.
 *
 * @param language {@code nb}, {@code sv} or {@code en}
 * @param firm the manufacturer's name
 * @param number the quote number
 * @param issued the date of the quote
 * @param validUntil the last day the quote holds
 * @param product the product's label
 * @param reference the configuration it quotes (its id and revision), so an order can be matched to it
 * @param options the chosen specification, group headings included
 * @param lines the price lines in NOK
 * @param total the total in NOK
 * @param estimate whether the configuration is incomplete and the price an estimate
 * @param drawing the drawing to scale
 */
public record QuoteDocument(
        String language,
        String firm,
        String number,
        LocalDate issued,
        LocalDate validUntil,
        String product,
        String reference,
        List<OptionLine> options,
        List<PriceLine> lines,
        long total,
        boolean estimate,
        Drawing drawing) {

    /** How many days a quote holds unless a firm says otherwise. */
    public static final int DEFAULT_VALID_DAYS = 30;

    public QuoteDocument {
        options = List.copyOf(options);
        lines = List.copyOf(lines);
    }

    /** One row of the specification: a group heading (no value) or an option and its chosen value. */
    public record OptionLine(String label, String value, boolean heading) {
        public static OptionLine heading(String label) {
            return new OptionLine(label, "", true);
        }

        public static OptionLine of(String label, String value) {
            return new OptionLine(label, value, false);
        }
    }

    /** One price line: its label and amount in whole NOK. */
    public record PriceLine(String label, long amount) {}
}
