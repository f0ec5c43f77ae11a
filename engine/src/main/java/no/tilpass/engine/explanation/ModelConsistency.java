package no.tilpass.engine.explanation;

import java.util.List;
import no.tilpass.engine.space.Rule;

/** The answer to "does the model itself admit any valid configuration, and if not, which rules conflict?". */
public sealed interface ModelConsistency {

    /** The model has at least one valid configuration. */
    record Satisfiable() implements ModelConsistency {}

    /**
     * The model has no valid configuration: {@code rules} (in model order), together with the structural
     * clauses (one value per option), admit none, and the set is subset-minimal: leaving out any one rule
     * admits a configuration again. Empty only when the structural clauses alone admit none.
     */
    record Conflict(List<Rule> rules) implements ModelConsistency {
        public Conflict {
            rules = List.copyOf(rules);
        }

        /** One or more sentences for a modeller. */
        public String describe() {
            StringBuilder sb = new StringBuilder("The model has no valid configuration");
            if (rules.isEmpty()) {
                sb.append(": its options' own structure admits none.");
                return sb.toString();
            }
            sb.append(rules.size() == 1 ? ". The rule: " : ". These rules conflict: ");
            Sentences.appendRules(sb, rules);
            return sb.toString();
        }
    }
}
