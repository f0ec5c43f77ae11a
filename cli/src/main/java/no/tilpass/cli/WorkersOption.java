package no.tilpass.cli;

import picocli.CommandLine.Option;

/** The {@code --workers} option of the job-shop benchmarks (a picocli mixin). */
final class WorkersOption {
    @Option(
            names = "--workers",
            paramLabel = "<workers>",
            description = "parallel solver workers (default: all available cores)")
    Integer requested;

    /** The workers asked for, else one per available core. */
    int count() {
        return requested != null ? requested : Runtime.getRuntime().availableProcessors();
    }
}
