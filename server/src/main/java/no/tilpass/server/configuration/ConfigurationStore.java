package no.tilpass.server.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilpass.engine.space.Decision;
import no.tilpass.server.Json;
import org.jdbi.v3.core.Jdbi;

/** The SQL of configuration sessions; decisions and history are stored as JSON text. */
final class ConfigurationStore {
    private static final String SELECT = "select configuration_id, firm_id, product_id, version, language, revision,"
            + " decisions, history, share_token, created_at, updated_at from configurations";

    private final Jdbi jdbi;
    private final SessionWrites writes;
    private final StoredJson json = new StoredJson();

    ConfigurationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.writes = new SessionWrites(jdbi, json);
    }

    void insert(Session s) {
        jdbi.useTransaction(h -> h.createUpdate("insert into configurations (configuration_id, firm_id, product_id,"
                        + " version, language, revision, decisions, history, share_token, created_at, updated_at)"
                        + " values (:id, :firm, :product, :version, :language, :revision, :decisions, :history,"
                        + " :token, :created, :updated)")
                .bind("id", s.id())
                .bind("firm", s.firmId())
                .bind("product", s.productId())
                .bind("version", s.version())
                .bind("language", s.language())
                .bind("revision", s.revision())
                .bind("decisions", json.decisions(s.decisions()))
                .bind("history", json.history(s.history()))
                .bind("token", s.shareToken().orElse(null))
                .bind("created", utc(s.createdAt()))
                .bind("updated", utc(s.updatedAt()))
                .execute());
    }

    /**
     * Writes {@code s} if the stored revision is still {@code expectedRevision}; false when it moved on.
     * Committed when this returns; concurrent updates share transactions (see {@link SessionWrites}).
     */
    boolean update(Session s, int expectedRevision) {
        return writes.update(s, expectedRevision);
    }

    /** Transactions and rows written by {@link #update} so far. */
    long[] writeCounts() {
        return writes.counts();
    }

    Optional<Session> find(String id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where configuration_id = :id")
                .bind("id", id)
                .map((rs, ctx) -> session(rs))
                .findOne());
    }

    /** The stored revision of a session, or empty when there is none. */
    Optional<Integer> revision(String id) {
        return jdbi.withHandle(h -> h.createQuery("select revision from configurations where configuration_id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .findOne());
    }

    Optional<String> findIdByToken(String token) {
        return jdbi.withHandle(h -> h.createQuery("select configuration_id from configurations where share_token = :t")
                .bind("t", token)
                .mapTo(String.class)
                .findOne());
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Session session(ResultSet rs) throws SQLException {
        return new Session(
                rs.getString("configuration_id"),
                rs.getString("firm_id"),
                rs.getString("product_id"),
                rs.getInt("version"),
                rs.getString("language"),
                rs.getInt("revision"),
                decisions(Json.parseStored(rs.getString("decisions"))),
                history(Json.parseStored(rs.getString("history"))),
                Optional.ofNullable(rs.getString("share_token")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    static List<List<String>> decisionsJson(List<Decision> decisions) {
        return decisions.stream().map(d -> List.of(d.option(), d.value())).toList();
    }

    static List<Map<String, Object>> historyJson(List<Session.Step> history) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Session.Step step : history) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("v", step.version());
            m.put("d", decisionsJson(step.decisions()));
            out.add(m);
        }
        return out;
    }

    static List<Decision> decisions(JsonNode array) {
        List<Decision> out = new ArrayList<>();
        for (JsonNode pair : array) {
            out.add(new Decision(pair.get(0).asText(), pair.get(1).asText()));
        }
        return out;
    }

    private static List<Session.Step> history(JsonNode array) {
        List<Session.Step> out = new ArrayList<>();
        for (JsonNode step : array) {
            out.add(new Session.Step(step.get("v").asInt(), decisions(step.get("d"))));
        }
        return out;
    }
}
