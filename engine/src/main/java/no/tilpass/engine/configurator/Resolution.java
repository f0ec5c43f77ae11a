package no.tilpass.engine.configurator;

import java.util.Arrays;
import java.util.List;

/** The outcome of checking decisions against a solution space: their SAT literals, or what is wrong. */
public sealed interface Resolution {

    /**
     * Every decision names an option and one of its values, each option at most once.
     *
     * @param literals the SAT literal of each decision, in the order given
     */
    record Resolved(int[] literals) implements Resolution {
        public Resolved {
            literals = literals.clone();
        }

        @Override
        public int[] literals() {
            return literals.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Resolved other && Arrays.equals(literals, other.literals);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(literals);
        }

        @Override
        public String toString() {
            return "Resolved" + Arrays.toString(literals);
        }
    }

    /**
     * At least one decision is wrong.
     *
     * @param problems never empty; each one what is wrong (naming the decision, option and value), then a
     *     line starting "Maybe" with the likely fix
     * @param decisions for each problem, the index of the decision it is about
     */
    record Invalid(List<String> problems, List<Integer> decisions) implements Resolution {
        public Invalid {
            problems = List.copyOf(problems);
            decisions = List.copyOf(decisions);
            if (problems.isEmpty() || problems.size() != decisions.size()) {
                throw new IllegalArgumentException("one decision index per problem, at least one problem");
            }
        }
    }
}
