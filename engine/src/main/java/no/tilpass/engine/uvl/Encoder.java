package no.tilpass.engine.uvl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.Rule;
import no.tilpass.engine.space.SolutionSpace;

/**
 * Encodes a {@link Model} as CNF: one boolean variable per feature (pre-order), the tree semantics as one
 * rule per parent feature, one rule per Boolean cross-tree constraint. Numeric constraints are reported
 * as warnings and not enforced.
 */
final class Encoder {
    /** Subset enumeration is used for group bounds while it needs at most this many clauses. */
    private static final int DIRECT_LIMIT = 512;
    /** Distribution into CNF is used while one disjunction yields at most this many clauses. */
    private static final int DISTRIBUTE_LIMIT = 64;

    private final String file;
    private final Model model;
    private final Map<String, Model.Feature> features = new LinkedHashMap<>();
    private final Map<String, Integer> variables = new LinkedHashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private Clauses clauses;

    private Encoder(String file, Model model) {
        this.file = file;
        this.model = model;
    }

    record Result(SolutionSpace space, List<Diagnostic> warnings) {}

    static Result encode(String file, String spaceName, Model model) {
        return new Encoder(file, model).run(spaceName);
    }

    private Result run(String spaceName) {
        collect(model.root());
        clauses = new Clauses(features.size());
        List<Option> options = new ArrayList<>(features.size());
        for (Map.Entry<String, Integer> e : variables.entrySet()) {
            options.add(Option.bool(e.getKey(), e.getValue(), -1));
        }
        Model.Feature root = model.root();
        int rootRule = rule(
                "root:" + root.name(),
                "root " + root.name(),
                root.name() + " is always selected (it is the root of the model)",
                root.at());
        clauses.add(rootRule, var(root));
        tree(root);
        int number = 0;
        for (Model.Constraint c : model.constraints()) {
            number++;
            constraint(number, c);
        }
        return new Result(new SolutionSpace(spaceName, options, rules, clauses.build()), warnings);
    }

    private void collect(Model.Feature f) {
        features.put(f.name(), f);
        variables.put(f.name(), variables.size() + 1);
        if (f.type() != Model.Type.BOOLEAN) {
            warnings.add(new Diagnostic(
                    file,
                    f.at().line(),
                    f.at().column(),
                    f.type().name().charAt(0) + f.type().name().substring(1).toLowerCase(java.util.Locale.ROOT)
                            + " feature '" + f.name() + "': only whether it is selected is modelled, not its value",
                    "",
                    "constraints on its value are reported and not enforced."));
        }
        for (Model.Group g : f.groups()) {
            for (Model.Feature child : g.children()) {
                collect(child);
            }
        }
    }

    private int var(Model.Feature f) {
        return variables.get(f.name());
    }

    private int rule(String id, String name, String explanation, Token at) {
        rules.add(new Rule(id, name, explanation, file + ":" + at.line() + ":" + at.column()));
        return rules.size() - 1;
    }

    // ---- tree ----

    private void tree(Model.Feature parent) {
        if (parent.groups().isEmpty()) {
            return;
        }
        List<String> sentences = new ArrayList<>();
        for (Model.Group g : parent.groups()) {
            if (!g.children().isEmpty()) {
                sentences.add(sentence(parent, g));
            }
        }
        int r = sentences.isEmpty()
                ? -1
                : rule(
                        "tree:" + parent.name(),
                        "structure of " + parent.name(),
                        String.join("; ", sentences),
                        parent.at());
        int p = var(parent);
        for (Model.Group g : parent.groups()) {
            int[] xs = g.children().stream().mapToInt(this::var).toArray();
            if (xs.length == 0) {
                if (g.min() > 0 && !g.kind().equals("mandatory")) {
                    warnings.add(new Diagnostic(
                            file,
                            g.at().line(),
                            g.at().column(),
                            "empty '" + g.kind() + "' group under '" + parent.name() + "' is ignored",
                            "",
                            "add its children or remove the group."));
                }
                continue;
            }
            for (int x : xs) {
                clauses.add(r, -x, p);
            }
            if (g.kind().equals("mandatory")) {
                for (int x : xs) {
                    clauses.add(r, -p, x);
                }
            } else {
                int k = xs.length;
                int hi = g.max() < 0 ? k : Math.min(g.max(), k);
                bounds(r, p, xs, g.min(), hi);
            }
        }
        for (Model.Group g : parent.groups()) {
            for (Model.Feature child : g.children()) {
                tree(child);
            }
        }
    }

    private static String sentence(Model.Feature parent, Model.Group g) {
        String names = names(g.children());
        int k = g.children().size();
        int hi = g.max() < 0 ? k : Math.min(g.max(), k);
        return switch (g.kind()) {
            case "mandatory" -> parent.name() + " requires " + names;
            case "optional" -> names + (k == 1 ? " is" : " are") + " optional parts of " + parent.name();
            case "or" -> parent.name() + " requires at least one of " + names;
            case "alternative" -> parent.name() + " requires exactly one of " + names;
            default -> {
                String amount;
                if (g.min() == hi) {
                    amount = "exactly " + hi;
                } else if (hi == k) {
                    amount = "at least " + g.min();
                } else if (g.min() == 0) {
                    amount = "at most " + hi;
                } else {
                    amount = "between " + g.min() + " and " + hi;
                }
                yield parent.name() + " requires " + amount + " of " + names;
            }
        };
    }

    private static String names(List<Model.Feature> fs) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(fs.size(), 12);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(fs.get(i).name());
        }
        if (fs.size() > shown) {
            sb.append(" and ").append(fs.size() - shown).append(" more");
        }
        return sb.toString();
    }

    /** parent => at least {@code lo} of xs; at most {@code hi} of xs (children imply the parent). */
    private void bounds(int r, int p, int[] xs, int lo, int hi) {
        int k = xs.length;
        if (lo > k) {
            clauses.add(r, -p);
            return;
        }
        boolean directLo = lo <= 1 || binomial(k, k - lo + 1) <= DIRECT_LIMIT;
        boolean directHi = hi >= k || binomial(k, hi + 1) <= DIRECT_LIMIT;
        if (lo >= 1 && directLo) {
            subsets(xs, k - lo + 1, (subset) -> {
                int[] c = new int[subset.length + 1];
                c[0] = -p;
                System.arraycopy(subset, 0, c, 1, subset.length);
                clauses.add(r, c);
            });
        }
        if (hi < k && directHi) {
            subsets(xs, hi + 1, (subset) -> {
                int[] c = new int[subset.length];
                for (int i = 0; i < c.length; i++) {
                    c[i] = -subset[i];
                }
                clauses.add(r, c);
            });
        }
        if ((lo >= 1 && !directLo) || (hi < k && !directHi)) {
            int upTo = Math.min(k, Math.max(directLo ? 0 : lo, directHi ? 0 : hi + 1));
            int[] s = clauses.atLeastCounter(xs, upTo);
            if (lo >= 1 && !directLo) {
                clauses.add(r, -p, s[lo]);
            }
            if (hi < k && !directHi) {
                clauses.add(r, Clauses.not(s[hi + 1]));
            }
        }
    }

    private interface SubsetSink {
        void accept(int[] subset);
    }

    private static void subsets(int[] xs, int size, SubsetSink sink) {
        int[] pick = new int[size];
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        while (true) {
            for (int i = 0; i < size; i++) {
                pick[i] = xs[idx[i]];
            }
            sink.accept(pick.clone());
            int i = size - 1;
            while (i >= 0 && idx[i] == xs.length - size + i) {
                i--;
            }
            if (i < 0) {
                return;
            }
            idx[i]++;
            for (int j = i + 1; j < size; j++) {
                idx[j] = idx[j - 1] + 1;
            }
        }
    }

    private static long binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
            if (r > Integer.MAX_VALUE) {
                return Integer.MAX_VALUE;
            }
        }
        return r;
    }

    // ---- cross-tree constraints ----

    private void constraint(int number, Model.Constraint c) {
        Token numeric = Check.firstNumeric(c.expr());
        new Check(file, c, features).bool(c.expr());
        if (numeric != null) {
            warnings.add(new Diagnostic(
                    file,
                    c.at().line(),
                    c.at().column(),
                    "constraint " + number + " compares values ('" + numeric.shown()
                            + "') and is not enforced: only the Boolean level of UVL is encoded",
                    c.text(),
                    "check it after configuring, or express it with features only."));
            return;
        }
        int r = rule("constraint " + number, "constraint " + number, c.text(), c.at());
        Formula f = Formula.of(c.expr(), true, variables);
        for (int[] clause : cnf(f)) {
            clauses.add(r, clause);
        }
    }

    /** Clauses equivalent to {@code f} (with defined auxiliaries where distribution would blow up). */
    private List<int[]> cnf(Formula f) {
        if (f instanceof Formula.Lit l) {
            return l.literal() == Clauses.TRUE ? List.of() : List.of(new int[] {l.literal()});
        }
        if (f instanceof Formula.And a) {
            List<int[]> out = new ArrayList<>();
            for (Formula part : a.parts()) {
                out.addAll(cnf(part));
            }
            return out;
        }
        Formula.Or o = (Formula.Or) f;
        List<List<int[]>> parts = new ArrayList<>();
        long product = 1;
        for (Formula part : o.parts()) {
            List<int[]> pc = cnf(part);
            if (pc.isEmpty()) {
                return List.of();
            }
            parts.add(pc);
            product = Math.min(Long.MAX_VALUE / 1024, product * pc.size());
        }
        if (product > DISTRIBUTE_LIMIT) {
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).size() > 1) {
                    parts.set(i, List.of(new int[] {define(o.parts().get(i))}));
                }
            }
        }
        List<int[]> out = new ArrayList<>();
        out.add(new int[0]);
        for (List<int[]> pc : parts) {
            List<int[]> next = new ArrayList<>(out.size() * pc.size());
            for (int[] prefix : out) {
                for (int[] clause : pc) {
                    int[] joined = java.util.Arrays.copyOf(prefix, prefix.length + clause.length);
                    System.arraycopy(clause, 0, joined, prefix.length, clause.length);
                    next.add(joined);
                }
            }
            out = next;
        }
        return out;
    }

    /** A literal equivalent to {@code f}. */
    private int define(Formula f) {
        if (f instanceof Formula.Lit l) {
            return l.literal();
        }
        boolean conjunction = f instanceof Formula.And;
        List<Formula> parts = conjunction ? ((Formula.And) f).parts() : ((Formula.Or) f).parts();
        int[] lits = new int[parts.size()];
        for (int i = 0; i < lits.length; i++) {
            lits[i] = define(parts.get(i));
        }
        return clauses.define(conjunction, lits);
    }
}
