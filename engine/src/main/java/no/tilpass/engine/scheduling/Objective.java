package no.tilpass.engine.scheduling;

/** The lexicographic objective: total tardiness first, then makespan (the end of the last operation). */
public record Objective(long totalTardiness, long makespan) {}
