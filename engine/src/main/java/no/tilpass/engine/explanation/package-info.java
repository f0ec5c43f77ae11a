/**
 * Explains a configurator's state to a customer: why a value is unavailable (the customer's own decisions
 * and the rules involved, both subset-minimal), which decisions to retract when they conflict, and which
 * change makes a wanted value available again. Entry point: {@link no.tilpass.engine.explanation.Explainer}.
 */
package no.tilpass.engine.explanation;
