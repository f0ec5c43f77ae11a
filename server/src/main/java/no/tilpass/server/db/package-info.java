/**
 * The database: connection pool, Flyway migrations (SQL that runs on both H2 and PostgreSQL) and JDBI.
 * Feature packages keep their own SQL; this package only opens and closes the database.
 */
package no.tilpass.server.db;
