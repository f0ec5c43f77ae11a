package no.tilpass.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.space.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule names ({@code name nb "..." ...} in a rule) and price-line labels ({@code label nb "..." ...} after a
 * price line's quoted label) per language: parsed, checked against {@code languages}, carried through the
 * model and its quotes, and looked up with a fall-back to the quoted default.
 */
class TranslatedNamesTest {
    private static final String TRANSLATED =
            """
            model m {
              languages nb sv en
              label nb "Vindu" sv "Fönster" en "Window"
              option width: int 400..2400 step 10 unit mm {
                label nb "Bredde" sv "Bredd" en "Width"
                default 800
              }
              option safety: bool {
                label nb "Sikkerhetsglass" sv "Säkerhetsglas" en "Safety glass"
                default true
              }
              rule R01 "Max width" {
                name nb "Maks bredde" sv "Max bredd" en "Max width"
                width <= 2000
                explain nb "Høyst 2 m." sv "Högst 2 m." en "At most 2 m."
              }
              price {
                base 1000 label nb "Grunnpris vindu" sv "Grundpris fönster" en "Window base price"
                line glass "Glass, per m" label nb "Glass, per m" sv "Glas, per m" en "Glass, per m" = width
                table safe "Safety glass" label nb "Sikkerhetsglass" sv "Säkerhetsglas" en "Safety glass" by safety { true: 300 }
              }
            }
            """;

    @TempDir
    Path dir;

    private ModelLoader.Result.Loaded loaded(String text) {
        ModelLoader.Result r = ModelLoader.parse("window.tpm", text, dir);
        if (r instanceof ModelLoader.Result.Failed f) {
            throw new AssertionError("did not load:\n"
                    + String.join(
                            "\n", f.errors().stream().map(Diagnostic::format).toList()));
        }
        return (ModelLoader.Result.Loaded) r;
    }

    @Test
    void a_rule_name_line_gives_the_rule_a_name_per_language_and_the_quoted_name_stays_the_default() {
        ModelLoader.Result.Loaded l = loaded(TRANSLATED);
        assertThat(l.warnings()).extracting(Diagnostic::format).isEmpty();
        ProductModel.RuleInfo r = l.model().rules().get(0);
        assertThat(r.name()).isEqualTo("Max width");
        assertThat(r.name("nb")).isEqualTo("Maks bredde");
        assertThat(r.name("sv")).isEqualTo("Max bredd");
        assertThat(r.name("de")).as("a language the model lacks falls back").isEqualTo("Max width");
        assertThat(r.names()).containsKeys("nb", "sv", "en");
    }

    @Test
    void price_lines_tables_and_the_base_carry_their_labels_into_the_quote() {
        ProductModel m = loaded(TRANSLATED).model();
        assertThat(m.price().lines()).extracting(l -> l.label("sv")).containsExactly("Glas, per m", "Säkerhetsglas");
        ProductModel.Quote q = m.quote(Map.of("width", "800", "safety", "true"));
        assertThat(q).isInstanceOf(ProductModel.Quote.Priced.class);
        List<ProductModel.QuoteLine> lines = ((ProductModel.Quote.Priced) q).lines();
        assertThat(lines)
                .extracting(ProductModel.QuoteLine::id, l -> l.label("nb"), l -> l.label("en"))
                .containsExactly(
                        tuple("base", "Grunnpris vindu", "Window base price"),
                        tuple("glass", "Glass, per m", "Glass, per m"),
                        tuple("safe", "Sikkerhetsglass", "Safety glass"));
        assertThat(lines).extracting(ProductModel.QuoteLine::label).contains("Glass, per m", "Safety glass");
    }

    @Test
    void without_translations_the_quoted_texts_and_the_built_in_base_labels_are_used() {
        ProductModel m = loaded(
                        """
                        model m {
                          option width: int 400..2400
                          rule R1 "Max width" { width <= 2000 explain "x" }
                          price { base 10 line w "Width" = width }
                        }
                        """)
                .model();
        assertThat(m.rules().get(0).name("nb")).isEqualTo("Max width");
        assertThat(m.rules().get(0).names()).isEmpty();
        ProductModel.Quote.Priced q = (ProductModel.Quote.Priced) m.quote(Map.of("width", "500"));
        assertThat(q.lines()).extracting(l -> l.label("nb")).containsExactly("Grunnpris", "Width");
        assertThat(q.lines()).extracting(l -> l.label("en")).containsExactly("Base price", "Width");
    }

    @Test
    void a_missing_rule_name_language_is_a_warning_at_the_rule_with_a_maybe_line() {
        ModelLoader.Result.Loaded l = loaded(TRANSLATED.replace(
                "name nb \"Maks bredde\" sv \"Max bredd\" en \"Max width\"", "name nb \"Maks bredde\""));
        assertThat(l.warnings()).hasSize(1);
        Diagnostic d = l.warnings().get(0);
        assertThat(d.format()).startsWith("window.tpm:12:3: rule R01 has no name in sv, en");
        assertThat(d.offendingText()).contains("rule R01 \"Max width\"");
        assertThat(d.maybe()).isEqualTo("add sv \"...\" en \"...\" to its name line.");
    }

    @Test
    void a_rule_without_a_name_line_in_a_model_with_languages_is_a_warning() {
        ModelLoader.Result.Loaded l =
                loaded(TRANSLATED.replace("    name nb \"Maks bredde\" sv \"Max bredd\" en \"Max width\"\n", ""));
        assertThat(l.warnings())
                .extracting(Diagnostic::message, Diagnostic::maybe)
                .containsExactly(tuple(
                        "rule R01 has no name in nb, sv, en",
                        "add the line 'name nb \"...\" sv \"...\" en \"...\"' to the rule."));
    }

    @Test
    void a_price_line_without_labels_in_a_model_with_languages_is_a_warning_at_the_line() {
        ModelLoader.Result.Loaded l = loaded(TRANSLATED.replace(
                "\"Glass, per m\" label nb \"Glass, per m\" sv \"Glas, per m\" en \"Glass, per m\"",
                "\"Glass, per m\" label nb \"Glass, per m\""));
        assertThat(l.warnings()).hasSize(1);
        Diagnostic d = l.warnings().get(0);
        assertThat(d.format()).startsWith("window.tpm:19:5: price line 'glass' has no label in sv, en");
        assertThat(d.maybe()).isEqualTo("write 'label sv \"...\" en \"...\"' after its quoted label.");
    }

    @Test
    void the_base_price_needs_a_label_only_for_languages_without_a_built_in_one() {
        String danish = TRANSLATED
                .replace("languages nb sv en", "languages nb sv en da")
                .replace(" label nb \"Grunnpris vindu\" sv \"Grundpris fönster\" en \"Window base price\"", "");
        List<String> messages =
                loaded(danish).warnings().stream().map(Diagnostic::message).toList();
        assertThat(messages).contains("the base price has no label in da", "price line 'glass' has no label in da");
        assertThat(messages).noneMatch(m -> m.startsWith("the base price has no label in nb"));
    }

    @Test
    void two_name_lines_in_a_rule_are_an_error_with_a_maybe_line() {
        ModelLoader.Result r = ModelLoader.parse(
                "window.tpm", TRANSLATED.replace("width <= 2000\n", "name nb \"Igjen\"\n    width <= 2000\n"), dir);
        assertThat(r).isInstanceOf(ModelLoader.Result.Failed.class);
        Diagnostic d = ((ModelLoader.Result.Failed) r).errors().get(0);
        assertThat(d.message()).isEqualTo("rule R01 has two 'name' lines");
        assertThat(d.line()).as("the second name line").isEqualTo(14);
        assertThat(d.maybe()).isEqualTo("write one name line with one text per language.");
    }

    @Test
    void an_option_called_name_is_still_a_constraint_in_a_rule() {
        ModelLoader.Result.Loaded l = loaded(
                """
                model m {
                  option name: bool
                  option nb: bool
                  rule R1 "Both" {
                    name
                    nb
                    explain "x"
                  }
                }
                """);
        assertThat(l.model().rules().get(0).names()).isEmpty();
        assertThat(Expr.show(l.model().rules().get(0).constraint())).contains("name", "nb");
    }

    @Test
    void a_component_keeps_its_rule_names_and_price_labels_under_its_prefix() throws Exception {
        java.nio.file.Files.writeString(
                dir.resolve("part.tpm"),
                """
                model part {
                  option big: bool
                  rule P1 "Small" { name nb "Liten" not big explain "x" }
                  price { base 50 line b "Big" label nb "Stor" = 5 when big }
                }
                """);
        ProductModel m = loaded(
                        """
                        model m {
                          component part: "part.tpm"
                          price { base 1 component part "Part" label nb "Del" sv "Del" }
                        }
                        """)
                .model();
        assertThat(m.rules())
                .extracting(ProductModel.RuleInfo::id, r -> r.name("nb"))
                .containsExactly(tuple("part.P1", "Liten"));
        assertThat(m.price().lines())
                .extracting(l -> l.label("nb"), l -> l.label("en"))
                .containsExactly(tuple("Del", "Part"));
        assertThat(m.components().get(0).model().price().lines())
                .extracting(l -> l.label("nb"))
                .containsExactly("Stor");
    }
}
