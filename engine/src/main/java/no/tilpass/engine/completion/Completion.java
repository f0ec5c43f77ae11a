package no.tilpass.engine.completion;

import java.util.List;
import no.tilpass.engine.space.Decision;

/** The outcome of completing a partial configuration. */
public sealed interface Completion {

    /**
     * A full valid configuration: one {@code option=value} per option, in model order, that includes every
     * decision. {@code yieldedDefaults} lists the soft defaults ({@code option=default}) the configuration
     * does not take, in option order: each one conflicts with the decisions, the rules and the defaults
     * kept before it (a decision on the option itself counts as a conflict).
     */
    record Complete(List<Decision> configuration, List<Decision> yieldedDefaults) implements Completion {
        public Complete {
            configuration = List.copyOf(configuration);
            yieldedDefaults = List.copyOf(yieldedDefaults);
        }
    }

    /**
     * The cheapest valid configuration that includes every decision, and its cost. When {@code optimal} is
     * false the bound encoding grew too large and the configuration is the cheapest one found. Among
     * cheapest configurations, soft defaults are kept greedily as for {@link Complete}.
     */
    record Cheapest(List<Decision> configuration, long cost, boolean optimal, List<Decision> yieldedDefaults)
            implements Completion {
        public Cheapest {
            configuration = List.copyOf(configuration);
            yieldedDefaults = List.copyOf(yieldedDefaults);
        }
    }

    /**
     * The decisions conflict (with each other or with the model), so there is no completion; {@code
     * no.tilpass.engine.explanation.Explainer#repair} says what to retract.
     */
    record Inconsistent(List<Decision> decisions) implements Completion {
        public Inconsistent {
            decisions = List.copyOf(decisions);
        }
    }
}
