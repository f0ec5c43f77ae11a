package no.tilpass.cli;

import java.util.ArrayList;
import java.util.List;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.OptionKind;
import no.tilpass.engine.space.SolutionSpace;

/** Renders valid domains as the CLI contract's JSON object, or as text for people. */
final class DomainPrinter {
    private DomainPrinter() {}

    /**
     * One JSON object: option name → array of valid values ({@code "true"}/{@code "false"} for booleans,
     * strings for enumerations, numbers or {@code {"from":a,"to":b,"step":s}} ranges for integers).
     *
     * @param valid for each option of {@code space}, in order, the indices of its valid values
     */
    static String json(SolutionSpace space, List<int[]> valid) {
        StringBuilder sb = new StringBuilder("{");
        List<Option> options = space.options();
        for (int o = 0; o < options.size(); o++) {
            Option option = options.get(o);
            if (o > 0) {
                sb.append(',');
            }
            sb.append(Json.quote(option.name())).append(":[");
            sb.append(String.join(",", jsonValues(option, valid.get(o))));
            sb.append(']');
        }
        return sb.append('}').toString();
    }

    static List<String> jsonValues(Option option, int[] validIndices) {
        List<String> out = new ArrayList<>();
        if (option.kind() != OptionKind.INTEGER) {
            for (int i : validIndices) {
                out.add(Json.quote(option.values().get(i)));
            }
            return out;
        }
        for (Run run : runs(option, validIndices)) {
            if (run.count() >= 3) {
                out.add("{\"from\":" + run.from() + ",\"to\":" + run.to() + ",\"step\":" + run.step() + "}");
            } else {
                for (int k = 0; k < run.count(); k++) {
                    out.add(Long.toString(run.from() + (long) k * run.step()));
                }
            }
        }
        return out;
    }

    /** Text for people: integers as compact ranges ({@code 400..2400 step 10}). */
    static String text(Option option, int[] validIndices) {
        if (option.kind() != OptionKind.INTEGER) {
            List<String> values = new ArrayList<>();
            for (int i : validIndices) {
                values.add(option.values().get(i));
            }
            return String.join(", ", values);
        }
        List<String> parts = new ArrayList<>();
        for (Run run : runs(option, validIndices)) {
            if (run.count() >= 3) {
                parts.add(run.from() + ".." + run.to() + (run.step() == 1 ? "" : " step " + run.step()));
            } else {
                for (int k = 0; k < run.count(); k++) {
                    parts.add(Long.toString(run.from() + (long) k * run.step()));
                }
            }
        }
        return String.join(", ", parts);
    }

    /** Maximal runs of valid numbers with a common step, greedily from the smallest. */
    static List<Run> runs(Option option, int[] validIndices) {
        long[] numbers = new long[validIndices.length];
        for (int k = 0; k < validIndices.length; k++) {
            numbers[k] = option.number(validIndices[k]);
        }
        java.util.Arrays.sort(numbers);
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < numbers.length) {
            if (i + 1 == numbers.length) {
                runs.add(new Run(numbers[i], numbers[i], 1, 1));
                break;
            }
            long step = numbers[i + 1] - numbers[i];
            int j = i + 1;
            while (j + 1 < numbers.length && numbers[j + 1] - numbers[j] == step) {
                j++;
            }
            int count = j - i + 1;
            if (count >= 3) {
                runs.add(new Run(numbers[i], numbers[j], step, count));
                i = j + 1;
            } else {
                runs.add(new Run(numbers[i], numbers[i], 1, 1));
                i++;
            }
        }
        return runs;
    }

    record Run(long from, long to, long step, int count) {}
}
