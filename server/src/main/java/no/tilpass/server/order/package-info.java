/**
 * Orders: an immutable snapshot of a complete configuration (model version, option values, price,
 * customer), submitted idempotently under an {@code Idempotency-Key} that the database keeps unique, and
 * numbered per firm.
 */
package no.tilpass.server.order;
