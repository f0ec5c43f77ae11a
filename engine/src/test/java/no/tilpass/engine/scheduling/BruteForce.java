package no.tilpass.engine.scheduling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The best lexicographic objective by enumerating every operation order on every work centre and
 * placing each operation as early as it fits (enough for regular objectives such as tardiness and
 * makespan). Only for tiny problems.
 */
final class BruteForce {
    private BruteForce() {}

    private static final Comparator<Objective> LEXICOGRAPHIC =
            Comparator.comparingLong(Objective::totalTardiness).thenComparingLong(Objective::makespan);

    static Optional<Objective> best(SchedulingProblem problem) {
        List<List<int[]>> perCentre = new ArrayList<>();
        for (WorkCentre centre : problem.workCentres()) {
            List<int[]> ops = new ArrayList<>();
            for (int j = 0; j < problem.jobs().size(); j++) {
                List<Operation> route = problem.jobs().get(j).operations();
                for (int k = 0; k < route.size(); k++) {
                    if (route.get(k).workCentre().equals(centre.id())) {
                        ops.add(new int[] {j, k});
                    }
                }
            }
            perCentre.add(ops);
        }
        List<List<List<int[]>>> orders = new ArrayList<>();
        for (List<int[]> ops : perCentre) {
            List<List<int[]>> perms = new ArrayList<>();
            permute(ops, new ArrayList<>(), new boolean[ops.size()], perms);
            orders.add(perms);
        }
        Objective[] best = {null};
        choose(problem, orders, 0, new ArrayList<>(), best);
        return Optional.ofNullable(best[0]);
    }

    private static void choose(
            SchedulingProblem problem,
            List<List<List<int[]>>> orders,
            int centre,
            List<List<int[]>> chosen,
            Objective[] best) {
        if (centre == orders.size()) {
            Objective o = evaluate(problem, chosen);
            if (o != null && (best[0] == null || LEXICOGRAPHIC.compare(o, best[0]) < 0)) {
                best[0] = o;
            }
            return;
        }
        for (List<int[]> order : orders.get(centre)) {
            chosen.add(order);
            choose(problem, orders, centre + 1, chosen, best);
            chosen.remove(chosen.size() - 1);
        }
    }

    /** Earliest placement for the given machine orders; null when the orders deadlock or overrun. */
    private static Objective evaluate(SchedulingProblem problem, List<List<int[]>> orders) {
        int n = problem.jobs().size();
        long[][] end = new long[n][];
        for (int j = 0; j < n; j++) {
            end[j] = new long[problem.jobs().get(j).operations().size()];
            java.util.Arrays.fill(end[j], -1);
        }
        int[] position = new int[orders.size()];
        long[] machineFree = new long[orders.size()];
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int m = 0; m < orders.size(); m++) {
                if (position[m] == orders.get(m).size()) {
                    continue;
                }
                int[] op = orders.get(m).get(position[m]);
                int j = op[0];
                int k = op[1];
                if (k > 0 && end[j][k - 1] < 0) {
                    continue;
                }
                Job job = problem.jobs().get(j);
                long ready = Math.max(machineFree[m], k == 0 ? job.release() : end[j][k - 1]);
                long duration = job.operations().get(k).duration();
                long start = fit(problem.workCentres().get(m).unavailable(), ready, duration);
                end[j][k] = start + duration;
                machineFree[m] = end[j][k];
                position[m]++;
                progress = true;
            }
        }
        long tardiness = 0;
        long makespan = 0;
        for (int j = 0; j < n; j++) {
            for (long e : end[j]) {
                if (e < 0 || e > problem.horizonEnd()) {
                    return null;
                }
            }
            long finish = end[j][end[j].length - 1];
            makespan = Math.max(makespan, finish);
            Job job = problem.jobs().get(j);
            if (job.due().isPresent()) {
                tardiness += Math.max(0, finish - job.due().getAsLong());
            }
        }
        return new Objective(tardiness, makespan);
    }

    private static long fit(List<Interval> closed, long ready, long duration) {
        if (duration == 0) {
            return ready;
        }
        for (long t = ready; ; t++) {
            boolean clash = false;
            for (Interval c : closed) {
                if (t < c.end() && c.start() < t + duration) {
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                return t;
            }
        }
    }

    private static void permute(List<int[]> ops, List<int[]> prefix, boolean[] used, List<List<int[]>> out) {
        if (prefix.size() == ops.size()) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (int i = 0; i < ops.size(); i++) {
            if (!used[i]) {
                used[i] = true;
                prefix.add(ops.get(i));
                permute(ops, prefix, used, out);
                prefix.remove(prefix.size() - 1);
                used[i] = false;
            }
        }
    }
}
