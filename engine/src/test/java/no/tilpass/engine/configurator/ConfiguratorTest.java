package no.tilpass.engine.configurator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.OptionKind;
import no.tilpass.engine.space.Rule;
import no.tilpass.engine.space.SolutionSpace;
import no.tilpass.engine.testsupport.OneHot;
import org.junit.jupiter.api.Test;

class ConfiguratorTest {

    /** A random space: boolean options and one-hot enum options, plus random rule clauses. */
    private static SolutionSpace randomSpace(Random random) {
        List<Option> options = new ArrayList<>();
        List<int[]> clauses = new ArrayList<>();
        List<Integer> ruleOf = new ArrayList<>();
        int variables = 0;
        int optionCount = 3 + random.nextInt(6);
        for (int o = 0; o < optionCount && variables < 14; o++) {
            if (random.nextInt(3) == 0) {
                int size = 2 + random.nextInt(3);
                int[] lits = new int[size];
                List<String> values = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    lits[i] = ++variables;
                    values.add("v" + i);
                }
                options.add(new Option("e" + o, OptionKind.ENUM, values, lits, new int[0], -1));
                OneHot.exactlyOne(lits, clauses, ruleOf);
            } else {
                options.add(Option.bool("b" + o, ++variables, -1));
            }
        }
        int rules = random.nextInt(variables * 2 + 1);
        List<Rule> ruleList = new ArrayList<>();
        for (int r = 0; r < rules; r++) {
            int width = 1 + random.nextInt(3);
            int[] clause = new int[width];
            for (int k = 0; k < width; k++) {
                int v = 1 + random.nextInt(variables);
                clause[k] = random.nextBoolean() ? v : -v;
            }
            clauses.add(clause);
            ruleOf.add(ruleList.size());
            ruleList.add(new Rule("R" + r, "rule " + r, Arrays.toString(clause), ""));
        }
        return new SolutionSpace("random", options, ruleList, Cnf.of(variables, clauses, ruleOf));
    }

    /** Brute-force oracle: the valid domains, or null when no configuration satisfies the decisions. */
    private static List<int[]> oracle(SolutionSpace space, int[] decisions) {
        int n = space.cnf().variableCount();
        List<Option> options = space.options();
        boolean[][] valid = new boolean[options.size()][];
        for (int o = 0; o < options.size(); o++) {
            valid[o] = new boolean[options.get(o).valueCount()];
        }
        boolean any = false;
        for (long a = 0; a < (1L << n); a++) {
            if (!holds(a, decisions) || !satisfiesCnf(space.cnf(), a)) {
                continue;
            }
            any = true;
            for (int o = 0; o < options.size(); o++) {
                for (int i = 0; i < options.get(o).valueCount(); i++) {
                    if (holds(a, options.get(o).literal(i))) {
                        valid[o][i] = true;
                    }
                }
            }
        }
        if (!any) {
            return null;
        }
        List<int[]> result = new ArrayList<>();
        for (int o = 0; o < options.size(); o++) {
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < valid[o].length; i++) {
                if (valid[o][i]) {
                    values.add(i);
                }
            }
            result.add(values.stream().mapToInt(Integer::intValue).toArray());
        }
        return result;
    }

    private static boolean holds(long assignment, int... literals) {
        for (int lit : literals) {
            boolean value = (assignment & (1L << (Math.abs(lit) - 1))) != 0;
            if (value != lit > 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean satisfiesCnf(Cnf cnf, long assignment) {
        for (int[] clause : cnf.clauses()) {
            boolean sat = false;
            for (int lit : clause) {
                if (holds(assignment, lit)) {
                    sat = true;
                    break;
                }
            }
            if (!sat) {
                return false;
            }
        }
        return true;
    }

    @Test
    void domains_equal_brute_force_on_random_sessions_with_additions_and_retractions() {
        randomSessionsAgreeWithBruteForce(32);
    }

    @Test
    void domains_and_alternatives_from_the_decision_diagram_equal_brute_force_on_random_sessions() {
        randomSessionsAgreeWithBruteForce(32, true);
    }

    @Test
    void domains_equal_brute_force_when_every_untested_value_goes_through_group_calls() {
        randomSessionsAgreeWithBruteForce(1);
    }

    @Test
    void domains_equal_brute_force_when_every_group_call_skips_literals_that_fail_by_propagation() {
        randomSessionsAgreeWithBruteForce(1, 0);
    }

    private static void randomSessionsAgreeWithBruteForce(int groupMinimum) {
        randomSessionsAgreeWithBruteForce(groupMinimum, Integer.MAX_VALUE, false);
    }

    private static void randomSessionsAgreeWithBruteForce(int groupMinimum, int skipAbove) {
        randomSessionsAgreeWithBruteForce(groupMinimum, skipAbove, false);
    }

    private static void randomSessionsAgreeWithBruteForce(int groupMinimum, boolean diagram) {
        randomSessionsAgreeWithBruteForce(groupMinimum, Integer.MAX_VALUE, diagram);
    }

    private static void randomSessionsAgreeWithBruteForce(int groupMinimum, int skipAbove, boolean diagram) {
        int consistent = 0;
        int inconsistent = 0;
        long overlaid = 0;
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            SolutionSpace space = randomSpace(random);
            Configurator configurator = new Configurator(space, groupMinimum, diagram);
            assertThat(configurator.usesDiagram()).as("seed " + seed).isEqualTo(diagram);
            configurator.skipFailingAbove(skipAbove);
            List<Decision> decisions = new ArrayList<>();
            for (int step = 0; step < 12; step++) {
                String context =
                        "group minimum " + groupMinimum + " seed " + seed + " step " + step + " decisions " + decisions;
                Resolution resolution = Configurator.resolve(space, decisions);
                assertThat(resolution).as(context).isInstanceOf(Resolution.Resolved.class);
                int[] literals = ((Resolution.Resolved) resolution).literals();
                DomainResult result = configurator.domains(decisions);
                List<int[]> expected = oracle(space, literals);
                if (expected == null) {
                    inconsistent++;
                    assertThat(result).as(context).isInstanceOf(DomainResult.Inconsistent.class);
                    List<Integer> core = ((DomainResult.Inconsistent) result).conflicting();
                    int[] coreLiterals =
                            core.stream().mapToInt(i -> literals[i]).toArray();
                    assertThat(oracle(space, coreLiterals))
                            .as(context + " core " + core)
                            .isNull();
                    if (decisions.isEmpty()) {
                        break; // the rules themselves are unsatisfiable
                    }
                    decisions.remove(random.nextInt(decisions.size()));
                    continue;
                }
                consistent++;
                assertThat(result).as(context).isInstanceOf(DomainResult.Consistent.class);
                DomainResult.Consistent domains = (DomainResult.Consistent) result;
                assertThat(domains.alternativesKnown()).as(context).isEqualTo(diagram);
                for (int o = 0; o < expected.size(); o++) {
                    assertThat(domains.valid(o)).as(context + " option " + o).containsExactly(expected.get(o));
                    String name = space.options().get(o).name();
                    if (diagram) {
                        int[] others = decisions.stream()
                                .filter(d -> !d.option().equals(name))
                                .mapToInt(d -> {
                                    Option option = space.option(d.option()).orElseThrow();
                                    return option.literal(option.indexOf(d.value()));
                                })
                                .toArray();
                        assertThat(domains.alternatives(o))
                                .as(context + " alternatives of option " + o)
                                .containsExactly(oracle(space, others).get(o));
                    }
                    boolean isDecided =
                            decisions.stream().anyMatch(d -> d.option().equals(name));
                    assertThat(domains.states().get(o))
                            .as(context + " option " + o)
                            .isEqualTo(
                                    isDecided
                                            ? DomainResult.OptionState.DECIDED
                                            : expected.get(o).length == 1
                                                    ? DomainResult.OptionState.FORCED
                                                    : DomainResult.OptionState.OPEN);
                }
                int move = random.nextInt(10);
                if (move == 0 && !decisions.isEmpty()) {
                    decisions.remove(random.nextInt(decisions.size()));
                } else {
                    // any value of an undecided option, valid or not, so that conflicts happen too
                    List<Option> open = space.options().stream()
                            .filter(o ->
                                    decisions.stream().noneMatch(d -> d.option().equals(o.name())))
                            .toList();
                    if (open.isEmpty()) {
                        break;
                    }
                    Option option = open.get(random.nextInt(open.size()));
                    int[] valid = expected.get(space.options().indexOf(option));
                    int value = random.nextInt(4) == 0
                            ? random.nextInt(option.valueCount())
                            : valid[random.nextInt(valid.length)];
                    decisions.add(new Decision(option.name(), option.values().get(value)));
                }
            }
            overlaid += configurator.overlaidModels();
        }
        System.out.println("random sessions: " + consistent + " consistent, " + inconsistent + " inconsistent steps, "
                + overlaid + " models completed by overlay");
        assertThat(consistent).isGreaterThan(1000);
        assertThat(inconsistent).isGreaterThan(100);
        if (!diagram) {
            assertThat(overlaid).as("models completed by overlay").isGreaterThan(0);
        }
    }

    @Test
    void forced_values_are_the_undecided_options_with_one_valid_value() {
        Option a = Option.bool("a", 1, -1);
        Option b = Option.bool("b", 2, -1);
        Option c = Option.bool("c", 3, -1);
        SolutionSpace space = new SolutionSpace(
                "tiny",
                List.of(a, b, c),
                List.of(new Rule("R1", "a needs b", "a needs b", "")),
                Cnf.of(3, List.of(new int[] {-1, 2}), List.of(0)));
        Configurator configurator = new Configurator(space);
        DomainResult.Consistent before = (DomainResult.Consistent) configurator.domains(List.of());
        assertThat(before.forcedCount()).isZero();
        DomainResult.Consistent after =
                (DomainResult.Consistent) configurator.domains(List.of(new Decision("a", "true")));
        assertThat(after.decided(0)).isTrue();
        assertThat(after.valid(1)).containsExactly(0);
        assertThat(after.forced(1)).isTrue();
        assertThat(after.valid(2)).containsExactly(0, 1);
        assertThat(after.forcedCount()).isEqualTo(1);
        DomainResult conflict = configurator.domains(
                List.of(new Decision("c", "true"), new Decision("a", "true"), new Decision("b", "false")));
        assertThat(conflict).isInstanceOf(DomainResult.Inconsistent.class);
        DomainResult.Inconsistent inconsistent = (DomainResult.Inconsistent) conflict;
        assertThat(inconsistent.conflicting()).containsExactly(1, 2);
        assertThat(inconsistent.problems())
                .singleElement()
                .asString()
                .contains("'a=true', 'b=false'")
                .contains("Maybe ");
    }

    @Test
    void resolve_names_unknown_options_and_values_and_repeated_decisions_with_the_nearest_names() {
        List<Option> options = List.of(
                Option.bool("width", 1, -1),
                Option.bool("height", 2, -1),
                new Option("glass", OptionKind.ENUM, List.of("clear", "frosted"), new int[] {3, 4}, new int[0], -1));
        SolutionSpace space = new SolutionSpace(
                "window", options, List.of(), Cnf.of(4, List.of(new int[] {3, 4}), List.of(Cnf.STRUCTURAL)));
        Resolution resolution = Configurator.resolve(
                space,
                List.of(
                        new Decision("widht", "true"),
                        new Decision("glass", "frostd"),
                        new Decision("height", "true"),
                        new Decision("height", "false"),
                        new Decision("glass", "xyzzy-blue"),
                        new Decision("qqqqqqqq", "true")));
        assertThat(resolution).isInstanceOf(Resolution.Invalid.class);
        Resolution.Invalid invalid = (Resolution.Invalid) resolution;
        assertThat(invalid.decisions()).containsExactly(0, 1, 3, 4, 5);
        List<String> problems = invalid.problems();
        assertThat(problems.get(0)).contains("unknown option 'widht'").endsWith("Maybe you meant 'width'.");
        assertThat(problems.get(1))
                .contains("option 'glass' has no value 'frostd'")
                .endsWith("Maybe you meant 'frosted'.");
        assertThat(problems.get(2))
                .contains("'height' is already decided by decision 3")
                .endsWith("Maybe keep only one decision on 'height'.");
        assertThat(problems.get(3)).endsWith("Maybe use one of 'clear', 'frosted'.");
        assertThat(problems.get(4)).contains("unknown option 'qqqqqqqq'").contains("Maybe check the spelling");
        assertThat(problems).allSatisfy(p -> assertThat(p.lines().toList()).hasSize(2));
        DomainResult rejected = new Configurator(space).domains(List.of(new Decision("widht", "true")));
        assertThat(rejected).isEqualTo(new DomainResult.Inconsistent(List.of(0), List.of(problems.get(0))));
        assertThat(Configurator.resolve(space, List.of(new Decision("glass", "clear"), new Decision("width", "false"))))
                .isEqualTo(new Resolution.Resolved(new int[] {3, -1}));
    }
}
