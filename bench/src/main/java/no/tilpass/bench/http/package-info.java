/**
 * {@code bench http}: simulated customers configuring a product concurrently over loopback HTTP against
 * a running server (or one started in-process), measuring steps per second and latency percentiles.
 */
package no.tilpass.bench.http;
