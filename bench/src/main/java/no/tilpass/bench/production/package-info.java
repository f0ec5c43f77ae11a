/**
 * {@code bench production}: one firm's plan filled with orders over loopback HTTP against a server
 * started in-process, then capable-to-promise steps and a goods receipt measured against that plan.
 */
package no.tilpass.bench.production;
