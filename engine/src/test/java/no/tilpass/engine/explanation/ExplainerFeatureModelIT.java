package no.tilpass.engine.explanation;

import static no.tilpass.engine.testsupport.Literals.plus;
import static no.tilpass.engine.testsupport.Literals.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import no.tilpass.engine.dimacs.DimacsReader;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.LoadResult;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.Rule;
import no.tilpass.engine.space.SolutionSpace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

/**
 * Explanations, repairs and changes on real feature models, checked against Sat4j: the explanation
 * excludes the value and is minimal in decisions and in rules; the repair is consistent and minimal.
 * Prints the latency of each call (the figures are for reports, not asserted).
 */
class ExplainerFeatureModelIT {
    private static final int CASES = 8;

    @ParameterizedTest
    @ValueSource(
            strings = {"automotive01.dimacs", "financialservices01_2018-05-09.dimacs", "busybox-1.18.0_kconfig.dimacs"})
    void explanations_and_repairs_are_minimal_on_feature_models(String file) throws Exception {
        SolutionSpace space = featureModel(file);
        Oracle oracle = new Oracle(space.cnf(), null);
        Explainer explainer = new Explainer(space);
        List<Long> explainMicros = new ArrayList<>();
        List<Long> repairMicros = new ArrayList<>();
        List<Long> changeMicros = new ArrayList<>();
        long firstCall = -1;
        int checked = 0;
        for (long seed = 0; seed < CASES; seed++) {
            Random rnd = new Random(seed);
            List<Decision> decisions = consistentDecisions(space, oracle, rnd, 25);
            int[] d = literals(space, decisions);
            for (int found = 0, tries = 0; found < 3 && tries < 2000; tries++) {
                Decision query = randomValue(space, rnd);
                int q = literal(space, query);
                if (oracle.sat(plus(d, q))
                        || decisions.stream().anyMatch(x -> x.option().equals(query.option()))) {
                    continue;
                }
                found++;
                String ctx = file + " seed " + seed + ", decisions " + decisions + ", query " + query;
                long start = System.nanoTime();
                Explanation e = explainer.whyUnavailable(decisions, query);
                long micros = (System.nanoTime() - start) / 1000;
                if (firstCall < 0) {
                    firstCall = micros; // builds the solvers
                } else {
                    explainMicros.add(micros);
                }
                assertThat(e).as(ctx).isInstanceOf(Explanation.Excluded.class);
                Explanation.Excluded x = (Explanation.Excluded) e;
                int[] s = literals(space, x.decisions());
                assertThat(decisions).as(ctx).containsAll(x.decisions());
                assertThat(oracle.sat(plus(s, q))).as(ctx).isFalse();
                for (int i = 0; i < s.length; i++) {
                    assertThat(oracle.sat(plus(without(s, i), q)))
                            .as(ctx + ": needs " + x.decisions().get(i))
                            .isTrue();
                }
                Set<Integer> rules = new HashSet<>();
                for (Rule r : x.rules()) {
                    rules.add(Integer.parseInt(r.id().substring("clause ".length())) - 1);
                }
                assertThat(new Oracle(space.cnf(), rules).sat(plus(s, q)))
                        .as(ctx + ": rules exclude")
                        .isFalse();
                for (int r : rules) {
                    Set<Integer> fewer = new HashSet<>(rules);
                    fewer.remove(r);
                    assertThat(new Oracle(space.cnf(), fewer).sat(plus(s, q)))
                            .as(ctx + ": needs rule " + r)
                            .isTrue();
                }
                checked++;

                start = System.nanoTime();
                Change change = explainer.makeAvailable(decisions, query);
                changeMicros.add((System.nanoTime() - start) / 1000);
                if (change instanceof Change.Retract retract) {
                    assertThat(oracle.sat(literals(space, retract.resulting())))
                            .as(ctx)
                            .isTrue();
                } else {
                    assertThat(change).as(ctx).isInstanceOf(Change.Impossible.class);
                }

                List<Decision> conflicting = new ArrayList<>(decisions);
                conflicting.add(query);
                start = System.nanoTime();
                Repair repair = explainer.repair(conflicting);
                repairMicros.add((System.nanoTime() - start) / 1000);
                assertThat(repair).as(ctx).isInstanceOf(Repair.Retract.class);
                Repair.Retract r = (Repair.Retract) repair;
                int[] kept = literals(space, r.kept());
                assertThat(oracle.sat(kept)).as(ctx).isTrue();
                for (Decision back : r.retracted()) {
                    assertThat(oracle.sat(plus(kept, literal(space, back))))
                            .as(ctx + ": " + back)
                            .isFalse();
                }
            }
        }
        assertThat(checked).as("explanations checked").isGreaterThan(0);
        System.out.printf(
                "%s: %d explanations; first call incl. solver set-up %d us; explain median %d us, max %d us;"
                        + " makeAvailable median %d us, max %d us; repair median %d us, max %d us;"
                        + " explain times (us) %s%n",
                file,
                checked,
                firstCall,
                median(explainMicros),
                max(explainMicros),
                median(changeMicros),
                max(changeMicros),
                median(repairMicros),
                max(repairMicros),
                explainMicros);
    }

    /**
     * automotive01 made unsatisfiable by adding, as unit rules, the decisions and the value of an
     * explanation: the conflicting rules found are unsatisfiable together and minimal (Sat4j). Prints the
     * latency of {@link Explainer#checkModel()} on a fresh explainer.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void conflicting_rules_are_minimal_on_a_feature_model_made_unsatisfiable(long seed) throws Exception {
        String file = "automotive01.dimacs";
        SolutionSpace model = featureModel(file);
        Oracle oracle = new Oracle(model.cnf(), null);
        Random rnd = new Random(seed);
        List<Decision> decisions = consistentDecisions(model, oracle, rnd, 25);
        int[] d = literals(model, decisions);
        Explanation.Excluded excluded = null;
        Decision query = null;
        for (int tries = 0; excluded == null && tries < 2000; tries++) {
            query = randomValue(model, rnd);
            if (!oracle.sat(plus(d, literal(model, query)))) {
                excluded = (Explanation.Excluded) new Explainer(model).whyUnavailable(decisions, query);
            }
        }
        assertThat(excluded).as("seed " + seed + ": an excluded value").isNotNull();
        List<Decision> forced = new ArrayList<>(excluded.decisions());
        forced.add(query);
        List<int[]> clauses = new ArrayList<>();
        List<Integer> ruleOf = new ArrayList<>();
        for (int c = 0; c < model.cnf().clauseCount(); c++) {
            clauses.add(model.cnf().clause(c));
            ruleOf.add(model.cnf().ruleOf(c));
        }
        List<Rule> rules = new ArrayList<>(model.rules());
        for (Decision f : forced) {
            ruleOf.add(rules.size());
            rules.add(new Rule("forced " + f, "forced " + f, "Always " + f + ".", ""));
            clauses.add(new int[] {literal(model, f)});
        }
        SolutionSpace space = new SolutionSpace(
                model.name(), model.options(), rules, Cnf.of(model.cnf().variableCount(), clauses, ruleOf));
        String ctx = file + " seed " + seed + ", forced " + forced;

        long start = System.nanoTime();
        ModelConsistency consistency = new Explainer(space).checkModel();
        long micros = (System.nanoTime() - start) / 1000;

        assertThat(consistency).as(ctx).isInstanceOf(ModelConsistency.Conflict.class);
        Set<Integer> conflict = new HashSet<>();
        for (Rule r : ((ModelConsistency.Conflict) consistency).rules()) {
            conflict.add(rules.indexOf(r));
        }
        assertThat(new Oracle(space.cnf(), conflict).sat(new int[0]))
                .as(ctx + ": rules conflict")
                .isFalse();
        for (int r : conflict) {
            Set<Integer> fewer = new HashSet<>(conflict);
            fewer.remove(r);
            assertThat(new Oracle(space.cnf(), fewer).sat(new int[0]))
                    .as(ctx + ": needs rule " + rules.get(r))
                    .isTrue();
        }
        System.out.printf(
                "%s seed %d: %d conflicting rules (of %d) found in %d us, solver set-up included%n",
                file, seed, conflict.size(), rules.size(), micros);
    }

    private static List<Decision> consistentDecisions(SolutionSpace space, Oracle oracle, Random rnd, int count) {
        List<Decision> out = new ArrayList<>();
        Set<String> decided = new HashSet<>();
        for (int tries = 0; out.size() < count && tries < 10 * count; tries++) {
            Decision candidate = randomValue(space, rnd);
            if (decided.contains(candidate.option())) {
                continue;
            }
            List<Decision> next = new ArrayList<>(out);
            next.add(candidate);
            if (oracle.sat(literals(space, next))) {
                out = next;
                decided.add(candidate.option());
            }
        }
        return out;
    }

    private static Decision randomValue(SolutionSpace space, Random rnd) {
        Option o = space.options().get(rnd.nextInt(space.options().size()));
        return new Decision(o.name(), o.values().get(rnd.nextInt(o.valueCount())));
    }

    private static int literal(SolutionSpace space, Decision d) {
        Option o = space.option(d.option()).orElseThrow();
        return o.literal(o.indexOf(d.value()));
    }

    /** A feature model of the shared bench data; the test is skipped outside the slow suite or without it. */
    private static SolutionSpace featureModel(String file) {
        Assumptions.assumeTrue(Boolean.getBoolean("tilpass.slow"), "slow suite: -Dtilpass.slow=true");
        Path path = Path.of(
                System.getProperty("tilpass.shared", "../shared"), "bench-data/configuration/feature-models", file);
        Assumptions.assumeTrue(Files.exists(path), "missing " + path);
        return ((LoadResult.Loaded) DimacsReader.read(path)).space();
    }

    private static int[] literals(SolutionSpace space, List<Decision> ds) {
        return ds.stream().mapToInt(d -> literal(space, d)).toArray();
    }

    private static long median(List<Long> xs) {
        List<Long> sorted = xs.stream().sorted().toList();
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }

    private static long max(List<Long> xs) {
        return xs.stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    /** Sat4j on the structural clauses plus those of {@code onlyRules} (every rule when null). */
    private static final class Oracle {
        private final ISolver solver = SolverFactory.newDefault();
        private boolean contradiction;

        Oracle(Cnf cnf, Set<Integer> onlyRules) {
            solver.newVar(cnf.variableCount());
            for (int c = 0; c < cnf.clauseCount(); c++) {
                int rule = cnf.ruleOf(c);
                if (onlyRules != null && rule != Cnf.STRUCTURAL && !onlyRules.contains(rule)) {
                    continue;
                }
                try {
                    solver.addClause(new VecInt(cnf.clause(c).clone()));
                } catch (ContradictionException e) {
                    contradiction = true;
                }
            }
        }

        boolean sat(int[] assumptions) {
            if (contradiction) {
                return false;
            }
            try {
                return solver.isSatisfiable(new VecInt(assumptions.clone()));
            } catch (TimeoutException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
