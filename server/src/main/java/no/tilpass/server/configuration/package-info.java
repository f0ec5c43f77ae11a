/**
 * Configuration sessions: a customer's decisions on one product version, persisted on every change with
 * a revision and an undo history; valid domains, completion values, price, explanations, repairs,
 * sharing and upgrades to newer model versions, computed by the engine from per-model pools of
 * (non-thread-safe) engine instances with a memo of analysed decision sets.
 */
package no.tilpass.server.configuration;
