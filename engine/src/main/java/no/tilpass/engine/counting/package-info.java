/**
 * Exact counting of the models of a CNF (#SAT) by DPLL with unit propagation, connected-component
 * decomposition and component caching; entry point {@link no.tilpass.engine.counting.ModelCounter}.
 */
package no.tilpass.engine.counting;
