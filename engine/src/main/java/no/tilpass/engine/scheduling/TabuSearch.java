package no.tilpass.engine.scheduling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A tabu search with path relinking for the makespan of a plain job shop (no calendars, no due dates;
 * release dates are heads), in the style of Nowicki–Smutnicki, Zhang et al. and Peng–Lü–Cheng: machine
 * sequences; the N7 neighbourhood of one critical path (move an operation of a critical block to the
 * block's front or end, or the block's first or last operation into the block); each move estimated in
 * time linear in the block length from the current heads and tails (Balas–Vazacopoulos) instead of
 * recomputing the schedule; moves that could close a cycle left out (and any that still does undone);
 * tabu attributes are the pairs of operations a move reverses, with a random tenure and aspiration by a
 * new best. Each tabu search runs until it stagnates; the first {@value #POOL} start from the given
 * schedule after a random walk and fill a pool of elite solutions, later ones start halfway on a path
 * between two pool members (path relinking), and a result better than the pool's worst replaces it;
 * after {@value #RESET} searches without a new best the pool is refilled around the best solution.
 */
final class TabuSearch {
    /** Elite solutions kept for path relinking. */
    private static final int POOL = 10;

    /** Iterations without a new best of its own (plus 5 per operation) after which one tabu search stops. */
    private static final long RUN_PATIENCE = 10_000L;

    /**
     * Tabu searches in a row without a new overall best after which the pool is emptied and refilled from
     * the best solution, each start after a random walk (an elite restart in the spirit of
     * Nowicki–Smutnicki's i-TSAB); without it the pool converges and path relinking stalls.
     */
    private static final int RESET = 30;

    private final int n;
    private final long[] duration;
    private final long[] release;
    private final int[] machineOf;
    private final int[] jobPrev;
    private final int[] jobNext;
    private final int[][] opIndex;
    private final Random random;
    private final int tenureMin;
    private final int tenureSpan;

    private final int[][] seq;
    private final int[] pos;
    private final long[] head;
    private final long[] tail;
    private final int[] order;
    private final int[] indegree;
    private final int[] path;
    private int pathLength;
    private final int[][] tabu;
    private final int[] segment;
    private final long[] newHead;
    private final long[] newTail;

    /** Moves as {machine, from, to} triples: the operation at {@code from} is moved to {@code to}. */
    private int[] moves = new int[3 * 64];

    private int moveCount;

    private long deadline;
    private long lowerBound;
    private long bestValue;
    private int[][] best;

    private TabuSearch(SchedulingProblem problem, long seed) {
        Map<String, WorkCentre> centres = problem.centresById();
        List<String> ids = new ArrayList<>(centres.keySet());
        int machines = ids.size();
        n = problem.operationCount();
        duration = new long[n];
        release = new long[n];
        machineOf = new int[n];
        jobPrev = new int[n];
        jobNext = new int[n];
        opIndex = new int[problem.jobs().size()][];
        int[] perMachine = new int[machines];
        int i = 0;
        for (int j = 0; j < problem.jobs().size(); j++) {
            Job job = problem.jobs().get(j);
            opIndex[j] = new int[job.operations().size()];
            for (int k = 0; k < job.operations().size(); k++) {
                Operation op = job.operations().get(k);
                opIndex[j][k] = i;
                duration[i] = op.duration();
                release[i] = k == 0 ? job.release() : 0;
                machineOf[i] = ids.indexOf(op.workCentre());
                perMachine[machineOf[i]]++;
                jobPrev[i] = k == 0 ? -1 : i - 1;
                jobNext[i] = k == job.operations().size() - 1 ? -1 : i + 1;
                i++;
            }
        }
        random = new Random(seed);
        int jobs = Math.max(1, problem.jobs().size());
        tenureMin = 10 + jobs / Math.max(1, machines);
        tenureSpan = Math.max(2, jobs <= 2 * machines ? (int) (0.4 * tenureMin) : (int) (0.5 * tenureMin));
        seq = new int[machines][];
        for (int m = 0; m < machines; m++) {
            seq[m] = new int[perMachine[m]];
        }
        pos = new int[n];
        head = new long[n];
        tail = new long[n];
        order = new int[n];
        indegree = new int[n];
        path = new int[n];
        tabu = new int[n][n];
        int longest = Arrays.stream(perMachine).max().orElse(0);
        segment = new int[longest];
        newHead = new long[longest];
        newTail = new long[longest];
    }

    /** Whether the problem is a plain job shop this search handles. */
    static boolean applies(SchedulingProblem problem) {
        return problem.jobs().stream().allMatch(j -> j.due().isEmpty())
                && problem.workCentres().stream().allMatch(c -> c.unavailable().isEmpty());
    }

    /**
     * Improves {@code initial} until {@code deadlineNanos}, until {@code lowerBound} is reached, or until
     * {@code patience} iterations in a row bring no new best. The result is never worse than
     * {@code initial}.
     */
    static long[][] improve(
            SchedulingProblem problem,
            long[][] initial,
            long lowerBound,
            long deadlineNanos,
            long patience,
            long seed) {
        return new TabuSearch(problem, seed).run(initial, lowerBound, deadlineNanos, patience);
    }

    /**
     * {@link #improve} with {@code searches} independent searches (seeds {@code seed}, {@code seed + 1},
     * ...) on their own threads; the best result.
     */
    static long[][] improveInParallel(
            SchedulingProblem problem,
            long[][] initial,
            long lowerBound,
            long deadlineNanos,
            long patience,
            long seed,
            int searches) {
        if (searches <= 1) {
            return improve(problem, initial, lowerBound, deadlineNanos, patience, seed);
        }
        long[][][] results = new long[searches][][];
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < searches; s++) {
            int slot = s;
            threads.add(new Thread(
                    () -> results[slot] = improve(problem, initial, lowerBound, deadlineNanos, patience, seed + slot),
                    "tabu-search-" + s));
        }
        threads.forEach(Thread::start);
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        long[][] best = initial;
        long bestValue = Schedule.of(problem, initial).objective().makespan();
        for (long[][] result : results) {
            if (result != null) {
                long value = Schedule.of(problem, result).objective().makespan();
                if (value < bestValue) {
                    best = result;
                    bestValue = value;
                }
            }
        }
        return best;
    }

    private long[][] run(long[][] initial, long lowerBound, long deadlineNanos, long patience) {
        load(initial);
        long start = evaluate();
        if (start < 0) {
            return initial;
        }
        this.deadline = deadlineNanos;
        this.lowerBound = lowerBound;
        bestValue = start;
        best = copy(seq);
        long sinceBest = 0;
        long perRun = RUN_PATIENCE + 5L * n;
        List<int[][]> pool = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        int[][] origin = copy(seq);
        int stale = 0;
        while (bestValue > lowerBound && sinceBest < patience && System.nanoTime() < deadline) {
            long before = bestValue;
            if (pool.size() < POOL) {
                load(origin);
                evaluate();
                if (!pool.isEmpty()) {
                    randomWalk(n / 2);
                }
            } else {
                int a = random.nextInt(pool.size());
                int b = random.nextInt(pool.size() - 1);
                b = b >= a ? b + 1 : b;
                relink(pool.get(a), pool.get(b));
            }
            long found = search(perRun);
            admit(pool, values, found);
            sinceBest = bestValue < before ? 0 : sinceBest + perRun;
            stale = bestValue < before ? 0 : stale + 1;
            if (stale >= RESET) {
                pool.clear();
                values.clear();
                origin = copy(best);
                stale = 0;
            }
        }
        load(best);
        evaluate();
        long[][] starts = new long[opIndex.length][];
        for (int j = 0; j < opIndex.length; j++) {
            starts[j] = new long[opIndex[j].length];
            for (int k = 0; k < opIndex[j].length; k++) {
                starts[j][k] = head[opIndex[j][k]];
            }
        }
        return starts;
    }

    /**
     * A tabu search from the current sequences until {@code patience} iterations bring no new best of
     * this run; leaves the run's best in {@link #seq} and returns its makespan. Updates the overall best.
     */
    private long search(long patience) {
        for (int[] row : tabu) {
            Arrays.fill(row, 0);
        }
        long current = evaluate();
        int[][] runBest = copy(seq);
        long runBestValue = current;
        int iteration = 0;
        long sinceBest = 0;
        while (sinceBest < patience && runBestValue > lowerBound && iteration < Integer.MAX_VALUE - 1) {
            if ((iteration & 63) == 0 && System.nanoTime() > deadline) {
                break;
            }
            iteration++;
            sinceBest++;
            criticalPath();
            collectMoves();
            if (moveCount == 0) {
                break; // the critical path is one block or one job: the makespan cannot be shortened
            }
            int chosen = -1;
            long chosenValue = Long.MAX_VALUE;
            int ties = 0;
            for (int k = 0; k < moveCount; k++) {
                int m = moves[3 * k];
                int from = moves[3 * k + 1];
                int to = moves[3 * k + 2];
                long value = estimate(m, from, to);
                if (value >= runBestValue && isTabu(m, from, to, iteration)) {
                    continue;
                }
                if (value < chosenValue) {
                    chosen = k;
                    chosenValue = value;
                    ties = 1;
                } else if (value == chosenValue && random.nextInt(++ties) == 0) {
                    chosen = k;
                }
            }
            if (chosen < 0) {
                chosen = random.nextInt(moveCount);
            }
            int m = moves[3 * chosen];
            int from = moves[3 * chosen + 1];
            int to = moves[3 * chosen + 2];
            makeTabu(m, from, to, iteration);
            shift(seq[m], from, to);
            current = evaluate();
            if (current < 0) {
                shift(seq[m], to, from);
                forbid(m, from, to, iteration);
                evaluate();
                continue;
            }
            if (current < runBestValue) {
                runBestValue = current;
                copyInto(seq, runBest);
                sinceBest = 0;
                if (current < bestValue) {
                    bestValue = current;
                    copyInto(seq, best);
                }
            }
        }
        load(runBest);
        evaluate();
        return runBestValue;
    }

    /** Adds the current sequences to the pool unless present, replacing the worst when full and better. */
    private void admit(List<int[][]> pool, List<Long> values, long value) {
        for (int[][] member : pool) {
            if (distance(member, seq) == 0) {
                return;
            }
        }
        if (pool.size() < POOL) {
            pool.add(copy(seq));
            values.add(value);
            return;
        }
        int worst = 0;
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) > values.get(worst)
                    || (values.get(i).equals(values.get(worst)) && random.nextBoolean())) {
                worst = i;
            }
        }
        if (value <= values.get(worst)) {
            pool.set(worst, copy(seq));
            values.set(worst, value);
        }
    }

    /** Positions whose operations differ between two sets of machine sequences. */
    private static int distance(int[][] a, int[][] b) {
        int d = 0;
        for (int m = 0; m < a.length; m++) {
            for (int p = 0; p < a[m].length; p++) {
                if (a[m][p] != b[m][p]) {
                    d++;
                }
            }
        }
        return d;
    }

    /**
     * Path relinking: from {@code from} towards {@code to}, placing one operation of {@code to} at its
     * position at a time (skipping steps that close a cycle), until a random share of the distance is
     * left; the result is in {@link #seq}.
     */
    private void relink(int[][] from, int[][] to) {
        load(from);
        evaluate();
        int total = distance(seq, to);
        int target = (int) (total * (0.4 + 0.3 * random.nextDouble()));
        int[] mismatch = new int[2 * n];
        int failures = 0;
        while (failures < 20) {
            int count = 0;
            for (int m = 0; m < seq.length; m++) {
                for (int p = 0; p < seq[m].length; p++) {
                    if (seq[m][p] != to[m][p]) {
                        mismatch[2 * count] = m;
                        mismatch[2 * count + 1] = p;
                        count++;
                    }
                }
            }
            if (count <= target) {
                break;
            }
            int k = random.nextInt(count);
            int m = mismatch[2 * k];
            int p = mismatch[2 * k + 1];
            int x = to[m][p];
            int q = pos[x];
            shift(seq[m], q, p);
            if (evaluate() < 0) {
                shift(seq[m], p, q);
                evaluate();
                failures++;
            }
        }
    }

    private static void copyInto(int[][] source, int[][] target) {
        for (int m = 0; m < source.length; m++) {
            System.arraycopy(source[m], 0, target[m], 0, source[m].length);
        }
    }

    /** A few random moves of the current critical paths, keeping the sequences acyclic. */
    private void randomWalk(int steps) {
        for (int s = 0; s < steps; s++) {
            criticalPath();
            collectMoves();
            if (moveCount == 0) {
                return;
            }
            int k = random.nextInt(moveCount);
            int m = moves[3 * k];
            shift(seq[m], moves[3 * k + 1], moves[3 * k + 2]);
            if (evaluate() < 0) {
                shift(seq[m], moves[3 * k + 2], moves[3 * k + 1]);
                evaluate();
            }
        }
    }

    /** The machine sequences of {@code starts}, ordered by start, then duration, then operation. */
    private void load(long[][] starts) {
        long[] start = new long[n];
        for (int j = 0; j < opIndex.length; j++) {
            for (int k = 0; k < opIndex[j].length; k++) {
                start[opIndex[j][k]] = starts[j][k];
            }
        }
        Integer[] all = new Integer[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        Arrays.sort(
                all,
                (x, y) -> start[x] != start[y]
                        ? Long.compare(start[x], start[y])
                        : duration[x] != duration[y] ? Long.compare(duration[x], duration[y]) : Integer.compare(x, y));
        int[] fill = new int[seq.length];
        for (int i : all) {
            seq[machineOf[i]][fill[machineOf[i]]++] = i;
        }
    }

    private void load(int[][] sequences) {
        for (int m = 0; m < seq.length; m++) {
            System.arraycopy(sequences[m], 0, seq[m], 0, seq[m].length);
        }
    }

    private int machPrev(int i) {
        int p = pos[i];
        return p > 0 ? seq[machineOf[i]][p - 1] : -1;
    }

    private int machNext(int i) {
        int[] s = seq[machineOf[i]];
        int p = pos[i];
        return p < s.length - 1 ? s[p + 1] : -1;
    }

    /**
     * Heads and tails (the longest path from an operation's end to the schedule's end) of the
     * semi-active schedule of {@link #seq}; the makespan, or -1 when the sequences close a cycle.
     */
    private long evaluate() {
        for (int[] s : seq) {
            for (int p = 0; p < s.length; p++) {
                pos[s[p]] = p;
            }
        }
        int size = 0;
        for (int i = 0; i < n; i++) {
            indegree[i] = (jobPrev[i] >= 0 ? 1 : 0) + (pos[i] > 0 ? 1 : 0);
            if (indegree[i] == 0) {
                order[size++] = i;
            }
        }
        long makespan = 0;
        for (int at = 0; at < size; at++) {
            int i = order[at];
            long h = release[i];
            int jp = jobPrev[i];
            if (jp >= 0) {
                h = Math.max(h, head[jp] + duration[jp]);
            }
            int mp = machPrev(i);
            if (mp >= 0) {
                h = Math.max(h, head[mp] + duration[mp]);
            }
            head[i] = h;
            makespan = Math.max(makespan, h + duration[i]);
            int jn = jobNext[i];
            if (jn >= 0 && --indegree[jn] == 0) {
                order[size++] = jn;
            }
            int mn = machNext(i);
            if (mn >= 0 && --indegree[mn] == 0) {
                order[size++] = mn;
            }
        }
        if (size < n) {
            return -1;
        }
        for (int at = n - 1; at >= 0; at--) {
            int i = order[at];
            long t = 0;
            int jn = jobNext[i];
            if (jn >= 0) {
                t = duration[jn] + tail[jn];
            }
            int mn = machNext(i);
            if (mn >= 0) {
                t = Math.max(t, duration[mn] + tail[mn]);
            }
            tail[i] = t;
        }
        return makespan;
    }

    /** One critical path of the schedule last evaluated into {@link #path}, first operation first. */
    private void criticalPath() {
        long makespan = 0;
        int last = -1;
        int ties = 0;
        for (int i = 0; i < n; i++) {
            long end = head[i] + duration[i];
            if (end > makespan) {
                makespan = end;
                last = i;
                ties = 1;
            } else if (end == makespan && random.nextInt(++ties) == 0) {
                last = i;
            }
        }
        pathLength = 0;
        int i = last;
        while (i >= 0) {
            path[pathLength++] = i;
            int mp = machPrev(i);
            int jp = jobPrev[i];
            boolean viaMachine = mp >= 0 && head[mp] + duration[mp] == head[i];
            boolean viaJob = jp >= 0 && head[jp] + duration[jp] == head[i];
            if (viaMachine && viaJob) {
                i = random.nextBoolean() ? mp : jp;
            } else if (viaMachine) {
                i = mp;
            } else if (viaJob) {
                i = jp;
            } else {
                i = -1;
            }
        }
        for (int a = 0, b = pathLength - 1; a < b; a++, b--) {
            int t = path[a];
            path[a] = path[b];
            path[b] = t;
        }
    }

    /** The N7 moves of the blocks of {@link #path}; a swap of neighbours is listed once. */
    private void collectMoves() {
        moveCount = 0;
        int start = 0;
        for (int k = 1; k <= pathLength; k++) {
            boolean continues = k < pathLength
                    && machineOf[path[k]] == machineOf[path[k - 1]]
                    && pos[path[k]] == pos[path[k - 1]] + 1;
            if (continues) {
                continue;
            }
            if (k - 1 > start) {
                int m = machineOf[path[start]];
                int a = pos[path[start]];
                int b = pos[path[k - 1]];
                blockMoves(m, a, b);
            }
            start = k;
        }
    }

    private void blockMoves(int m, int a, int b) {
        int[] s = seq[m];
        for (int i = a + 1; i <= b; i++) {
            if (i == a + 1 || backwardSafe(s[i], s[a])) {
                addMove(m, i, a);
            }
        }
        for (int i = a; i <= b - 2; i++) {
            if (forwardSafe(s[i], s[b])) {
                addMove(m, i, b);
            }
        }
        for (int i = a + 2; i <= b - 1; i++) {
            if (forwardSafe(s[a], s[i])) {
                addMove(m, a, i);
            }
        }
        for (int i = a + 1; i <= b - 1; i++) {
            if (i == b - 1 || backwardSafe(s[b], s[i])) {
                addMove(m, b, i);
            }
        }
    }

    /** Moving {@code u} right after {@code v} closes no cycle when {@code v}'s tail is at least that of u's job successor. */
    private boolean forwardSafe(int u, int v) {
        int js = jobNext[u];
        return js < 0 || duration[v] + tail[v] >= duration[js] + tail[js];
    }

    /** Moving {@code v} right before {@code u} closes no cycle when {@code u} ends no earlier than v's job predecessor. */
    private boolean backwardSafe(int v, int u) {
        int jp = jobPrev[v];
        return jp < 0 || head[u] + duration[u] >= head[jp] + duration[jp];
    }

    private void addMove(int m, int from, int to) {
        if (3 * moveCount + 3 > moves.length) {
            moves = Arrays.copyOf(moves, 2 * moves.length);
        }
        moves[3 * moveCount] = m;
        moves[3 * moveCount + 1] = from;
        moves[3 * moveCount + 2] = to;
        moveCount++;
    }

    /** The estimated makespan after the move: the longest path through the moved segment's operations. */
    private long estimate(int m, int from, int to) {
        int[] s = seq[m];
        int lo = Math.min(from, to);
        int hi = Math.max(from, to);
        int length = hi - lo + 1;
        if (from < to) {
            System.arraycopy(s, from + 1, segment, 0, length - 1);
            segment[length - 1] = s[from];
        } else {
            segment[0] = s[from];
            System.arraycopy(s, to, segment, 1, length - 1);
        }
        int before = lo > 0 ? s[lo - 1] : -1;
        int after = hi < s.length - 1 ? s[hi + 1] : -1;
        for (int k = 0; k < length; k++) {
            int x = segment[k];
            long h = release[x];
            int jp = jobPrev[x];
            if (jp >= 0) {
                h = Math.max(h, head[jp] + duration[jp]);
            }
            if (k > 0) {
                h = Math.max(h, newHead[k - 1] + duration[segment[k - 1]]);
            } else if (before >= 0) {
                h = Math.max(h, head[before] + duration[before]);
            }
            newHead[k] = h;
        }
        long value = 0;
        for (int k = length - 1; k >= 0; k--) {
            int x = segment[k];
            long t = 0;
            int jn = jobNext[x];
            if (jn >= 0) {
                t = duration[jn] + tail[jn];
            }
            if (k < length - 1) {
                t = Math.max(t, newTail[k + 1] + duration[segment[k + 1]]);
            } else if (after >= 0) {
                t = Math.max(t, duration[after] + tail[after]);
            }
            newTail[k] = t;
            value = Math.max(value, newHead[k] + duration[x] + t);
        }
        return value;
    }

    /** Whether the move restores an order of two operations that a recent move reversed. */
    private boolean isTabu(int m, int from, int to, int iteration) {
        int[] s = seq[m];
        if (from < to) {
            int u = s[from];
            for (int i = from + 1; i <= to; i++) {
                if (tabu[s[i]][u] > iteration) {
                    return true;
                }
            }
        } else {
            int v = s[from];
            for (int i = to; i < from; i++) {
                if (tabu[v][s[i]] > iteration) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Forbids, for a random tenure, putting back the pairs of operations the move reverses. */
    private void makeTabu(int m, int from, int to, int iteration) {
        int[] s = seq[m];
        int until = iteration + tenureMin + random.nextInt(tenureSpan);
        if (from < to) {
            int u = s[from];
            for (int i = from + 1; i <= to; i++) {
                tabu[u][s[i]] = until;
            }
        } else {
            int v = s[from];
            for (int i = to; i < from; i++) {
                tabu[s[i]][v] = until;
            }
        }
    }

    /** Makes the move itself tabu (for one that closed a cycle). */
    private void forbid(int m, int from, int to, int iteration) {
        int[] s = seq[m];
        int until = iteration + tenureMin + tenureSpan;
        if (from < to) {
            for (int i = from + 1; i <= to; i++) {
                tabu[s[i]][s[from]] = until;
            }
        } else {
            for (int i = to; i < from; i++) {
                tabu[s[from]][s[i]] = until;
            }
        }
    }

    /** Moves the element at {@code from} to {@code to}, shifting those between by one. */
    private static void shift(int[] s, int from, int to) {
        int x = s[from];
        if (from < to) {
            System.arraycopy(s, from + 1, s, from, to - from);
        } else {
            System.arraycopy(s, to, s, to + 1, from - to);
        }
        s[to] = x;
    }

    private static int[][] copy(int[][] seq) {
        int[][] c = new int[seq.length][];
        for (int m = 0; m < seq.length; m++) {
            c[m] = seq[m].clone();
        }
        return c;
    }
}
