package no.tilpass.engine.configurator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The valid domains after a list of decisions, or the news that the decisions cannot be honoured. */
public sealed interface DomainResult {

    /** How an option stands after the decisions. */
    enum OptionState {
        /** The user decided it. */
        DECIDED,
        /** Not decided, but the decisions and the rules leave it exactly one valid value. */
        FORCED,
        /** Not decided and at least two values remain valid. */
        OPEN
    }

    /**
     * The decisions extend to at least one valid configuration.
     *
     * @param validIndices one entry per option, in model order: the indices (ascending) of the option's
     *     values that extend to at least one valid configuration; never empty. Do not modify the arrays.
     * @param states one entry per option, in model order
     * @param alternatives empty when not computed, else one entry per option, in model order: the indices
     *     (ascending) of the values that extend to a valid configuration under the decisions on the
     *     <em>other</em> options (for an undecided option its valid values, for a decided one the values
     *     the customer could switch to); not part of {@link #equals}
     */
    record Consistent(List<int[]> validIndices, List<OptionState> states, List<int[]> alternatives)
            implements DomainResult {
        public Consistent {
            validIndices = List.copyOf(validIndices);
            states = List.copyOf(states);
            alternatives = List.copyOf(alternatives);
            if (validIndices.size() != states.size()) {
                throw new IllegalArgumentException("one state per option");
            }
            if (!alternatives.isEmpty() && alternatives.size() != validIndices.size()) {
                throw new IllegalArgumentException("alternatives for every option or for none");
            }
        }

        /** Domains without the alternatives of decided options. */
        public Consistent(List<int[]> validIndices, List<OptionState> states) {
            this(validIndices, states, List.of());
        }

        /** Whether {@link #alternatives(int)} answers. */
        public boolean alternativesKnown() {
            return !alternatives.isEmpty() || validIndices.isEmpty();
        }

        /**
         * The values of option {@code option} valid under the decisions on the other options; do not
         * modify.
         *
         * @throws IllegalStateException when {@link #alternativesKnown()} is false
         */
        public int[] alternatives(int option) {
            if (!alternativesKnown()) {
                throw new IllegalStateException("alternatives were not computed");
            }
            return alternatives.get(option);
        }

        /** The valid value indices of option {@code option} (model order); do not modify. */
        public int[] valid(int option) {
            return validIndices.get(option);
        }

        public boolean decided(int option) {
            return states.get(option) == OptionState.DECIDED;
        }

        public boolean forced(int option) {
            return states.get(option) == OptionState.FORCED;
        }

        /** The number of undecided options with exactly one valid value. */
        public long forcedCount() {
            return states.stream().filter(s -> s == OptionState.FORCED).count();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Consistent other)
                    || other.validIndices.size() != validIndices.size()
                    || !other.states.equals(states)) {
                return false;
            }
            for (int i = 0; i < validIndices.size(); i++) {
                if (!Arrays.equals(validIndices.get(i), other.validIndices.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = states.hashCode();
            for (int[] v : validIndices) {
                h = 31 * h + Arrays.hashCode(v);
            }
            return h;
        }

        @Override
        public String toString() {
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < validIndices.size(); i++) {
                shown.add(Arrays.toString(validIndices.get(i))
                        + states.get(i).name().charAt(0));
            }
            return "Consistent" + shown;
        }
    }

    /**
     * No valid configuration satisfies all decisions together, or a decision names no existing option
     * value.
     *
     * @param conflicting indices (into the decisions as given, ascending) of the decisions at fault: a
     *     subset that already conflicts with the rules, or the decisions that do not resolve
     * @param problems for a human: one text per problem, a message and a line starting "Maybe"
     */
    record Inconsistent(List<Integer> conflicting, List<String> problems) implements DomainResult {
        public Inconsistent {
            conflicting = List.copyOf(conflicting);
            problems = List.copyOf(problems);
        }
    }
}
