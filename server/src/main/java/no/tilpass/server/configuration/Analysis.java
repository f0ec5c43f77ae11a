package no.tilpass.server.configuration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.configurator.DomainResult;

/**
 * What the engine says about one consistent set of decisions: the valid domains, the values the customer
 * may pick for each option, and a full valid configuration that keeps the decisions, forced values and
 * as many soft defaults as it can.
 *
 * @param available one entry per option, in model order: the value indices the state shows as
 *     available. For an undecided option its valid domain; for a decided option its domain under the
 *     other decisions (its own decision left out), so the customer sees which values they can change to
 *     and which the other decisions exclude. Do not modify the arrays.
 * @param completion every option's value (engine spelling), in model order
 */
record Analysis(DomainResult.Consistent domains, List<int[]> available, Map<String, String> completion) {
    Analysis {
        available = List.copyOf(available);
        if (available.size() != domains.states().size()) {
            throw new IllegalArgumentException("one available set per option");
        }
        completion = Collections.unmodifiableMap(new LinkedHashMap<>(completion));
    }

    /** The value indices (ascending) of option {@code option} that the state shows as available. */
    int[] available(int option) {
        return available.get(option);
    }
}
