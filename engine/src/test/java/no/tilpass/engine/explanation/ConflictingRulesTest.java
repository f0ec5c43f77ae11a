package no.tilpass.engine.explanation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.Rule;
import no.tilpass.engine.space.SolutionSpace;
import no.tilpass.engine.testsupport.BruteForce;
import no.tilpass.engine.testsupport.RandomSpaces;
import org.junit.jupiter.api.Test;

class ConflictingRulesTest {
    private static final int SEEDS = 400;

    @Test
    void conflicts_are_unsatisfiable_and_subset_minimal_on_random_unsatisfiable_models() {
        int conflicts = 0;
        int withSeveralRules = 0;
        int satisfiable = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Random rnd = new Random(seed);
            SolutionSpace space = unsatisfiableVariant(RandomSpaces.random(rnd), rnd);
            BruteForce bf = new BruteForce(space);
            String ctx = "seed " + seed + ", " + space.cnf();
            Explainer explainer = new Explainer(space);

            ModelConsistency consistency = explainer.checkModel();

            if (bf.satisfiable()) {
                assertThat(consistency).as(ctx).isEqualTo(new ModelConsistency.Satisfiable());
                assertThat(explainer.conflictingRules()).as(ctx).isEmpty();
                satisfiable++;
                continue;
            }
            assertThat(consistency).as(ctx).isInstanceOf(ModelConsistency.Conflict.class);
            List<Rule> conflict = ((ModelConsistency.Conflict) consistency).rules();
            assertThat(explainer.conflictingRules()).as(ctx).isEqualTo(conflict);
            List<Integer> rules = new ArrayList<>();
            for (Rule r : conflict) {
                rules.add(space.rules().indexOf(r));
            }
            assertThat(rules).as(ctx).doesNotContain(-1).isSorted().doesNotHaveDuplicates();
            assertThat(bf.satisfiableWithRules(rules))
                    .as(ctx + ": rules " + rules + " conflict")
                    .isFalse();
            for (Integer r : rules) {
                Set<Integer> fewer = new HashSet<>(rules);
                fewer.remove(r);
                assertThat(bf.satisfiableWithRules(fewer))
                        .as(ctx + ": rule " + r + " of " + rules + " is needed")
                        .isTrue();
            }
            conflicts++;
            if (rules.size() > 1) {
                withSeveralRules++;
            }
        }
        assertThat(conflicts).as("unsatisfiable models").isGreaterThan(300);
        assertThat(withSeveralRules).as("conflicts of several rules").isGreaterThan(100);
        assertThat(satisfiable).as("satisfiable models").isGreaterThan(0);
    }

    @Test
    void three_rules_that_contradict_each_other_are_named_and_an_unrelated_one_is_not() {
        SolutionSpace car = ExplainerTest.car();
        List<int[]> clauses = new ArrayList<>();
        List<Integer> ruleOf = new ArrayList<>();
        copy(car.cnf(), clauses, ruleOf);
        Option colour = car.option("colour").orElseThrow();
        Option roof = car.option("roof").orElseThrow();
        List<Rule> rules = new ArrayList<>(car.rules()); // 0: glass -> black, 1: no tiny
        rules.add(new Rule("all-glass", "All glass", "Every car has a glass roof", "car.tpm:7:1"));
        clauses.add(new int[] {roof.literal(1)});
        ruleOf.add(2);
        rules.add(new Rule("no-black", "No black", "Black paint is sold out.", "car.tpm:9:1"));
        clauses.add(new int[] {-colour.literal(1)});
        ruleOf.add(3);
        SolutionSpace space = new SolutionSpace("car", car.options(), rules, Cnf.of(8, clauses, ruleOf));

        ModelConsistency consistency = new Explainer(space).checkModel();

        assertThat(consistency)
                .isEqualTo(new ModelConsistency.Conflict(List.of(rules.get(0), rules.get(2), rules.get(3))));
        assertThat(((ModelConsistency.Conflict) consistency).describe())
                .isEqualTo("The model has no valid configuration. These rules conflict: Glass roof colour"
                        + " (glass-black): A glass roof comes in black only. All glass (all-glass): Every car has a"
                        + " glass roof. No black (no-black): Black paint is sold out.");
    }

    @Test
    void a_satisfiable_model_has_no_conflicting_rules() {
        Explainer explainer = new Explainer(ExplainerTest.car());

        assertThat(explainer.checkModel()).isEqualTo(new ModelConsistency.Satisfiable());
        assertThat(explainer.conflictingRules()).isEmpty();
    }

    /**
     * {@code space} plus up to twelve random rules (one or two clauses of one or two literals over option
     * values), added until the model is unsatisfiable, and sometimes one or two more so that several
     * conflicts coexist. Some models stay satisfiable.
     */
    private static SolutionSpace unsatisfiableVariant(SolutionSpace space, Random rnd) {
        List<int[]> clauses = new ArrayList<>();
        List<Integer> ruleOf = new ArrayList<>();
        copy(space.cnf(), clauses, ruleOf);
        List<Integer> literals = new ArrayList<>();
        for (Option o : space.options()) {
            for (int i = 0; i < o.valueCount(); i++) {
                literals.add(o.literal(i));
            }
        }
        List<Rule> rules = new ArrayList<>(space.rules());
        int more = -1; // rules still to add once the model is unsatisfiable; -1 while it is not
        for (int added = 0; ; added++) {
            int r = rules.size();
            rules.add(new Rule("X" + added, "extra " + added, "Extra rule " + added + ".", ""));
            int count = 1 + rnd.nextInt(2);
            for (int c = 0; c < count; c++) {
                int[] clause = new int[1 + rnd.nextInt(2)];
                for (int i = 0; i < clause.length; i++) {
                    int lit = literals.get(rnd.nextInt(literals.size()));
                    clause[i] = rnd.nextInt(3) == 0 ? -lit : lit;
                }
                clauses.add(clause);
                ruleOf.add(r);
            }
            SolutionSpace candidate = new SolutionSpace(
                    space.name(), space.options(), rules, Cnf.of(space.cnf().variableCount(), clauses, ruleOf));
            if (more < 0 && !new BruteForce(candidate).satisfiable()) {
                more = rnd.nextInt(3);
            } else if (more > 0) {
                more--;
            }
            if (more == 0 || added == 11) {
                return candidate;
            }
        }
    }

    private static void copy(Cnf cnf, List<int[]> clauses, List<Integer> ruleOf) {
        for (int c = 0; c < cnf.clauseCount(); c++) {
            clauses.add(cnf.clause(c).clone());
            ruleOf.add(cnf.ruleOf(c));
        }
    }
}
