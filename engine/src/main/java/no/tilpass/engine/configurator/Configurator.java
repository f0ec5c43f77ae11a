package no.tilpass.engine.configurator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import no.tilpass.engine.diagram.DecisionDiagram;
import no.tilpass.engine.sat.SatResult;
import no.tilpass.engine.sat.SatSolver;
import no.tilpass.engine.sat.SolverStatistics;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.SolutionSpace;

/**
 * Computes exact valid domains for one configuration session: after every list of decisions, for every
 * option, exactly the values that extend to at least one valid configuration.
 *
 * <p>One incremental {@link SatSolver} is kept for the session, with its learnt clauses. A value is
 * settled, cheapest first, by: unit propagation of the decisions; monotonicity (a value invalid under
 * fewer decisions stays invalid, a value valid under more decisions stays valid); a pool of witness
 * models from earlier steps that satisfy the current decisions (or that unit propagation repairs into
 * such models); SAT calls under the decisions that follow the pooled model holding most untested values;
 * cheap flips of each new model that keep it a model; and otherwise SAT calls under the decisions plus
 * the untested values (together, then one by one), with preferred phases that steer the model found
 * towards still untested values. Answers are never approximate: a value is valid
 * only with a witness model, invalid only with a refutation.
 *
 * <p>Not thread-safe: one configurator per session.
 */
public final class Configurator {
    private static final byte UNKNOWN = 0;
    private static final byte VALID = 1;
    private static final byte INVALID = 2;
    private static final int POOL_CAPACITY = 512;
    private static final int SWAP_MODELS = 4; // pooled models tried by swapWitnesses
    private static final int GROUP_MINIMUM = 32; // fewer untested literals are tested one by one
    /**
     * Decisions a search under decisions may spend completing its trail with a reference model instead of
     * deciding every variable (see {@link SatSolver#setOverlayCompletion(int)}); only group calls and single
     * tests overlay. The initial domains and the models that follow pooled ones search in full: their models
     * fill the pool, and a model overlaid on another adds little that is new to it.
     */
    private static final int OVERLAY_DECISIONS = 3;
    /**
     * Groups of more untested literals skip those whose propagation conflicts: all of them, since deciding
     * such a literal again after an ordinary backjump re-decides the priority decisions before it (Linux,
     * seed 7: one call of 6,890 conflicts, 1.5 s, with the former limit of 1,000). The solver learns from
     * the conflict one level down (see {@link SatSolver#setDecisionPriority(boolean, int...)}).
     */
    private static final int SKIP_ABOVE = 0;

    private static final int REPAIRED_MODELS = 64; // pooled models repairPool tries
    private static final int REPAIRS = 2; // extra assumptions repair may add
    private static final int FOLLOW_CALLS = 8; // SAT calls followPooled may make
    private static final int FOLLOW_MINIMUM = 64; // untested literals a followed model must hold

    private final SolutionSpace space;
    private final int groupMinimum;
    private final int variables;
    private final SatSolver solver;
    private final DecisionDiagram diagram; // null when the space has no small diagram
    /**
     * Whether {@link #repairPool} runs: only in spaces of boolean options. Where options are one-hot,
     * {@link #swapWitnesses} already moves pooled models to the new decisions, and repairing them too cost
     * the Renault model 2-4 ms per step (p50 0.9-2.6 ms without, 3.8-10.6 ms with).
     */
    private final boolean repairsPool;

    private final int[] optionStart;
    private final int[] valueLiteral; // internal literal per option value, flat
    private final int[] relevant; // distinct internal literals of option values
    private final int[][] clauses; // the CNF without duplicate literals and tautologies, internal literals
    private final int[][] occurrences; // internal literal -> clauses containing it
    private final int[] trueCount;
    private final int[] countStamp;
    private int stamp;
    // repair's scratch, allocated on first use: the model being repaired, per variable; the value
    // propagation gave a variable, where changedStamp is changeStamp
    private boolean[] current;
    private boolean[] changed;
    private int[] changedStamp;
    private int changeStamp;
    private int skipAbove = SKIP_ABOVE;
    private final ArrayDeque<long[]> pool = new ArrayDeque<>();

    private static final String NL = System.lineSeparator();
    private List<Decision> lastDecisions; // for messages only, while domains(List) runs
    private int[] previousDecisions; // sorted distinct internal literals
    private byte[] previousState;

    /** A configurator over {@code space}; builds the solver once for the whole session. */
    public Configurator(SolutionSpace space) {
        this(space, GROUP_MINIMUM, true);
    }

    /**
     * The SAT path alone (no decision diagram), testing together only more than {@code groupMinimum}
     * literals.
     */
    Configurator(SolutionSpace space, int groupMinimum) {
        this(space, groupMinimum, false);
    }

    /**
     * As {@link #Configurator(SolutionSpace)}; with {@code useDiagram}, consistent decisions are answered
     * from the space's {@link DecisionDiagram} when it has one.
     */
    Configurator(SolutionSpace space, int groupMinimum, boolean useDiagram) {
        this.space = space;
        this.groupMinimum = groupMinimum;
        Cnf cnf = space.cnf();
        this.variables = cnf.variableCount();
        this.solver = SatSolver.of(cnf);
        this.diagram = useDiagram ? DecisionDiagram.of(space).orElse(null) : null;
        this.repairsPool = space.options().stream().allMatch(Option::onOneVariable);
        List<Option> options = space.options();
        this.optionStart = new int[options.size() + 1];
        int total = 0;
        for (int o = 0; o < options.size(); o++) {
            optionStart[o] = total;
            total += options.get(o).valueCount();
        }
        optionStart[options.size()] = total;
        this.valueLiteral = new int[total];
        boolean[] isRelevant = new boolean[2 * (variables + 1)];
        int relevantCount = 0;
        for (int o = 0; o < options.size(); o++) {
            Option option = options.get(o);
            for (int i = 0; i < option.valueCount(); i++) {
                int lit = option.literal(i);
                if (lit == 0 || Math.abs(lit) > variables) {
                    throw new IllegalArgumentException("option " + option.name() + " has literal " + lit
                            + " outside the CNF's " + variables + " variables");
                }
                int internal = internal(lit);
                valueLiteral[optionStart[o] + i] = internal;
                if (!isRelevant[internal]) {
                    isRelevant[internal] = true;
                    relevantCount++;
                }
            }
        }
        this.relevant = new int[relevantCount];
        int r = 0;
        for (int lit = 2; lit < isRelevant.length; lit++) {
            if (isRelevant[lit]) {
                relevant[r++] = lit;
            }
        }
        this.clauses = simplifiedClauses(cnf);
        this.occurrences = occurrenceLists(clauses, variables);
        this.trueCount = new int[clauses.length];
        this.countStamp = new int[clauses.length];
    }

    /** For tests: models the solver found by overlaying its trail on a reference model. */
    long overlaidModels() {
        return solver.overlayModels();
    }

    /** For tests: group calls over more than {@code count} literals skip those whose propagation conflicts. */
    void skipFailingAbove(int count) {
        this.skipAbove = count;
    }

    public SolutionSpace space() {
        return space;
    }

    /** Whether consistent decisions are answered from a compiled {@link DecisionDiagram}. */
    public boolean usesDiagram() {
        return diagram != null;
    }

    /** The effort of this session's solver so far (deterministic; for benchmarks). */
    public SolverStatistics statistics() {
        return solver.statistics();
    }

    /**
     * Checks {@code decisions} against {@code space}: their literals, or every unknown option, unknown
     * value and repeated option, each with a "Maybe" line naming the nearest names.
     */
    public static Resolution resolve(SolutionSpace space, List<Decision> decisions) {
        List<String> problems = new ArrayList<>();
        List<Integer> wrong = new ArrayList<>();
        int[] literals = new int[decisions.size()];
        Map<String, Integer> firstDecision = new HashMap<>();
        for (int i = 0; i < decisions.size(); i++) {
            Decision decision = decisions.get(i);
            String where = "decision " + (i + 1) + " '" + decision + "': ";
            Option option = space.option(decision.option()).orElse(null);
            if (option == null) {
                List<String> names = space.options().stream().map(Option::name).toList();
                List<String> near = nearest(decision.option(), names);
                problems.add(where + "unknown option '" + decision.option() + "'" + NL + "Maybe "
                        + (near.isEmpty()
                                ? "check the spelling; the model has " + names.size() + " options, e.g. "
                                        + quoted(names.subList(0, Math.min(5, names.size())), ", ") + "."
                                : "you meant " + quoted(near, " or ") + "."));
                wrong.add(i);
                continue;
            }
            int value = option.indexOf(decision.value());
            if (value < 0) {
                List<String> near = nearest(decision.value(), option.values());
                List<String> shown = option.values().subList(0, Math.min(12, option.valueCount()));
                String all = quoted(shown, ", ")
                        + (option.valueCount() > shown.size()
                                ? " and " + (option.valueCount() - shown.size()) + " more"
                                : "");
                problems.add(where + "option '" + option.name() + "' has no value '" + decision.value() + "'" + NL
                        + "Maybe " + (near.isEmpty() ? "use one of " + all : "you meant " + quoted(near, " or "))
                        + ".");
                wrong.add(i);
                continue;
            }
            Integer first = firstDecision.putIfAbsent(option.name(), i);
            if (first != null) {
                problems.add(where + "option '" + option.name() + "' is already decided by decision " + (first + 1)
                        + " '" + decisions.get(first) + "'" + NL + "Maybe keep only one decision on '"
                        + option.name() + "'.");
                wrong.add(i);
                continue;
            }
            literals[i] = option.literal(value);
        }
        return problems.isEmpty() ? new Resolution.Resolved(literals) : new Resolution.Invalid(problems, wrong);
    }

    /**
     * The domains after some decisions and, where the space's {@link DecisionDiagram} answered, a full
     * configuration that keeps soft defaults greedily (as {@code Completer.complete} with a diagram), as one
     * value index per option; empty otherwise (inconsistent decisions, or the SAT path).
     */
    public record Step(DomainResult domains, Optional<int[]> completion) {}

    /** {@link #domains(List)}, with the completion from the same pass when the diagram answers. */
    public Step step(List<Decision> decisions) {
        Resolution resolution = resolve(space, decisions);
        if (diagram != null && resolution instanceof Resolution.Resolved resolved) {
            int[] literals = resolved.literals();
            if (diagram.supports(literals)) {
                Optional<DecisionDiagram.Answer> answer = diagram.analyse(literals);
                if (answer.isPresent()) {
                    return new Step(
                            fromDiagram(literals, answer.get().alternatives()),
                            Optional.of(answer.get().completion()));
                }
            }
        }
        return new Step(domains(decisions, resolution), Optional.empty());
    }

    /**
     * The valid domains after {@code decisions}; {@link DomainResult.Inconsistent} with the problems of
     * {@link #resolve} when they do not resolve.
     */
    public DomainResult domains(List<Decision> decisions) {
        return domains(decisions, resolve(space, decisions));
    }

    /** {@link #domains(List)} with the decisions already resolved. */
    private DomainResult domains(List<Decision> decisions, Resolution resolution) {
        if (resolution instanceof Resolution.Invalid invalid) {
            return new DomainResult.Inconsistent(invalid.decisions(), invalid.problems());
        }
        lastDecisions = decisions;
        try {
            return domains(((Resolution.Resolved) resolution).literals());
        } finally {
            lastDecisions = null;
        }
    }

    /**
     * The valid domains after deciding every literal of {@code decisionLiterals} (DIMACS literals over the
     * CNF's variables); conflicting decisions are reported by their indices in this array.
     */
    public DomainResult domains(int[] decisionLiterals) {
        int[] decisions = decisionLiterals.clone();
        for (int lit : decisions) {
            if (lit == 0 || Math.abs(lit) > variables) {
                throw new IllegalArgumentException(
                        "decision literal " + lit + " is not over the CNF's variables 1.." + variables);
            }
        }
        if (diagram != null && diagram.supports(decisions)) {
            Optional<List<int[]>> alternatives = diagram.alternatives(decisions);
            if (alternatives.isPresent()) {
                return fromDiagram(decisions, alternatives.get());
            }
            // Conflicting decisions: the SAT path below finds the decisions at fault.
        }
        byte[] state = new byte[2 * (variables + 1)];
        int[] implied = solver.propagate(decisions);
        if (implied == null) {
            return inconsistent(decisions);
        }
        for (int lit : implied) {
            if (Math.abs(lit) <= variables) {
                int internal = internal(lit);
                state[internal] = VALID;
                state[internal ^ 1] = INVALID;
            }
        }
        int[] sorted = sortedDistinct(decisions);
        if (previousState != null) {
            boolean superset = containsAll(sorted, previousDecisions);
            boolean subset = containsAll(previousDecisions, sorted);
            for (int lit : relevant) {
                if (state[lit] == UNKNOWN) {
                    byte before = previousState[lit];
                    if ((superset && before == INVALID) || (subset && before == VALID)) {
                        state[lit] = before;
                    }
                }
            }
        }
        if (repairsPool) {
            repairPool(decisions);
        }
        boolean witnessed = applyPool(decisions, state);
        if (!witnessed) {
            long[] guide = decisions.length == 0 ? null : poolModelWith(internal(decisions[decisions.length - 1]));
            if (guide != null) {
                followModel(guide);
            } else {
                preferUntested(state);
            }
            SatResult result = solver.solve(decisions);
            if (result != SatResult.SATISFIABLE) {
                return inconsistent(decisions);
            }
            witness(solver.model(), state);
        }
        swapWitnesses(decisions, state);
        followPooled(decisions, state);
        int[] assumptions = Arrays.copyOf(decisions, decisions.length + 1);
        testInGroups(assumptions, state);
        for (int lit : relevant) {
            if (state[lit] != UNKNOWN) {
                continue;
            }
            assumptions[decisions.length] = dimacs(lit);
            long[] guide = poolModelWith(lit);
            if (guide != null) {
                followModel(guide);
            } else {
                preferUntested(state);
            }
            solver.setOverlayCompletion(decisions.length > 0 ? OVERLAY_DECISIONS : 0);
            SatResult result = solver.solve(assumptions);
            solver.setOverlayCompletion(0);
            if (result == SatResult.SATISFIABLE) {
                witness(solver.model(), state);
            } else {
                state[lit] = INVALID;
            }
        }
        previousDecisions = sorted;
        previousState = state;
        boolean[] decided = decidedLiterals(decisions);
        int optionCount = optionStart.length - 1;
        List<int[]> valid = new ArrayList<>(optionCount);
        List<DomainResult.OptionState> states = new ArrayList<>(optionCount);
        for (int o = 0; o < optionCount; o++) {
            int count = 0;
            boolean isDecided = false;
            for (int i = optionStart[o]; i < optionStart[o + 1]; i++) {
                if (state[valueLiteral[i]] == VALID) {
                    count++;
                }
                isDecided |= decided[valueLiteral[i]];
            }
            int[] indices = new int[count];
            int k = 0;
            for (int i = optionStart[o]; i < optionStart[o + 1]; i++) {
                if (state[valueLiteral[i]] == VALID) {
                    indices[k++] = i - optionStart[o];
                }
            }
            valid.add(indices);
            states.add(
                    isDecided && count == 1
                            ? DomainResult.OptionState.DECIDED
                            : count == 1 ? DomainResult.OptionState.FORCED : DomainResult.OptionState.OPEN);
        }
        return new DomainResult.Consistent(valid, states);
    }

    /** Per internal literal: whether it is one of {@code decisions}. */
    private boolean[] decidedLiterals(int[] decisions) {
        boolean[] decided = new boolean[2 * (variables + 1)];
        for (int lit : decisions) {
            decided[internal(lit)] = true;
        }
        return decided;
    }

    /** The domains from the diagram's alternatives: a decided option keeps its decided value only. */
    private DomainResult.Consistent fromDiagram(int[] decisions, List<int[]> alternatives) {
        boolean[] decided = decidedLiterals(decisions);
        int optionCount = optionStart.length - 1;
        List<int[]> valid = new ArrayList<>(optionCount);
        List<DomainResult.OptionState> states = new ArrayList<>(optionCount);
        for (int o = 0; o < optionCount; o++) {
            int chosen = -1;
            for (int i = optionStart[o]; i < optionStart[o + 1]; i++) {
                if (decided[valueLiteral[i]]) {
                    chosen = i - optionStart[o];
                }
            }
            int[] values = chosen >= 0 ? new int[] {chosen} : alternatives.get(o);
            valid.add(values);
            states.add(
                    chosen >= 0
                            ? DomainResult.OptionState.DECIDED
                            : values.length == 1 ? DomainResult.OptionState.FORCED : DomainResult.OptionState.OPEN);
        }
        return new DomainResult.Consistent(valid, states, alternatives);
    }

    /**
     * Tests all untested literals together: a fresh selector guards the clause "at least one untested
     * literal holds"; a model witnesses at least one of them, a refutation refutes every one at once. The
     * selector is retired by a unit clause after each call. The solver decides the untested literals first;
     * one whose propagation conflicts is skipped, and after a decision also left out of the priority of the
     * later calls of this step (it stays in their clause): it is usually invalid, and deciding it again in
     * every call cost the Linux model up to 190,000 propagations per call. The initial domains (no
     * decision) keep deciding them: their models fill the pool that later steps witness from, and models
     * found without those values cost automotive01's later steps 1.7x the propagations.
     */
    private void testInGroups(int[] assumptions, byte[] state) {
        int[] untested = new int[relevant.length + 1];
        boolean[] demoted = new boolean[2 * (variables + 1)];
        boolean demotes = assumptions.length > 1; // not in the initial domains, which fill the pool
        while (true) {
            int count = 0;
            for (int lit : relevant) {
                if (state[lit] == UNKNOWN) {
                    untested[++count] = dimacs(lit);
                }
            }
            if (count <= groupMinimum) {
                return;
            }
            int selector = solver.newVariable();
            untested[0] = -selector;
            solver.addClause(Arrays.copyOf(untested, count + 1));
            assumptions[assumptions.length - 1] = selector;
            preferUntested(state);
            boolean skip = count > skipAbove;
            int[] priority = new int[count];
            int prioritized = 0;
            for (int i = 1; i <= count; i++) {
                if (!demoted[internal(untested[i])]) {
                    priority[prioritized++] = untested[i];
                }
            }
            solver.setDecisionPriority(skip, Arrays.copyOf(priority, prioritized));
            solver.setOverlayCompletion(demotes ? OVERLAY_DECISIONS : 0);
            SatResult result = solver.solve(assumptions);
            solver.setOverlayCompletion(0);
            if (skip && demotes) {
                for (int lit : solver.skippedPriorities()) {
                    demoted[internal(lit)] = true;
                }
            }
            solver.setDecisionPriority();
            int[] model = result == SatResult.SATISFIABLE ? solver.model() : null;
            solver.addClause(-selector);
            if (model != null) {
                witness(model, state);
                swapWitnesses(Arrays.copyOf(assumptions, assumptions.length - 1), state, pool.peekLast());
            } else if (result == SatResult.UNSATISFIABLE) {
                for (int i = 1; i <= count; i++) {
                    state[internal(untested[i])] = INVALID;
                }
                return;
            } else {
                return;
            }
        }
    }

    // ---------------------------------------------------------------- witnesses

    /**
     * Witnesses untested values of options with more than two values without a SAT call: in each of the
     * most recent pooled models that satisfy the decisions, the option's value is replaced by an untested one
     * and every other option keeps its value; when unit propagation alone then assigns every variable
     * without a conflict, that assignment satisfies every clause and witnesses the value. A single flip
     * (see {@link #witness}) cannot do this for one-hot options, whose values exclude each other. The
     * assumptions of consecutive tries share their prefix, so the solver propagates only the new value.
     */
    private void swapWitnesses(int[] decisions, byte[] state) {
        List<long[]> models = new ArrayList<>(SWAP_MODELS);
        Iterator<long[]> it = pool.descendingIterator();
        while (it.hasNext() && models.size() < SWAP_MODELS) {
            long[] candidate = it.next();
            if (satisfies(candidate, decisions)) {
                models.add(candidate);
            }
        }
        for (long[] model : models) {
            swapWitnesses(decisions, state, model);
        }
    }

    private void swapWitnesses(int[] decisions, byte[] state, long[] model) {
        int optionCount = optionStart.length - 1;
        int[] assumptions = null;
        for (int o = 0; o < optionCount; o++) {
            if (!multiValued(o) || !hasUntested(o, state)) {
                continue;
            }
            if (assumptions == null) {
                assumptions = new int[decisions.length + optionCount + 1];
            }
            int n = 0;
            for (int lit : decisions) {
                assumptions[n++] = lit;
            }
            for (int p = 0; p < optionCount; p++) {
                if (p != o) {
                    int value = valueIn(model, p);
                    if (value != 0) {
                        assumptions[n++] = value;
                    }
                }
            }
            int[] tryAssumptions = Arrays.copyOf(assumptions, n + 1);
            for (int i = optionStart[o]; i < optionStart[o + 1]; i++) {
                int lit = valueLiteral[i];
                if (state[lit] != UNKNOWN) {
                    continue;
                }
                tryAssumptions[n] = dimacs(lit);
                int[] implied = solver.propagate(tryAssumptions);
                if (implied == null) {
                    continue;
                }
                int[] full = new int[variables + 1];
                int assigned = 0;
                for (int l : implied) {
                    int v = Math.abs(l);
                    if (v <= variables && full[v] == 0) {
                        full[v] = l;
                        assigned++;
                    }
                }
                if (assigned == variables) {
                    witness(full, state);
                }
            }
        }
    }

    /**
     * Witnesses untested literals with models of the decisions close to pooled models: while some pooled
     * model holds at least {@link #FOLLOW_MINIMUM} untested literals, one SAT call under the decisions that
     * prefers every variable's value in the pooled model that holds most. Search then departs from that
     * model only where the decisions force it, so the call meets few conflicts, and its model keeps most of
     * the untested literals it was steered to.
     */
    private void followPooled(int[] decisions, byte[] state) {
        int words = (variables >> 6) + 1;
        int before = Integer.MAX_VALUE;
        for (int call = 0; call < FOLLOW_CALLS; call++) {
            long[] positive = new long[words];
            long[] negative = new long[words];
            int untested = 0;
            for (int lit : relevant) {
                if (state[lit] == UNKNOWN) {
                    untested++;
                    int v = lit >> 1;
                    long[] mask = (lit & 1) == 0 ? positive : negative;
                    mask[v >> 6] |= 1L << v;
                }
            }
            if (untested == before) {
                return; // the last call kept none of them: following pooled models gives nothing more
            }
            before = untested;
            long[] best = null;
            int bestCount = FOLLOW_MINIMUM - 1;
            for (long[] model : pool) {
                int count = holdsUntested(model, positive, negative);
                if (count > bestCount) {
                    bestCount = count;
                    best = model;
                }
            }
            if (best == null) {
                return;
            }
            followModel(best);
            if (solver.solve(decisions) != SatResult.SATISFIABLE) {
                return;
            }
            witness(solver.model(), state);
        }
    }

    /** How many literals of the masks {@code model} holds, positive ones true and negative ones false. */
    private static int holdsUntested(long[] model, long[] positive, long[] negative) {
        int count = 0;
        for (int w = 0; w < model.length; w++) {
            count += Long.bitCount(model[w] & positive[w]) + Long.bitCount(~model[w] & negative[w]);
        }
        return count;
    }

    /**
     * Pools, for each of the most recent pooled models that do not satisfy the decisions, a model of the
     * decisions close to it when {@link #repair} finds one cheaply. A decision rarely holds in many pooled
     * models, so without this the pool witnesses few values after it, and each value it misses costs search.
     */
    private void repairPool(int[] decisions) {
        if (current == null) {
            current = new boolean[variables + 1];
            changed = new boolean[variables + 1];
            changedStamp = new int[variables + 1];
        }
        List<long[]> candidates = new ArrayList<>(REPAIRED_MODELS);
        Iterator<long[]> it = pool.descendingIterator();
        while (it.hasNext() && candidates.size() < REPAIRED_MODELS) {
            long[] model = it.next();
            if (!satisfies(model, decisions)) {
                candidates.add(model);
            }
        }
        for (long[] model : candidates) {
            for (int v = 1; v <= variables; v++) {
                current[v] = (model[v >> 6] & (1L << v)) != 0;
            }
            int[] implied = repair(Arrays.copyOf(decisions, decisions.length + REPAIRS), decisions.length);
            if (implied == null) {
                continue;
            }
            long[] bits = model.clone();
            for (int x : implied) {
                int v = Math.abs(x);
                if (v > variables) {
                    continue;
                }
                if (x > 0) {
                    bits[v >> 6] |= 1L << v;
                } else {
                    bits[v >> 6] &= ~(1L << v);
                }
            }
            pool.addLast(bits);
            if (pool.size() > POOL_CAPACITY) {
                pool.removeFirst();
            }
        }
    }

    /**
     * Repairs {@link #current} into a model of the assumptions {@code assume[0..n)} without search: unit
     * propagation of the assumptions overwrites the variables it assigns, and every clause that lost its true
     * literals is checked. While one is falsified, one of its literals that propagation left open is assumed
     * as well, up to {@code assume.length} assumptions. Returns what to overwrite {@link #current} with (DIMACS
     * literals), or null when propagation conflicts or the repairs run out.
     */
    private int[] repair(int[] assume, int n) {
        int[] implied = solver.propagateBeyond(0, Arrays.copyOf(assume, n));
        int depth = n;
        while (implied != null) {
            int[] violated = violatedClause(implied);
            if (violated == null) {
                return implied;
            }
            int[] repaired = null;
            for (int i = 0; i < violated.length && repaired == null && depth < assume.length; i++) {
                int y = violated[i];
                if (changedStamp[y >> 1] != changeStamp) {
                    assume[depth] = dimacs(y);
                    repaired = solver.propagateBeyond(0, Arrays.copyOf(assume, depth + 1));
                }
            }
            depth++;
            implied = repaired;
        }
        return null;
    }

    /**
     * A clause (internal literals) falsified by {@link #current} overwritten with {@code implied} (DIMACS
     * literals), or null; only clauses that lost a true literal are checked. Marks {@code implied} in
     * {@link #changed}.
     */
    private int[] violatedClause(int[] implied) {
        changeStamp++;
        if (changeStamp == Integer.MAX_VALUE) {
            Arrays.fill(changedStamp, 0);
            changeStamp = 1;
        }
        for (int x : implied) {
            int v = Math.abs(x);
            if (v <= variables) {
                changedStamp[v] = changeStamp;
                changed[v] = x > 0;
            }
        }
        for (int x : implied) {
            int v = Math.abs(x);
            if (v > variables || current[v] == (x > 0)) {
                continue;
            }
            for (int c : occurrences[internal(-x)]) {
                boolean satisfied = false;
                for (int y : clauses[c]) {
                    int u = y >> 1;
                    boolean truth = changedStamp[u] == changeStamp ? changed[u] : current[u];
                    if (truth == ((y & 1) == 0)) {
                        satisfied = true;
                        break;
                    }
                }
                if (!satisfied) {
                    return clauses[c];
                }
            }
        }
        return null;
    }

    /** Whether option {@code o} has more than two values or two that are not each other's negation. */
    private boolean multiValued(int o) {
        int size = optionStart[o + 1] - optionStart[o];
        return size > 2 || (size == 2 && valueLiteral[optionStart[o]] != (valueLiteral[optionStart[o] + 1] ^ 1));
    }

    private boolean hasUntested(int o, byte[] state) {
        for (int i = optionStart[o]; i < optionStart[o + 1]; i++) {
            if (state[valueLiteral[i]] == UNKNOWN) {
                return true;
            }
        }
        return false;
    }

    /** The DIMACS literal of option {@code o}'s value that is true in {@code model}, or 0 when none is. */
    private int valueIn(long[] model, int o) {
        for (int i = optionStart[o]; i < optionStart[o + 1]; i++) {
            if (holds(model, valueLiteral[i])) {
                return dimacs(valueLiteral[i]);
            }
        }
        return 0;
    }

    /** Marks every literal of every pooled model that satisfies the decisions; true when there is one. */
    private boolean applyPool(int[] decisions, byte[] state) {
        int words = (variables >> 6) + 1;
        long[] anyTrue = null;
        long[] anyFalse = null;
        for (long[] model : pool) {
            if (!satisfies(model, decisions)) {
                continue;
            }
            if (anyTrue == null) {
                anyTrue = new long[words];
                anyFalse = new long[words];
            }
            for (int w = 0; w < words; w++) {
                anyTrue[w] |= model[w];
                anyFalse[w] |= ~model[w];
            }
        }
        if (anyTrue == null) {
            return false;
        }
        for (int lit : relevant) {
            if (state[lit] == UNKNOWN) {
                int v = lit >> 1;
                long[] bits = (lit & 1) == 0 ? anyTrue : anyFalse;
                if ((bits[v >> 6] & (1L << v)) != 0) {
                    state[lit] = VALID;
                }
            }
        }
        return true;
    }

    private static boolean satisfies(long[] model, int[] decisions) {
        for (int lit : decisions) {
            int v = Math.abs(lit);
            boolean value = (model[v >> 6] & (1L << v)) != 0;
            if (value != lit > 0) {
                return false;
            }
        }
        return true;
    }

    /** The most recent pooled model in which internal literal {@code lit} is true, or null. */
    private long[] poolModelWith(int lit) {
        Iterator<long[]> it = pool.descendingIterator();
        while (it.hasNext()) {
            long[] model = it.next();
            if (holds(model, lit)) {
                return model;
            }
        }
        return null;
    }

    /** Whether internal literal {@code lit} is true in the pooled {@code model}. */
    private static boolean holds(long[] model, int lit) {
        int v = lit >> 1;
        return ((model[v >> 6] & (1L << v)) != 0) == ((lit & 1) == 0);
    }

    /**
     * Prefers, for every variable, its value in {@code model}, and makes it the model an overlaying search
     * completes its trail with: a pooled model satisfies every clause, and each selector is retired (false)
     * between calls.
     */
    private void followModel(long[] model) {
        int[] reference = new int[variables + 1];
        for (int v = 1; v <= variables; v++) {
            int lit = (model[v >> 6] & (1L << v)) != 0 ? v : -v;
            solver.setPhase(lit);
            reference[v] = lit;
        }
        solver.setReference(reference);
    }

    private void preferUntested(byte[] state) {
        for (int lit : relevant) {
            if (state[lit] == UNKNOWN) {
                solver.setPhase(dimacs(lit));
            }
        }
    }

    /**
     * Marks the literals of a model valid, then flips, one by one, untested literals whose flip keeps every
     * clause satisfied (each intermediate assignment is a model too), and pools the final model.
     */
    private void witness(int[] model, byte[] state) {
        boolean[] value = new boolean[variables + 1];
        for (int v = 1; v <= variables; v++) {
            value[v] = model[v] > 0;
        }
        for (int lit : relevant) {
            if (state[lit] == UNKNOWN && value[lit >> 1] == ((lit & 1) == 0)) {
                state[lit] = VALID;
            }
        }
        stamp++;
        if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(countStamp, 0);
            stamp = 1;
        }
        for (int lit : relevant) {
            if (state[lit] != UNKNOWN) {
                continue;
            }
            int[] losing = occurrences[lit ^ 1];
            boolean flippable = true;
            for (int c : losing) {
                if (count(c, value) < 2) {
                    flippable = false;
                    break;
                }
            }
            if (!flippable) {
                continue;
            }
            for (int c : losing) {
                trueCount[c]--;
            }
            for (int c : occurrences[lit]) {
                if (countStamp[c] == stamp) {
                    trueCount[c]++;
                }
            }
            value[lit >> 1] = (lit & 1) == 0;
            state[lit] = VALID;
        }
        long[] bits = new long[(variables >> 6) + 1];
        for (int v = 1; v <= variables; v++) {
            if (value[v]) {
                bits[v >> 6] |= 1L << v;
            }
        }
        pool.addLast(bits);
        if (pool.size() > POOL_CAPACITY) {
            pool.removeFirst();
        }
    }

    /** The number of true literals of clause {@code c} under {@code value}, cached for this model. */
    private int count(int c, boolean[] value) {
        if (countStamp[c] != stamp) {
            int n = 0;
            for (int lit : clauses[c]) {
                if (value[lit >> 1] == ((lit & 1) == 0)) {
                    n++;
                }
            }
            trueCount[c] = n;
            countStamp[c] = stamp;
        }
        return trueCount[c];
    }

    private DomainResult inconsistent(int[] decisions) {
        previousDecisions = null;
        previousState = null;
        SatResult result = solver.solve(decisions);
        if (result == SatResult.SATISFIABLE) {
            throw new IllegalStateException("propagation found a conflict that search does not confirm");
        }
        List<Integer> conflicting = new ArrayList<>();
        for (int lit : solver.failedAssumptions()) {
            for (int i = 0; i < decisions.length; i++) {
                if (decisions[i] == lit) {
                    if (!conflicting.contains(i)) {
                        conflicting.add(i);
                    }
                    break;
                }
            }
        }
        conflicting.sort(Comparator.naturalOrder());
        List<String> names = new ArrayList<>();
        for (int i : conflicting) {
            names.add(lastDecisions != null ? lastDecisions.get(i).toString() : literalName(decisions[i]));
        }
        String problem = conflicting.isEmpty()
                ? "the rules of '" + space.name() + "' admit no valid configuration at all" + NL
                        + "Maybe the model itself is wrong; check its rules."
                : "the decisions " + quoted(names, ", ") + " cannot all hold together under the rules" + NL
                        + "Maybe retract one of them.";
        return new DomainResult.Inconsistent(conflicting, List.of(problem));
    }

    private String literalName(int lit) {
        Option option = space.optionOfVariable(Math.abs(lit)).orElse(null);
        if (option != null) {
            for (int i = 0; i < option.valueCount(); i++) {
                if (option.literal(i) == lit) {
                    return option.name() + "=" + option.values().get(i);
                }
            }
        }
        return "literal " + lit;
    }

    private static String quoted(List<String> names, String separator) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(separator));
    }

    // ---------------------------------------------------------------- helpers

    private static int internal(int lit) {
        return lit > 0 ? 2 * lit : 2 * -lit + 1;
    }

    private static int dimacs(int lit) {
        return (lit & 1) == 0 ? lit >> 1 : -(lit >> 1);
    }

    private static int[] sortedDistinct(int[] decisions) {
        return Arrays.stream(decisions)
                .map(Configurator::internal)
                .sorted()
                .distinct()
                .toArray();
    }

    /** Whether sorted {@code big} contains every element of sorted {@code small}. */
    private static boolean containsAll(int[] big, int[] small) {
        int i = 0;
        for (int x : small) {
            while (i < big.length && big[i] < x) {
                i++;
            }
            if (i == big.length || big[i] != x) {
                return false;
            }
        }
        return true;
    }

    private static int[][] simplifiedClauses(Cnf cnf) {
        List<int[]> result = new ArrayList<>(cnf.clauseCount());
        for (int[] clause : cnf.clauses()) {
            int[] lits = new int[clause.length];
            for (int i = 0; i < clause.length; i++) {
                lits[i] = internal(clause[i]);
            }
            Arrays.sort(lits);
            int size = 0;
            boolean tautology = false;
            for (int lit : lits) {
                if (size > 0 && lits[size - 1] == lit) {
                    continue;
                }
                if (size > 0 && (lits[size - 1] ^ 1) == lit) {
                    tautology = true;
                    break;
                }
                lits[size++] = lit;
            }
            if (!tautology) {
                result.add(Arrays.copyOf(lits, size));
            }
        }
        return result.toArray(new int[0][]);
    }

    private static int[][] occurrenceLists(int[][] clauses, int variables) {
        int[] counts = new int[2 * (variables + 1)];
        for (int[] clause : clauses) {
            for (int lit : clause) {
                counts[lit]++;
            }
        }
        int[][] result = new int[counts.length][];
        for (int lit = 0; lit < counts.length; lit++) {
            result[lit] = new int[counts[lit]];
        }
        int[] fill = new int[counts.length];
        for (int c = 0; c < clauses.length; c++) {
            for (int lit : clauses[c]) {
                result[lit][fill[lit]++] = c;
            }
        }
        return result;
    }

    /** Up to three names closest to {@code wanted} by case-insensitive edit distance, if close enough. */
    static List<String> nearest(String wanted, List<String> names) {
        String target = wanted.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, target.length() / 3);
        record Scored(String name, int distance) {}
        List<Scored> scored = new ArrayList<>();
        for (String name : names) {
            String candidate = name.toLowerCase(Locale.ROOT);
            if (Math.abs(candidate.length() - target.length()) > limit) {
                continue;
            }
            int d = editDistance(target, candidate);
            if (d <= limit) {
                scored.add(new Scored(name, d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().limit(3).map(Scored::name).toList();
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
