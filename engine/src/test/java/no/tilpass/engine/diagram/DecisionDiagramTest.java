package no.tilpass.engine.diagram;

import static no.tilpass.engine.testsupport.Literals.plus;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import no.tilpass.engine.counting.ModelCounter;
import no.tilpass.engine.load.ModelFiles;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.LoadResult;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.OptionKind;
import no.tilpass.engine.space.Rule;
import no.tilpass.engine.space.SolutionSpace;
import no.tilpass.engine.testsupport.BruteForce;
import no.tilpass.engine.testsupport.OneHot;
import org.junit.jupiter.api.Test;

class DecisionDiagramTest {

    /**
     * A random space: booleans and one-hot enums (2 to 5 values, so value counts that are not powers of
     * two), soft defaults, auxiliary variables defined by equivalences over option literals, and random
     * rule clauses over option and auxiliary literals.
     */
    private static SolutionSpace randomSpace(Random random) {
        List<Option> options = new ArrayList<>();
        List<int[]> clauses = new ArrayList<>();
        List<Integer> ruleOf = new ArrayList<>();
        List<Integer> optionLiterals = new ArrayList<>();
        int variables = 0;
        int optionCount = 3 + random.nextInt(5);
        for (int o = 0; o < optionCount && variables < 12; o++) {
            if (random.nextInt(2) == 0) {
                int size = 2 + random.nextInt(4);
                int[] lits = new int[size];
                List<String> values = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    lits[i] = ++variables;
                    values.add("v" + i);
                    optionLiterals.add(lits[i]);
                }
                int defaultIndex = random.nextInt(3) == 0 ? -1 : random.nextInt(size);
                options.add(new Option("e" + o, OptionKind.ENUM, values, lits, new int[0], defaultIndex));
                OneHot.exactlyOne(lits, clauses, ruleOf);
            } else {
                int v = ++variables;
                optionLiterals.add(v);
                options.add(Option.bool("b" + o, v, random.nextInt(3) == 0 ? -1 : random.nextInt(2)));
            }
        }
        List<Integer> usable = new ArrayList<>(optionLiterals);
        int auxiliaries = random.nextInt(4);
        for (int t = 0; t < auxiliaries; t++) {
            int aux = ++variables;
            int a = signed(random, usable.get(random.nextInt(usable.size())));
            int b = signed(random, usable.get(random.nextInt(usable.size())));
            if (random.nextBoolean()) { // aux <-> a and b
                clauses.add(new int[] {-aux, a});
                clauses.add(new int[] {-aux, b});
                clauses.add(new int[] {aux, -a, -b});
            } else { // aux <-> a or b
                clauses.add(new int[] {aux, -a});
                clauses.add(new int[] {aux, -b});
                clauses.add(new int[] {-aux, a, b});
            }
            ruleOf.addAll(List.of(Cnf.STRUCTURAL, Cnf.STRUCTURAL, Cnf.STRUCTURAL));
            usable.add(aux);
        }
        int rules = random.nextInt(variables + 2);
        List<Rule> ruleList = new ArrayList<>();
        for (int r = 0; r < rules; r++) {
            int width = 1 + random.nextInt(3);
            int[] clause = new int[width];
            for (int k = 0; k < width; k++) {
                clause[k] = signed(random, usable.get(random.nextInt(usable.size())));
            }
            clauses.add(clause);
            ruleOf.add(ruleList.size());
            ruleList.add(new Rule("R" + r, "rule " + r, Arrays.toString(clause), ""));
        }
        return new SolutionSpace("random", options, ruleList, Cnf.of(variables, clauses, ruleOf));
    }

    private static int signed(Random random, int variable) {
        return random.nextBoolean() ? variable : -variable;
    }

    /** Brute force: every model of the CNF under {@code literals}. */
    private static List<Long> models(BruteForce all, int... literals) {
        return all.models().stream().filter(m -> BruteForce.all(m, literals)).toList();
    }

    /** Brute force: per option the values some model under {@code literals} has; null when none. */
    private static List<int[]> valid(SolutionSpace space, BruteForce all, int... literals) {
        List<Long> models = models(all, literals);
        if (models.isEmpty()) {
            return null;
        }
        List<int[]> out = new ArrayList<>();
        for (Option option : space.options()) {
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < option.valueCount(); i++) {
                int lit = option.literal(i);
                if (models.stream().anyMatch(a -> BruteForce.holds(a, lit))) {
                    values.add(i);
                }
            }
            out.add(values.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /** Random decisions: one value literal for some options, valid or not. */
    private static int[] randomDecisions(SolutionSpace space, Random random) {
        List<Integer> out = new ArrayList<>();
        for (Option option : space.options()) {
            if (random.nextInt(3) == 0) {
                out.add(option.literal(random.nextInt(option.valueCount())));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void alternatives_are_the_values_valid_under_the_decisions_on_the_other_options() {
        int checked = 0;
        for (int seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            SolutionSpace space = randomSpace(random);
            DecisionDiagram diagram = DecisionDiagram.compile(space, 100_000).orElseThrow();
            BruteForce all = new BruteForce(space);
            for (int round = 0; round < 5; round++) {
                int[] decisions = randomDecisions(space, random);
                String context = "seed " + seed + " decisions " + Arrays.toString(decisions);
                Optional<List<int[]>> answer = diagram.alternatives(decisions);
                Optional<DecisionDiagram.Answer> both = diagram.analyse(decisions);
                if (valid(space, all, decisions) == null) {
                    assertThat(answer).as(context).isEmpty();
                    assertThat(both).as(context).isEmpty();
                    continue;
                }
                assertThat(answer).as(context).isPresent();
                assertThat(both).as(context).isPresent();
                assertThat(both.get().completion())
                        .as(context)
                        .containsExactly(diagram.complete(decisions).orElseThrow());
                for (int o = 0; o < space.options().size(); o++) {
                    assertThat(both.get().alternatives().get(o))
                            .as(context)
                            .containsExactly(answer.get().get(o));
                }
                for (int o = 0; o < space.options().size(); o++) {
                    Option option = space.options().get(o);
                    int[] others = Arrays.stream(decisions)
                            .filter(lit ->
                                    Arrays.stream(option.literals()).noneMatch(l -> Math.abs(l) == Math.abs(lit)))
                            .toArray();
                    assertThat(answer.get().get(o))
                            .as(context + " option " + option.name())
                            .containsExactly(valid(space, all, others).get(o));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(2000);
    }

    @Test
    void counts_equal_brute_force_under_random_decisions() {
        for (int seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            SolutionSpace space = randomSpace(random);
            DecisionDiagram diagram = DecisionDiagram.compile(space, 100_000).orElseThrow();
            int[] decisions = randomDecisions(space, random);
            assertThat(diagram.count(decisions))
                    .as("seed " + seed + " decisions " + Arrays.toString(decisions))
                    .isEqualTo(BigInteger.valueOf(
                            models(new BruteForce(space), decisions).size()));
        }
    }

    @Test
    void a_completion_keeps_exactly_the_defaults_a_greedy_pass_in_option_order_keeps() {
        int kept = 0;
        int yielded = 0;
        for (int seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            SolutionSpace space = randomSpace(random);
            DecisionDiagram diagram = DecisionDiagram.compile(space, 100_000).orElseThrow();
            BruteForce all = new BruteForce(space);
            int[] decisions = randomDecisions(space, random);
            String context = "seed " + seed + " decisions " + Arrays.toString(decisions);
            Optional<int[]> completion = diagram.complete(decisions);
            if (valid(space, all, decisions) == null) {
                assertThat(completion).as(context).isEmpty();
                continue;
            }
            assertThat(completion).as(context).isPresent();
            int[] chosen = completion.get();
            int[] literals = new int[chosen.length];
            for (int o = 0; o < chosen.length; o++) {
                literals[o] = space.options().get(o).literal(chosen[o]);
            }
            assertThat(models(all, literals))
                    .as(context + " completion is valid")
                    .isNotEmpty();
            assertThat(BruteForce.all(models(all, literals).get(0), decisions))
                    .as(context + " completion keeps the decisions")
                    .isTrue();
            int[] greedy = decisions;
            for (int o = 0; o < chosen.length; o++) {
                Option option = space.options().get(o);
                boolean decided = Arrays.stream(decisions)
                        .anyMatch(lit -> Arrays.stream(option.literals()).anyMatch(l -> Math.abs(l) == Math.abs(lit)));
                if (decided || option.defaultIndex() < 0) {
                    continue;
                }
                int d = option.literal(option.defaultIndex());
                boolean keep = !models(all, plus(greedy, d)).isEmpty();
                if (keep) {
                    greedy = plus(greedy, d);
                    kept++;
                } else {
                    yielded++;
                }
                assertThat(chosen[o] == option.defaultIndex())
                        .as(context + " default of " + option.name())
                        .isEqualTo(keep);
            }
        }
        assertThat(kept).isGreaterThan(100);
        assertThat(yielded).isGreaterThan(10);
    }

    private static SolutionSpace shipped(String file) {
        Path path = Path.of(System.getProperty("tilpass.root", ".."))
                .resolve("models")
                .resolve(file);
        return ((LoadResult.Loaded) ModelFiles.load(path)).space();
    }

    @Test
    void every_shipped_product_compiles_to_a_diagram_whose_count_equals_the_component_counter() {
        for (String file : List.of("chair.tpm", "fittings.tpm")) {
            SolutionSpace space = shipped(file);
            DecisionDiagram diagram = DecisionDiagram.of(space).orElseThrow();
            assertThat(diagram.count(new int[0])).as(file).isEqualTo(ModelCounter.count(space.cnf()));
            Option first = space.options().get(0);
            int[] decision = {first.literal(first.valueCount() - 1)};
            assertThat(diagram.count(decision)).as(file).isEqualTo(ModelCounter.count(space.cnf(), decision));
        }
        for (String file : List.of("window.tpm", "door.tpm")) {
            // Too many configurations for the component counter in a unit test; the diagram must exist
            // (the platform's configurator relies on it) and agree with itself option by option.
            SolutionSpace space = shipped(file);
            DecisionDiagram diagram = DecisionDiagram.of(space).orElseThrow();
            BigInteger total = diagram.count(new int[0]);
            Option first = space.options().get(0);
            BigInteger sum = BigInteger.ZERO;
            for (int i = 0; i < first.valueCount(); i++) {
                sum = sum.add(diagram.count(new int[] {first.literal(i)}));
            }
            assertThat(sum).as(file).isEqualTo(total).isPositive();
        }
    }
}
