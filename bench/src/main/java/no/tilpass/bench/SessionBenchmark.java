package no.tilpass.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import no.tilpass.engine.configurator.Configurator;
import no.tilpass.engine.configurator.DomainResult;
import no.tilpass.engine.configurator.Resolution;
import no.tilpass.engine.load.ModelFiles;
import no.tilpass.engine.sat.SolverStatistics;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.LoadResult;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.SolutionSpace;

/**
 * A simulated configuration session: a seeded user who, at every step, picks uniformly an option that
 * still has at least two valid values and then uniformly one of those values; after every decision all
 * valid domains are computed completely and timed. Optionally the {@link Sat4jWitnessBaseline} replays
 * the same decisions, is timed too, and must agree on every domain at every step.
 */
public final class SessionBenchmark {
    private SessionBenchmark() {}

    /**
     * For development: {@code java ... SessionBenchmark MODEL STEPS SEED [baseline]} prints the
     * progress lines and the JSON report.
     */
    public static void main(String[] args) {
        long start = System.nanoTime();
        LoadResult loaded = ModelFiles.load(Path.of(args[0]));
        if (!(loaded instanceof LoadResult.Loaded ok)) {
            ((LoadResult.Failed) loaded).errors().forEach(e -> System.err.println(e.format()));
            System.exit(1);
            return;
        }
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        SessionReport report = run(
                ok.space(),
                loadMillis,
                Integer.parseInt(args[1]),
                Long.parseLong(args[2]),
                args.length > 3 && args[3].equals("baseline"),
                System.out::println);
        System.out.println(report.toJson());
    }

    /** {@link #run(SolutionSpace, long, int, long, boolean, Consumer)} without progress lines. */
    public static SessionReport run(SolutionSpace space, long loadMillis, int steps, long seed, boolean baseline) {
        return run(space, loadMillis, steps, seed, baseline, line -> {});
    }

    /**
     * Runs the session.
     *
     * @param loadMillis the time the caller took to load {@code space}, reported as is
     * @param steps the number of decisions; fewer when no option has two valid values left
     * @param progress receives one human line per step
     */
    public static SessionReport run(
            SolutionSpace space, long loadMillis, int steps, long seed, boolean baseline, Consumer<String> progress) {
        Random random = new Random(seed);
        List<Option> options = space.options();
        long start = System.nanoTime();
        Configurator configurator = new Configurator(space);
        DomainResult first = configurator.domains(List.of());
        double initialMillis = millisSince(start);
        Sat4jWitnessBaseline sat4j = null;
        boolean agree = true;
        if (baseline) {
            long b = System.nanoTime();
            sat4j = new Sat4jWitnessBaseline(space);
            List<int[]> expected = sat4j.domains(new int[0]);
            agree = same(first, expected);
            progress.accept(String.format(
                    java.util.Locale.ROOT,
                    "initial: %.1f ms, baseline %.1f ms, agree %b",
                    initialMillis,
                    millisSince(b),
                    agree));
        } else {
            progress.accept(String.format(java.util.Locale.ROOT, "initial: %.1f ms", initialMillis));
        }
        if (!(first instanceof DomainResult.Consistent current)) {
            return new SessionReport(
                    new double[0],
                    new double[0],
                    initialMillis,
                    loadMillis,
                    peakHeapMb(),
                    baseline ? new double[0] : null,
                    agree,
                    new SolverStatistics(0, 0, 0, 0));
        }
        List<Decision> decisions = new ArrayList<>();
        double[] times = new double[steps];
        double[] cpuTimes = new double[steps];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] baselineTimes = new double[steps];
        SolverStatistics effort = new SolverStatistics(0, 0, 0, 0);
        int done = 0;
        while (done < steps) {
            List<Integer> open = new ArrayList<>();
            for (int o = 0; o < options.size(); o++) {
                if (current.valid(o).length >= 2) {
                    open.add(o);
                }
            }
            if (open.isEmpty()) {
                break;
            }
            int o = open.get(random.nextInt(open.size()));
            int[] valid = current.valid(o);
            Option option = options.get(o);
            decisions.add(new Decision(option.name(), option.values().get(valid[random.nextInt(valid.length)])));
            SolverStatistics before = configurator.statistics();
            long cpu = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            DomainResult next = configurator.domains(decisions);
            times[done] = millisSince(t);
            cpuTimes[done] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            SolverStatistics spent = configurator.statistics().minus(before);
            effort = new SolverStatistics(
                    effort.solves() + spent.solves(),
                    effort.decisions() + spent.decisions(),
                    effort.propagations() + spent.propagations(),
                    effort.conflicts() + spent.conflicts());
            if (!(next instanceof DomainResult.Consistent consistent)) {
                throw new IllegalStateException("a valid value led to " + next);
            }
            String line = String.format(
                    java.util.Locale.ROOT,
                    "step %d: %s -> %.1f ms (CPU %.1f ms), %d open options; %d SAT calls, %d conflicts, %d propagations",
                    done + 1,
                    decisions.get(decisions.size() - 1),
                    times[done],
                    cpuTimes[done],
                    countOpen(consistent),
                    spent.solves(),
                    spent.conflicts(),
                    spent.propagations());
            if (sat4j != null) {
                int[] literals = ((Resolution.Resolved) Configurator.resolve(space, decisions)).literals();
                long b = System.nanoTime();
                List<int[]> expected = sat4j.domains(literals);
                baselineTimes[done] = millisSince(b);
                boolean same = same(consistent, expected);
                agree &= same;
                line += String.format(java.util.Locale.ROOT, "; baseline %.1f ms, agree %b", baselineTimes[done], same);
            }
            progress.accept(line);
            current = consistent;
            done++;
        }
        return new SessionReport(
                Arrays.copyOf(times, done),
                Arrays.copyOf(cpuTimes, done),
                initialMillis,
                loadMillis,
                peakHeapMb(),
                baseline ? Arrays.copyOf(baselineTimes, done) : null,
                agree,
                effort);
    }

    private static long countOpen(DomainResult.Consistent domains) {
        return domains.validIndices().stream().filter(v -> v.length >= 2).count();
    }

    private static boolean same(DomainResult ours, List<int[]> theirs) {
        if (!(ours instanceof DomainResult.Consistent consistent)) {
            return theirs == null;
        }
        if (theirs == null || theirs.size() != consistent.validIndices().size()) {
            return false;
        }
        for (int o = 0; o < theirs.size(); o++) {
            if (!Arrays.equals(theirs.get(o), consistent.valid(o))) {
                return false;
            }
        }
        return true;
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }
}
