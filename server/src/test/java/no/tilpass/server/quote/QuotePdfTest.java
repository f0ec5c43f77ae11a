package no.tilpass.server.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.completion.Completer;
import no.tilpass.engine.completion.Completion;
import no.tilpass.engine.model.ModelLoader;
import no.tilpass.engine.model.ProductModel;
import no.tilpass.engine.space.Decision;
import no.tilpass.server.PdfText;
import no.tilpass.server.drawing.Drawings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuotePdfTest {
    private static final ProductModel WINDOW = load("window.tpm");

    private static ProductModel load(String name) {
        Path file = Path.of(System.getProperty("tilpass.root", ".."))
                .resolve("models")
                .resolve(name);
        return ((ModelLoader.Result.Loaded) ModelLoader.load(file)).model();
    }

    /**
     * A two-sash tilt-turn window 1200 x 1400 in barn red with concealed hinges, every other option
     * completed by the engine (soft defaults where the rules allow).
     */
    private static Map<String, String> configuration() {
        List<Decision> decisions = List.of(
                new Decision("width", "1200"),
                new Decision("height", "1400"),
                new Decision("sashes", "2"),
                new Decision("opening_type", "tilt_turn"),
                new Decision("opening_direction", "inward"),
                new Decision("fittings.hinge_type", "concealed"),
                new Decision("colour_outside", "barn_red"));
        Completion completion = new Completer(WINDOW.space()).complete(decisions);
        assertThat(completion).as("the test decisions must be consistent").isInstanceOf(Completion.Complete.class);
        Map<String, String> values = new LinkedHashMap<>();
        ((Completion.Complete) completion).configuration().forEach(d -> values.put(d.option(), d.value()));
        return values;
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nb", "sv", "en"})
    void the_quote_shows_option_labels_prices_the_total_and_the_expiry_date_in_its_language(String language)
            throws IOException {
        Map<String, String> values = configuration();
        ProductModel.Quote quote = WINDOW.quote(values);
        assertThat(quote)
                .as("the test configuration must be valid: %s", quote)
                .isInstanceOf(ProductModel.Quote.Priced.class);
        ProductModel.Quote.Priced priced = (ProductModel.Quote.Priced) quote;
        LocalDate issued = LocalDate.of(2026, 11, 30);
        QuoteDocument document = new QuoteDocument(
                language,
                WINDOW.firm(),
                "T-2026-000123",
                issued,
                issued.plusDays(QuoteDocument.DEFAULT_VALID_DAYS),
                WINDOW.labels().get(language),
                "cfg-abc r4",
                Specification.lines(WINDOW, values, language),
                priced.lines().stream()
                        .map(l -> new QuoteDocument.PriceLine(l.label(), l.amountNok()))
                        .toList(),
                priced.totalNok(),
                false,
                Drawings.draw(WINDOW.name(), values));

        byte[] pdf = QuotePdf.render(document);
        // Kept for a look by eye: server/target/quote-<language>.pdf
        java.nio.file.Files.write(Path.of("target", "quote-" + language + ".pdf"), pdf);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        String text = PdfText.of(pdf);
        QuoteTexts texts = QuoteTexts.of(language);

        assertThat(text)
                .contains(WINDOW.firm(), "T-2026-000123", WINDOW.labels().get(language));
        for (String name : List.of("width", "opening_type", "colour_outside", "glazing")) {
            ProductModel.OptionInfo option = WINDOW.option(name).orElseThrow();
            assertThat(text).as("label of %s", name).contains(option.labels().get(language));
        }
        String tiltTurn = WINDOW.option("opening_type").orElseThrow().values().stream()
                .filter(v -> v.name().equals("tilt_turn"))
                .findFirst()
                .orElseThrow()
                .labels()
                .get(language);
        assertThat(text).contains(tiltTurn, "1200 mm", "1400 mm");
        assertThat(priced.totalNok()).isGreaterThan(10_000);
        // Text extraction puts spaces between table cells only sometimes; compare without white space.
        assertThat(squash(text)).contains(squash(texts.text("total") + " NOK " + texts.money(priced.totalNok())));
        assertThat(squash(text)).contains(squash(texts.text("valid_until") + texts.date(issued.plusDays(30))));
        assertThat(texts.date(issued.plusDays(30))).contains("2026").doesNotContain("11-30");
        assertThat(squash(text)).contains(squash(texts.text("term_dimensions")));
        // Dimension figures of the drawing are real text in the PDF (vector drawing, not an image).
        assertThat(text).contains("600");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nb", "sv", "en"})
    void every_language_has_every_text_the_quote_uses(String language) {
        QuoteTexts texts = QuoteTexts.of(language);
        QuoteTexts english = QuoteTexts.of("en");
        for (String key : List.of(
                "title",
                "number",
                "date",
                "valid_until",
                "options",
                "price",
                "total",
                "currency_note",
                "estimate_note",
                "terms",
                "term_validity",
                "term_dimensions",
                "term_view",
                "term_delivery",
                "yes",
                "no",
                "view_outside",
                "view_side",
                "view_front",
                "customer_reference")) {
            assertThat(texts.text(key))
                    .as("%s in %s", key, language)
                    .isNotEqualTo(key)
                    .isNotBlank();
            if (!language.equals("en") && !key.equals("price")) {
                assertThat(texts.text(key))
                        .as("%s translated to %s", key, language)
                        .isNotEqualTo(english.text(key));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void the_specification_lists_the_products_own_groups_first_with_value_labels_in_the_language() {
        List<QuoteDocument.OptionLine> lines = Specification.lines(WINDOW, configuration(), "sv");
        List<String> headings = lines.stream()
                .filter(QuoteDocument.OptionLine::heading)
                .map(QuoteDocument.OptionLine::label)
                .toList();
        String dimensions = WINDOW.option("width").orElseThrow().group();
        assertThat(headings.get(0))
                .isEqualTo(WINDOW.groups().stream()
                        .filter(g -> g.name().equals(dimensions))
                        .findFirst()
                        .orElseThrow()
                        .labels()
                        .get("sv"));
        assertThat(headings.get(headings.size() - 1))
                .isEqualTo(WINDOW.components().get(0).labels().get("sv"));
        assertThat(lines.stream().filter(l -> !l.heading()))
                .hasSize(WINDOW.options().size());
        assertThat(lines)
                .contains(QuoteDocument.OptionLine.of(
                        WINDOW.option("width").orElseThrow().labels().get("sv"), "1200 mm"))
                .contains(QuoteDocument.OptionLine.of(
                        WINDOW.option("safety_glass").orElseThrow().labels().get("sv"),
                        QuoteTexts.of("sv").text("no")));
    }
}
