package no.tilpass.engine.scheduling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A tabu search for the makespan of a plain job shop (no calendars, no due dates; release dates are
 * heads): machine sequences, the N5 neighbourhood of Nowicki and Smutnicki (swap the first or last two
 * operations of critical blocks), exact evaluation of every move by recomputing heads, a random tabu
 * tenure with aspiration, and a jump back to the best solution with a random perturbation when the
 * search stagnates. It finds a good first solution fast; CP-SAT then improves it and proves bounds.
 */
final class TabuSearch {
    private final int n;
    private final int machines;
    private final long[] duration;
    private final long[] release;
    private final int[] machineOf;
    private final int[] jobPrev;
    private final int[] jobNext;
    private final int[][] opIndex;
    private final Random random;

    private final int[] machPrev;
    private final int[] machNext;
    private final long[] head;
    private final int[] order;
    private final int[] indegree;

    private TabuSearch(SchedulingProblem problem, long seed) {
        Map<String, WorkCentre> centres = problem.centresById();
        List<String> ids = new ArrayList<>(centres.keySet());
        machines = ids.size();
        n = problem.operationCount();
        duration = new long[n];
        release = new long[n];
        machineOf = new int[n];
        jobPrev = new int[n];
        jobNext = new int[n];
        opIndex = new int[problem.jobs().size()][];
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
                jobPrev[i] = k == 0 ? -1 : i - 1;
                jobNext[i] = k == job.operations().size() - 1 ? -1 : i + 1;
                i++;
            }
        }
        random = new Random(seed);
        machPrev = new int[n];
        machNext = new int[n];
        head = new long[n];
        order = new int[n];
        indegree = new int[n];
    }

    /** Whether the problem is a plain job shop this search handles. */
    static boolean applies(SchedulingProblem problem) {
        return problem.jobs().stream().allMatch(j -> j.due().isEmpty())
                && problem.workCentres().stream().allMatch(c -> c.unavailable().isEmpty());
    }

    /**
     * Improves {@code initial} until {@code deadlineNanos}, until {@code lowerBound} is reached, or until
     * {@code patience} iterations in a row bring no new best.
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

    private long[][] run(long[][] initial, long lowerBound, long deadlineNanos, long patience) {
        int[][] seq = sequencesFrom(initial);
        long current = evaluate(seq);
        int[][] best = copy(seq);
        long bestValue = current;
        long[][] tabu = new long[n][n];
        long iteration = 0;
        long sinceBest = 0;
        long sinceRestart = 0;
        int restarts = 0;
        List<int[]> moves = new ArrayList<>();
        while (bestValue > lowerBound && sinceBest < patience) {
            if ((iteration & 15) == 0 && System.nanoTime() > deadlineNanos) {
                break;
            }
            iteration++;
            sinceBest++;
            sinceRestart++;
            evaluate(seq);
            criticalMoves(seq, moves);
            if (moves.isEmpty()) {
                break; // one critical block: the makespan equals a machine's load, optimal
            }
            int[] chosen = null;
            long chosenValue = Long.MAX_VALUE;
            for (int[] move : moves) {
                int m = move[0];
                int p = move[1];
                int a = seq[m][p];
                int b = seq[m][p + 1];
                swap(seq[m], p);
                long value = evaluate(seq);
                swap(seq[m], p);
                boolean isTabu = tabu[b][a] > iteration;
                if (value < 0 || (isTabu && value >= bestValue)) {
                    continue;
                }
                if (value < chosenValue || (value == chosenValue && random.nextBoolean())) {
                    chosen = move;
                    chosenValue = value;
                }
            }
            if (chosen == null) {
                chosen = moves.get(random.nextInt(moves.size()));
            }
            int m = chosen[0];
            int p = chosen[1];
            int a = seq[m][p];
            int b = seq[m][p + 1];
            swap(seq[m], p);
            current = evaluate(seq);
            if (current < 0) {
                swap(seq[m], p);
                current = evaluate(seq);
                continue;
            }
            tabu[a][b] = iteration + 8 + random.nextInt(8 + n / Math.max(1, machines));
            if (current < bestValue) {
                bestValue = current;
                best = copy(seq);
                sinceBest = 0;
                sinceRestart = 0;
            } else if (sinceRestart > 2_000 + 4L * n) {
                seq = copy(best);
                perturb(seq, 3 + (restarts++ % 8));
                for (long[] row : tabu) {
                    Arrays.fill(row, 0);
                }
                sinceRestart = 0;
            }
        }
        evaluate(best);
        long[][] starts = new long[opIndex.length][];
        for (int j = 0; j < opIndex.length; j++) {
            starts[j] = new long[opIndex[j].length];
            for (int k = 0; k < opIndex[j].length; k++) {
                starts[j][k] = head[opIndex[j][k]];
            }
        }
        return starts;
    }

    private void perturb(int[][] seq, int swaps) {
        for (int s = 0; s < swaps; s++) {
            evaluate(seq);
            List<int[]> moves = new ArrayList<>();
            criticalMoves(seq, moves);
            if (moves.isEmpty()) {
                return;
            }
            int[] move = moves.get(random.nextInt(moves.size()));
            swap(seq[move[0]], move[1]);
            if (evaluate(seq) < 0) {
                swap(seq[move[0]], move[1]);
            }
        }
    }

    private int[][] sequencesFrom(long[][] starts) {
        List<List<Integer>> perMachine = new ArrayList<>();
        for (int m = 0; m < machines; m++) {
            perMachine.add(new ArrayList<>());
        }
        long[] start = new long[n];
        for (int j = 0; j < opIndex.length; j++) {
            for (int k = 0; k < opIndex[j].length; k++) {
                start[opIndex[j][k]] = starts[j][k];
                perMachine.get(machineOf[opIndex[j][k]]).add(opIndex[j][k]);
            }
        }
        int[][] seq = new int[machines][];
        for (int m = 0; m < machines; m++) {
            seq[m] = perMachine.get(m).stream()
                    .sorted((x, y) -> Long.compare(start[x], start[y]))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        return seq;
    }

    /** Heads of the semi-active schedule of {@code seq} into {@link #head}; the makespan, or -1 on a cycle. */
    private long evaluate(int[][] seq) {
        Arrays.fill(machPrev, -1);
        Arrays.fill(machNext, -1);
        for (int[] s : seq) {
            for (int p = 1; p < s.length; p++) {
                machPrev[s[p]] = s[p - 1];
                machNext[s[p - 1]] = s[p];
            }
        }
        int size = 0;
        for (int i = 0; i < n; i++) {
            indegree[i] = (jobPrev[i] >= 0 ? 1 : 0) + (machPrev[i] >= 0 ? 1 : 0);
            if (indegree[i] == 0) {
                order[size++] = i;
            }
        }
        long makespan = 0;
        for (int at = 0; at < size; at++) {
            int i = order[at];
            long h = release[i];
            if (jobPrev[i] >= 0) {
                h = Math.max(h, head[jobPrev[i]] + duration[jobPrev[i]]);
            }
            if (machPrev[i] >= 0) {
                h = Math.max(h, head[machPrev[i]] + duration[machPrev[i]]);
            }
            head[i] = h;
            makespan = Math.max(makespan, h + duration[i]);
            if (jobNext[i] >= 0 && --indegree[jobNext[i]] == 0) {
                order[size++] = jobNext[i];
            }
            if (machNext[i] >= 0 && --indegree[machNext[i]] == 0) {
                order[size++] = machNext[i];
            }
        }
        return size == n ? makespan : -1;
    }

    /**
     * The N5 moves of one critical path of the schedule last evaluated: {machine, position} pairs whose
     * operations at position and position + 1 are swapped.
     */
    private void criticalMoves(int[][] seq, List<int[]> moves) {
        moves.clear();
        long makespan = 0;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (head[i] + duration[i] > makespan) {
                makespan = head[i] + duration[i];
                last = i;
            }
        }
        List<Integer> path = new ArrayList<>();
        int i = last;
        while (i >= 0) {
            path.add(i);
            int mp = machPrev[i];
            int jp = jobPrev[i];
            if (mp >= 0 && head[mp] + duration[mp] == head[i]) {
                i = mp;
            } else if (jp >= 0 && head[jp] + duration[jp] == head[i]) {
                i = jp;
            } else {
                i = -1;
            }
        }
        java.util.Collections.reverse(path);
        int[] position = new int[n];
        for (int[] s : seq) {
            for (int p = 0; p < s.length; p++) {
                position[s[p]] = p;
            }
        }
        List<int[]> blocks = new ArrayList<>(); // {machine, first position, last position}
        int start = 0;
        for (int k = 1; k <= path.size(); k++) {
            boolean continues = k < path.size()
                    && machineOf[path.get(k)] == machineOf[path.get(k - 1)]
                    && machPrev[path.get(k)] == path.get(k - 1);
            if (!continues) {
                int first = path.get(start);
                int end = path.get(k - 1);
                if (k - 1 > start) {
                    blocks.add(new int[] {machineOf[first], position[first], position[end]});
                }
                start = k;
            }
        }
        boolean singleBlock = blocks.size() == 1 && blocks.get(0)[2] - blocks.get(0)[1] + 1 == path.size();
        if (singleBlock) {
            return;
        }
        for (int b = 0; b < blocks.size(); b++) {
            int[] block = blocks.get(b);
            boolean firstBlock = block[1] == position[path.get(0)] && machineOf[path.get(0)] == block[0];
            boolean lastBlock =
                    block[2] == position[path.get(path.size() - 1)] && machineOf[path.get(path.size() - 1)] == block[0];
            if (!firstBlock) {
                moves.add(new int[] {block[0], block[1]});
            }
            if (!lastBlock && block[2] - 1 != block[1]) {
                moves.add(new int[] {block[0], block[2] - 1});
            } else if (!lastBlock && firstBlock) {
                moves.add(new int[] {block[0], block[2] - 1});
            }
        }
    }

    private static void swap(int[] s, int p) {
        int t = s[p];
        s[p] = s[p + 1];
        s[p + 1] = t;
    }

    private static int[][] copy(int[][] seq) {
        int[][] c = new int[seq.length][];
        for (int m = 0; m < seq.length; m++) {
            c[m] = seq[m].clone();
        }
        return c;
    }
}
