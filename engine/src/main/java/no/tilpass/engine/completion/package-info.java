/**
 * Completes a customer's partial configuration to a full valid one, honouring soft defaults, or finds the
 * cheapest completion under a linear cost. Entry point: {@link no.tilpass.engine.completion.Completer}.
 */
package no.tilpass.engine.completion;
