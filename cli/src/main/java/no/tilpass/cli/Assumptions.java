package no.tilpass.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.SolutionSpace;

/**
 * Parses {@code --assume A}: a comma-separated list of {@code NAME=VALUE}; for models imported from
 * DIMACS also signed variable numbers ({@code 12,-45}).
 */
final class Assumptions {
    private Assumptions() {}

    /** The decisions, or a message naming the bad element. */
    static Parsed parse(String text, SolutionSpace space) {
        List<Decision> decisions = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new Parsed(decisions, Optional.empty());
        }
        for (String raw : text.split(",")) {
            String item = raw.strip();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq > 0) {
                decisions.add(Decision.parse(item));
                continue;
            }
            Optional<Decision> numbered = numbered(item, space);
            if (numbered.isEmpty()) {
                return new Parsed(
                        decisions,
                        Optional.of("--assume: '" + item + "' is neither NAME=VALUE nor a"
                                + " signed variable number of this model" + System.lineSeparator()
                                + "Maybe write it as NAME=VALUE, e.g. " + example(space) + "."));
            }
            decisions.add(numbered.get());
        }
        return new Parsed(decisions, Optional.empty());
    }

    private static Optional<Decision> numbered(String item, SolutionSpace space) {
        int literal;
        try {
            literal = Integer.parseInt(item);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (literal == 0) {
            return Optional.empty();
        }
        Optional<Option> option = space.optionOfVariable(Math.abs(literal));
        if (option.isEmpty()) {
            return Optional.empty();
        }
        Option o = option.get();
        for (int i = 0; i < o.valueCount(); i++) {
            if (o.literal(i) == literal) {
                return Optional.of(new Decision(o.name(), o.values().get(i)));
            }
        }
        return Optional.empty();
    }

    private static String example(SolutionSpace space) {
        if (space.options().isEmpty()) {
            return "width=1200";
        }
        Option o = space.options().get(0);
        return o.name() + "=" + o.values().get(0);
    }

    record Parsed(List<Decision> decisions, Optional<String> error) {}
}
