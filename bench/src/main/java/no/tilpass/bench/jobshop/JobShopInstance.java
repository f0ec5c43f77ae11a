package no.tilpass.bench.jobshop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.tilpass.engine.scheduling.Job;
import no.tilpass.engine.scheduling.Operation;
import no.tilpass.engine.scheduling.SchedulingProblem;
import no.tilpass.engine.scheduling.WorkCentre;

/** A job-shop instance as a scheduling problem: work centres {@code M0..}, jobs {@code J0..}, no calendars. */
public record JobShopInstance(String name, int jobCount, int machineCount, SchedulingProblem problem) {

    /** The outcome of reading an instance file. */
    public sealed interface Read {}

    public record Loaded(JobShopInstance instance) implements Read {}

    /** {@code message} names the place (file:line:column) and ends with a "Maybe" line. */
    public record Failed(String message) implements Read {}

    public static Read read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Failed(file + ": cannot read the file (" + e.getMessage() + ")\n"
                    + "Maybe check the path; instances live under ../shared/bench-data/production/jobshop.");
        }
        String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
        return parse(name, file.toString(), text);
    }

    static Read parse(String name, String where, String text) {
        String[] lines = text.split("\r?\n", -1);
        int lineIndex = 0;
        while (lineIndex < lines.length && lines[lineIndex].isBlank()) {
            lineIndex++;
        }
        if (lineIndex == lines.length) {
            return new Failed(where + ": the file is empty\nMaybe it is not a job-shop instance.");
        }
        long[] header = numbers(lines[lineIndex]);
        if (header == null || header.length != 2 || header[0] < 1 || header[1] < 1) {
            return new Failed(where + ":" + (lineIndex + 1) + ":1: expected `jobs machines`, found `"
                    + lines[lineIndex].strip() + "`\nMaybe the file has a comment header; remove it.");
        }
        int jobs = (int) header[0];
        int machines = (int) header[1];
        List<WorkCentre> centres = new ArrayList<>();
        for (int m = 0; m < machines; m++) {
            centres.add(WorkCentre.alwaysOpen("M" + m));
        }
        List<Job> list = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            lineIndex++;
            while (lineIndex < lines.length && lines[lineIndex].isBlank()) {
                lineIndex++;
            }
            if (lineIndex >= lines.length) {
                return new Failed(where + ":" + lines.length + ": expected " + jobs + " job lines, found " + j
                        + "\nMaybe the header's job count is wrong.");
            }
            String line = lines[lineIndex];
            long[] pairs = numbers(line);
            String at = where + ":" + (lineIndex + 1) + ":1: ";
            if (pairs == null) {
                return new Failed(at + "job " + j + " has a value that is not a whole number: `" + line.strip()
                        + "`\nMaybe the file uses another format.");
            }
            if (pairs.length == 0 || pairs.length % 2 != 0) {
                return new Failed(at + "job " + j + " needs `machine duration` pairs, found " + pairs.length
                        + " numbers\nMaybe a number is missing.");
            }
            List<Operation> ops = new ArrayList<>();
            for (int p = 0; p < pairs.length; p += 2) {
                if (pairs[p] < 0 || pairs[p] >= machines) {
                    return new Failed(at + "job " + j + " uses machine " + pairs[p] + ", but machines are 0.."
                            + (machines - 1) + "\nMaybe machines are numbered from 1 in this file.");
                }
                if (pairs[p + 1] < 0) {
                    return new Failed(at + "job " + j + " has duration " + pairs[p + 1]
                            + "\nMaybe the sign is a typo; durations are zero or more.");
                }
                ops.add(new Operation("M" + pairs[p], pairs[p + 1]));
            }
            list.add(Job.of("J" + j, ops));
        }
        return new Loaded(new JobShopInstance(name, jobs, machines, SchedulingProblem.of(centres, list)));
    }

    private static long[] numbers(String line) {
        String stripped = line.strip();
        if (stripped.isEmpty()) {
            return new long[0];
        }
        String[] tokens = stripped.split("\\s+");
        long[] out = new long[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            try {
                out[i] = Long.parseLong(tokens[i]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }
}
