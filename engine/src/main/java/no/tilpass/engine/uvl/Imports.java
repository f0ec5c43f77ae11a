package no.tilpass.engine.uvl;

import java.util.ArrayList;
import java.util.List;
import no.tilpass.engine.space.Diagnostic;

/** Grafts an imported model into the feature tree where {@code alias.Root} is referenced. */
final class Imports {
    private Imports() {}

    static Model graft(String file, Model model, Parser.Import imp, Model imported) {
        String prefix = imp.alias() + ".";
        String reference = prefix + imported.root().name();
        Model.Feature renamedRoot = rename(imported.root(), prefix);
        boolean[] found = {false};
        Model.Feature root = replace(model.root(), reference, renamedRoot, found);
        if (!found[0]) {
            throw new UvlError(new Diagnostic(
                    file,
                    imp.at().line(),
                    imp.at().column(),
                    "imported model '" + imp.path() + "' is not used in the feature tree",
                    imp.lineText(),
                    "add the feature '" + reference + "' where the imported model belongs, or remove the import."));
        }
        List<Model.Constraint> constraints = new ArrayList<>(model.constraints());
        for (Model.Constraint c : imported.constraints()) {
            constraints.add(new Model.Constraint(rename(c.expr(), prefix), prefix + "(" + c.text() + ")", c.at()));
        }
        return new Model(model.namespace(), root, List.copyOf(constraints));
    }

    private static Model.Feature replace(Model.Feature f, String reference, Model.Feature with, boolean[] found) {
        if (f.name().equals(reference)) {
            found[0] = true;
            List<Model.Group> groups = new ArrayList<>(with.groups());
            groups.addAll(f.groups());
            return new Model.Feature(with.name(), with.type(), with.isAbstract(), with.attributes(), groups, f.at());
        }
        List<Model.Group> groups = new ArrayList<>();
        for (Model.Group g : f.groups()) {
            List<Model.Feature> children = new ArrayList<>();
            for (Model.Feature c : g.children()) {
                children.add(replace(c, reference, with, found));
            }
            groups.add(new Model.Group(g.kind(), g.min(), g.max(), List.copyOf(children), g.at()));
        }
        return new Model.Feature(f.name(), f.type(), f.isAbstract(), f.attributes(), List.copyOf(groups), f.at());
    }

    private static Model.Feature rename(Model.Feature f, String prefix) {
        List<Model.Group> groups = new ArrayList<>();
        for (Model.Group g : f.groups()) {
            List<Model.Feature> children = new ArrayList<>();
            for (Model.Feature c : g.children()) {
                children.add(rename(c, prefix));
            }
            groups.add(new Model.Group(g.kind(), g.min(), g.max(), List.copyOf(children), g.at()));
        }
        return new Model.Feature(
                prefix + f.name(), f.type(), f.isAbstract(), f.attributes(), List.copyOf(groups), f.at());
    }

    private static Expr rename(Expr e, String prefix) {
        if (e instanceof Expr.Ref r) {
            return new Expr.Ref(prefix + r.name(), r.at());
        }
        if (e instanceof Expr.Not n) {
            return new Expr.Not(rename(n.operand(), prefix));
        }
        if (e instanceof Expr.Logic l) {
            return new Expr.Logic(l.op(), rename(l.left(), prefix), rename(l.right(), prefix));
        }
        if (e instanceof Expr.Compare c) {
            return new Expr.Compare(c.op(), rename(c.left(), prefix), rename(c.right(), prefix), c.at());
        }
        if (e instanceof Expr.Arith a) {
            return new Expr.Arith(a.op(), rename(a.left(), prefix), rename(a.right(), prefix));
        }
        if (e instanceof Expr.Negate n) {
            return new Expr.Negate(rename(n.operand(), prefix));
        }
        if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(rename(a, prefix));
            }
            return new Expr.Call(c.function(), List.copyOf(args), c.at());
        }
        return e;
    }
}
