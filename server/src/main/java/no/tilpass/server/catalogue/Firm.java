package no.tilpass.server.catalogue;

/**
 * A manufacturer in the cluster.
 *
 * @param id the URL slug ({@code glamdal-vindu})
 * @param kind what it makes: {@code windows}, {@code chairs}, {@code metal}, ...
 */
public record Firm(String id, String name, String town, String kind) {}
