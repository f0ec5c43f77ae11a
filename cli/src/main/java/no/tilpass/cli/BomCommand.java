package no.tilpass.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.tilpass.engine.bom.BillOfMaterials;
import no.tilpass.engine.bom.Explosion;
import no.tilpass.engine.completion.Completer;
import no.tilpass.engine.completion.Completion;
import no.tilpass.engine.model.ModelLoader;
import no.tilpass.engine.model.ProductModel;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bom",
        description = "Prints the exploded bill of materials, the profile-cutting demand and the routing of a"
                + " configuration (a .tpm model; options not assumed take their defaults where the rules allow).")
final class BomCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelArgument model;

    @Mixin
    AssumeOption assume;

    @Option(names = "--json", description = "print one JSON object: configuration, bom, cuts, operations")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!model.path.toString().endsWith(".tpm")) {
            err.println("error: bom needs a native model (.tpm), found " + model.path);
            err.println("Maybe run it on models/window.tpm; other formats have no bill of materials.");
            return 2;
        }
        ModelLoader.Result result = ModelLoader.load(model.path);
        if (result instanceof ModelLoader.Result.Failed failed) {
            failed.errors().forEach(d -> err.println("error: " + d.format()));
            return 1;
        }
        ProductModel product = ((ModelLoader.Result.Loaded) result).model();
        Optional<List<Decision>> decisions = DecisionInput.decisions(assume.text, product.space(), err);
        if (decisions.isEmpty()) {
            return 2;
        }
        Completion completion = new Completer(product.space()).complete(decisions.get());
        if (!(completion instanceof Completion.Complete complete)) {
            DecisionInput.printConflict(product.space(), decisions.get(), err);
            return 1;
        }
        Map<String, String> configuration = new LinkedHashMap<>();
        for (Decision d : complete.configuration()) {
            configuration.put(d.option(), d.value());
        }
        Explosion explosion = BillOfMaterials.explode(product, configuration);
        if (explosion instanceof Explosion.Rejected rejected) {
            for (Diagnostic d : rejected.problems()) {
                err.println("error: " + d.format());
            }
            return 1;
        }
        Explosion.Exploded e = (Explosion.Exploded) explosion;
        out.print(json ? BomPrinter.json(configuration, e) : BomPrinter.text(configuration, e));
        out.flush();
        return 0;
    }
}
