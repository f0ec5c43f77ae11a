package no.tilpass.engine.completion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import no.tilpass.engine.diagram.DecisionDiagram;
import no.tilpass.engine.sat.SatResult;
import no.tilpass.engine.sat.SatSolver;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.SolutionSpace;

/**
 * Completes a customer's decisions to a full valid configuration.
 *
 * <p><b>Defaults</b> ({@link Option#defaultIndex()}) are soft: they are kept greedily in option order. An
 * undecided option's default is kept when it is consistent with the decisions and the defaults kept
 * before it, otherwise it yields. This keeps a maximal (not necessarily maximum) set of defaults. Options
 * without a kept default take whatever value the solver finds, with the default values as preferred
 * phases. When the space has a {@link DecisionDiagram}, the diagram completes instead (no solver is
 * built): defaults are kept greedily in its block order, which puts options of 64 or more values last or
 * first when that makes the diagram smaller, and options without a kept default take their first valid
 * value (booleans: false).
 *
 * <p><b>Cheapest completion</b> minimises a linear cost over literals exactly: binary search on a cost
 * bound, where each probe asserts {@code cost <= bound} through a BDD encoding of the pseudo-Boolean
 * constraint (nodes shared between probes) and every satisfiable probe lowers the upper bound to the cost
 * of the model found. Defaults are then kept greedily among the cheapest configurations. If the BDD would
 * exceed {@link #NODE_LIMIT} nodes (thousands of distinct large costs), the cheapest configuration found so
 * far is returned with {@code optimal == false}.
 *
 * <p>Not thread-safe; use one {@code Completer} per thread.
 */
public final class Completer {
    /** Largest number of BDD nodes the cost bound encoding may create. */
    public static final int NODE_LIMIT = 1_000_000;

    private final SolutionSpace space;
    private SatSolver solver;

    public Completer(SolutionSpace space) {
        this.space = Objects.requireNonNull(space);
    }

    /** A full configuration extending {@code decisions}, keeping as many soft defaults as greedily possible. */
    public Completion complete(List<Decision> decisions) {
        int[] d = literals(decisions);
        DecisionDiagram diagram = DecisionDiagram.of(space).orElse(null);
        if (diagram != null && diagram.supports(d)) {
            Optional<int[]> chosen = diagram.complete(d);
            if (chosen.isEmpty()) {
                return new Completion.Inconsistent(decisions);
            }
            List<Decision> configuration = new ArrayList<>(space.options().size());
            for (int o = 0; o < space.options().size(); o++) {
                Option option = space.options().get(o);
                configuration.add(new Decision(option.name(), option.values().get(chosen.get()[o])));
            }
            return new Completion.Complete(configuration, yielded(configuration));
        }
        SatSolver s = solver();
        if (!satisfiable(s, d)) {
            return new Completion.Inconsistent(decisions);
        }
        int[] model = keepDefaults(s, d, decidedOptions(decisions));
        List<Decision> configuration = configuration(model);
        return new Completion.Complete(configuration, yielded(configuration));
    }

    /**
     * The cheapest full configuration extending {@code decisions}, where the cost of a configuration is
     * the sum of {@code costOfLiteral.get(l)} over the literals {@code l} it makes true (costs may be
     * negative; a value's cost is the cost of its {@link Option#literal(int) literal}).
     */
    public Completion cheapest(List<Decision> decisions, Map<Integer, Long> costOfLiteral) {
        int[] d = literals(decisions);
        Map<Integer, Long> sorted = new TreeMap<>(costOfLiteral);
        Map<Integer, Long> weight = new LinkedHashMap<>();
        for (Map.Entry<Integer, Long> e : sorted.entrySet()) {
            int lit = e.getKey();
            long cost = e.getValue();
            if (lit == 0 || Math.abs(lit) > space.cnf().variableCount()) {
                throw new IllegalArgumentException("cost given for literal " + lit
                        + ", but the model's variables are 1.." + space.cnf().variableCount());
            }
            if (cost > 0) {
                weight.merge(lit, cost, Math::addExact);
            } else if (cost < 0) {
                weight.merge(-lit, Math.negateExact(cost), Math::addExact); // c*l == c + (-c)*(not l)
            }
        }
        for (int lit : new ArrayList<>(weight.keySet())) {
            if (lit > 0 && weight.containsKey(-lit)) { // a*l + b*(not l) == min + the rest on one side
                long m = Math.min(weight.get(lit), weight.get(-lit));
                weight.merge(lit, -m, Long::sum);
                weight.merge(-lit, -m, Long::sum);
            }
        }
        weight.values().removeIf(w -> w == 0);

        SatSolver s = SatSolver.of(space.cnf());
        preferDefaults(s);
        for (int lit : weight.keySet()) {
            s.setPhase(-lit);
        }
        if (!satisfiable(s, d)) {
            return new Completion.Inconsistent(decisions);
        }
        int[] best = s.model();
        long bestCost = weighted(best, weight);
        int[] lits = new int[weight.size()];
        long[] ws = new long[weight.size()];
        Integer[] order = weight.keySet().toArray(new Integer[0]);
        Arrays.sort(order, (a, b) -> Long.compare(weight.get(b), weight.get(a)));
        for (int i = 0; i < order.length; i++) {
            lits[i] = order[i];
            ws[i] = weight.get(order[i]);
        }
        BoundEncoder bound = new BoundEncoder(s, lits, ws, NODE_LIMIT);
        boolean optimal = false;
        try {
            long low = 0;
            while (low < bestCost) {
                long mid = low + (bestCost - 1 - low) / 2;
                int root = bound.atMost(mid);
                if (root != BoundEncoder.FALSE && satisfiable(s, withRoot(d, root))) {
                    best = s.model();
                    bestCost = weighted(best, weight);
                } else {
                    low = mid + 1;
                }
            }
            optimal = true;
            int[] hard = withRoot(d, bound.atMost(bestCost));
            best = keepDefaults(s, hard, decidedOptions(decisions));
        } catch (BoundEncoder.TooLarge e) {
            // keep the cheapest configuration found; optimal says whether the search finished
        }
        List<Decision> configuration = configuration(best);
        return new Completion.Cheapest(configuration, cost(best, sorted), optimal, yielded(configuration));
    }

    private SatSolver solver() {
        if (solver == null) {
            solver = SatSolver.of(space.cnf());
            preferDefaults(solver);
        }
        return solver;
    }

    private void preferDefaults(SatSolver s) {
        for (Option o : space.options()) {
            if (o.defaultIndex() >= 0) {
                s.setPhase(o.literal(o.defaultIndex()));
            }
        }
    }

    /**
     * Greedy defaults: assumes {@code hard} and, in option order, each undecided option's default that is
     * consistent with what is assumed so far; returns the last model.
     */
    private int[] keepDefaults(SatSolver s, int[] hard, Set<String> decided) {
        if (!satisfiable(s, hard)) {
            throw new IllegalStateException("hard literals are unsatisfiable");
        }
        int[] model = s.model();
        int[] assumed = Arrays.copyOf(hard, hard.length + space.options().size());
        int size = hard.length;
        for (Option o : space.options()) {
            if (o.defaultIndex() < 0 || decided.contains(o.name())) {
                continue;
            }
            int lit = o.literal(o.defaultIndex());
            if (model[Math.abs(lit)] == lit) {
                assumed[size++] = lit;
                continue;
            }
            assumed[size] = lit;
            if (satisfiable(s, Arrays.copyOf(assumed, size + 1))) {
                size++;
                model = s.model();
            }
        }
        return model;
    }

    private List<Decision> configuration(int[] model) {
        List<Decision> out = new ArrayList<>(space.options().size());
        for (Option o : space.options()) {
            int chosen = -1;
            for (int i = 0; i < o.valueCount() && chosen < 0; i++) {
                int lit = o.literal(i);
                if (model[Math.abs(lit)] == lit) {
                    chosen = i;
                }
            }
            if (chosen < 0) {
                throw new IllegalStateException("option " + o.name() + " has no value in the model");
            }
            out.add(new Decision(o.name(), o.values().get(chosen)));
        }
        return out;
    }

    private List<Decision> yielded(List<Decision> configuration) {
        List<Decision> out = new ArrayList<>();
        for (int i = 0; i < space.options().size(); i++) {
            Option o = space.options().get(i);
            if (o.defaultIndex() >= 0
                    && !o.values()
                            .get(o.defaultIndex())
                            .equals(configuration.get(i).value())) {
                out.add(new Decision(o.name(), o.values().get(o.defaultIndex())));
            }
        }
        return out;
    }

    private int[] literals(List<Decision> decisions) {
        int[] out = new int[decisions.size()];
        for (int i = 0; i < out.length; i++) {
            Decision d = decisions.get(i);
            Option o = space.option(d.option())
                    .orElseThrow(() -> new IllegalArgumentException("unknown option '" + d.option() + "'"));
            int index = o.indexOf(d.value());
            if (index < 0) {
                throw new IllegalArgumentException(
                        "option '" + o.name() + "' has no value '" + d.value() + "'; its values are " + o.values());
            }
            out[i] = o.literal(index);
        }
        return out;
    }

    private static Set<String> decidedOptions(List<Decision> decisions) {
        Set<String> out = new HashSet<>();
        for (Decision d : decisions) {
            out.add(d.option());
        }
        return out;
    }

    private static int[] withRoot(int[] d, int root) {
        if (root == BoundEncoder.TRUE) {
            return d;
        }
        int[] out = Arrays.copyOf(d, d.length + 1);
        out[d.length] = root;
        return out;
    }

    private static long weighted(int[] model, Map<Integer, Long> weight) {
        long sum = 0;
        for (Map.Entry<Integer, Long> e : weight.entrySet()) {
            if (model[Math.abs(e.getKey())] == e.getKey()) {
                sum = Math.addExact(sum, e.getValue());
            }
        }
        return sum;
    }

    private static long cost(int[] model, Map<Integer, Long> costOfLiteral) {
        long sum = 0;
        for (Map.Entry<Integer, Long> e : costOfLiteral.entrySet()) {
            if (model[Math.abs(e.getKey())] == e.getKey()) {
                sum = Math.addExact(sum, e.getValue());
            }
        }
        return sum;
    }

    private static boolean satisfiable(SatSolver s, int[] assumptions) {
        SatResult result = s.solve(assumptions);
        if (result == SatResult.UNKNOWN) {
            throw new IllegalStateException("the SAT solver gave up without a conflict budget");
        }
        return result == SatResult.SATISFIABLE;
    }
}
