/**
 * Benchmarks: simulated configuration sessions timed against a Sat4j witness baseline, and the
 * baseline itself; the cutting benchmark over the bin-packing instances with proven optima.
 */
package no.tilpass.bench;
