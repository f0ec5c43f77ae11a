/**
 * Benchmarks: simulated configuration sessions timed against a Sat4j witness baseline, and the
 * baseline itself.
 */
package no.tilpass.bench;
