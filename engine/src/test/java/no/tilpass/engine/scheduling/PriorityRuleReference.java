package no.tilpass.engine.scheduling;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The straightforward generation that fits every job twice per step: the oracle of {@link PriorityRuleTest}. */
final class PriorityRuleReference {
    private PriorityRuleReference() {}

    /** The schedule, or empty when it does not end by the horizon. */
    static Optional<long[][]> schedule(SchedulingProblem problem) {
        List<Job> jobs = problem.jobs();
        Map<String, WorkCentre> centres = problem.centresById();
        Map<String, Integer> centreIndex = new java.util.LinkedHashMap<>();
        for (String id : centres.keySet()) {
            centreIndex.put(id, centreIndex.size());
        }
        WorkCentre[] centreByIndex = centres.values().toArray(new WorkCentre[0]);
        int n = jobs.size();
        long[][] starts = new long[n][];
        int[] next = new int[n];
        long[] jobReady = new long[n];
        long[] remaining = new long[n];
        long[] machineReady = new long[centreByIndex.length];
        for (int j = 0; j < n; j++) {
            starts[j] = new long[jobs.get(j).operations().size()];
            jobReady[j] = jobs.get(j).release();
            remaining[j] = jobs.get(j).work();
        }
        int left = problem.operationCount();
        while (left > 0) {
            long bestEnd = Long.MAX_VALUE;
            int bestMachine = -1;
            for (int j = 0; j < n; j++) {
                if (next[j] < starts[j].length) {
                    Operation op = jobs.get(j).operations().get(next[j]);
                    int m = centreIndex.get(op.workCentre());
                    long s = centreByIndex[m].earliestFit(Math.max(jobReady[j], machineReady[m]), op.duration());
                    if (s + op.duration() < bestEnd) {
                        bestEnd = s + op.duration();
                        bestMachine = m;
                    }
                }
            }
            int chosen = -1;
            long chosenStart = 0;
            for (int j = 0; j < n; j++) {
                if (next[j] < starts[j].length) {
                    Operation op = jobs.get(j).operations().get(next[j]);
                    int m = centreIndex.get(op.workCentre());
                    if (m != bestMachine) {
                        continue;
                    }
                    long s = centreByIndex[m].earliestFit(Math.max(jobReady[j], machineReady[m]), op.duration());
                    boolean candidate = s < bestEnd || s + op.duration() == bestEnd;
                    if (candidate && (chosen < 0 || better(jobs, remaining, j, chosen))) {
                        chosen = j;
                        chosenStart = s;
                    }
                }
            }
            Operation op = jobs.get(chosen).operations().get(next[chosen]);
            starts[chosen][next[chosen]] = chosenStart;
            jobReady[chosen] = chosenStart + op.duration();
            machineReady[bestMachine] = chosenStart + op.duration();
            remaining[chosen] -= op.duration();
            next[chosen]++;
            left--;
            if (chosenStart + op.duration() > problem.horizonEnd()) {
                return Optional.empty();
            }
        }
        return Optional.of(starts);
    }

    private static boolean better(List<Job> jobs, long[] remaining, int a, int b) {
        if (remaining[a] != remaining[b]) {
            return remaining[a] > remaining[b];
        }
        long dueA = jobs.get(a).due().orElse(Long.MAX_VALUE);
        long dueB = jobs.get(b).due().orElse(Long.MAX_VALUE);
        return dueA < dueB;
    }
}
