package no.tilpass.server;

/** Small model texts for tests (fictional). */
final class TestModels {
    private TestModels() {}

    /** A shelf whose version 2 adds a rule that width 1200 breaks with white paint. */
    static String shelf(boolean second) {
        return """
                model test_shelf {
                    firm "Glåmdal Vindu AS"
                    version "%s"
                    languages nb en
                    label nb "Hylle" en "Shelf"

                    group main {
                        label nb "Hylle" en "Shelf"

                        option width: int 400..1200 step 100 unit mm {
                            label nb "Bredde" en "Width"
                            default 600
                        }

                        option colour: enum {
                            label nb "Farge" en "Colour"
                            value white label nb "Hvit" en "White"
                            value oak label nb "Eik" en "Oak"
                            default white
                        }
                    }

                    rule R1 "Oak width" {
                        colour == oak requires width <= 800
                        explain "Oak shelves are at most 800 mm wide."
                    }
                %s
                    price {
                        base 500
                        line width "Width" = width / 2
                        line oak "Oak" = 300 when colour == oak
                    }
                }
                """
                .formatted(
                        second ? "v2" : "v1",
                        second
                                ? """

                    rule R2 "White width" {
                        colour == white requires width <= 1000
                        explain "White shelves are at most 1000 mm wide."
                    }
                """
                                : "");
    }
}
