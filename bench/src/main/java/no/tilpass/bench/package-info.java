/** Benchmarks. */
package no.tilpass.bench;
