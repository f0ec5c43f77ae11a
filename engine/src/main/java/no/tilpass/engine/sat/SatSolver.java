package no.tilpass.engine.sat;

import java.util.Arrays;
import no.tilpass.engine.space.Cnf;

/**
 * An incremental CDCL SAT solver over variables {@code 1..variableCount()}, literals in DIMACS
 * convention (a signed variable number).
 *
 * <p>Two watched literals with blocker literals (a binary clause is propagated from its watch alone, its
 * other literal being the blocker; a clause longer than 8 resumes the search for a new watch where the last
 * one ended), VSIDS branching on a binary heap, phase saving with an
 * overriding preferred phase, first-UIP learning with recursive clause minimisation, Luby restarts,
 * LBD-based deletion of learnt clauses, chronological backtracking for backjumps over more than 100
 * levels, and assumptions with failed-assumption analysis. Learnt clauses
 * are kept between {@link #solve(int...)} calls, and so are the assumption levels that a following call
 * shares as a prefix (they are not propagated again).
 *
 * <p>Internally literal {@code v} is {@code 2v} and {@code -v} is {@code 2v+1}; all state lives in flat
 * arrays. Not thread-safe: use one solver per thread.
 */
public final class SatSolver {
    private static final byte TRUE = 1;
    private static final byte FALSE = -1;
    private static final int NONE = -1;
    private static final int UNSATISFIABLE_AT_ROOT = -2;
    private static final int RESTART_BASE = 100;
    private static final double VAR_DECAY = 0.95;
    private static final double CLAUSE_DECAY = 0.999;
    private static final int CIRCULAR = 8; // longer clauses resume the search for a new watch where it last ended
    /**
     * A backjump over more levels goes back one level only (chronological backtracking, Nadel and Ryvchin
     * 2018): on the Linux model a conflict deep in a group call's priority decisions otherwise throws away
     * hundreds of them, which the solver then decides and propagates again.
     */
    private static final int CHRONO_JUMP = 100;

    private boolean ok = true;
    private int nVars;

    // per literal (index 2v or 2v+1)
    private byte[] litVal;
    private int[][] watches; // pairs: clause ref, blocker literal
    private int[] watchCount;

    // per variable
    private int[] level;
    private int[] reason;
    private int[] impliedLevel; // a literal implied above its level: the level its reason became unit at; else -1
    private double[] activity;
    private byte[] savedPhase;
    private byte[] userPhase;
    private byte[] seen;
    private int[] heap;
    private int[] heapIndex;
    private int heapSize;

    // trail
    private int[] trail;
    private int trailSize;
    private int qhead;
    private int[] trailLim = new int[64];
    private int decisionLevel;
    private int[] lastAssumptions = new int[0];

    // clauses
    private int[][] clauseLits = new int[1024][];
    private boolean[] clauseLearnt = new boolean[1024];
    private int[] clauseLbd = new int[1024];
    private float[] clauseAct = new float[1024];
    private int[] clauseSearch = new int[1024]; // long clauses: where the last replacement watch was found
    private int clauseTop;
    private int[] freeRefs = new int[64];
    private int freeCount;
    private int learntCount;
    private long originalLiterals;
    private long learntLiterals;

    private double varInc = 1.0;
    private double clauseInc = 1.0;
    private long conflictBudget;
    private long totalConflicts;
    private long nextReduce = 2000;
    private int reductions;
    private long propagations;
    private long solves;
    private long decisions;
    private long simplifyProps;
    private int simplifyTrail = -1;

    // scratch
    private int[] learnt = new int[64];
    private int learntSize;
    private int[] toClear = new int[64];
    private int toClearSize;
    private int[] stack = new int[64];
    private int[] keptLits = new int[64];
    private int[] pendingUnits = new int[16]; // learnt units to assert at the next return to the root
    private int pendingCount;
    private int chronoLevel = NONE; // after a chronological backtrack: its level, the next may not go below
    private int chronoJump = CHRONO_JUMP;
    private int[] lbdStamp = new int[64];
    private int lbdCounter;

    private int[] modelValues = new int[0];
    private boolean hasModel;
    private int[] failed = new int[0];

    private int[] priority = new int[0];
    private int priorityHead;
    private boolean[] prioritySkipped = new boolean[0]; // per index into priority: its literal failed alone
    private boolean skipFailing;

    // completion by overlay (see setOverlayCompletion): the last model, per variable TRUE or FALSE; the
    // clauses each literal occurs in that are not learnt; those attached since the last model
    private int overlayDecisions;
    private byte[] reference = new byte[0];
    private int[][] occurs;
    private int[] occursCount;
    private int[] attachedSinceModel = new int[16];
    private int attachedSinceCount;
    private int overlayScanned = -1; // trail prefix whose literals the overlay has checked; -1: none
    private int[] overlayQueue = new int[64]; // clauses the overlay falsified when last checked
    private int overlayQueued;
    private boolean[] overlayQueuedFlag = new boolean[1024];
    private long overlayModels;
    private int overlayLeft; // overlay decisions left in this call
    private static final int OVERLAY_MODEL = -3;

    /** A solver with variables {@code 1..variableCount} and no clauses. */
    public SatSolver(int variableCount) {
        if (variableCount < 0) {
            throw new IllegalArgumentException("negative variable count " + variableCount);
        }
        allocate(Math.max(16, variableCount));
        for (int v = 1; v <= variableCount; v++) {
            addVariable();
        }
    }

    /** A solver loaded with every clause of {@code cnf}. */
    public static SatSolver of(Cnf cnf) {
        SatSolver solver = new SatSolver(cnf.variableCount());
        for (int[] clause : cnf.clauses()) {
            if (!solver.addClause(clause)) {
                break;
            }
        }
        return solver;
    }

    public int variableCount() {
        return nVars;
    }

    /** Adds a fresh variable and returns its number. */
    public int newVariable() {
        addVariable();
        return nVars;
    }

    /**
     * Adds a clause (kept for good); returns false once the formula is unsatisfiable at the root. An empty
     * clause makes it unsatisfiable.
     */
    public boolean addClause(int... literals) {
        int[] internal = toInternal(literals);
        if (!ok) {
            return false;
        }
        cancelUntil(0);
        if (pendingCount > 0 && !assertPendingUnits()) {
            return false;
        }
        Arrays.sort(internal);
        int size = 0;
        int previous = NONE;
        for (int lit : internal) {
            if (lit == previous) {
                continue;
            }
            if (previous != NONE && (lit ^ 1) == previous) {
                return true; // tautology
            }
            previous = lit;
            byte value = litVal[lit];
            if (value == TRUE) {
                return true;
            }
            if (value != FALSE) {
                internal[size++] = lit;
            }
        }
        if (size == 0) {
            ok = false;
            return false;
        }
        if (size == 1) {
            enqueue(internal[0], NONE);
            if (propagateInternal() != NONE) {
                ok = false;
            }
            return ok;
        }
        int ref = attach(Arrays.copyOf(internal, size), false, 0);
        originalLiterals += size;
        return ref >= 0;
    }

    /**
     * Searches for a model in which every assumption holds. Learnt clauses are kept for later calls.
     * Returns {@link SatResult#UNKNOWN} only when the conflict budget runs out.
     */
    public SatResult solve(int... assumptions) {
        int[] assume = toInternal(assumptions);
        solves++;
        hasModel = false;
        failed = new int[0];
        if (!ok) {
            return SatResult.UNSATISFIABLE;
        }
        reuseLevels(assume);
        if (decisionLevel == 0 && shouldSimplify()) {
            simplify();
        }
        long conflictsThisCall = 0;
        long conflictsSinceRestart = 0;
        overlayLeft = reference.length > 1 ? overlayDecisions : 0;
        restartOverlayScan();
        int restarts = 0;
        long restartLimit = (long) (luby(restarts) * RESTART_BASE);
        int assumptionCount = assume.length;
        int falsified = NONE;
        while (true) {
            if (falsified == NONE && decisionLevel == 0 && pendingCount > 0 && !assertPendingUnits()) {
                return SatResult.UNSATISFIABLE;
            }
            int conflict = falsified != NONE ? falsified : propagateInternal();
            falsified = NONE;
            if (conflict != NONE) {
                overlayLeft = 0; // the overlay has led astray: this call searches as usual
                totalConflicts++;
                conflictsThisCall++;
                conflictsSinceRestart++;
                if (decisionLevel == 0) {
                    ok = false;
                    return SatResult.UNSATISFIABLE;
                }
                int backtrackLevel = analyze(conflict);
                boolean chronological = decisionLevel - backtrackLevel > chronoJump && decisionLevel > chronoLevel;
                chronoLevel = chronological && learntSize > 1 ? decisionLevel - 1 : NONE;
                falsified = learn(backtrackLevel, chronological);
                if (falsified == UNSATISFIABLE_AT_ROOT) {
                    ok = false;
                    return SatResult.UNSATISFIABLE;
                }
                continue;
            }
            if (conflictBudget > 0 && conflictsThisCall >= conflictBudget) {
                cancelUntil(Math.min(decisionLevel, assumptionCount));
                return SatResult.UNKNOWN;
            }
            if (conflictsSinceRestart >= restartLimit) {
                conflictsSinceRestart = 0;
                restarts++;
                restartLimit = (long) (luby(restarts) * RESTART_BASE);
                // pending learnt units go to the root, at the price of assuming the assumptions again
                cancelUntil(pendingCount > 0 ? 0 : Math.min(decisionLevel, assumptionCount));
                continue; // literals put back on the trail are propagated before the next decision
            }
            if (decisionLevel == 0 && shouldSimplify()) {
                simplify();
            }
            if (totalConflicts >= nextReduce) {
                reductions++;
                nextReduce = totalConflicts + 2000 + 300L * reductions;
                reduceLearnts();
            }
            int next = NONE;
            while (decisionLevel < assumptionCount) {
                int p = assume[decisionLevel];
                byte value = litVal[p];
                if (value == TRUE) {
                    newDecisionLevel();
                } else if (value == FALSE) {
                    analyzeFinal(p);
                    return SatResult.UNSATISFIABLE;
                } else {
                    next = p;
                    break;
                }
            }
            if (next == NONE && skipFailing) {
                int index = nextPriority();
                if (index != NONE) {
                    // a priority literal whose propagation alone conflicts is skipped; what the conflict teaches
                    // is asserted one level down, keeping the earlier priority decisions: a backjump would make
                    // the solver decide them all again
                    newDecisionLevel();
                    enqueue(priority[index], NONE);
                    int failure = propagateInternal();
                    if (failure != NONE) {
                        prioritySkipped[index] = true;
                        totalConflicts++;
                        int backtrackLevel = analyze(failure);
                        if (learntSize == 1) {
                            // the formula alone excludes the literal (a dead value): rather than undo every
                            // priority decision down to the root, decide the negation here; it becomes a root
                            // fact at the next return to the root
                            int unit = learnt[0];
                            cancelUntil(decisionLevel - 1);
                            pendingUnit(unit);
                            newDecisionLevel();
                            enqueue(unit, NONE);
                            decayActivities();
                            continue;
                        }
                        falsified = learn(backtrackLevel, true);
                        if (falsified == UNSATISFIABLE_AT_ROOT) {
                            ok = false;
                            return SatResult.UNSATISFIABLE;
                        }
                    }
                    continue;
                }
            }
            if (next == NONE && overlayLeft > 0 && priorityExhausted()) {
                int step = overlayStep();
                if (step == OVERLAY_MODEL) {
                    overlayModels++;
                    saveModel();
                    cancelUntil(Math.min(decisionLevel, assumptionCount));
                    return SatResult.SATISFIABLE;
                }
                if (step == NONE) {
                    overlayLeft = 0;
                } else {
                    overlayLeft--;
                    next = step;
                }
            }
            if (next == NONE) {
                next = pickBranchLiteral();
                if (next == NONE) {
                    saveModel();
                    cancelUntil(Math.min(decisionLevel, assumptionCount));
                    return SatResult.SATISFIABLE;
                }
            }
            newDecisionLevel();
            enqueue(next, NONE);
        }
    }

    /**
     * After {@link #analyze}: backtracks to {@code backtrackLevel}, or only one level when {@code
     * chronological} (the asserted literal then records the level it is implied at, see {@link
     * #impliedLevel}), and asserts the learnt clause. Returns {@link #NONE}; or a learnt clause that
     * backtracking left falsified, because its asserting variable went back on the trail the other way (a
     * conflict at the current level); or {@link #UNSATISFIABLE_AT_ROOT}.
     */
    private int learn(int backtrackLevel, boolean chronological) {
        boolean oneLevel = chronological && learntSize > 1 && backtrackLevel < decisionLevel - 1;
        cancelUntil(oneLevel ? decisionLevel - 1 : backtrackLevel);
        boolean putBack = litVal[learnt[0]] != 0;
        int result = NONE;
        if (learntSize == 1) {
            if (putBack) {
                return UNSATISFIABLE_AT_ROOT; // the opposite literal holds at the root
            }
            enqueue(learnt[0], NONE);
        } else {
            int ref = attach(Arrays.copyOf(learnt, learntSize), true, computeLbd());
            learntLiterals += learntSize;
            if (putBack) {
                result = ref;
            } else {
                enqueue(learnt[0], ref);
                if (oneLevel) {
                    impliedLevel[learnt[0] >> 1] = backtrackLevel;
                }
            }
        }
        decayActivities();
        return result;
    }

    /** After each conflict learnt from: later bumps weigh more (VSIDS decay, and the same for clauses). */
    private void decayActivities() {
        varInc /= VAR_DECAY;
        clauseInc /= CLAUSE_DECAY;
    }

    /** The effort counters since this solver was created. */
    public SolverStatistics statistics() {
        return new SolverStatistics(solves, decisions, propagations, totalConflicts);
    }

    /** Limits each {@link #solve(int...)} call to {@code conflicts} conflicts; {@code <= 0} is unlimited. */
    public void setConflictBudget(long conflicts) {
        this.conflictBudget = conflicts;
    }

    /** The truth of {@code literal} in the last model (after {@link SatResult#SATISFIABLE}). */
    public boolean value(int literal) {
        requireModel();
        int v = Math.abs(literal);
        if (literal == 0 || v >= modelValues.length) {
            throw new IllegalArgumentException("literal " + literal + " is not in the last model");
        }
        return modelValues[v] == literal;
    }

    /** A copy of the last model: {@code model()[v]} is {@code v} or {@code -v}; index 0 is unused. */
    public int[] model() {
        requireModel();
        return modelValues.clone();
    }

    /**
     * After {@link SatResult#UNSATISFIABLE}: a subset of the last assumptions that is unsatisfiable
     * together with the formula; empty when the formula itself is unsatisfiable.
     */
    public int[] failedAssumptions() {
        return failed.clone();
    }

    /**
     * Until the next call of this method, branches first on the variables of {@code literals}, in this
     * order, each with the literal's polarity, before any other variable; an empty array ends it.
     */
    public void setDecisionPriority(int... literals) {
        setDecisionPriority(false, literals);
    }

    /**
     * As {@link #setDecisionPriority(int...)}; with {@code skipFailing}, a priority literal whose unit
     * propagation runs into a conflict is skipped for the rest of the call. What the conflict teaches is
     * learnt and asserted one level down, keeping the earlier priority decisions: a backjump below them would
     * make the solver decide and propagate them all again.
     */
    public void setDecisionPriority(boolean skipFailing, int... literals) {
        priority = toInternal(literals);
        priorityHead = 0;
        prioritySkipped = new boolean[priority.length];
        this.skipFailing = skipFailing;
    }

    /** For tests: backjumps over more than {@code levels} levels go back one level only. */
    void setChronologicalAbove(int levels) {
        this.chronoJump = levels;
    }

    /**
     * The priority literals (DIMACS) that the last {@link #solve(int...)} skipped because their propagation
     * ran into a conflict; empty unless {@link #setDecisionPriority(boolean, int...)} asked to skip them.
     */
    public int[] skippedPriorities() {
        int count = 0;
        for (boolean skipped : prioritySkipped) {
            if (skipped) {
                count++;
            }
        }
        int[] result = new int[count];
        int k = 0;
        for (int i = 0; i < priority.length; i++) {
            if (prioritySkipped[i]) {
                result[k++] = toDimacs(priority[i]);
            }
        }
        return result;
    }

    /** Prefers the polarity of {@code literal} when the solver branches on its variable. */
    public void setPhase(int literal) {
        int v = checkLiteral(literal);
        userPhase[v] = literal > 0 ? TRUE : FALSE;
    }

    /**
     * Unit propagation only: every literal implied at the root together with the assumptions (which are
     * included), or null when propagation runs into a conflict.
     */
    public int[] propagate(int... assumptions) {
        if (!assumeAll(toInternal(assumptions))) {
            return null;
        }
        int[] result = new int[trailSize];
        for (int i = 0; i < trailSize; i++) {
            result[i] = toDimacs(trail[i]);
        }
        return result;
    }

    /**
     * As {@link #propagate(int...)}, but returns only the literals assigned by {@code assumptions[shared..]}
     * and their consequences, not those of the first {@code shared} assumptions (nor the root). A caller
     * that varies only the tail of its assumptions pays only for the tail: the levels of a prefix shared
     * with the previous call are kept.
     */
    public int[] propagateBeyond(int shared, int... assumptions) {
        if (shared < 0 || shared > assumptions.length) {
            throw new IllegalArgumentException(
                    "shared prefix " + shared + " of " + assumptions.length + " assumptions");
        }
        if (!assumeAll(toInternal(assumptions))) {
            return null;
        }
        int from = shared == decisionLevel ? trailSize : trailLim[shared];
        int[] result = new int[trailSize - from];
        for (int i = from; i < trailSize; i++) {
            result[i - from] = toDimacs(trail[i]);
        }
        return result;
    }

    /** Puts every assumption on its own level and propagates; false (one level undone) on a conflict. */
    private boolean assumeAll(int[] assume) {
        if (!ok) {
            return false;
        }
        reuseLevels(assume);
        if (decisionLevel == 0 && pendingCount > 0 && !assertPendingUnits()) {
            return false;
        }
        if (propagateInternal() != NONE) {
            if (decisionLevel == 0) {
                ok = false;
                return false;
            }
            cancelUntil(decisionLevel - 1);
            return false;
        }
        while (decisionLevel < assume.length) {
            int p = assume[decisionLevel];
            byte value = litVal[p];
            if (value == FALSE) {
                return false;
            }
            newDecisionLevel();
            if (value != TRUE) {
                enqueue(p, NONE);
                if (propagateInternal() != NONE) {
                    cancelUntil(decisionLevel - 1);
                    return false;
                }
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- variables and literals

    private void allocate(int capacity) {
        int lits = 2 * (capacity + 1);
        litVal = new byte[lits];
        watches = new int[lits][];
        watchCount = new int[lits];
        occurs = new int[lits][];
        occursCount = new int[lits];
        level = new int[capacity + 1];
        reason = new int[capacity + 1];
        impliedLevel = new int[capacity + 1];
        activity = new double[capacity + 1];
        savedPhase = new byte[capacity + 1];
        userPhase = new byte[capacity + 1];
        seen = new byte[capacity + 1];
        heap = new int[capacity + 1];
        heapIndex = new int[capacity + 1];
        trail = new int[capacity + 1];
    }

    private void addVariable() {
        int v = nVars + 1;
        if (v >= level.length) {
            int capacity = level.length * 2;
            int lits = 2 * (capacity + 1);
            litVal = Arrays.copyOf(litVal, lits);
            watches = Arrays.copyOf(watches, lits);
            watchCount = Arrays.copyOf(watchCount, lits);
            occurs = Arrays.copyOf(occurs, lits);
            occursCount = Arrays.copyOf(occursCount, lits);
            level = Arrays.copyOf(level, capacity + 1);
            reason = Arrays.copyOf(reason, capacity + 1);
            impliedLevel = Arrays.copyOf(impliedLevel, capacity + 1);
            activity = Arrays.copyOf(activity, capacity + 1);
            savedPhase = Arrays.copyOf(savedPhase, capacity + 1);
            userPhase = Arrays.copyOf(userPhase, capacity + 1);
            seen = Arrays.copyOf(seen, capacity + 1);
            heap = Arrays.copyOf(heap, capacity + 1);
            heapIndex = Arrays.copyOf(heapIndex, capacity + 1);
            trail = Arrays.copyOf(trail, capacity + 1);
        }
        nVars = v;
        watches[2 * v] = new int[4];
        watches[2 * v + 1] = new int[4];
        occurs[2 * v] = new int[2];
        occurs[2 * v + 1] = new int[2];
        reason[v] = NONE;
        heapIndex[v] = -1;
        heapInsert(v);
    }

    private int checkLiteral(int literal) {
        int v = Math.abs(literal);
        if (literal == 0 || v > nVars || literal == Integer.MIN_VALUE) {
            throw new IllegalArgumentException(
                    "literal " + literal + " is not over variables 1.." + nVars + " (0 ends a clause in DIMACS only)");
        }
        return v;
    }

    private int[] toInternal(int[] literals) {
        int[] result = new int[literals.length];
        for (int i = 0; i < literals.length; i++) {
            int v = checkLiteral(literals[i]);
            result[i] = literals[i] > 0 ? 2 * v : 2 * v + 1;
        }
        return result;
    }

    private static int toDimacs(int lit) {
        return (lit & 1) == 0 ? lit >> 1 : -(lit >> 1);
    }

    private void requireModel() {
        if (!hasModel) {
            throw new IllegalStateException("no model: the last solve() did not answer SATISFIABLE");
        }
    }

    private void saveModel() {
        if (modelValues.length != nVars + 1) {
            modelValues = new int[nVars + 1];
        }
        if (reference.length != nVars + 1) {
            reference = Arrays.copyOf(reference, nVars + 1); // new variables are false in the reference
        }
        for (int v = 1; v <= nVars; v++) {
            byte value = litVal[2 * v];
            if (value == 0) { // unassigned: completed by the overlay with the reference
                value = reference[v] == TRUE ? TRUE : FALSE;
                savedPhase[v] = value;
            }
            modelValues[v] = value == TRUE ? v : -v;
            reference[v] = value;
        }
        attachedSinceCount = 0;
        restartOverlayScan();
        hasModel = true;
    }

    // ---------------------------------------------------------------- completion by overlay

    /**
     * Lets each search try to complete its trail with the last model instead of deciding every variable:
     * once the assumptions and priority literals are on the trail, the trail overlaid on the last model (each
     * unassigned variable takes its value there) is checked against the clauses that are not learnt; when
     * it satisfies them all, it is the model. Otherwise an unassigned literal of a clause the overlay
     * falsifies is decided, up to {@code decisions} times per call, after which the search goes on as usual.
     * Only clauses that contain the negation of a trail literal the last model disagrees with, or that came
     * after that model, can be falsified, so a check costs in proportion to how far the trail departs from
     * the last model. On the Linux model a full descent decides about 10,000 variables per call.
     */
    public void setOverlayCompletion(int decisions) {
        if (decisions < 0) {
            throw new IllegalArgumentException("negative overlay decisions " + decisions);
        }
        overlayDecisions = decisions;
    }

    /** Models found by overlaying the trail on the last model (cumulative, for tests and measurement). */
    public long overlayModels() {
        return overlayModels;
    }

    /**
     * Makes {@code model} (indexed by variable, as {@link #model()} returns it; variables beyond it count as
     * false) the assignment the next searches overlay their trail on, until a search finds a model. The
     * caller vouches that it satisfies every clause added so far; clauses added after this call are checked.
     */
    public void setReference(int[] model) {
        if (reference.length != nVars + 1) {
            reference = new byte[nVars + 1];
        }
        for (int v = 1; v <= nVars; v++) {
            reference[v] = v < model.length && model[v] > 0 ? TRUE : FALSE;
        }
        attachedSinceCount = 0;
        restartOverlayScan();
    }

    private boolean priorityExhausted() {
        for (int i = priorityHead; i < priority.length; i++) {
            if (litVal[priority[i]] == 0 && !(skipFailing && prioritySkipped[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether the literal is true in the reference (variables added after it count as false there). */
    private boolean referenceHolds(int lit) {
        int v = lit >> 1;
        boolean positive = v < reference.length && reference[v] == TRUE;
        return positive == ((lit & 1) == 0);
    }

    /** Whether the literal is true on the trail or, when unassigned, in the reference. */
    private boolean overlayTrue(int lit) {
        byte value = litVal[lit];
        return value != 0 ? value == TRUE : referenceHolds(lit);
    }

    private boolean overlayFalsifies(int ref) {
        int[] c = clauseLits[ref];
        if (c == null || clauseLearnt[ref]) {
            return false;
        }
        for (int lit : c) {
            if (overlayTrue(lit)) {
                return false;
            }
        }
        return true;
    }

    private void queueIfFalsified(int ref) {
        if (!overlayQueuedFlag[ref] && overlayFalsifies(ref)) {
            overlayQueuedFlag[ref] = true;
            if (overlayQueued == overlayQueue.length) {
                overlayQueue = Arrays.copyOf(overlayQueue, overlayQueued * 2);
            }
            overlayQueue[overlayQueued++] = ref;
        }
    }

    /** Forgets what the overlay checked: the trail was undone below it, or the reference or clauses changed. */
    private void restartOverlayScan() {
        overlayScanned = -1;
        for (int i = 0; i < overlayQueued; i++) {
            overlayQueuedFlag[overlayQueue[i]] = false;
        }
        overlayQueued = 0;
    }

    /**
     * {@link #OVERLAY_MODEL} when the trail overlaid on the last model satisfies every clause that is not
     * learnt; else an unassigned literal of a falsified clause to decide, or {@link #NONE} to give up.
     */
    private int overlayStep() {
        int from = overlayScanned;
        if (from < 0) {
            from = 0;
            for (int i = 0; i < attachedSinceCount; i++) {
                queueIfFalsified(attachedSinceModel[i]);
            }
        }
        for (int i = from; i < trailSize; i++) {
            int lit = trail[i];
            if (referenceHolds(lit)) {
                continue; // the reference agrees
            }
            int[] os = occurs[lit ^ 1];
            int n = occursCount[lit ^ 1];
            for (int k = 0; k < n; k++) {
                queueIfFalsified(os[k]);
            }
        }
        overlayScanned = trailSize;
        while (overlayQueued > 0) {
            int ref = overlayQueue[overlayQueued - 1];
            if (!overlayFalsifies(ref)) {
                overlayQueuedFlag[ref] = false;
                overlayQueued--;
                continue;
            }
            for (int lit : clauseLits[ref]) {
                if (litVal[lit] == 0) {
                    return lit;
                }
            }
            return NONE; // falsified on the trail: propagation would have found it; leave it to the search
        }
        return OVERLAY_MODEL;
    }

    // ---------------------------------------------------------------- trail

    private void enqueue(int lit, int from) {
        int v = lit >> 1;
        litVal[lit] = TRUE;
        litVal[lit ^ 1] = FALSE;
        level[v] = decisionLevel;
        reason[v] = from;
        impliedLevel[v] = NONE;
        trail[trailSize++] = lit;
    }

    private void newDecisionLevel() {
        decisions++;
        if (decisionLevel == trailLim.length) {
            trailLim = Arrays.copyOf(trailLim, trailLim.length * 2);
        }
        trailLim[decisionLevel++] = trailSize;
    }

    private void cancelUntil(int target) {
        if (decisionLevel <= target) {
            return;
        }
        int stop = trailLim[target];
        int kept = 0;
        for (int i = trailSize - 1; i >= stop; i--) {
            int lit = trail[i];
            int v = lit >> 1;
            int implied = impliedLevel[v];
            if (implied != NONE && implied <= target) {
                if (kept == keptLits.length) {
                    keptLits = Arrays.copyOf(keptLits, kept * 2);
                }
                keptLits[kept++] = lit; // its reason still holds: it is put back at the target level
                continue;
            }
            litVal[lit] = 0;
            litVal[lit ^ 1] = 0;
            reason[v] = NONE;
            savedPhase[v] = (lit & 1) == 0 ? TRUE : FALSE;
            if (heapIndex[v] < 0) {
                heapInsert(v);
            }
        }
        trailSize = stop;
        qhead = stop;
        decisionLevel = target;
        priorityHead = 0;
        if (stop < overlayScanned) {
            restartOverlayScan();
        }
        if (kept > 0) {
            putBack(kept, target);
        }
    }

    private void pendingUnit(int lit) {
        if (pendingCount == pendingUnits.length) {
            pendingUnits = Arrays.copyOf(pendingUnits, pendingCount * 2);
        }
        pendingUnits[pendingCount++] = lit;
    }

    /**
     * At the root: puts the pending learnt units on the trail (propagated by the next propagation); false
     * when one contradicts the root, i.e. the formula is unsatisfiable.
     */
    private boolean assertPendingUnits() {
        for (int i = 0; i < pendingCount; i++) {
            int lit = pendingUnits[i];
            if (litVal[lit] == FALSE) {
                ok = false; // the formula implies both the unit and its negation
            } else if (litVal[lit] == 0) {
                enqueue(lit, NONE);
            }
        }
        pendingCount = 0;
        return ok;
    }

    /**
     * Puts the {@code kept} literals of {@link #keptLits} (latest first) back on the trail at level {@code
     * target}, earliest first, with their reasons; their consequences are propagated again from there.
     */
    private void putBack(int kept, int target) {
        for (int k = kept - 1; k >= 0; k--) {
            int lit = keptLits[k];
            int v = lit >> 1;
            trail[trailSize++] = lit;
            level[v] = target;
            if (impliedLevel[v] == target) {
                impliedLevel[v] = NONE;
            }
        }
    }

    /** Keeps the assumption levels that {@code assume} shares as a prefix with the last call. */
    private void reuseLevels(int[] assume) {
        int keep = 0;
        int limit = Math.min(decisionLevel, Math.min(assume.length, lastAssumptions.length));
        while (keep < limit && lastAssumptions[keep] == assume[keep]) {
            keep++;
        }
        cancelUntil(keep);
        lastAssumptions = assume;
    }

    /** The index of the next unassigned, not skipped priority literal, or {@link #NONE}. */
    private int nextPriority() {
        while (priorityHead < priority.length) {
            if (!prioritySkipped[priorityHead] && litVal[priority[priorityHead]] == 0) {
                return priorityHead;
            }
            priorityHead++;
        }
        return NONE;
    }

    private int pickBranchLiteral() {
        while (priorityHead < priority.length) {
            int p = priority[priorityHead];
            if (litVal[p] == 0) {
                return p;
            }
            priorityHead++;
        }
        while (heapSize > 0) {
            int v = heapRemoveMax();
            if (litVal[2 * v] == 0) {
                byte phase = userPhase[v] != 0 ? userPhase[v] : savedPhase[v];
                return phase == TRUE ? 2 * v : 2 * v + 1;
            }
        }
        return NONE;
    }

    // ---------------------------------------------------------------- clauses and propagation

    private int attach(int[] lits, boolean isLearnt, int lbd) {
        int ref;
        if (freeCount > 0) {
            ref = freeRefs[--freeCount];
        } else {
            if (clauseTop == clauseLits.length) {
                int capacity = clauseLits.length * 2;
                clauseLits = Arrays.copyOf(clauseLits, capacity);
                clauseLearnt = Arrays.copyOf(clauseLearnt, capacity);
                clauseLbd = Arrays.copyOf(clauseLbd, capacity);
                clauseAct = Arrays.copyOf(clauseAct, capacity);
                clauseSearch = Arrays.copyOf(clauseSearch, capacity);
                overlayQueuedFlag = Arrays.copyOf(overlayQueuedFlag, capacity);
            }
            ref = clauseTop++;
        }
        clauseLits[ref] = lits;
        clauseLearnt[ref] = isLearnt;
        clauseLbd[ref] = lbd;
        clauseAct[ref] = 0f;
        clauseSearch[ref] = 2;
        if (isLearnt) {
            learntCount++;
            bumpClause(ref);
        } else {
            for (int lit : lits) {
                addOccurrence(lit, ref);
            }
            if (attachedSinceCount == attachedSinceModel.length) {
                attachedSinceModel = Arrays.copyOf(attachedSinceModel, attachedSinceCount * 2);
            }
            attachedSinceModel[attachedSinceCount++] = ref;
        }
        int watchRef = lits.length == 2 ? ~ref : ref; // a binary clause is never read while propagating
        addWatch(lits[0] ^ 1, watchRef, lits[1]);
        addWatch(lits[1] ^ 1, watchRef, lits[0]);
        return ref;
    }

    private void addOccurrence(int lit, int ref) {
        int[] os = occurs[lit];
        int n = occursCount[lit];
        if (n == os.length) {
            os = Arrays.copyOf(os, os.length * 2);
            occurs[lit] = os;
        }
        os[n] = ref;
        occursCount[lit] = n + 1;
    }

    private void addWatch(int lit, int ref, int blocker) {
        int[] ws = watches[lit];
        int n = watchCount[lit];
        if (n + 2 > ws.length) {
            ws = Arrays.copyOf(ws, ws.length * 2);
            watches[lit] = ws;
        }
        ws[n] = ref;
        ws[n + 1] = blocker;
        watchCount[lit] = n + 2;
    }

    /** Propagates the trail; returns a conflicting clause or {@link #NONE}. */
    private int propagateInternal() {
        int conflict = NONE;
        final byte[] val = litVal;
        while (qhead < trailSize) {
            int p = trail[qhead++];
            propagations++;
            int falseLit = p ^ 1;
            int[] ws = watches[p];
            int n = watchCount[p];
            int i = 0;
            int j = 0;
            while (i < n) {
                int ref = ws[i];
                int blocker = ws[i + 1];
                i += 2;
                byte blockerValue = val[blocker];
                if (blockerValue == TRUE) {
                    ws[j++] = ref;
                    ws[j++] = blocker;
                    continue;
                }
                if (ref < 0) { // binary: the blocker is the other literal
                    ws[j++] = ref;
                    ws[j++] = blocker;
                    if (blockerValue == FALSE) {
                        conflict = ~ref;
                        qhead = trailSize;
                        while (i < n) {
                            ws[j++] = ws[i++];
                        }
                    } else {
                        enqueue(blocker, ~ref);
                    }
                    continue;
                }
                int[] c = clauseLits[ref];
                if (c[0] == falseLit) {
                    c[0] = c[1];
                    c[1] = falseLit;
                }
                int first = c[0];
                if (first != blocker && val[first] == TRUE) {
                    ws[j++] = ref;
                    ws[j++] = first;
                    continue;
                }
                boolean moved = false;
                int length = c.length;
                int k = length > CIRCULAR ? clauseSearch[ref] : 2;
                for (int left = length - 2; left > 0; left--) {
                    int lit = c[k];
                    if (val[lit] != FALSE) {
                        c[1] = lit;
                        c[k] = falseLit;
                        addWatch(lit ^ 1, ref, first);
                        if (length > CIRCULAR) {
                            clauseSearch[ref] = k;
                        }
                        moved = true;
                        break;
                    }
                    if (++k == length) {
                        k = 2;
                    }
                }
                if (moved) {
                    continue;
                }
                ws[j++] = ref;
                ws[j++] = first;
                if (val[first] == FALSE) {
                    conflict = ref;
                    qhead = trailSize;
                    while (i < n) {
                        ws[j++] = ws[i++];
                    }
                } else {
                    enqueue(first, ref);
                }
            }
            watchCount[p] = j;
            if (conflict != NONE) {
                break;
            }
        }
        return conflict;
    }

    // ---------------------------------------------------------------- conflict analysis

    /** First-UIP analysis into {@link #learnt}; returns the backtrack level. */
    private int analyze(int conflict) {
        learntSize = 1;
        int pathCount = 0;
        int p = NONE;
        int index = trailSize - 1;
        int confl = conflict;
        do {
            if (clauseLearnt[confl]) {
                bumpClause(confl);
            }
            int[] c = p == NONE ? clauseLits[confl] : reasonClause(confl, p >> 1);
            for (int j = p == NONE ? 0 : 1; j < c.length; j++) {
                int q = c[j];
                int v = q >> 1;
                if (seen[v] == 0 && level[v] > 0) {
                    bumpVariable(v);
                    seen[v] = 1;
                    if (level[v] >= decisionLevel) {
                        pathCount++;
                    } else {
                        pushLearnt(q);
                    }
                }
            }
            while (seen[trail[index] >> 1] == 0) {
                index--;
            }
            p = trail[index];
            index--;
            confl = reason[p >> 1];
            seen[p >> 1] = 0;
            pathCount--;
        } while (pathCount > 0);
        learnt[0] = p ^ 1;

        // recursive minimisation
        toClearSize = 0;
        for (int i = 0; i < learntSize; i++) {
            pushToClear(learnt[i]);
        }
        int abstractLevels = 0;
        for (int i = 1; i < learntSize; i++) {
            abstractLevels |= abstractLevel(learnt[i] >> 1);
        }
        int j = 1;
        for (int i = 1; i < learntSize; i++) {
            int lit = learnt[i];
            if (reason[lit >> 1] == NONE || !redundant(lit, abstractLevels)) {
                learnt[j++] = lit;
            }
        }
        learntSize = j;
        for (int i = 0; i < toClearSize; i++) {
            seen[toClear[i] >> 1] = 0;
        }

        if (learntSize == 1) {
            return 0;
        }
        int maxIndex = 1;
        for (int i = 2; i < learntSize; i++) {
            if (level[learnt[i] >> 1] > level[learnt[maxIndex] >> 1]) {
                maxIndex = i;
            }
        }
        int swap = learnt[1];
        learnt[1] = learnt[maxIndex];
        learnt[maxIndex] = swap;
        return level[learnt[1] >> 1];
    }

    private int abstractLevel(int v) {
        return 1 << (level[v] & 31);
    }

    private boolean redundant(int start, int abstractLevels) {
        int top = toClearSize;
        int stackSize = 0;
        stack[stackSize++] = start;
        while (stackSize > 0) {
            int q = stack[--stackSize];
            int[] c = reasonClause(reason[q >> 1], q >> 1);
            for (int i = 1; i < c.length; i++) {
                int lit = c[i];
                int v = lit >> 1;
                if (seen[v] == 0 && level[v] > 0) {
                    if (reason[v] != NONE && (abstractLevel(v) & abstractLevels) != 0) {
                        seen[v] = 1;
                        if (stackSize == stack.length) {
                            stack = Arrays.copyOf(stack, stackSize * 2);
                        }
                        stack[stackSize++] = lit;
                        pushToClear(lit);
                    } else {
                        for (int k = top; k < toClearSize; k++) {
                            seen[toClear[k] >> 1] = 0;
                        }
                        toClearSize = top;
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private void pushLearnt(int lit) {
        if (learntSize == learnt.length) {
            learnt = Arrays.copyOf(learnt, learntSize * 2);
        }
        learnt[learntSize++] = lit;
    }

    private void pushToClear(int lit) {
        if (toClearSize == toClear.length) {
            toClear = Arrays.copyOf(toClear, toClearSize * 2);
        }
        toClear[toClearSize++] = lit;
    }

    private int computeLbd() {
        if (lbdStamp.length <= trailLim.length) {
            lbdStamp = Arrays.copyOf(lbdStamp, trailLim.length + 1);
        }
        lbdCounter++;
        int count = 0;
        for (int i = 0; i < learntSize; i++) {
            int lv = level[learnt[i] >> 1];
            if (lbdStamp[lv] != lbdCounter) {
                lbdStamp[lv] = lbdCounter;
                count++;
            }
        }
        return count;
    }

    /** The assumption {@code p} is false: collects the assumptions that imply its negation. */
    private void analyzeFinal(int p) {
        int[] core = new int[8];
        int size = 0;
        core[size++] = toDimacs(p);
        int notP = p ^ 1;
        int v0 = notP >> 1;
        if (level[v0] > 0) {
            seen[v0] = 1;
            for (int i = trailSize - 1; i >= trailLim[0]; i--) {
                int lit = trail[i];
                int v = lit >> 1;
                if (seen[v] == 0) {
                    continue;
                }
                int r = reason[v];
                if (r == NONE) {
                    if (size == core.length) {
                        core = Arrays.copyOf(core, size * 2);
                    }
                    core[size++] = toDimacs(lit);
                } else {
                    int[] c = reasonClause(r, v);
                    for (int k = 1; k < c.length; k++) {
                        int u = c[k] >> 1;
                        if (level[u] > 0) {
                            seen[u] = 1;
                        }
                    }
                }
                seen[v] = 0;
            }
            seen[v0] = 0;
        }
        failed = Arrays.copyOf(core, size);
    }

    // ---------------------------------------------------------------- activities and the heap

    private void bumpVariable(int v) {
        activity[v] += varInc;
        if (activity[v] > 1e100) {
            for (int u = 1; u <= nVars; u++) {
                activity[u] *= 1e-100;
            }
            varInc *= 1e-100;
        }
        if (heapIndex[v] >= 0) {
            siftUp(heapIndex[v]);
        }
    }

    private void bumpClause(int ref) {
        clauseAct[ref] += (float) clauseInc;
        if (clauseAct[ref] > 1e20f) {
            for (int r = 0; r < clauseTop; r++) {
                clauseAct[r] *= 1e-20f;
            }
            clauseInc *= 1e-20;
        }
    }

    private void heapInsert(int v) {
        heapIndex[v] = heapSize;
        heap[heapSize++] = v;
        siftUp(heapSize - 1);
    }

    private int heapRemoveMax() {
        int top = heap[0];
        int last = heap[--heapSize];
        heapIndex[top] = -1;
        if (heapSize > 0) {
            heap[0] = last;
            heapIndex[last] = 0;
            siftDown(0);
        }
        return top;
    }

    private void siftUp(int index) {
        int v = heap[index];
        double a = activity[v];
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >> 1;
            int pv = heap[parent];
            if (activity[pv] >= a) {
                break;
            }
            heap[i] = pv;
            heapIndex[pv] = i;
            i = parent;
        }
        heap[i] = v;
        heapIndex[v] = i;
    }

    private void siftDown(int index) {
        int v = heap[index];
        double a = activity[v];
        int i = index;
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && activity[heap[child + 1]] > activity[heap[child]]) {
                child++;
            }
            int cv = heap[child];
            if (activity[cv] <= a) {
                break;
            }
            heap[i] = cv;
            heapIndex[cv] = i;
            i = child;
        }
        heap[i] = v;
        heapIndex[v] = i;
    }

    // ---------------------------------------------------------------- clause database maintenance

    private boolean locked(int ref) {
        int[] c = clauseLits[ref];
        for (int k = 0; k < Math.min(2, c.length); k++) {
            if (reason[c[k] >> 1] == ref && litVal[c[k]] == TRUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reason clause {@code ref} of variable {@code v}, with {@code v}'s literal first (binary clauses
     * are propagated without reordering them, so they are put in order here).
     */
    private int[] reasonClause(int ref, int v) {
        int[] c = clauseLits[ref];
        if ((c[0] >> 1) != v) {
            int other = c[0];
            c[0] = c[1];
            c[1] = other;
        }
        return c;
    }

    private void reduceLearnts() {
        int count = 0;
        int[] candidates = new int[learntCount];
        for (int ref = 0; ref < clauseTop; ref++) {
            int[] c = clauseLits[ref];
            if (c != null && clauseLearnt[ref] && clauseLbd[ref] > 2 && !locked(ref)) {
                candidates[count++] = ref;
            }
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = candidates[i];
        }
        Arrays.sort(order, (a, b) -> {
            int byLbd = Integer.compare(clauseLbd[b], clauseLbd[a]);
            return byLbd != 0 ? byLbd : Float.compare(clauseAct[a], clauseAct[b]);
        });
        int remove = count / 2;
        for (int i = 0; i < remove; i++) {
            removeClause(order[i]);
        }
        purgeWatches();
    }

    private void removeClause(int ref) {
        int[] c = clauseLits[ref];
        if (clauseLearnt[ref]) {
            learntCount--;
            learntLiterals -= c.length;
        } else {
            originalLiterals -= c.length;
        }
        clauseLits[ref] = null;
    }

    /** Drops watches of removed clauses, then recycles their references. */
    private void purgeWatches() {
        for (int lit = 2; lit <= 2 * nVars + 1; lit++) {
            int[] ws = watches[lit];
            int n = watchCount[lit];
            int j = 0;
            for (int i = 0; i < n; i += 2) {
                int ref = ws[i] < 0 ? ~ws[i] : ws[i];
                if (clauseLits[ref] != null) {
                    ws[j++] = ws[i];
                    ws[j++] = ws[i + 1];
                }
            }
            watchCount[lit] = j;
            int[] os = occurs[lit];
            int m = occursCount[lit];
            int k = 0;
            for (int i = 0; i < m; i++) {
                if (clauseLits[os[i]] != null) {
                    os[k++] = os[i];
                }
            }
            occursCount[lit] = k;
        }
        int kept = 0;
        for (int i = 0; i < attachedSinceCount; i++) {
            if (clauseLits[attachedSinceModel[i]] != null) {
                attachedSinceModel[kept++] = attachedSinceModel[i];
            }
        }
        attachedSinceCount = kept;
        restartOverlayScan();
        freeCount = 0;
        for (int ref = 0; ref < clauseTop; ref++) {
            if (clauseLits[ref] == null) {
                if (freeCount == freeRefs.length) {
                    freeRefs = Arrays.copyOf(freeRefs, freeCount * 2);
                }
                freeRefs[freeCount++] = ref;
            }
        }
    }

    private boolean shouldSimplify() {
        return trailSize != simplifyTrail && propagations >= simplifyProps;
    }

    /** At the root: removes every clause satisfied by a root literal. */
    private void simplify() {
        if (propagateInternal() != NONE) {
            ok = false;
            return;
        }
        for (int i = 0; i < trailSize; i++) {
            reason[trail[i] >> 1] = NONE;
        }
        boolean removed = false;
        for (int ref = 0; ref < clauseTop; ref++) {
            int[] c = clauseLits[ref];
            if (c == null) {
                continue;
            }
            for (int lit : c) {
                if (litVal[lit] == TRUE) {
                    removeClause(ref);
                    removed = true;
                    break;
                }
            }
        }
        if (removed) {
            purgeWatches();
        }
        simplifyTrail = trailSize;
        simplifyProps = propagations + originalLiterals + learntLiterals;
    }

    private static double luby(int x) {
        int size = 1;
        int seq = 0;
        while (size < x + 1) {
            seq++;
            size = 2 * size + 1;
        }
        int rest = x;
        while (size - 1 != rest) {
            size = (size - 1) >> 1;
            seq--;
            rest = rest % size;
        }
        return Math.pow(2, seq);
    }
}
