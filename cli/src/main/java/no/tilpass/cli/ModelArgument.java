package no.tilpass.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The MODEL argument every model command takes (a picocli mixin). */
final class ModelArgument {
    @Parameters(
            index = "0",
            paramLabel = "MODEL",
            description = "a .tpm, .dimacs/.cnf or .uvl file or a CLib directory")
    Path path;
}
