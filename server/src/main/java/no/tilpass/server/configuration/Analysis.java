package no.tilpass.server.configuration;

import java.util.Map;
import no.tilpass.engine.configurator.DomainResult;

/**
 * What the engine says about one consistent set of decisions: the valid domains and a full valid
 * configuration that keeps the decisions, forced values and as many soft defaults as it can.
 *
 * @param completion every option's value (engine spelling), in model order
 */
record Analysis(DomainResult.Consistent domains, Map<String, String> completion) {
    Analysis {
        completion = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(completion));
    }
}
