package no.tilpass.engine.space;

/**
 * A rule as data: a stable id, a human name and one sentence that explains it to a customer.
 *
 * @param id stable identifier, unique in its model (e.g. {@code R12} or {@code max-glass-area})
 * @param name short human name
 * @param explanation one sentence a customer understands
 * @param source where it was written ({@code file:line:column}), or empty when unknown
 */
public record Rule(String id, String name, String explanation, String source) {}
