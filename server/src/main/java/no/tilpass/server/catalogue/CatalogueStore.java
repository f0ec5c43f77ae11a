package no.tilpass.server.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The SQL of the catalogue: firms, products and model versions. */
final class CatalogueStore {
    private final Jdbi jdbi;

    CatalogueStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    List<Firm> firms() {
        return jdbi.withHandle(h -> h.createQuery("select firm_id, name, town, kind from firms order by firm_id")
                .map((rs, ctx) -> firm(rs))
                .list());
    }

    Optional<Firm> firm(String firmId) {
        return jdbi.withHandle(h -> h.createQuery("select firm_id, name, town, kind from firms where firm_id = :id")
                .bind("id", firmId)
                .map((rs, ctx) -> firm(rs))
                .findOne());
    }

    private static Firm firm(ResultSet rs) throws SQLException {
        return new Firm(rs.getString("firm_id"), rs.getString("name"), rs.getString("town"), rs.getString("kind"));
    }

    /** Inserts the firm unless one with its id exists; true when inserted. */
    boolean insertFirmIfAbsent(Firm firm) {
        return jdbi.inTransaction(h -> {
            boolean exists = h.createQuery("select count(*) from firms where firm_id = :id")
                            .bind("id", firm.id())
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            if (exists) {
                return false;
            }
            h.createUpdate("insert into firms (firm_id, name, town, kind, next_order_number, created_at)"
                            + " values (:id, :name, :town, :kind, 1, :now)")
                    .bind("id", firm.id())
                    .bind("name", firm.name())
                    .bind("town", firm.town())
                    .bind("kind", firm.kind())
                    .bind("now", utc(Instant.now()))
                    .execute();
            return true;
        });
    }

    /** Every version of every product, oldest first per product. */
    List<ModelVersion> allVersions() {
        return jdbi.withHandle(h -> h.createQuery(SELECT_VERSION + " order by product_id, version")
                .map((rs, ctx) -> version(rs))
                .list());
    }

    Optional<ModelVersion> version(String productId, int version) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_VERSION + " where product_id = :p and version = :v")
                .bind("p", productId)
                .bind("v", version)
                .map((rs, ctx) -> version(rs))
                .findOne());
    }

    Optional<String> productFirm(Handle h, String productId) {
        return h.createQuery("select firm_id from products where product_id = :p")
                .bind("p", productId)
                .mapTo(String.class)
                .findOne();
    }

    private static final String SELECT_VERSION = "select firm_id, product_id, version, file_name, version_label,"
            + " source_text, component_pins, published_at from model_versions";

    private static ModelVersion version(ResultSet rs) throws SQLException {
        return new ModelVersion(
                rs.getString("firm_id"),
                rs.getString("product_id"),
                rs.getInt("version"),
                rs.getString("file_name"),
                rs.getString("version_label"),
                rs.getString("source_text"),
                ModelVersion.parsePins(rs.getString("component_pins")),
                instant(rs, "published_at"));
    }

    /** Inserts a version; the caller's transaction makes the version number unique (primary key). */
    ModelVersion insertVersion(Handle h, ModelVersion v) {
        if (productFirm(h, v.productId()).isEmpty()) {
            h.createUpdate("insert into products (product_id, firm_id, file_name, created_at)"
                            + " values (:p, :f, :file, :now)")
                    .bind("p", v.productId())
                    .bind("f", v.firmId())
                    .bind("file", v.fileName())
                    .bind("now", utc(v.publishedAt()))
                    .execute();
        }
        h.createUpdate("insert into model_versions (firm_id, product_id, version, file_name, version_label,"
                        + " source_text, component_pins, published_at)"
                        + " values (:f, :p, :v, :file, :label, :text, :pins, :at)")
                .bind("f", v.firmId())
                .bind("p", v.productId())
                .bind("v", v.version())
                .bind("file", v.fileName())
                .bind("label", v.versionLabel())
                .bind("text", v.sourceText())
                .bind("pins", v.pinsText())
                .bind("at", utc(v.publishedAt()))
                .execute();
        return v;
    }

    /** How many model versions the database holds, of every product. */
    long versionCount() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from model_versions")
                .mapTo(Long.class)
                .one());
    }

    /** Whether {@code e} was caused by a unique or primary key violation (SQLState 23505, H2 and PostgreSQL). */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    int maxVersion(Handle h, String productId) {
        return h.createQuery("select coalesce(max(version), 0) from model_versions where product_id = :p")
                .bind("p", productId)
                .mapTo(Integer.class)
                .one();
    }

    Jdbi jdbi() {
        return jdbi;
    }
}
