package no.tilpass.engine.explanation;

import static no.tilpass.engine.testsupport.Literals.plus;
import static no.tilpass.engine.testsupport.Literals.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.Rule;
import no.tilpass.engine.space.SolutionSpace;
import no.tilpass.engine.testsupport.BruteForce;
import no.tilpass.engine.testsupport.OneHot;
import no.tilpass.engine.testsupport.RandomCase;
import no.tilpass.engine.testsupport.RandomSpaces;
import org.junit.jupiter.api.Test;

class ExplainerTest {
    private static final int SEEDS = 300;

    @Test
    void explanations_exclude_the_value_and_are_minimal_on_random_models() {
        int withDecisionsAndRules = 0;
        int dead = 0;
        int available = 0;
        for (RandomCase model : RandomCase.ofSeeds(SEEDS)) {
            SolutionSpace space = model.space();
            BruteForce bf = model.bf();
            Explainer explainer = new Explainer(space);
            for (int trial = 0; trial < 3; trial++) {
                List<Decision> decisions = model.decisions(4);
                int[] d = bf.literals(decisions);
                for (Decision query : RandomSpaces.allValues(space)) {
                    String ctx = model.context(decisions, "query", query);
                    int q = bf.literal(query);
                    Explanation e = explainer.whyUnavailable(decisions, query);
                    assertThat(e.query()).as(ctx).isEqualTo(query);
                    if (bf.satisfiable(plus(d, q))) {
                        assertThat(e).as(ctx).isInstanceOf(Explanation.Available.class);
                        available++;
                        continue;
                    }
                    if (!bf.satisfiable(d) && bf.satisfiable()) {
                        assertThat(e).as(ctx).isInstanceOf(Explanation.DecisionsInconsistent.class);
                        continue;
                    }
                    assertThat(e).as(ctx).isInstanceOf(Explanation.Excluded.class);
                    Explanation.Excluded x = (Explanation.Excluded) e;
                    assertThat(decisions).as(ctx).containsAll(x.decisions());
                    assertThat(x.decisions())
                            .as(ctx)
                            .isSortedAccordingTo((a, b) -> Integer.compare(decisions.indexOf(a), decisions.indexOf(b)));
                    int[] s = bf.literals(x.decisions());
                    assertThat(bf.satisfiable(plus(s, q)))
                            .as(ctx + ": excludes")
                            .isFalse();
                    for (int i = 0; i < s.length; i++) {
                        assertThat(bf.satisfiable(plus(without(s, i), q)))
                                .as(ctx + ": decision " + x.decisions().get(i) + " is needed")
                                .isTrue();
                    }
                    assertThat(x.dead()).as(ctx + ": dead").isEqualTo(!bf.satisfiable(q));
                    List<Integer> rules = new ArrayList<>();
                    for (Rule r : x.rules()) {
                        rules.add(space.rules().indexOf(r));
                    }
                    assertThat(rules).as(ctx).isSorted().doesNotHaveDuplicates();
                    assertThat(bf.satisfiableWithRules(rules, plus(s, q)))
                            .as(ctx + ": rules " + rules + " exclude")
                            .isFalse();
                    for (Integer r : rules) {
                        Set<Integer> fewer = new HashSet<>(rules);
                        fewer.remove(r);
                        assertThat(bf.satisfiableWithRules(fewer, plus(s, q)))
                                .as(ctx + ": rule " + r + " of " + rules + " is needed")
                                .isTrue();
                    }
                    if (x.dead()) {
                        dead++;
                    } else if (!rules.isEmpty()) {
                        withDecisionsAndRules++;
                    }
                }
            }
        }
        assertThat(withDecisionsAndRules).as("cases with decisions and rules").isGreaterThan(100);
        assertThat(dead).as("dead cases").isGreaterThan(20);
        assertThat(available).as("available cases").isGreaterThan(100);
    }

    @Test
    void repairs_restore_consistency_minimally_and_keep_the_newest_decisions_on_random_models() {
        int retracting = 0;
        for (RandomCase model : RandomCase.ofSeeds(SEEDS)) {
            SolutionSpace space = model.space();
            BruteForce bf = model.bf();
            Explainer explainer = new Explainer(space);
            for (int trial = 0; trial < 5; trial++) {
                List<Decision> decisions = model.decisions(5);
                String ctx = model.context(decisions);
                Repair repair = explainer.repair(decisions);
                if (!bf.satisfiable()) {
                    assertThat(repair).as(ctx).isInstanceOf(Repair.NoValidConfiguration.class);
                    continue;
                }
                if (bf.satisfiable(bf.literals(decisions))) {
                    assertThat(repair).as(ctx).isEqualTo(new Repair.Consistent(decisions));
                    continue;
                }
                assertThat(repair).as(ctx).isInstanceOf(Repair.Retract.class);
                Repair.Retract r = (Repair.Retract) repair;
                checkCorrection(bf, decisions, r.kept(), r.retractions(), new int[0], ctx);
                retracting++;
            }
        }
        assertThat(retracting).as("cases that retract").isGreaterThan(100);
    }

    @Test
    void make_available_retracts_a_minimal_set_keeping_the_newest_decisions_on_random_models() {
        int retracting = 0;
        for (RandomCase model : RandomCase.ofSeeds(SEEDS)) {
            SolutionSpace space = model.space();
            BruteForce bf = model.bf();
            Explainer explainer = new Explainer(space);
            for (int trial = 0; trial < 3; trial++) {
                List<Decision> decisions = model.decisions(5);
                for (Decision query : RandomSpaces.allValues(space)) {
                    String ctx = model.context(decisions, "query", query);
                    int q = bf.literal(query);
                    Change change = explainer.makeAvailable(decisions, query);
                    if (bf.satisfiable(plus(bf.literals(decisions), q))) {
                        assertThat(change).as(ctx).isEqualTo(new Change.AlreadyAvailable(query));
                        continue;
                    }
                    if (!bf.satisfiable(q)) {
                        assertThat(change).as(ctx).isInstanceOf(Change.Impossible.class);
                        assertThat(((Change.Impossible) change).reason().dead())
                                .as(ctx)
                                .isTrue();
                        continue;
                    }
                    assertThat(change).as(ctx).isInstanceOf(Change.Retract.class);
                    Change.Retract r = (Change.Retract) change;
                    assertThat(r.resulting()).as(ctx).endsWith(query);
                    List<Decision> kept = r.resulting().subList(0, r.resulting().size() - 1);
                    checkCorrection(bf, decisions, kept, r.retractions(), new int[] {q}, ctx);
                    retracting++;
                }
            }
        }
        assertThat(retracting).as("cases that retract").isGreaterThan(100);
    }

    /**
     * kept + retracted partition the decisions; kept is consistent with hard; putting back any retracted
     * decision conflicts; kept is the consistent subset that is best when compared from the newest
     * decision down (brute force over all subsets); alternatives are exactly the consistent other values.
     */
    private static void checkCorrection(
            BruteForce bf,
            List<Decision> decisions,
            List<Decision> kept,
            List<Retraction> retractions,
            int[] hard,
            String ctx) {
        List<Decision> retracted =
                retractions.stream().map(Retraction::decision).toList();
        List<Decision> merged = new ArrayList<>(decisions.size());
        int k = 0;
        int r = 0;
        for (Decision d : decisions) {
            if (k < kept.size() && kept.get(k).equals(d)) {
                merged.add(kept.get(k++));
            } else if (r < retracted.size() && retracted.get(r).equals(d)) {
                merged.add(retracted.get(r++));
            }
        }
        assertThat(merged)
                .as(ctx + ": kept " + kept + " and retracted " + retracted + " partition")
                .isEqualTo(decisions);
        assertThat(retracted).as(ctx).isNotEmpty();
        int[] keptLits = plus(hard, bf.literals(kept));
        assertThat(bf.satisfiable(keptLits))
                .as(ctx + ": kept " + kept + " is consistent")
                .isTrue();
        for (Decision back : retracted) {
            assertThat(bf.satisfiable(plus(keptLits, bf.literal(back))))
                    .as(ctx + ": putting back " + back + " conflicts")
                    .isFalse();
        }
        // brute force: the consistent subset with the largest mask, the newest decision most significant
        int n = decisions.size();
        int best = -1;
        for (int mask = (1 << n) - 1; mask >= 0; mask--) {
            int[] lits = hard.clone();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    lits = plus(lits, bf.literal(decisions.get(i)));
                }
            }
            if (bf.satisfiable(lits)) {
                best = mask;
                break;
            }
        }
        int bestMask = best;
        List<Decision> preferred = IntStream.range(0, n)
                .filter(i -> (bestMask & (1 << i)) != 0)
                .mapToObj(decisions::get)
                .toList();
        assertThat(kept).as(ctx + ": keeps the newest decisions").isEqualTo(preferred);
        for (Retraction retraction : retractions) {
            Option o = bf.option(retraction.decision().option());
            List<String> expected = new ArrayList<>();
            for (int v = 0; v < o.valueCount(); v++) {
                if (!o.values().get(v).equals(retraction.decision().value())
                        && bf.satisfiable(plus(keptLits, o.literal(v)))) {
                    expected.add(o.values().get(v));
                }
            }
            assertThat(retraction.alternatives())
                    .as(ctx + ": alternatives of " + retraction)
                    .isEqualTo(expected);
        }
    }

    @Test
    void repair_retracts_the_older_of_two_conflicting_decisions() {
        SolutionSpace space = car();
        Explainer explainer = new Explainer(space);
        Decision glass = new Decision("roof", "glass");
        Decision red = new Decision("colour", "red");
        Decision large = new Decision("size", "large");

        assertThat(explainer.repair(List.of(glass, large, red)))
                .isEqualTo(new Repair.Retract(List.of(new Retraction(glass, List.of("steel"))), List.of(large, red)));
        assertThat(explainer.repair(List.of(red, large, glass)))
                .isEqualTo(new Repair.Retract(List.of(new Retraction(red, List.of("black"))), List.of(large, glass)));
    }

    @Test
    void a_value_is_explained_by_the_decision_and_the_rule_that_exclude_it() {
        SolutionSpace space = car();
        Explainer explainer = new Explainer(space);
        List<Decision> decisions = List.of(new Decision("size", "large"), new Decision("roof", "glass"));

        Explanation e = explainer.whyUnavailable(decisions, new Decision("colour", "red"));

        assertThat(e)
                .isEqualTo(new Explanation.Excluded(
                        new Decision("colour", "red"),
                        List.of(new Decision("roof", "glass")),
                        List.of(glassIsBlack())));
        assertThat(((Explanation.Excluded) e).describe())
                .isEqualTo("colour=red is unavailable because you chose roof=glass. The rule: Glass roof colour"
                        + " (glass-black): A glass roof comes in black only.");
        assertThat(explainer.whyUnavailable(decisions, new Decision("colour", "black")))
                .isEqualTo(new Explanation.Available(new Decision("colour", "black")));
    }

    @Test
    void another_value_of_the_same_option_explains_without_rules() {
        Explainer explainer = new Explainer(car());
        Explanation e = explainer.whyUnavailable(
                List.of(new Decision("colour", "black"), new Decision("size", "large")),
                new Decision("colour", "white"));

        assertThat(e)
                .isEqualTo(new Explanation.Excluded(
                        new Decision("colour", "white"), List.of(new Decision("colour", "black")), List.of()));
        assertThat(((Explanation.Excluded) e).describe())
                .isEqualTo("colour=white is unavailable because you chose colour=black.");
    }

    @Test
    void a_dead_value_is_explained_by_rules_alone() {
        SolutionSpace space = car();
        Explainer explainer = new Explainer(space);
        Decision small = new Decision("size", "small");

        Explanation e = explainer.whyUnavailable(List.of(new Decision("roof", "steel")), new Decision("size", "tiny"));

        assertThat(e).isInstanceOf(Explanation.Excluded.class);
        Explanation.Excluded x = (Explanation.Excluded) e;
        assertThat(x.dead()).isTrue();
        assertThat(x.rules()).containsExactly(space.rules().get(1));
        assertThat(x.describe()).startsWith("size=tiny is never available. The rule: No tiny cars");
        assertThat(explainer.makeAvailable(List.of(small), new Decision("size", "tiny")))
                .isEqualTo(new Change.Impossible(new Decision("size", "tiny"), x));
    }

    @Test
    void one_retraction_makes_the_wanted_value_available() {
        Explainer explainer = new Explainer(car());
        Decision glass = new Decision("roof", "glass");
        Decision large = new Decision("size", "large");
        Decision red = new Decision("colour", "red");

        Change change = explainer.makeAvailable(List.of(glass, large), red);

        assertThat(change)
                .isEqualTo(
                        new Change.Retract(red, List.of(new Retraction(glass, List.of("steel"))), List.of(large, red)));
    }

    @Test
    void inconsistent_decisions_are_reported_instead_of_explained() {
        Explainer explainer = new Explainer(car());
        List<Decision> conflicting = List.of(new Decision("roof", "glass"), new Decision("colour", "red"));

        assertThat(explainer.whyUnavailable(conflicting, new Decision("size", "large")))
                .isEqualTo(new Explanation.DecisionsInconsistent(new Decision("size", "large"), conflicting));
    }

    /** colour {red, black, white}, roof {steel, glass}, size {tiny, small, large}; glass -> black; no tiny. */
    static SolutionSpace car() {
        List<int[]> clauses = new ArrayList<>();
        List<Integer> ruleOf = new ArrayList<>();
        Option colour = OneHot.option("colour", List.of("red", "black", "white"), 1, -1, clauses, ruleOf);
        Option roof = OneHot.option("roof", List.of("steel", "glass"), 4, -1, clauses, ruleOf);
        Option size = OneHot.option("size", List.of("tiny", "small", "large"), 6, -1, clauses, ruleOf);
        clauses.add(new int[] {-roof.literal(1), colour.literal(1)});
        ruleOf.add(0);
        clauses.add(new int[] {-size.literal(0)});
        ruleOf.add(1);
        List<Rule> rules =
                List.of(glassIsBlack(), new Rule("no-tiny", "No tiny cars", "We stopped making tiny cars", ""));
        return new SolutionSpace("car", List.of(colour, roof, size), rules, Cnf.of(8, clauses, ruleOf));
    }

    static Rule glassIsBlack() {
        return new Rule("glass-black", "Glass roof colour", "A glass roof comes in black only.", "car.tpm:3:1");
    }
}
