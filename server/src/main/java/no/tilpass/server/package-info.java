/**
 * The web platform: the REST API over the engine, persistence (JDBI, Flyway; H2 by default, PostgreSQL
 * when a JDBC URL is given), the demo cluster and the static assets of the browser configurator.
 */
package no.tilpass.server;
