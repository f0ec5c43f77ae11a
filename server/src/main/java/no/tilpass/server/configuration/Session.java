package no.tilpass.server.configuration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.tilpass.engine.space.Decision;

/**
 * A configuration session as stored.
 *
 * @param revision 0 when created, +1 on every change
 * @param decisions the customer's decisions, oldest first, values as the engine spells them
 * @param history earlier states, most recent last, for undo
 * @param shareToken the token of the share link, once shared
 */
public record Session(
        String id,
        String firmId,
        String productId,
        int version,
        String language,
        int revision,
        List<Decision> decisions,
        List<Step> history,
        Optional<String> shareToken,
        Instant createdAt,
        Instant updatedAt) {

    /** How many earlier states undo can go back to. */
    static final int HISTORY_LIMIT = 100;

    public Session {
        decisions = List.copyOf(decisions);
        history = List.copyOf(history);
    }

    /** An earlier state: the model version and the decisions. */
    public record Step(int version, List<Decision> decisions) {
        public Step {
            decisions = List.copyOf(decisions);
        }
    }

    /** The session after a change to {@code newDecisions} on {@code newVersion}, remembering this state for undo. */
    Session change(int newVersion, List<Decision> newDecisions, Instant now) {
        List<Step> h = new java.util.ArrayList<>(history);
        h.add(new Step(version, decisions));
        if (h.size() > HISTORY_LIMIT) {
            h = h.subList(h.size() - HISTORY_LIMIT, h.size());
        }
        return new Session(
                id, firmId, productId, newVersion, language, revision + 1, newDecisions, h, shareToken, createdAt, now);
    }

    /** The session with its last change undone; the undo itself is a change (a new revision). */
    Session undo(Instant now) {
        Step last = history.get(history.size() - 1);
        return new Session(
                id,
                firmId,
                productId,
                last.version(),
                language,
                revision + 1,
                last.decisions(),
                history.subList(0, history.size() - 1),
                shareToken,
                createdAt,
                now);
    }

    Session shared(String token) {
        return new Session(
                id,
                firmId,
                productId,
                version,
                language,
                revision,
                decisions,
                history,
                Optional.of(token),
                createdAt,
                updatedAt);
    }
}
