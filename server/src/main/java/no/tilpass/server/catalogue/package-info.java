/**
 * The cluster's catalogue: firms, their products and the immutable published versions of each product's
 * model (source text, compiled on demand and cached per product and version), model validation and
 * publishing with components pinned to the versions they resolved to, and the demo cluster seeded from
 * the {@code models/} bundled on the classpath.
 */
package no.tilpass.server.catalogue;
