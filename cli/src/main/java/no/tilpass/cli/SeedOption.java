package no.tilpass.cli;

import picocli.CommandLine.Option;

/** The {@code --seed} option of the benchmarks that draw random choices (a picocli mixin). */
final class SeedOption {
    @Option(
            names = "--seed",
            paramLabel = "<seed>",
            defaultValue = "1",
            description = "random seed (default ${DEFAULT-VALUE})")
    long value;
}
