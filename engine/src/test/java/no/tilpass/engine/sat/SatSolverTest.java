package no.tilpass.engine.sat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SatSolverTest {

    private static SatSolver load(int variables, List<int[]> clauses) {
        SatSolver solver = new SatSolver(variables);
        for (int[] clause : clauses) {
            solver.addClause(clause);
        }
        return solver;
    }

    private static int[] randomAssumptions(Random random, int variables) {
        int count = random.nextInt(5);
        int[] result = new int[count];
        for (int i = 0; i < count; i++) {
            int v = 1 + random.nextInt(variables);
            result[i] = random.nextBoolean() ? v : -v;
        }
        return result;
    }

    @Test
    void answers_agree_with_brute_force_on_random_3sat_near_the_threshold() {
        for (int seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            int n = 5 + random.nextInt(seed % 20 == 0 ? 16 : 10);
            List<int[]> clauses = BruteForce.random3Sat(random, n, (int) Math.round(n * 4.26));
            SatSolver solver = load(n, clauses);
            SatResult result = solver.solve();
            boolean expected = new BruteForce(n, clauses).satisfiable();
            assertThat(result)
                    .as("seed %d", seed)
                    .isEqualTo(expected ? SatResult.SATISFIABLE : SatResult.UNSATISFIABLE);
            if (expected) {
                int[] model = solver.model();
                assertThat(BruteForce.satisfiesAll(clauses, model))
                        .as("model satisfies, seed %d", seed)
                        .isTrue();
                for (int v = 1; v <= n; v++) {
                    assertThat(solver.value(model[v])).isTrue();
                    assertThat(solver.value(-model[v])).isFalse();
                }
            } else {
                assertThat(solver.failedAssumptions()).isEmpty();
            }
        }
    }

    @Test
    void assumptions_and_failed_assumption_cores_agree_with_brute_force() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(1000 + seed);
            int n = 5 + random.nextInt(11);
            assumptionsAgreeWithBruteForce(
                    seed, random, n, BruteForce.random3Sat(random, n, (int) Math.round(n * 3.6)));
        }
    }

    @Test
    void binary_and_long_clauses_together_agree_with_brute_force_under_assumptions() {
        // binary clauses propagate from their watch alone; clauses longer than 8 resume their watch search
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(5000 + seed);
            int n = 10 + random.nextInt(7);
            List<int[]> clauses = new ArrayList<>();
            int count = n * 2 + random.nextInt(n * 2);
            for (int i = 0; i < count; i++) {
                int kind = random.nextInt(10);
                int width = kind < 5 ? 2 : kind < 7 ? 3 : 9 + random.nextInt(n - 8);
                int[] clause = new int[width];
                for (int k = 0; k < width; k++) {
                    int v = 1 + random.nextInt(n);
                    clause[k] = random.nextBoolean() ? v : -v;
                }
                clauses.add(clause);
            }
            assumptionsAgreeWithBruteForce(seed, random, n, clauses);
        }
    }

    private static void assumptionsAgreeWithBruteForce(int seed, Random random, int n, List<int[]> clauses) {
        BruteForce oracle = new BruteForce(n, clauses);
        SatSolver solver = load(n, clauses);
        for (int round = 0; round < 10; round++) {
            int[] assumptions = randomAssumptions(random, n);
            SatResult result = solver.solve(assumptions);
            boolean expected = oracle.satisfiable(assumptions);
            String context = "seed " + seed + " round " + round + " assumptions " + Arrays.toString(assumptions);
            assertThat(result).as(context).isEqualTo(expected ? SatResult.SATISFIABLE : SatResult.UNSATISFIABLE);
            if (expected) {
                int[] model = solver.model();
                assertThat(BruteForce.satisfiesAll(clauses, model)).as(context).isTrue();
                for (int a : assumptions) {
                    assertThat(solver.value(a)).as(context).isTrue();
                }
            } else {
                int[] core = solver.failedAssumptions();
                Set<Integer> given = new LinkedHashSet<>();
                Arrays.stream(assumptions).forEach(given::add);
                for (int lit : core) {
                    assertThat(given).as(context).contains(lit);
                }
                assertThat(oracle.satisfiable(core))
                        .as(context + " core " + Arrays.toString(core))
                        .isFalse();
            }
        }
    }

    @Test
    void clauses_added_between_solves_are_respected() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(5000 + seed);
            int n = 6 + random.nextInt(10);
            List<int[]> all = BruteForce.random3Sat(random, n, n * 5);
            SatSolver solver = new SatSolver(n);
            List<int[]> added = new ArrayList<>();
            for (int[] clause : all) {
                boolean stillOk = solver.addClause(clause);
                added.add(clause);
                BruteForce oracle = new BruteForce(n, added);
                if (added.size() % 3 == 0 || !stillOk) {
                    int[] assumptions = randomAssumptions(random, n);
                    SatResult result = solver.solve(assumptions);
                    boolean expected = oracle.satisfiable(assumptions);
                    assertThat(result)
                            .as("seed %d after %d clauses", seed, added.size())
                            .isEqualTo(expected ? SatResult.SATISFIABLE : SatResult.UNSATISFIABLE);
                    if (expected) {
                        assertThat(BruteForce.satisfiesAll(added, solver.model()))
                                .as("seed %d", seed)
                                .isTrue();
                    }
                }
                if (!stillOk) {
                    assertThat(oracle.satisfiable()).as("seed %d", seed).isFalse();
                    assertThat(solver.solve()).isEqualTo(SatResult.UNSATISFIABLE);
                    assertThat(solver.failedAssumptions()).isEmpty();
                    break;
                }
            }
        }
    }

    @Test
    void propagation_returns_exactly_what_naive_unit_propagation_derives() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(9000 + seed);
            int n = 5 + random.nextInt(15);
            List<int[]> clauses = new ArrayList<>(BruteForce.random3Sat(random, n, n));
            for (int i = 0; i < n / 2; i++) {
                int a = 1 + random.nextInt(n);
                int b = 1 + random.nextInt(n);
                clauses.add(new int[] {random.nextBoolean() ? a : -a, random.nextBoolean() ? b : -b});
            }
            SatSolver solver = load(n, clauses);
            for (int round = 0; round < 6; round++) {
                int[] assumptions = randomAssumptions(random, n);
                int[] got = solver.propagate(assumptions);
                Set<Integer> expected = naivePropagate(clauses, assumptions);
                BruteForce oracle = new BruteForce(n, clauses);
                String context = "seed " + seed + " assumptions " + Arrays.toString(assumptions);
                if (expected == null) {
                    assertThat(got).as(context).isNull();
                } else if (got == null) {
                    // learnt clauses may find a conflict that naive propagation misses, never a wrong one
                    assertThat(oracle.satisfiable(assumptions)).as(context).isFalse();
                } else {
                    Set<Integer> gotSet = new LinkedHashSet<>();
                    Arrays.stream(got).forEach(gotSet::add);
                    assertThat(gotSet).as(context).containsAll(expected);
                    for (int lit : got) {
                        int[] refute = Arrays.copyOf(assumptions, assumptions.length + 1);
                        refute[assumptions.length] = -lit;
                        assertThat(oracle.satisfiable(refute))
                                .as(context + " entails " + lit)
                                .isFalse();
                    }
                    if (round == 0) {
                        assertThat(gotSet).as(context).isEqualTo(expected);
                    }
                }
                // solving afterwards still works
                assertThat(solver.solve(assumptions))
                        .isEqualTo(
                                new BruteForce(n, clauses).satisfiable(assumptions)
                                        ? SatResult.SATISFIABLE
                                        : SatResult.UNSATISFIABLE);
            }
        }
    }

    private static Set<Integer> naivePropagate(List<int[]> clauses, int[] assumptions) {
        Set<Integer> trueLits = new LinkedHashSet<>();
        for (int a : assumptions) {
            if (trueLits.contains(-a)) {
                return null;
            }
            trueLits.add(a);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] clause : clauses) {
                Set<Integer> open = new LinkedHashSet<>();
                boolean sat = false;
                for (int lit : clause) {
                    if (trueLits.contains(lit)) {
                        sat = true;
                        break;
                    }
                    if (!trueLits.contains(-lit)) {
                        open.add(lit);
                    }
                }
                if (sat) {
                    continue;
                }
                if (open.isEmpty()) {
                    return null;
                }
                if (open.size() == 1) {
                    int last = open.iterator().next();
                    trueLits.add(last);
                    changed = true;
                }
            }
        }
        return trueLits;
    }

    @Test
    void the_preferred_phase_decides_unconstrained_variables() {
        SatSolver solver = new SatSolver(12);
        solver.addClause(1, 2);
        for (int v = 1; v <= 12; v++) {
            solver.setPhase(v % 3 == 0 ? v : -v);
        }
        assertThat(solver.solve()).isEqualTo(SatResult.SATISFIABLE);
        for (int v = 3; v <= 12; v++) {
            assertThat(solver.value(v)).as("variable %d", v).isEqualTo(v % 3 == 0);
        }
        solver.setPhase(4);
        assertThat(solver.solve(-3)).isEqualTo(SatResult.SATISFIABLE);
        assertThat(solver.value(4)).isTrue();
        assertThat(solver.value(3)).isFalse();
    }

    @Test
    void prioritised_literals_are_decided_first_in_their_order_and_the_priority_ends_when_cleared() {
        SatSolver solver = new SatSolver(6);
        solver.addClause(-1, -2); // 1 and 2 exclude each other
        solver.addClause(-3, 4); // 3 needs 4
        for (int v = 1; v <= 6; v++) {
            solver.setPhase(-v);
        }
        solver.setDecisionPriority(2, 1, 3, 5);
        assertThat(solver.solve()).isEqualTo(SatResult.SATISFIABLE);
        assertThat(solver.value(2)).isTrue();
        assertThat(solver.value(1)).isFalse();
        assertThat(solver.value(3)).isTrue();
        assertThat(solver.value(4)).isTrue();
        assertThat(solver.value(5)).isTrue();
        assertThat(solver.value(6)).isFalse();
        solver.setDecisionPriority(1);
        assertThat(solver.solve(-1)).isEqualTo(SatResult.SATISFIABLE);
        assertThat(solver.value(1)).isFalse();
        solver.setDecisionPriority();
        assertThat(solver.solve()).isEqualTo(SatResult.SATISFIABLE);
        for (int v = 1; v <= 6; v++) {
            assertThat(solver.value(v)).as("variable %d", v).isFalse();
        }
    }

    @Test
    void completing_the_trail_with_the_last_model_keeps_answers_and_models_sound() {
        // as the configurator uses the solver: selector-guarded group clauses retired after each call,
        // priorities that skip failing literals, and every model overlaid on the one before
        long overlaid = 0;
        for (int seed = 0; seed < 400; seed++) {
            Random random = new Random(31_000 + seed);
            int n = 6 + random.nextInt(12);
            List<int[]> clauses = new ArrayList<>(
                    BruteForce.random3Sat(random, n, (int) Math.round(n * (1.5 + random.nextDouble() * 2.5))));
            for (int i = 0; i < n; i++) {
                int a = 1 + random.nextInt(n);
                int b = 1 + random.nextInt(n);
                clauses.add(new int[] {random.nextBoolean() ? a : -a, random.nextBoolean() ? b : -b});
            }
            SatSolver solver = load(n, clauses);
            solver.setOverlayCompletion(1 + random.nextInt(20));
            BruteForce base = new BruteForce(n, clauses);
            for (int round = 0; round < 12; round++) {
                if (random.nextInt(3) == 0) {
                    // a clause for good, which the last model may falsify with none of its variables changed
                    int[] clause = new int[2 + random.nextInt(2)];
                    for (int i = 0; i < clause.length; i++) {
                        int v = 1 + random.nextInt(n);
                        clause[i] = random.nextBoolean() ? v : -v;
                    }
                    solver.addClause(clause);
                    clauses.add(clause);
                    base = new BruteForce(n, clauses);
                }
                if (random.nextInt(3) == 0) {
                    // a reference given from outside: any model of the clauses, selectors false
                    long start = random.nextLong() & ((1L << n) - 1);
                    for (long k = 0; k < (1L << n); k++) {
                        long a = (start + k) & ((1L << n) - 1);
                        if (base.satisfies(a)) {
                            int[] reference = new int[n + 1];
                            for (int v = 1; v <= n; v++) {
                                reference[v] = (a & (1L << (v - 1))) != 0 ? v : -v;
                            }
                            solver.setReference(reference);
                            break;
                        }
                    }
                }
                int[] assumptions = randomAssumptions(random, n);
                String context = "seed " + seed + " round " + round + " assumptions " + Arrays.toString(assumptions);
                List<int[]> formula = clauses;
                int selector = 0;
                if (random.nextBoolean()) {
                    selector = solver.newVariable();
                    int[] group = new int[1 + random.nextInt(n)];
                    group[0] = -selector;
                    for (int i = 1; i < group.length; i++) {
                        int v = 1 + random.nextInt(n);
                        group[i] = random.nextBoolean() ? v : -v;
                    }
                    solver.addClause(group);
                    formula = new ArrayList<>(clauses);
                    formula.add(Arrays.copyOfRange(group, 1, group.length));
                    assumptions = Arrays.copyOf(assumptions, assumptions.length + 1);
                    assumptions[assumptions.length - 1] = selector;
                    solver.setDecisionPriority(random.nextBoolean(), Arrays.copyOfRange(group, 1, group.length));
                    context += " group " + Arrays.toString(group);
                }
                int[] userAssumptions =
                        selector == 0 ? assumptions : Arrays.copyOf(assumptions, assumptions.length - 1);
                SatResult result = solver.solve(assumptions);
                boolean expected = new BruteForce(n, formula).satisfiable(userAssumptions);
                solver.setDecisionPriority();
                assertThat(result).as(context).isEqualTo(expected ? SatResult.SATISFIABLE : SatResult.UNSATISFIABLE);
                if (expected) {
                    int[] model = Arrays.copyOf(solver.model(), n + 1);
                    assertThat(BruteForce.satisfiesAll(formula, model))
                            .as(context)
                            .isTrue();
                    for (int a : userAssumptions) {
                        assertThat(solver.value(a)).as(context).isTrue();
                    }
                }
                if (selector != 0) {
                    solver.addClause(-selector);
                }
            }
            overlaid += solver.overlayModels();
        }
        assertThat(overlaid).as("models found by overlay").isGreaterThan(500);
    }

    @Test
    void a_priority_that_skips_failing_literals_keeps_answers_and_models_sound() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(12_000 + seed);
            int n = 6 + random.nextInt(12);
            List<int[]> clauses =
                    BruteForce.random3Sat(random, n, (int) Math.round(n * (2.5 + random.nextDouble() * 2)));
            BruteForce oracle = new BruteForce(n, clauses);
            SatSolver solver = load(n, clauses);
            for (int round = 0; round < 8; round++) {
                int[] priority = new int[1 + random.nextInt(n)];
                for (int i = 0; i < priority.length; i++) {
                    int v = 1 + random.nextInt(n);
                    priority[i] = random.nextBoolean() ? v : -v;
                }
                int[] assumptions = randomAssumptions(random, n);
                solver.setDecisionPriority(true, priority);
                SatResult result = solver.solve(assumptions);
                boolean expected = oracle.satisfiable(assumptions);
                String context = "seed " + seed + " round " + round + " assumptions " + Arrays.toString(assumptions)
                        + " priority " + Arrays.toString(priority);
                assertThat(result).as(context).isEqualTo(expected ? SatResult.SATISFIABLE : SatResult.UNSATISFIABLE);
                if (expected) {
                    assertThat(BruteForce.satisfiesAll(clauses, solver.model()))
                            .as(context)
                            .isTrue();
                    for (int a : assumptions) {
                        assertThat(solver.value(a)).as(context).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void chronological_backtracking_at_every_backjump_keeps_answers_models_and_cores_sound() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(20_000 + seed);
            int n = 8 + random.nextInt(11);
            List<int[]> clauses = new ArrayList<>(
                    BruteForce.random3Sat(random, n, (int) Math.round(n * (3.0 + random.nextDouble() * 1.5))));
            SatSolver solver = load(n, clauses);
            solver.setChronologicalAbove(random.nextInt(3));
            for (int round = 0; round < 8; round++) {
                if (random.nextInt(3) == 0) {
                    int[] clause = {
                        (1 + random.nextInt(n)) * (random.nextBoolean() ? 1 : -1),
                        (1 + random.nextInt(n)) * (random.nextBoolean() ? 1 : -1)
                    };
                    clauses.add(clause);
                    solver.addClause(clause);
                }
                BruteForce oracle = new BruteForce(n, clauses);
                int[] assumptions = randomAssumptions(random, n);
                boolean skipping = random.nextBoolean();
                if (skipping) {
                    int[] priority = new int[1 + random.nextInt(n)];
                    for (int i = 0; i < priority.length; i++) {
                        int v = 1 + random.nextInt(n);
                        priority[i] = random.nextBoolean() ? v : -v;
                    }
                    solver.setDecisionPriority(true, priority);
                } else {
                    solver.setDecisionPriority();
                }
                SatResult result = solver.solve(assumptions);
                boolean expected = oracle.satisfiable(assumptions);
                String context = "seed " + seed + " round " + round + " skipping " + skipping + " assumptions "
                        + Arrays.toString(assumptions);
                assertThat(result).as(context).isEqualTo(expected ? SatResult.SATISFIABLE : SatResult.UNSATISFIABLE);
                if (expected) {
                    assertThat(BruteForce.satisfiesAll(clauses, solver.model()))
                            .as(context)
                            .isTrue();
                } else if (oracle.satisfiable()) {
                    assertThat(oracle.satisfiable(solver.failedAssumptions()))
                            .as(context + " core " + Arrays.toString(solver.failedAssumptions()))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void a_dead_priority_literal_is_skipped_without_undoing_the_earlier_priority_decisions_and_becomes_a_root_fact() {
        SatSolver solver = new SatSolver(52);
        solver.addClause(-51, 52);
        solver.addClause(-51, -52); // 51 is dead, but unit propagation at the root does not see it
        int[] priority = new int[51];
        for (int i = 0; i < 51; i++) {
            priority[i] = i + 1;
        }
        solver.setDecisionPriority(true, priority);
        SolverStatistics before = solver.statistics();

        assertThat(solver.solve()).isEqualTo(SatResult.SATISFIABLE);

        long decisions = solver.statistics().minus(before).decisions();
        assertThat(solver.skippedPriorities()).containsExactly(51);
        assertThat(solver.value(-51)).isTrue();
        for (int v = 1; v <= 50; v++) {
            assertThat(solver.value(v)).isTrue();
        }
        assertThat(decisions)
                .as("the 50 priority decisions before the dead literal are made once, not again after it")
                .isLessThan(60);
        solver.setDecisionPriority();
        assertThat(solver.propagate()).as("the learnt unit holds at the root").contains(-51);
    }

    @Test
    void a_skipping_priority_passes_over_a_literal_that_fails_alone_and_decides_the_rest() {
        SatSolver solver = new SatSolver(4);
        solver.addClause(-1, 2);
        solver.addClause(-1, 3);
        solver.addClause(-2, -3); // 1 fails by propagation alone
        solver.setDecisionPriority(true, 1, 4, 2);
        assertThat(solver.solve()).isEqualTo(SatResult.SATISFIABLE);
        assertThat(solver.value(1)).isFalse();
        assertThat(solver.value(4)).isTrue();
        assertThat(solver.value(2)).isTrue();
        assertThat(solver.value(3)).isFalse();
        assertThat(solver.skippedPriorities()).containsExactly(1);
        solver.setDecisionPriority(true, 4, 2);
        assertThat(solver.solve()).isEqualTo(SatResult.SATISFIABLE);
        assertThat(solver.skippedPriorities()).isEmpty();
        solver.setDecisionPriority(1, 4);
        assertThat(solver.solve()).isEqualTo(SatResult.SATISFIABLE);
        assertThat(solver.skippedPriorities())
                .as("a priority that does not skip learns instead")
                .isEmpty();
    }

    @Test
    void propagating_beyond_a_shared_prefix_returns_only_what_the_tail_adds() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(15_000 + seed);
            int n = 5 + random.nextInt(15);
            List<int[]> clauses = new ArrayList<>(BruteForce.random3Sat(random, n, n));
            for (int i = 0; i < n; i++) {
                int a = 1 + random.nextInt(n);
                int b = 1 + random.nextInt(n);
                clauses.add(new int[] {random.nextBoolean() ? a : -a, random.nextBoolean() ? b : -b});
            }
            SatSolver solver = load(n, clauses);
            int[] prefix = randomAssumptions(random, n);
            for (int round = 0; round < 6; round++) {
                int[] assumptions = Arrays.copyOf(prefix, prefix.length + 1 + random.nextInt(2));
                for (int i = prefix.length; i < assumptions.length; i++) {
                    int v = 1 + random.nextInt(n);
                    assumptions[i] = random.nextBoolean() ? v : -v;
                }
                String context = "seed " + seed + " assumptions " + Arrays.toString(assumptions);
                int[] all = solver.propagate(assumptions);
                int[] before = solver.propagate(prefix);
                int[] tail = solver.propagateBeyond(prefix.length, assumptions);
                if (all == null || before == null) {
                    assertThat(tail).as(context).isNull();
                    continue;
                }
                assertThat(tail).as(context).isNotNull();
                Set<Integer> expected = new LinkedHashSet<>();
                Arrays.stream(all).forEach(expected::add);
                Arrays.stream(before).forEach(expected::remove);
                assertThat(tail)
                        .as(context)
                        .containsExactlyInAnyOrder(
                                expected.stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }

    @Test
    void a_small_conflict_budget_gives_up_on_the_pigeonhole_principle_and_no_budget_refutes_it() {
        int pigeons = 9;
        int holes = 8;
        SatSolver solver = new SatSolver(pigeons * holes);
        for (int p = 0; p < pigeons; p++) {
            int[] some = new int[holes];
            for (int h = 0; h < holes; h++) {
                some[h] = p * holes + h + 1;
            }
            solver.addClause(some);
        }
        for (int h = 0; h < holes; h++) {
            for (int p = 0; p < pigeons; p++) {
                for (int q = p + 1; q < pigeons; q++) {
                    solver.addClause(-(p * holes + h + 1), -(q * holes + h + 1));
                }
            }
        }
        solver.setConflictBudget(10);
        assertThat(solver.solve()).isEqualTo(SatResult.UNKNOWN);
        solver.setConflictBudget(0);
        assertThat(solver.solve()).isEqualTo(SatResult.UNSATISFIABLE);
    }

    @Test
    void selector_variables_switch_clauses_on_and_off() {
        SatSolver solver = new SatSolver(3);
        solver.addClause(1, 2, 3);
        int selector = solver.newVariable();
        assertThat(selector).isEqualTo(4);
        solver.addClause(-selector, -1);
        solver.addClause(-selector, -2);
        solver.addClause(-selector, -3);
        assertThat(solver.solve(selector)).isEqualTo(SatResult.UNSATISFIABLE);
        assertThat(solver.failedAssumptions()).containsExactly(selector);
        assertThat(solver.solve()).isEqualTo(SatResult.SATISFIABLE);
        assertThat(solver.addClause(-selector)).isTrue();
        assertThat(solver.solve()).isEqualTo(SatResult.SATISFIABLE);
        assertThat(solver.addClause()).isFalse();
        assertThat(solver.solve()).isEqualTo(SatResult.UNSATISFIABLE);
        assertThat(solver.propagate()).isNull();
    }

    @Test
    void contradictory_assumptions_form_their_own_core() {
        SatSolver solver = new SatSolver(4);
        solver.addClause(1, 2);
        assertThat(solver.solve(3, 1, -3)).isEqualTo(SatResult.UNSATISFIABLE);
        assertThat(solver.failedAssumptions()).containsExactlyInAnyOrder(3, -3);
        assertThat(solver.propagate(3, -3)).isNull();
        assertThat(solver.propagate(-1)).containsExactlyInAnyOrder(-1, 2);
    }
}
