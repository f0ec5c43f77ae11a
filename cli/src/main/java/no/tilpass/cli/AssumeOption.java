package no.tilpass.cli;

import picocli.CommandLine.Option;

/** The {@code --assume} option of the commands that work under decisions (a picocli mixin). */
final class AssumeOption {
    @Option(names = "--assume", paramLabel = "A", description = "decisions: NAME=VALUE,... (DIMACS: also 12,-45)")
    String text;
}
