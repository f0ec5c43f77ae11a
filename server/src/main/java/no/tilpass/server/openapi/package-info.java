/**
 * The OpenAPI 3.1 document of the REST API, served at {@code GET /api/openapi.json}. It is a
 * hand-maintained resource file ({@code openapi.json} next to this package); a test keeps it and the
 * server's registered routes in agreement (see docs/decisions.md).
 */
package no.tilpass.server.openapi;
