package no.tilpass.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A bin-packing instance in the BPPLIB text format: line 1 the number of items n, line 2 the bin
 * capacity, then n item sizes (one per line; a second number on a line is a multiplicity).
 */
public record BppInstance(String name, int capacity, int[] sizes) {

    /** The outcome of reading a file. */
    public sealed interface Read permits Loaded, Invalid {}

    /** A well-formed instance. */
    public record Loaded(BppInstance instance) implements Read {}

    /** A rejected file: where, what, and a line starting "Maybe". */
    public record Invalid(String message, String maybe) implements Read {}

    public static Read read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return new Invalid(
                    file + ": cannot read (" + e.getMessage() + ")",
                    "Maybe the path is wrong; bounds.csv names files relative to bench-data/production/.");
        }
        List<long[]> numbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            long[] values = new long[parts.length];
            for (int k = 0; k < parts.length; k++) {
                try {
                    values[k] = Long.parseLong(parts[k]);
                } catch (NumberFormatException e) {
                    return new Invalid(
                            file + ":" + (i + 1) + ": '" + parts[k] + "' is not a whole number",
                            "Maybe the file is not in the bin-packing format (n, capacity, then n sizes).");
                }
            }
            values = java.util.Arrays.copyOf(values, parts.length + 1);
            values[parts.length] = i + 1;
            numbers.add(values);
        }
        if (numbers.size() < 2) {
            return new Invalid(
                    file + ": has fewer than two lines",
                    "Maybe the file is not in the bin-packing format (n, capacity, then n sizes).");
        }
        long n = numbers.get(0)[0];
        long capacity = numbers.get(1)[0];
        if (capacity <= 0 || capacity > no.tilpass.engine.cutting.BinPacker.MAX_CAPACITY) {
            return new Invalid(
                    file + ":2: capacity " + capacity + " is out of range",
                    "Maybe the first two lines are swapped: line 1 is n, line 2 the capacity.");
        }
        List<Integer> sizes = new ArrayList<>();
        for (int i = 2; i < numbers.size(); i++) {
            long[] row = numbers.get(i);
            int lineNumber = (int) row[row.length - 1];
            long size = row[0];
            long copies = row.length > 2 ? row[1] : 1;
            if (size <= 0 || size > capacity) {
                return new Invalid(
                        file + ":" + lineNumber + ": size " + size + " does not fit the capacity " + capacity,
                        "Maybe the piece is longer than the bar; every size must be in 1.." + capacity + ".");
            }
            for (long c = 0; c < copies; c++) {
                sizes.add((int) size);
            }
        }
        if (sizes.size() != n) {
            return new Invalid(
                    file + ":1: says n = " + n + " but the file lists " + sizes.size() + " sizes",
                    "Maybe the file is truncated or line 1 is wrong.");
        }
        String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
        return new Loaded(new BppInstance(
                name, (int) capacity, sizes.stream().mapToInt(Integer::intValue).toArray()));
    }
}
