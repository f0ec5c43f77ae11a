package no.tilpass.engine.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.Rule;
import no.tilpass.engine.space.SolutionSpace;
import no.tilpass.engine.testsupport.BruteForce;
import no.tilpass.engine.testsupport.OneHot;
import no.tilpass.engine.testsupport.RandomCase;
import org.junit.jupiter.api.Test;

class CompleterTest {
    private static final int SEEDS = 300;

    @Test
    void completions_are_valid_honour_decisions_and_keep_defaults_greedily_on_random_models() {
        int complete = 0;
        int yielding = 0;
        for (RandomCase model : RandomCase.ofSeeds(SEEDS)) {
            SolutionSpace space = model.space();
            BruteForce bf = model.bf();
            Completer completer = new Completer(space);
            for (int trial = 0; trial < 5; trial++) {
                List<Decision> decisions = model.decisions(4);
                String ctx = model.context(decisions);
                Completion c = completer.complete(decisions);
                if (!bf.satisfiable(bf.literals(decisions))) {
                    assertThat(c).as(ctx).isEqualTo(new Completion.Inconsistent(decisions));
                    continue;
                }
                assertThat(c).as(ctx).isInstanceOf(Completion.Complete.class);
                Completion.Complete done = (Completion.Complete) c;
                checkConfiguration(space, bf, decisions, done.configuration(), ctx);
                checkDefaults(space, bf, bf.literals(decisions), done.configuration(), done.yieldedDefaults(), ctx);
                complete++;
                if (!done.yieldedDefaults().isEmpty()) {
                    yielding++;
                }
            }
        }
        assertThat(complete).as("completed cases").isGreaterThan(300);
        assertThat(yielding).as("cases where a default yields").isGreaterThan(100);
    }

    @Test
    void cheapest_completion_equals_the_brute_force_minimum_on_random_models() {
        int cheapest = 0;
        for (RandomCase model : RandomCase.ofSeeds(SEEDS)) {
            SolutionSpace space = model.space();
            BruteForce bf = model.bf();
            Completer completer = new Completer(space);
            for (int trial = 0; trial < 3; trial++) {
                List<Decision> decisions = model.decisions(3);
                Random rnd = model.rnd();
                Map<Integer, Long> costs = new LinkedHashMap<>();
                int n = space.cnf().variableCount();
                long scale = rnd.nextBoolean() ? 10 : 1_000_000;
                for (int k = rnd.nextInt(2 * n + 1); k > 0; k--) {
                    int lit = (1 + rnd.nextInt(n)) * (rnd.nextBoolean() ? 1 : -1);
                    costs.put(lit, (long) (rnd.nextDouble() * 1.5 * scale - 0.5 * scale));
                }
                String ctx = model.context(decisions, "costs", costs);
                int[] d = bf.literals(decisions);
                Completion c = completer.cheapest(decisions, costs);
                if (!bf.satisfiable(d)) {
                    assertThat(c).as(ctx).isEqualTo(new Completion.Inconsistent(decisions));
                    continue;
                }
                long min = Long.MAX_VALUE;
                for (long m : bf.models()) {
                    if (BruteForce.all(m, d)) {
                        min = Math.min(min, cost(m, costs));
                    }
                }
                assertThat(c).as(ctx).isInstanceOf(Completion.Cheapest.class);
                Completion.Cheapest best = (Completion.Cheapest) c;
                checkConfiguration(space, bf, decisions, best.configuration(), ctx);
                assertThat(best.optimal()).as(ctx).isTrue();
                assertThat(best.cost()).as(ctx + ": cost").isEqualTo(min);
                assertThat(cost(bf.modelOf(best.configuration()), costs))
                        .as(ctx + ": cost of the configuration")
                        .isEqualTo(min);
                // defaults are kept greedily among the cheapest configurations
                long minCost = min;
                List<Long> cheapestModels = bf.models().stream()
                        .filter(m -> BruteForce.all(m, d) && cost(m, costs) == minCost)
                        .toList();
                checkDefaultsAmong(space, cheapestModels, d, best.configuration(), best.yieldedDefaults(), ctx);
                cheapest++;
            }
        }
        assertThat(cheapest).as("cheapest cases").isGreaterThan(300);
    }

    @Test
    void a_default_yields_to_a_rule_and_a_decision() {
        SolutionSpace car = car();
        Completer completer = new Completer(car);

        assertThat(completer.complete(List.of()))
                .isEqualTo(new Completion.Complete(
                        List.of(new Decision("engine", "petrol"), new Decision("gearbox", "manual")), List.of()));
        assertThat(completer.complete(List.of(new Decision("engine", "electric"))))
                .isEqualTo(new Completion.Complete(
                        List.of(new Decision("engine", "electric"), new Decision("gearbox", "automatic")),
                        List.of(new Decision("engine", "petrol"), new Decision("gearbox", "manual"))));
    }

    @Test
    void the_cheapest_completion_pays_for_the_default_only_when_it_is_cheapest() {
        SolutionSpace car = car();
        Completer completer = new Completer(car);
        Option engine = car.options().get(0);
        Option gearbox = car.options().get(1);
        Map<Integer, Long> price = Map.of(
                engine.literal(0), 300L, engine.literal(1), 200L, engine.literal(2), 400L, gearbox.literal(1), 150L);

        assertThat(completer.cheapest(List.of(), price))
                .isEqualTo(new Completion.Cheapest(
                        List.of(new Decision("engine", "diesel"), new Decision("gearbox", "manual")),
                        200,
                        true,
                        List.of(new Decision("engine", "petrol"))));
        assertThat(completer.cheapest(List.of(new Decision("gearbox", "automatic")), price))
                .isEqualTo(new Completion.Cheapest(
                        List.of(new Decision("engine", "diesel"), new Decision("gearbox", "automatic")),
                        350,
                        true,
                        List.of(new Decision("engine", "petrol"), new Decision("gearbox", "manual"))));
    }

    @Test
    void conflicting_decisions_have_no_completion() {
        List<Decision> conflicting = List.of(new Decision("engine", "electric"), new Decision("gearbox", "manual"));
        Completer completer = new Completer(car());

        assertThat(completer.complete(conflicting)).isEqualTo(new Completion.Inconsistent(conflicting));
        assertThat(completer.cheapest(conflicting, Map.of())).isEqualTo(new Completion.Inconsistent(conflicting));
    }

    /** engine {petrol, diesel, electric} default petrol; gearbox {manual, automatic} default manual. */
    private static SolutionSpace car() {
        List<int[]> clauses = new ArrayList<>();
        List<Integer> ruleOf = new ArrayList<>();
        Option engine = OneHot.option("engine", List.of("petrol", "diesel", "electric"), 1, 0, clauses, ruleOf);
        Option gearbox = OneHot.option("gearbox", List.of("manual", "automatic"), 4, 0, clauses, ruleOf);
        clauses.add(new int[] {-engine.literal(2), gearbox.literal(1)});
        ruleOf.add(0);
        List<Rule> rules = List.of(new Rule("ev-auto", "Electric is automatic", "Electric cars have no clutch.", ""));
        return new SolutionSpace("car", List.of(engine, gearbox), rules, Cnf.of(5, clauses, ruleOf));
    }

    private static void checkConfiguration(
            SolutionSpace space, BruteForce bf, List<Decision> decisions, List<Decision> configuration, String ctx) {
        assertThat(configuration.stream().map(Decision::option).toList())
                .as(ctx)
                .isEqualTo(space.options().stream().map(Option::name).toList());
        assertThat(bf.modelOf(configuration))
                .as(ctx + ": " + configuration + " is valid")
                .isNotNull();
        assertThat(configuration).as(ctx).containsAll(decisions);
    }

    /** Greedy in option order: a default yields only when it conflicts with what was kept before it. */
    private static void checkDefaults(
            SolutionSpace space,
            BruteForce bf,
            int[] d,
            List<Decision> configuration,
            List<Decision> yielded,
            String ctx) {
        checkDefaultsAmong(space, bf.models(), d, configuration, yielded, ctx);
    }

    private static void checkDefaultsAmong(
            SolutionSpace space,
            List<Long> models,
            int[] d,
            List<Decision> configuration,
            List<Decision> yielded,
            String ctx) {
        List<Integer> assumed = new ArrayList<>();
        for (int lit : d) {
            assumed.add(lit);
        }
        List<Decision> expectedYielded = new ArrayList<>();
        for (int i = 0; i < space.options().size(); i++) {
            Option o = space.options().get(i);
            if (o.defaultIndex() < 0) {
                continue;
            }
            String def = o.values().get(o.defaultIndex());
            int lit = o.literal(o.defaultIndex());
            if (configuration.get(i).value().equals(def)) {
                assumed.add(lit);
                continue;
            }
            expectedYielded.add(new Decision(o.name(), def));
            assumed.add(lit);
            int[] trial = assumed.stream().mapToInt(Integer::intValue).toArray();
            assumed.remove(assumed.size() - 1);
            assertThat(models.stream().anyMatch(m -> BruteForce.all(m, trial)))
                    .as(ctx + ": default " + o.name() + "=" + def + " conflicts with " + configuration)
                    .isFalse();
        }
        assertThat(yielded).as(ctx + ": yielded defaults").isEqualTo(expectedYielded);
    }

    private static long cost(long model, Map<Integer, Long> costs) {
        long sum = 0;
        for (Map.Entry<Integer, Long> e : costs.entrySet()) {
            if (BruteForce.holds(model, e.getKey())) {
                sum += e.getValue();
            }
        }
        return sum;
    }
}
