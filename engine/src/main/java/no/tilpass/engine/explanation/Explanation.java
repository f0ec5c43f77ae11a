package no.tilpass.engine.explanation;

import java.util.List;
import java.util.stream.Collectors;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Rule;

/** The answer to "why is value X unavailable?". */
public sealed interface Explanation {

    /** The value asked about, as {@code option=value}. */
    Decision query();

    /** The value is in fact available: some valid configuration extends the decisions with it. */
    record Available(Decision query) implements Explanation {}

    /**
     * The value is excluded. Together with the structural clauses, {@code decisions} (a subset of the
     * customer's own decisions, oldest first) and {@code rules} (in model order) exclude it, and both are
     * subset-minimal: leaving out any one decision or any one rule makes the value possible again.
     *
     * <p>When {@code decisions} is empty the value is <em>dead</em>: the model alone excludes it. When
     * {@code rules} is empty the decisions exclude it by themselves (typically another value of the same
     * option was chosen).
     */
    record Excluded(Decision query, List<Decision> decisions, List<Rule> rules) implements Explanation {
        public Excluded {
            decisions = List.copyOf(decisions);
            rules = List.copyOf(rules);
        }

        /** True when the value is in no valid configuration at all. */
        public boolean dead() {
            return decisions.isEmpty();
        }

        /** One or more sentences for a customer. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append(query);
            if (dead()) {
                sb.append(" is never available");
            } else {
                sb.append(" is unavailable because you chose ")
                        .append(decisions.stream().map(Decision::toString).collect(Collectors.joining(" and ")));
            }
            if (rules.isEmpty()) {
                sb.append('.');
                return sb.toString();
            }
            sb.append(rules.size() == 1 ? ". The rule: " : ". The rules: ");
            Sentences.appendRules(sb, rules);
            return sb.toString();
        }
    }

    /**
     * The decisions conflict with each other already, so no value can be explained against them; use
     * {@link Explainer#repair} first.
     */
    record DecisionsInconsistent(Decision query, List<Decision> decisions) implements Explanation {
        public DecisionsInconsistent {
            decisions = List.copyOf(decisions);
        }
    }
}
