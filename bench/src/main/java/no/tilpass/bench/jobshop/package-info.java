/**
 * The job-shop benchmark: reads the classic instance format (line 1 {@code jobs machines}, then per job
 * {@code machine duration} pairs in processing order), solves it with the engine's
 * {@link no.tilpass.engine.scheduling.Scheduler} and reports makespan, lower bound and time, one instance
 * or a whole suite against the best-known bounds.
 */
package no.tilpass.bench.jobshop;
