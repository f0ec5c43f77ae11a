package no.tilpass.engine.uvl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.LoadResult;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.Rule;
import no.tilpass.engine.space.SolutionSpace;
import no.tilpass.engine.testing.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sat4j.specs.ISolver;

class UvlReaderTest {

    private static SolutionSpace loaded(String text) {
        LoadResult r = UvlReader.parse("m.uvl", text);
        assertThat(r)
                .as(() -> r instanceof LoadResult.Failed f ? f.errors().get(0).format() : "")
                .isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) r).space();
    }

    private static Diagnostic failure(String text) {
        LoadResult r = UvlReader.parse("m.uvl", text);
        assertThat(r).isInstanceOf(LoadResult.Failed.class);
        Diagnostic d = ((LoadResult.Failed) r).errors().get(0);
        assertThat(d.maybe()).as("a Maybe line in %s", d).isNotBlank();
        return d;
    }

    private static BigInteger count(SolutionSpace s) {
        return Oracles.count(s.cnf(), 5_000_000).orElseThrow();
    }

    /** Number of option assignments (brute force over options only) that Sat4j finds consistent. */
    private static long projectedCount(SolutionSpace s, Predicate<boolean[]> check) {
        Optional<ISolver> solver = Oracles.sat4j(s.cnf());
        int n = s.options().size();
        long consistent = 0;
        for (long m = 0; m < 1L << n; m++) {
            int[] assumptions = new int[n];
            boolean[] values = new boolean[n];
            for (int i = 0; i < n; i++) {
                values[i] = (m >> i & 1) == 1;
                int v = s.options().get(i).literal(0);
                assumptions[i] = values[i] ? v : -v;
            }
            boolean sat = Oracles.satisfiable(solver, assumptions);
            assertThat(sat).as("assignment %s", Long.toBinaryString(m)).isEqualTo(check.test(values));
            consistent += sat ? 1 : 0;
        }
        return consistent;
    }

    @Test
    void features_become_boolean_options_and_the_tree_explains_itself() {
        SolutionSpace s = loaded(
                """
                namespace Car
                features
                \tCar {abstract}
                \t\tmandatory
                \t\t\tEngine
                \t\t\t\talternative
                \t\t\t\t\tDiesel
                \t\t\t\t\tPetrol
                \t\toptional
                \t\t\t"Tow bar" {price 120.5, note "Only for heavy cars", nested {a 1, b true}}
                constraints
                \t"Tow bar" => Diesel
                """);
        assertThat(s.options())
                .extracting(Option::name)
                .containsExactly("Car", "Engine", "Diesel", "Petrol", "Tow bar");
        assertThat(s.rules())
                .extracting(Rule::id)
                .containsExactly("root:Car", "tree:Car", "tree:Engine", "constraint 1");
        assertThat(s.rules().get(2).explanation()).isEqualTo("Engine requires exactly one of Diesel, Petrol");
        assertThat(s.rules().get(3).explanation()).isEqualTo("\"Tow bar\" => Diesel");
        assertThat(s.rules().get(3).source()).isEqualTo("m.uvl:12:2");
        assertThat(count(s)).isEqualTo(BigInteger.valueOf(3));
    }

    @Test
    void spaces_work_as_indentation_too() {
        SolutionSpace s = loaded("features\n  R\n    or\n      A\n      B\n");
        assertThat(count(s)).isEqualTo(BigInteger.valueOf(3));
    }

    @ParameterizedTest(name = "[{0}..{1}] of {2}")
    @CsvSource({"2,3,5", "0,1,6", "1,1,12", "3,3,4", "5,7,14", "2,*,6", "4,*,13", "9,12,13", "0,0,3"})
    void group_cardinalities_allow_exactly_the_subsets_of_the_right_size(String lo, String hi, int k) {
        StringBuilder uvl = new StringBuilder(
                "features\n\tR\n\t\toptional\n\t\t\tP\n\t\t\t\t[" + lo + (hi.equals(lo) ? "" : ".." + hi) + "]\n");
        for (int i = 0; i < k; i++) {
            uvl.append("\t\t\t\t\tC").append(i).append('\n');
        }
        SolutionSpace s = loaded(uvl.toString());
        int min = Integer.parseInt(lo);
        int max = hi.equals("*") ? k : Math.min(k, Integer.parseInt(hi));
        BigInteger expected = BigInteger.ONE; // P not selected: all children off
        for (int j = min; j <= max; j++) {
            expected = expected.add(binomial(k, j));
        }
        assertThat(count(s)).as("models of the CNF, auxiliaries included").isEqualTo(expected);
        if (k <= 12) {
            int n = k;
            long projected = projectedCount(s, v -> {
                int on = 0;
                for (int i = 0; i < n; i++) {
                    on += v[2 + i] ? 1 : 0;
                }
                boolean p = v[1];
                return v[0] && (p ? on >= min && on <= max : on == 0);
            });
            assertThat(BigInteger.valueOf(projected)).isEqualTo(expected);
        }
    }

    @Test
    void single_number_and_star_cardinalities_parse() {
        assertThat(count(loaded("features\n\tR\n\t\t[2]\n\t\t\tA\n\t\t\tB\n\t\t\tC\n")))
                .isEqualTo(BigInteger.valueOf(3));
        assertThat(count(loaded("features\n\tR\n\t\t[*]\n\t\t\tA\n\t\t\tB\n"))).isEqualTo(BigInteger.valueOf(4));
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            r = r.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return r;
    }

    @Test
    void large_constraints_use_defined_auxiliaries_and_keep_their_meaning() {
        String[] f = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N"};
        StringBuilder uvl = new StringBuilder("features\n\tR\n\t\toptional\n");
        for (String x : f) {
            uvl.append("\t\t\t").append(x).append('\n');
        }
        uvl.append("constraints\n\t(A & B & C & D) | (E & F & G & H) | (I & J & !K & L) | (M <=> !N)\n");
        uvl.append("\t!(A & E) | (B => (C <=> (D | !F)))\n");
        SolutionSpace s = loaded(uvl.toString());
        assertThat(s.cnf().variableCount())
                .as("auxiliaries were needed")
                .isGreaterThan(s.options().size());
        long projected = projectedCount(s, v -> {
            boolean a = v[1], b = v[2], c = v[3], d = v[4], e = v[5], ff = v[6], g = v[7], h = v[8];
            boolean i = v[9], j = v[10], k = v[11], l = v[12], m = v[13], n = v[14];
            boolean c1 = (a && b && c && d) || (e && ff && g && h) || (i && j && !k && l) || (m == !n);
            boolean c2 = !(a && e) || (!b || (c == (d || !ff)));
            return v[0] && c1 && c2;
        });
        assertThat(count(s)).as("auxiliaries are fully defined").isEqualTo(BigInteger.valueOf(projected));
    }

    @Test
    void numeric_constraints_and_typed_features_are_warnings_not_silently_dropped() {
        LoadResult r = UvlReader.parse(
                "m.uvl",
                """
                features
                \tShop
                \t\toptional
                \t\t\tA {price 10}
                \t\t\tB {price 20}
                \t\t\tInteger Quantity
                \t\t\tString Label
                constraints
                \tsum(price) < 25
                \tA.price + B.price * 2 > Quantity & len(Label) <= 3
                \tA => B
                """);
        assertThat(r).isInstanceOf(LoadResult.Loaded.class);
        LoadResult.Loaded l = (LoadResult.Loaded) r;
        assertThat(l.warnings())
                .extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("Integer feature 'Quantity'"))
                .anySatisfy(m -> assertThat(m).contains("constraint 1").contains("not enforced"))
                .anySatisfy(m -> assertThat(m).contains("constraint 2").contains("not enforced"));
        assertThat(l.warnings())
                .filteredOn(w -> w.message().startsWith("constraint"))
                .extracting(Diagnostic::line)
                .containsExactly(9, 10);
        assertThat(l.space().rules())
                .extracting(Rule::id)
                .contains("constraint 3")
                .doesNotContain("constraint 1");
    }

    @Test
    void imports_are_grafted_under_their_alias(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("parts"));
        Files.writeString(
                dir.resolve("parts/Wheel.uvl"),
                """
                namespace Wheel
                features
                \tWheel
                \t\talternative
                \t\t\tSteel
                \t\t\tAlloy
                constraints
                \tAlloy => Wheel
                """);
        Files.writeString(
                dir.resolve("Car.uvl"),
                """
                imports
                \tparts.Wheel as w
                features
                \tCar
                \t\tmandatory
                \t\t\tw.Wheel
                constraints
                \tw.Alloy => Car
                """);
        LoadResult r = UvlReader.read(dir.resolve("Car.uvl"));
        assertThat(r).isInstanceOf(LoadResult.Loaded.class);
        SolutionSpace s = ((LoadResult.Loaded) r).space();
        assertThat(s.options()).extracting(Option::name).containsExactly("Car", "w.Wheel", "w.Steel", "w.Alloy");
        assertThat(count(s)).isEqualTo(BigInteger.TWO);

        Files.writeString(dir.resolve("Bad.uvl"), "imports\n\tparts.Wheeel as w\nfeatures\n\tCar\n");
        Diagnostic d = ((LoadResult.Failed) UvlReader.read(dir.resolve("Bad.uvl")))
                .errors()
                .get(0);
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.column()).isEqualTo(2);
        assertThat(d.message()).contains("cannot resolve import 'parts.Wheeel'");
        assertThat(d.maybe()).contains("'Wheel'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            unknown feature in a constraint | features\\n\\tCar\\n\\t\\toptional\\n\\t\\t\\tDiesel\\nconstraints\\n\\tCar => Deisel\\n | 6 | 9 | unknown feature 'Deisel' | 'Diesel'
            bad indentation                 | features\\n\\tCar\\n\\t\\toptional\\n\\t\\t\\tA\\n\\t\\t  B\\n          | 5 | 5 | bad indentation | line 4
            unclosed brace                  | features\\n\\tCar {abstract, price 3\\n\\t\\toptional\\n\\t\\t\\tA\\n | 2 | 6 | unclosed '{' | '}'
            unknown group keyword           | features\\n\\tCar\\n\\t\\toptinal\\n\\t\\t\\tA\\n                | 3 | 3 | unknown group keyword 'optinal' | 'optional'
            feature directly under feature  | features\\n\\tCar\\n\\t\\tWheel\\n                              | 3 | 3 | unknown group keyword 'Wheel' | own line above
            unknown section                 | features\\n\\tCar\\nconstrains\\n\\tCar\\n                      | 3 | 1 | unknown section 'constrains' | 'constraints'
            missing operand                 | features\\n\\tCar\\nconstraints\\n\\tCar & => Car\\n             | 4 | 8 | expected a feature | operand is missing
            unclosed parenthesis            | features\\n\\tCar\\nconstraints\\n\\t(Car & Car\\n             | 4 | 2 | unclosed '(' | ')'
            single equals                   | features\\n\\tCar\\nconstraints\\n\\tCar = Car\\n              | 4 | 6 | '=' is not an operator | '=='
            two root features               | features\\n\\tCar\\n\\tBike\\n                               | 3 | 2 | a second root feature 'Bike' | indent this one
            duplicate feature               | features\\n\\tCar\\n\\t\\toptional\\n\\t\\t\\tA\\n\\t\\t\\tA\\n     | 5 | 4 | feature 'A' is declared twice | line 4
            feature cardinality             | features\\n\\tCar\\n\\t\\toptional\\n\\t\\t\\tSeat cardinality [1..4]\\n | 4 | 9 | feature cardinality | separate features
            reversed group bounds           | features\\n\\tCar\\n\\t\\t[3..1]\\n\\t\\t\\tA\\n                 | 3 | 3 | bounds reversed | [1..3]
            unresolvable import as text     | imports\\n\\tlib.Seats\\nfeatures\\n\\tCar\\n                  | 2 | 2 | cannot resolve import 'lib.Seats' | UvlReader.read
            unclosed quote                  | features\\n\\t"Car\\n                                        | 2 | 2 | unclosed quote | same line
            no features                     | namespace X\\n                                               | 0 | 0 | no 'features' section | add 'features'
            """)
    void malformed_models_fail_with_line_column_and_a_maybe(
            String what, String text, int line, int column, String message, String maybe) {
        Diagnostic d = failure(text.replace("\\n", "\n").replace("\\t", "\t"));
        assertThat(d.message()).as(what).contains(message);
        assertThat(d.line()).as(what + ": " + d.format()).isEqualTo(line);
        assertThat(d.column()).as(what + ": " + d.format()).isEqualTo(column);
        assertThat(d.maybe()).as(what).contains(maybe);
        assertThat(d.format()).contains("\nMaybe ");
    }

    @Test
    void random_mutations_of_a_model_never_throw() {
        String base = "namespace P\nfeatures\n\tP {abstract}\n\t\tmandatory\n\t\t\tT\n\t\t\t\tor\n\t\t\t\t\tS\n"
                + "\t\t\t\t\tH\n\t\toptional\n\t\t\tC {x 1}\nconstraints\n\tC => S & !(H | T)\n";
        String alphabet = "\t\n {}()[]\"'.!&|=<>*-0123456789abc";
        long seed = 99L;
        Random random = new Random(seed);
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder(base);
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                int at = random.nextInt(sb.length());
                if (random.nextBoolean()) {
                    sb.deleteCharAt(at);
                } else {
                    sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String text = sb.toString();
            LoadResult r = UvlReader.parse("m.uvl", text);
            if (r instanceof LoadResult.Failed f) {
                assertThat(f.errors()).as("seed %d case %d:%n%s", seed, i, text).allSatisfy(d -> assertThat(d.maybe())
                        .isNotBlank());
            }
        }
    }

    @Test
    void constraint_numbers_follow_the_file_and_clauses_carry_their_rule() {
        SolutionSpace s = loaded("features\n\tR\n\t\toptional\n\t\t\tA\n\t\t\tB\nconstraints\n\tA => B\n\tB => A\n");
        List<Rule> rules = s.rules();
        int c2 = rules.indexOf(rules.stream()
                .filter(r -> r.id().equals("constraint 2"))
                .findFirst()
                .orElseThrow());
        boolean tagged = false;
        for (int i = 0; i < s.cnf().clauseCount(); i++) {
            if (s.cnf().ruleOf(i) == c2) {
                assertThat(s.cnf().clause(i)).containsExactlyInAnyOrder(-3, 2);
                tagged = true;
            }
        }
        assertThat(tagged).isTrue();
    }
}
