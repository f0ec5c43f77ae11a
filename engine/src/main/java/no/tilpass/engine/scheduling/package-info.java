/**
 * Finite-capacity scheduling: jobs of ordered operations on work centres of capacity one, each with a
 * working calendar of unavailable intervals (shifts, holidays, downtime); an operation never runs across
 * unavailable time, it must fit inside one available interval. The objective is lexicographic: total
 * tardiness first, then makespan. {@link no.tilpass.engine.scheduling.Scheduler} solves and repairs
 * schedules with OR-Tools CP-SAT, which is used only inside this package and never appears in its API;
 * for plain job shops our own tabu search finds the first good schedule.
 */
package no.tilpass.engine.scheduling;
