package no.tilpass.engine.model;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilpass.engine.model.ProductModel.Source;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.OptionKind;

/**
 * Resolves names, checks types and domains, expands includes and imports components. Produces a
 * {@link Checked} model or diagnostics; never throws for bad input.
 */
final class Checker {
    /** Most values one integer option may have. */
    static final int MAX_VALUES = 10_000;

    /** Reads model files by the path the user sees. */
    interface Sources {
        /** The text of {@code path}, if it exists. */
        Optional<String> read(String path);

        /** The {@code .tpm} file names next to {@code path}, for suggestions. */
        List<String> siblings(String path);
    }

    /** A model after checking, before compiling. */
    record Checked(
            String name,
            String file,
            Map<String, String> labels,
            String firm,
            String version,
            List<String> languages,
            List<ProductModel.Group> groups,
            List<ProductModel.OptionInfo> options,
            List<ProductModel.RuleInfo> rules,
            ProductModel.Price price,
            List<ProductModel.BomLine> bom,
            ProductModel.Routing routing,
            List<ProductModel.Component> components,
            Map<String, Typed> lets,
            Expr totalPrice) {}

    enum Kind {
        BOOL,
        INT,
        ENUM
    }

    /** The type of an expression; for ENUM the values it can take. */
    record Type(Kind kind, List<String> values) {
        static final Type BOOL = new Type(Kind.BOOL, List.of());
        static final Type INT = new Type(Kind.INT, List.of());
    }

    /** A resolved expression and its type. */
    record Typed(Expr expr, Type type) {}

    private final Sources sources;
    private final Map<String, SourceLines> lines;
    private final List<Diagnostic> errors;
    private final List<Diagnostic> warnings;
    private final Deque<String> loading;
    private final java.util.function.Function<Checked, Optional<ProductModel>> compileComponent;

    Checker(
            Sources sources,
            Map<String, SourceLines> lines,
            List<Diagnostic> errors,
            List<Diagnostic> warnings,
            java.util.function.Function<Checked, Optional<ProductModel>> compileComponent) {
        this.sources = sources;
        this.lines = lines;
        this.errors = errors;
        this.warnings = warnings;
        this.loading = new ArrayDeque<>();
        this.compileComponent = compileComponent;
    }

    /** Parses {@code text} (file {@code path}); null after reporting a syntax error. */
    Syntax.FileDecl parse(String path, String text) {
        lines.put(path, new SourceLines(text));
        Parser.Parsed parsed = Parser.parse(path, text);
        if (parsed.error().isPresent()) {
            errors.add(parsed.error().get());
            return null;
        }
        return parsed.file().orElseThrow();
    }

    /** Checks the model in {@code file}; empty when errors were reported. */
    Optional<Checked> check(Syntax.FileDecl file) {
        loading.push(file.file());
        try {
            return new ModelScope(file).run();
        } finally {
            loading.pop();
        }
    }

    static String resolvePath(String from, String relative) {
        Path parent = Path.of(from).getParent();
        Path p = parent == null ? Path.of(relative) : parent.resolve(relative);
        return p.normalize().toString();
    }

    private void error(Source at, String message, String maybe) {
        errors.add(diagnostic(at, message, maybe));
    }

    private void warn(Source at, String message, String maybe) {
        warnings.add(diagnostic(at, message, maybe));
    }

    private Diagnostic diagnostic(Source at, String message, String maybe) {
        SourceLines l = lines.get(at.file());
        return new Diagnostic(at.file(), at.line(), at.column(), message, l == null ? "" : l.line(at.line()), maybe);
    }

    /** Everything known while checking one model. */
    private final class ModelScope {
        private final Syntax.FileDecl file;
        private final Map<String, ProductModel.OptionInfo> options = new LinkedHashMap<>();
        private final Map<String, Syntax.LetDecl> letDecls = new LinkedHashMap<>();
        private final Map<String, Typed> lets = new LinkedHashMap<>();
        private final Set<String> letsInProgress = new HashSet<>();
        private final Set<String> badLets = new HashSet<>();
        private final Map<String, Expr> componentPrices = new LinkedHashMap<>();
        private final List<ProductModel.RuleInfo> rules = new ArrayList<>();
        private final Map<String, Source> ruleIds = new HashMap<>();
        private final List<ProductModel.Group> groups = new ArrayList<>();
        private final List<ProductModel.Component> components = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final List<String> languages = new ArrayList<>();
        private String firm = "";
        private String version = "";

        ModelScope(Syntax.FileDecl file) {
            this.file = file;
        }

        Optional<Checked> run() {
            int errorsBefore = errors.size();
            List<Placed> items = new ArrayList<>();
            expand(file.items(), "", items, new ArrayDeque<>(List.of(file.file())));
            // pass 1: declarations
            Map<String, GroupBuilder> groupBuilders = new LinkedHashMap<>();
            List<Syntax.RuleDecl> ruleDecls = new ArrayList<>();
            Syntax.PriceDecl priceDecl = null;
            Syntax.BomDecl bomDecl = null;
            Syntax.RoutingDecl routingDecl = null;
            Map<String, Source> names = new HashMap<>();
            for (Placed p : items) {
                Syntax.Item item = p.item();
                if (item instanceof Syntax.Meta m) {
                    if (m.key().equals("firm")) {
                        firm = m.value();
                    } else {
                        version = m.value();
                    }
                } else if (item instanceof Syntax.Languages l) {
                    languages.clear();
                    languages.addAll(l.codes());
                } else if (item instanceof Syntax.Texts t) {
                    if (!p.group().isEmpty()) {
                        GroupBuilder g = groupBuilders.get(p.group());
                        (t.kind().equals("label") ? g.labels : g.help).putAll(t.texts());
                    } else if (t.kind().equals("label")) {
                        labels.putAll(t.texts());
                    }
                } else if (item instanceof Syntax.GroupDecl g) {
                    if (groupBuilders.containsKey(g.name())) {
                        error(
                                g.at(),
                                "duplicate group '" + g.name() + "'",
                                "give each group its own name, or merge the two.");
                    }
                    groupBuilders.put(g.name(), new GroupBuilder(g.name(), g.at()));
                } else if (item instanceof Syntax.OptionDecl o) {
                    if (declare(names, o.name(), o.at(), "an option")) {
                        checkOption(o, p.group()).ifPresent(info -> options.put(info.name(), info));
                        if (!p.group().isEmpty()) {
                            groupBuilders.get(p.group()).options.add(o.name());
                        }
                    }
                } else if (item instanceof Syntax.LetDecl l) {
                    if (declare(names, l.name(), l.at(), "a let")) {
                        letDecls.put(l.name(), l);
                    }
                } else if (item instanceof Syntax.RuleDecl r) {
                    if (ruleIds.containsKey(r.id())) {
                        error(
                                r.at(),
                                "duplicate rule id '" + r.id() + "' (first at " + ruleIds.get(r.id()) + ")",
                                "give every rule its own id, e.g. '" + r.id() + "b'.");
                    } else {
                        ruleIds.put(r.id(), r.at());
                        ruleDecls.add(r);
                    }
                } else if (item instanceof Syntax.ComponentDecl c) {
                    if (declare(names, c.name(), c.at(), "a component")) {
                        component(c, groupBuilders);
                    }
                } else if (item instanceof Syntax.PriceDecl pd) {
                    if (priceDecl != null) {
                        error(pd.at(), "a second price section", "write all price lines in one 'price { ... }'.");
                    }
                    priceDecl = pd;
                } else if (item instanceof Syntax.BomDecl bd) {
                    if (bomDecl != null) {
                        error(bd.at(), "a second bom section", "write all bom lines in one 'bom { ... }'.");
                    }
                    bomDecl = bd;
                } else if (item instanceof Syntax.RoutingDecl rd) {
                    if (routingDecl != null) {
                        error(rd.at(), "a second routing section", "write all operations in one 'routing { ... }'.");
                    }
                    routingDecl = rd;
                }
            }
            for (GroupBuilder g : groupBuilders.values()) {
                groups.add(new ProductModel.Group(g.name, g.labels, g.help, g.options, g.at));
            }
            // pass 2: expressions
            for (String let : letDecls.keySet()) {
                let(let);
            }
            for (Syntax.RuleDecl r : ruleDecls) {
                rule(r);
            }
            ProductModel.Price price = price(priceDecl);
            List<ProductModel.BomLine> bom = bom(bomDecl);
            ProductModel.Routing routing = routing(routingDecl);
            labelWarnings(groupBuilders);
            if (file.name().isEmpty()) {
                error(
                        file.at(),
                        "this file is a fragment, not a model",
                        "start the file with 'model NAME {' and end it with '}', or include it from a model.");
            }
            if (errors.size() > errorsBefore) {
                return Optional.empty();
            }
            Expr total = new Expr.Num(price.base(), file.at());
            for (ProductModel.PriceLine l : price.lines()) {
                total = new Expr.Binary(
                        Expr.Op.ADD, total, new Expr.If(l.when(), l.amount(), new Expr.Num(0, l.at()), l.at()), l.at());
            }
            return Optional.of(new Checked(
                    file.name().orElse(""),
                    file.file(),
                    labels,
                    firm,
                    version,
                    languages,
                    groups,
                    List.copyOf(options.values()),
                    rules,
                    price,
                    bom,
                    routing,
                    components,
                    lets,
                    total));
        }

        private boolean declare(Map<String, Source> names, String name, Source at, String what) {
            Source first = names.putIfAbsent(name, at);
            if (first != null) {
                error(
                        at,
                        "duplicate name '" + name + "': " + what + " with the name of an earlier declaration at "
                                + first,
                        "rename one of them.");
                return false;
            }
            return true;
        }

        private void expand(List<Syntax.Item> in, String group, List<Placed> out, Deque<String> stack) {
            for (Syntax.Item item : in) {
                if (item instanceof Syntax.Include inc) {
                    String path = resolvePath(inc.at().file(), inc.path());
                    if (stack.contains(path)) {
                        error(
                                inc.at(),
                                "include cycle: " + String.join(" -> ", reversed(stack)) + " -> " + path,
                                "remove one of the includes.");
                        continue;
                    }
                    Optional<String> text = sources.read(path);
                    if (text.isEmpty()) {
                        error(
                                inc.at(),
                                "unknown include file '" + inc.path() + "' (" + path + " does not exist)",
                                Names.maybe(
                                        fileName(inc.path()),
                                        sources.siblings(path),
                                        "check the file name; it is relative to the including file."));
                        continue;
                    }
                    Syntax.FileDecl fragment = parse(path, text.get());
                    if (fragment == null) {
                        continue;
                    }
                    if (fragment.name().isPresent()) {
                        error(
                                inc.at(),
                                "'" + inc.path() + "' is a model, not a fragment",
                                "use 'component NAME: \"" + inc.path() + "\"' to use a model inside another.");
                        continue;
                    }
                    stack.push(path);
                    expand(fragment.items(), group, out, stack);
                    stack.pop();
                } else if (item instanceof Syntax.GroupDecl g) {
                    if (!group.isEmpty()) {
                        error(g.at(), "groups cannot be nested", "close group '" + group + "' before this one.");
                        continue;
                    }
                    out.add(new Placed(g, ""));
                    expand(g.items(), g.name(), out, stack);
                } else if (!group.isEmpty()
                        && !(item instanceof Syntax.OptionDecl
                                || item instanceof Syntax.RuleDecl
                                || item instanceof Syntax.LetDecl
                                || item instanceof Syntax.Texts)) {
                    error(
                            item.at(),
                            "only options, rules, lets, labels and help may appear inside group '" + group + "'",
                            "move it out of the group.");
                } else {
                    out.add(new Placed(item, group));
                }
            }
        }

        private List<String> reversed(Deque<String> stack) {
            List<String> l = new ArrayList<>(stack);
            java.util.Collections.reverse(l);
            return l;
        }

        // ------------------------------------------------------------ options

        private Optional<ProductModel.OptionInfo> checkOption(Syntax.OptionDecl o, String group) {
            List<ProductModel.ValueInfo> values = new ArrayList<>();
            OptionKind kind;
            switch (o.type()) {
                case "bool" -> {
                    kind = OptionKind.BOOLEAN;
                    if (!o.values().isEmpty()) {
                        error(
                                o.values().get(0).at(),
                                "bool option '" + o.name() + "' cannot list values",
                                "make it 'enum' to list values, or remove the value lines.");
                        return Optional.empty();
                    }
                    values.add(new ProductModel.ValueInfo("true", Map.of(), o.at()));
                    values.add(new ProductModel.ValueInfo("false", Map.of(), o.at()));
                }
                case "enum" -> {
                    kind = OptionKind.ENUM;
                    if (o.values().isEmpty()) {
                        error(
                                o.at(),
                                "enum option '" + o.name() + "' has no values",
                                "add lines 'value NAME label nb \"...\" sv \"...\" en \"...\"' to its body.");
                        return Optional.empty();
                    }
                    Set<String> seen = new HashSet<>();
                    for (Syntax.ValueDecl v : o.values()) {
                        if (!seen.add(v.name())) {
                            error(
                                    v.at(),
                                    "duplicate value '" + v.name() + "' in option '" + o.name() + "'",
                                    "give each value its own name.");
                            return Optional.empty();
                        }
                        values.add(new ProductModel.ValueInfo(v.name(), v.labels(), v.at()));
                    }
                }
                default -> {
                    kind = OptionKind.INTEGER;
                    if (!o.values().isEmpty()) {
                        error(
                                o.values().get(0).at(),
                                "int option '" + o.name() + "' cannot list values",
                                "an int option's values come from its range; use 'enum' for named values.");
                        return Optional.empty();
                    }
                    if (o.low() > o.high()) {
                        error(
                                o.rangeAt(),
                                "empty domain: " + o.low() + ".." + o.high() + " of option '" + o.name()
                                        + "' has no values",
                                "swap the bounds: " + o.high() + ".." + o.low() + ".");
                        return Optional.empty();
                    }
                    if (o.step() <= 0) {
                        error(
                                o.rangeAt(),
                                "step " + o.step() + " of option '" + o.name() + "' is not positive",
                                "use a positive step such as 10.");
                        return Optional.empty();
                    }
                    long span = o.high() - o.low();
                    if (span % o.step() != 0) {
                        error(
                                o.rangeAt(),
                                "step " + o.step() + " does not divide the range " + o.low() + ".." + o.high()
                                        + " of option '" + o.name() + "' (" + span + " is not a multiple of " + o.step()
                                        + ")",
                                "end the range at " + (o.high() - span % o.step()) + " or "
                                        + (o.high() - span % o.step() + o.step()) + ", or pick a step that divides "
                                        + span + ".");
                        return Optional.empty();
                    }
                    if (span / o.step() + 1 > MAX_VALUES) {
                        error(
                                o.rangeAt(),
                                "option '" + o.name() + "' has " + (span / o.step() + 1) + " values, more than "
                                        + MAX_VALUES,
                                "use a coarser step.");
                        return Optional.empty();
                    }
                    for (long v = o.low(); v <= o.high(); v += o.step()) {
                        values.add(new ProductModel.ValueInfo(Long.toString(v), Map.of(), o.rangeAt()));
                    }
                }
            }
            Optional<String> def = Optional.empty();
            if (o.defaultValue().isPresent()) {
                Syntax.DefaultDecl d = o.defaultValue().get();
                List<String> names =
                        values.stream().map(ProductModel.ValueInfo::name).toList();
                if (!names.contains(d.text())) {
                    String maybe;
                    if (kind == OptionKind.INTEGER) {
                        maybe = nearestNumbers(d.text(), o);
                    } else {
                        maybe = Names.maybe(d.text(), names, "use one of: " + Names.list(names, 8) + ".");
                    }
                    String domain = kind == OptionKind.INTEGER
                            ? o.low() + ".." + o.high() + (o.step() != 1 ? " step " + o.step() : "")
                            : String.join(", ", names);
                    error(
                            d.at(),
                            "default '" + d.text() + "' is not a value of option '" + o.name() + "' (" + domain + ")",
                            maybe);
                    return Optional.empty();
                }
                def = Optional.of(d.text());
            }
            return Optional.of(new ProductModel.OptionInfo(
                    o.name(),
                    kind,
                    o.labels(),
                    o.help(),
                    values,
                    kind == OptionKind.INTEGER ? o.low() : 0,
                    kind == OptionKind.INTEGER ? o.high() : 0,
                    kind == OptionKind.INTEGER ? o.step() : 0,
                    o.unit(),
                    def,
                    group,
                    o.at()));
        }

        private String nearestNumbers(String text, Syntax.OptionDecl o) {
            long v;
            try {
                v = Long.parseLong(text);
            } catch (NumberFormatException e) {
                return "write a number between " + o.low() + " and " + o.high() + ".";
            }
            if (v < o.low()) {
                return "use " + o.low() + ", the smallest value.";
            }
            if (v > o.high()) {
                return "use " + o.high() + ", the largest value.";
            }
            long below = o.low() + (v - o.low()) / o.step() * o.step();
            return "use " + below + " or " + (below + o.step()) + ".";
        }

        private void component(Syntax.ComponentDecl c, Map<String, GroupBuilder> groupBuilders) {
            String path = resolvePath(c.at().file(), c.path());
            if (loading.contains(path)) {
                error(c.at(), "component cycle: " + path + " uses itself", "remove the component line.");
                return;
            }
            Optional<String> text = sources.read(path);
            if (text.isEmpty()) {
                error(
                        c.at(),
                        "unknown component file '" + c.path() + "' (" + path + " does not exist)",
                        Names.maybe(
                                fileName(c.path()),
                                sources.siblings(path),
                                "check the file name; it is relative to this file."));
                return;
            }
            Syntax.FileDecl parsed = parse(path, text.get());
            if (parsed == null) {
                return;
            }
            if (parsed.name().isEmpty()) {
                error(
                        c.at(),
                        "component file '" + c.path() + "' is a fragment, not a model",
                        "use 'include \"" + c.path() + "\"' for fragments.");
                return;
            }
            Optional<Checked> child = check(parsed);
            if (child.isEmpty()) {
                return;
            }
            Optional<ProductModel> compiled = compileComponent.apply(child.get());
            if (compiled.isEmpty()) {
                return;
            }
            Checked m = child.get();
            String prefix = c.name() + ".";
            GroupBuilder g = new GroupBuilder(c.name(), c.at());
            g.labels.putAll(c.labels().isEmpty() ? m.labels() : c.labels());
            Map<String, String> overrides = defaultOverrides(c, m);
            for (ProductModel.OptionInfo o : m.options()) {
                Optional<String> def =
                        overrides.containsKey(o.name()) ? Optional.of(overrides.get(o.name())) : o.defaultValue();
                ProductModel.OptionInfo renamed = new ProductModel.OptionInfo(
                        prefix + o.name(),
                        o.kind(),
                        o.labels(),
                        o.help(),
                        o.values(),
                        o.min(),
                        o.max(),
                        o.step(),
                        o.unit(),
                        def,
                        c.name(),
                        o.at());
                options.put(renamed.name(), renamed);
                g.options.add(renamed.name());
            }
            if (groupBuilders.containsKey(c.name())) {
                error(
                        c.at(),
                        "component '" + c.name() + "' has the name of a group",
                        "rename the group or the component.");
            }
            groupBuilders.put(c.name(), g);
            for (ProductModel.RuleInfo r : m.rules()) {
                rules.add(new ProductModel.RuleInfo(
                        prefix + r.id(), r.name(), r.names(), r.explanation(), rename(r.constraint(), prefix), r.at()));
                ruleIds.put(prefix + r.id(), r.at());
            }
            for (Map.Entry<String, Typed> e : m.lets().entrySet()) {
                lets.put(
                        prefix + e.getKey(),
                        new Typed(
                                rename(e.getValue().expr(), prefix),
                                e.getValue().type()));
            }
            componentPrices.put(c.name(), rename(m.totalPrice(), prefix));
            components.add(new ProductModel.Component(c.name(), path, c.labels(), compiled.get(), c.at()));
        }

        /**
         * The using model's soft defaults for the component's options ({@code default OPTION VALUE} in the
         * component body), checked against the component's domains; a bad line is reported and ignored.
         */
        private Map<String, String> defaultOverrides(Syntax.ComponentDecl c, Checked m) {
            Map<String, String> overrides = new LinkedHashMap<>();
            Map<String, ProductModel.OptionInfo> byName = new LinkedHashMap<>();
            for (ProductModel.OptionInfo o : m.options()) {
                byName.put(o.name(), o);
            }
            for (Syntax.DefaultOverride d : c.defaults()) {
                ProductModel.OptionInfo o = byName.get(d.option());
                if (o == null) {
                    error(
                            d.at(),
                            "component '" + c.name() + "' has no option '" + d.option() + "'",
                            Names.maybe(
                                    d.option(),
                                    byName.keySet(),
                                    "use one of: " + Names.list(List.copyOf(byName.keySet()), 8) + "."));
                    continue;
                }
                List<String> names =
                        o.values().stream().map(ProductModel.ValueInfo::name).toList();
                String value = d.value().text();
                if (!names.contains(value)) {
                    error(
                            d.value().at(),
                            "default '" + value + "' is not a value of option '" + c.name() + "." + o.name() + "'",
                            o.kind() == OptionKind.ENUM
                                    ? Names.maybe(value, names, "use one of: " + Names.list(names, 8) + ".")
                                    : "use one of: " + Names.list(names, 8) + ".");
                    continue;
                }
                if (overrides.put(o.name(), value) != null) {
                    error(
                            d.at(),
                            "two defaults for option '" + c.name() + "." + o.name() + "'",
                            "keep one 'default " + o.name() + " VALUE' line.");
                }
            }
            return overrides;
        }

        // ------------------------------------------------------------ rules, price, bom, routing

        private void rule(Syntax.RuleDecl r) {
            Expr body = r.constraints().get(0);
            for (int i = 1; i < r.constraints().size(); i++) {
                body = new Expr.Binary(
                        Expr.Op.AND,
                        body,
                        r.constraints().get(i),
                        r.constraints().get(i).at());
            }
            if (r.when().isPresent()) {
                body = new Expr.Binary(
                        Expr.Op.IMPLIES, r.when().get(), body, r.when().get().at());
            }
            int before = errors.size();
            for (Expr c : r.constraints()) {
                expectBool(c, "a rule's constraint");
            }
            r.when().ifPresent(w -> expectBool(w, "a rule's 'when' condition"));
            if (errors.size() > before) {
                return;
            }
            Typed t = resolve(body);
            if (t == null) {
                return;
            }
            Map<String, String> explanation = new LinkedHashMap<>(r.explain());
            if (!explanation.containsKey("") && !languages.isEmpty()) {
                List<String> missing = languages.stream()
                        .filter(l -> !explanation.containsKey(l))
                        .toList();
                if (!missing.isEmpty()) {
                    warn(
                            r.at(),
                            "rule " + r.id() + " has no explanation in " + String.join(", ", missing),
                            "add " + missing.get(0) + " \"...\" to its explain line.");
                }
            }
            if (!languages.isEmpty()) {
                List<String> missing = languages.stream()
                        .filter(l -> !r.names().containsKey(l))
                        .toList();
                if (!missing.isEmpty()) {
                    warn(
                            r.at(),
                            "rule " + r.id() + " has no name in " + String.join(", ", missing),
                            r.names().isEmpty()
                                    ? "add the line 'name " + texts(missing) + "' to the rule."
                                    : "add " + texts(missing) + " to its name line.");
                }
            }
            rules.add(new ProductModel.RuleInfo(r.id(), r.name(), r.names(), explanation, t.expr(), r.at()));
        }

        private Typed expectBool(Expr e, String what) {
            Typed t = resolve(e);
            if (t != null && t.type().kind() != Kind.BOOL) {
                error(
                        e.at(),
                        what + " must be a condition, found " + describe(t),
                        "compare it, e.g. '" + Expr.show(e) + " > 0'.");
                return null;
            }
            return t;
        }

        private Typed expectInt(Expr e, String what) {
            Typed t = resolve(e);
            if (t != null && t.type().kind() != Kind.INT) {
                error(
                        e.at(),
                        what + " must be a number, found " + describe(t),
                        t.type().kind() == Kind.BOOL
                                ? "write 'if " + Expr.show(e) + " then 1 else 0'."
                                : "map the values to numbers with 'if ... then ... else ...'.");
                return null;
            }
            return t;
        }

        private ProductModel.Price price(Syntax.PriceDecl decl) {
            if (decl == null) {
                return new ProductModel.Price(0, List.of());
            }
            long base = 0;
            Map<String, String> baseLabels = new LinkedHashMap<>(ProductModel.BASE_LABELS);
            List<ProductModel.PriceLine> out = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Syntax.PriceLineDecl l : decl.lines()) {
                if (l.kind().equals("base")) {
                    base = ((Expr.Num) l.amount()).value();
                    baseLabels.putAll(l.labels());
                    priceLabelWarning(baseLabels, l.at(), "the base price");
                    continue;
                }
                priceLabelWarning(l.labels(), l.at(), "price " + l.kind() + " '" + l.id() + "'");
                if (!ids.add(l.id())) {
                    error(l.at(), "duplicate price line '" + l.id() + "'", "give each price line its own id.");
                    continue;
                }
                if (l.kind().equals("component")) {
                    Expr amount = componentPrices.get(l.id());
                    if (amount == null) {
                        error(
                                l.at(),
                                "unknown component '" + l.id() + "'",
                                Names.maybe(
                                        l.id(),
                                        componentPrices.keySet(),
                                        "declare it with 'component " + l.id() + ": \"file.tpm\"'."));
                        continue;
                    }
                    out.add(new ProductModel.PriceLine(
                            l.id(), l.label(), l.labels(), amount, new Expr.Bool(true, l.at()), l.at()));
                    continue;
                }
                Typed amount = expectInt(l.amount(), "price line '" + l.id() + "'");
                Typed when = expectBool(l.when(), "the condition of price line '" + l.id() + "'");
                if (amount != null && when != null) {
                    out.add(new ProductModel.PriceLine(
                            l.id(), l.label(), l.labels(), amount.expr(), when.expr(), l.at()));
                }
            }
            return new ProductModel.Price(base, baseLabels, out);
        }

        private List<ProductModel.BomLine> bom(Syntax.BomDecl decl) {
            if (decl == null) {
                return List.of();
            }
            List<ProductModel.BomLine> out = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Syntax.BomLineDecl l : decl.lines()) {
                if (!ids.add(l.id())) {
                    error(l.at(), "duplicate bom item '" + l.id() + "'", "give each bom line its own id.");
                    continue;
                }
                Typed qty = expectInt(l.quantity(), "the quantity of bom item '" + l.id() + "'");
                Optional<Typed> length = l.length().map(e -> expectInt(e, "the length of bom item '" + l.id() + "'"));
                Optional<Typed> area = l.area().map(e -> expectInt(e, "the area of bom item '" + l.id() + "'"));
                Typed when = expectBool(l.when(), "the condition of bom item '" + l.id() + "'");
                if (!l.profile().isEmpty() && l.length().isEmpty()) {
                    error(
                            l.at(),
                            "bom item '" + l.id() + "' is cut from profile '" + l.profile() + "' but has no length",
                            "add 'length EXPRESSION unit mm' before 'profile'.");
                }
                if (qty != null
                        && when != null
                        && (length.isEmpty() || length.get() != null)
                        && (area.isEmpty() || area.get() != null)) {
                    out.add(new ProductModel.BomLine(
                            l.id(),
                            l.description(),
                            qty.expr(),
                            length.map(Typed::expr),
                            l.unit(),
                            when.expr(),
                            l.at(),
                            area.map(Typed::expr),
                            l.profile()));
                }
            }
            return out;
        }

        private ProductModel.Routing routing(Syntax.RoutingDecl decl) {
            if (decl == null) {
                return new ProductModel.Routing(List.of(), List.of());
            }
            Set<String> centres = new LinkedHashSet<>();
            for (ProductModel.WorkCentre w : decl.workCentres()) {
                if (!centres.add(w.id())) {
                    error(
                            w.at(),
                            "duplicate work-centre type '" + w.id() + "'",
                            "give each work-centre type its own id.");
                }
            }
            Map<String, Syntax.OperationDecl> ops = new LinkedHashMap<>();
            for (Syntax.OperationDecl o : decl.operations()) {
                if (ops.putIfAbsent(o.id(), o) != null) {
                    error(o.at(), "duplicate operation '" + o.id() + "'", "give each operation its own id.");
                }
            }
            List<ProductModel.Operation> out = new ArrayList<>();
            for (Syntax.OperationDecl o : decl.operations()) {
                if (!centres.contains(o.workCentre().name())) {
                    error(
                            o.workCentre().at(),
                            "unknown work-centre type '" + o.workCentre().name() + "'",
                            Names.maybe(
                                    o.workCentre().name(),
                                    centres,
                                    "declare it with 'workcentre "
                                            + o.workCentre().name() + " \"...\"'."));
                }
                for (Syntax.NameAt a : o.after()) {
                    if (a.name().contains(".")) {
                        componentOperation(a);
                    } else if (!ops.containsKey(a.name())) {
                        error(
                                a.at(),
                                "unknown operation '" + a.name() + "' after 'after'",
                                Names.maybe(a.name(), ops.keySet(), "declare the operation first."));
                    }
                }
                Typed setup = expectInt(o.setup(), "the setup time of operation '" + o.id() + "'");
                Typed perUnit = expectInt(o.perUnit(), "the per-unit time of operation '" + o.id() + "'");
                Typed when = expectBool(o.when(), "the condition of operation '" + o.id() + "'");
                if (setup != null && perUnit != null && when != null) {
                    out.add(new ProductModel.Operation(
                            o.id(),
                            o.description(),
                            o.workCentre().name(),
                            setup.expr(),
                            perUnit.expr(),
                            o.uninterruptible(),
                            o.eachUnit(),
                            o.after().stream().map(Syntax.NameAt::name).toList(),
                            when.expr(),
                            o.at()));
                }
            }
            // precedence cycles
            Map<String, Integer> state = new HashMap<>();
            for (String id : ops.keySet()) {
                List<String> cycle = findCycle(id, ops, state, new ArrayList<>());
                if (cycle != null) {
                    error(
                            ops.get(cycle.get(0)).at(),
                            "operations wait for each other in a cycle: " + String.join(" -> ", cycle),
                            "remove one of the 'after' links.");
                    break;
                }
            }
            return new ProductModel.Routing(List.copyOf(decl.workCentres()), out);
        }

        /** Checks {@code after COMPONENT.OPERATION} (components nest: {@code a.b.op}). */
        private void componentOperation(Syntax.NameAt a) {
            String[] parts = a.name().split("\\.");
            List<ProductModel.Component> scope = components;
            ProductModel.Component component = null;
            for (int i = 0; i < parts.length - 1; i++) {
                String name = parts[i];
                component = scope.stream()
                        .filter(c -> c.name().equals(name))
                        .findFirst()
                        .orElse(null);
                if (component == null) {
                    error(
                            a.at(),
                            "unknown component '" + name + "' in 'after " + a.name() + "'",
                            Names.maybe(
                                    name,
                                    scope.stream()
                                            .map(ProductModel.Component::name)
                                            .toList(),
                                    "declare it with 'component " + name + ": \"file.tpm\"'."));
                    return;
                }
                scope = component.model().components();
            }
            String op = parts[parts.length - 1];
            List<String> names = component.model().routing().operations().stream()
                    .map(ProductModel.Operation::id)
                    .toList();
            if (!names.contains(op)) {
                error(
                        a.at(),
                        "unknown operation '" + op + "' of component '" + component.name() + "' after 'after'",
                        Names.maybe(op, names, "use an operation of the component's routing."));
            }
        }

        private List<String> findCycle(
                String id, Map<String, Syntax.OperationDecl> ops, Map<String, Integer> state, List<String> path) {
            Integer s = state.get(id);
            if (s != null && s == 2) {
                return null;
            }
            if (s != null && s == 1) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
                cycle.add(id);
                return cycle;
            }
            state.put(id, 1);
            path.add(id);
            Syntax.OperationDecl o = ops.get(id);
            if (o != null) {
                for (Syntax.NameAt a : o.after()) {
                    if (ops.containsKey(a.name())) {
                        List<String> c = findCycle(a.name(), ops, state, path);
                        if (c != null) {
                            return c;
                        }
                    }
                }
            }
            path.remove(path.size() - 1);
            state.put(id, 2);
            return null;
        }

        private void labelWarnings(Map<String, GroupBuilder> groupBuilders) {
            if (languages.isEmpty()) {
                return;
            }
            missing(labels, file.at(), "model '" + file.name().orElse("") + "'");
            for (GroupBuilder g : groupBuilders.values()) {
                if (!g.options.isEmpty() && !g.options.get(0).contains(".")) {
                    missing(g.labels, g.at, "group '" + g.name + "'");
                }
            }
            for (ProductModel.OptionInfo o : options.values()) {
                if (o.name().contains(".")) {
                    continue;
                }
                missing(o.labels(), o.at(), "option '" + o.name() + "'");
                if (o.kind() == OptionKind.ENUM) {
                    for (ProductModel.ValueInfo v : o.values()) {
                        missing(v.labels(), v.at(), "value '" + v.name() + "' of option '" + o.name() + "'");
                    }
                }
            }
        }

        private void priceLabelWarning(Map<String, String> labels, Source at, String what) {
            List<String> missing =
                    languages.stream().filter(l -> !labels.containsKey(l)).toList();
            if (!missing.isEmpty()) {
                warn(
                        at,
                        what + " has no label in " + String.join(", ", missing),
                        "write 'label " + texts(missing) + "' after its quoted label.");
            }
        }

        private static String texts(List<String> languages) {
            return String.join(" ", languages.stream().map(l -> l + " \"...\"").toList());
        }

        private void missing(Map<String, String> texts, Source at, String what) {
            List<String> missing =
                    languages.stream().filter(l -> !texts.containsKey(l)).toList();
            if (!missing.isEmpty()) {
                warn(
                        at,
                        what + " has no label in " + String.join(", ", missing),
                        "add "
                                + missing.stream()
                                        .map(l -> l + " \"...\"")
                                        .reduce((a, b) -> a + " " + b)
                                        .orElse("") + " to its label line.");
            }
        }

        // ------------------------------------------------------------ expressions

        private void let(String name) {
            if (lets.containsKey(name) || badLets.contains(name)) {
                return;
            }
            Syntax.LetDecl decl = letDecls.get(name);
            letsInProgress.add(name);
            Typed t = resolve(decl.expr());
            letsInProgress.remove(name);
            if (t == null) {
                badLets.add(name);
            } else {
                lets.put(name, t);
            }
        }

        private boolean isUnknownName(Expr e) {
            return e instanceof Expr.Name n
                    && !options.containsKey(n.name())
                    && !letDecls.containsKey(n.name())
                    && !lets.containsKey(n.name());
        }

        /** Resolves {@code e}; null after reporting an error. */
        Typed resolve(Expr e) {
            if (e instanceof Expr.Bool) {
                return new Typed(e, Type.BOOL);
            } else if (e instanceof Expr.Num) {
                return new Typed(e, Type.INT);
            } else if (e instanceof Expr.Name n) {
                return name(n);
            } else if (e instanceof Expr.Ref r) {
                ProductModel.OptionInfo o = options.get(r.option());
                return o == null ? null : new Typed(r, typeOf(o));
            } else if (e instanceof Expr.Sym || e instanceof Expr.Range) {
                error(e.at(), "'" + Expr.show(e) + "' is not an expression here", "use it inside 'in (...)'.");
                return null;
            } else if (e instanceof Expr.Not n) {
                Typed t = resolve(n.operand());
                if (t == null) {
                    return null;
                }
                if (t.type().kind() != Kind.BOOL) {
                    error(
                            n.at(),
                            "'not' needs a condition, found " + describe(t),
                            "compare it first, e.g. 'not (" + Expr.show(n.operand()) + " > 0)'.");
                    return null;
                }
                return new Typed(new Expr.Not(t.expr(), n.at()), Type.BOOL);
            } else if (e instanceof Expr.Neg n) {
                Typed t = resolve(n.operand());
                if (t == null || !arithmetic(t, n.at(), "-")) {
                    return null;
                }
                return new Typed(new Expr.Neg(t.expr(), n.at()), Type.INT);
            } else if (e instanceof Expr.Binary b) {
                return binary(b);
            } else if (e instanceof Expr.In i) {
                return in(i);
            } else if (e instanceof Expr.If i) {
                Typed c = resolve(i.condition());
                Typed a = resolve(i.then());
                Typed o = resolve(i.otherwise());
                if (c == null || a == null || o == null) {
                    return null;
                }
                if (c.type().kind() != Kind.BOOL) {
                    error(
                            i.condition().at(),
                            "the condition of 'if' must be a condition, found " + describe(c),
                            "compare it, e.g. 'if " + Expr.show(i.condition()) + " > 0 then ...'.");
                    return null;
                }
                if (a.type().kind() != o.type().kind()) {
                    error(
                            i.at(),
                            "the branches of 'if' differ: 'then' gives " + describe(a) + " but 'else' gives "
                                    + describe(o),
                            "make both branches numbers, or both conditions.");
                    return null;
                }
                Type t = a.type();
                if (t.kind() == Kind.ENUM) {
                    Set<String> union = new LinkedHashSet<>(a.type().values());
                    union.addAll(o.type().values());
                    t = new Type(Kind.ENUM, List.copyOf(union));
                }
                return new Typed(new Expr.If(c.expr(), a.expr(), o.expr(), i.at()), t);
            } else if (e instanceof Expr.Call c) {
                List<Expr> args = new ArrayList<>();
                for (Expr a : c.args()) {
                    Typed t = resolve(a);
                    if (t == null || !arithmetic(t, a.at(), c.fn().name().toLowerCase(java.util.Locale.ROOT))) {
                        return null;
                    }
                    args.add(t.expr());
                }
                return new Typed(new Expr.Call(c.fn(), args, c.at()), Type.INT);
            } else {
                Expr.Count c = (Expr.Count) e;
                List<Expr> items = new ArrayList<>();
                for (Expr a : c.items()) {
                    Typed t = resolve(a);
                    if (t == null) {
                        return null;
                    }
                    if (t.type().kind() != Kind.BOOL) {
                        error(
                                a.at(),
                                "'" + c.bound().name().toLowerCase(java.util.Locale.ROOT) + " " + c.n()
                                        + " of' counts conditions, found " + describe(t),
                                "write a condition such as '" + Expr.show(a) + " == ...'.");
                        return null;
                    }
                    items.add(t.expr());
                }
                if (c.n() > items.size() && c.bound() != Expr.Bound.AT_MOST) {
                    error(
                            c.at(),
                            "'" + c.bound().name().toLowerCase(java.util.Locale.ROOT) + " " + c.n() + " of' has only "
                                    + items.size() + " conditions and can never hold",
                            "lower the number or add conditions.");
                    return null;
                }
                return new Typed(new Expr.Count(c.bound(), c.n(), items, c.at()), Type.BOOL);
            }
        }

        private Typed name(Expr.Name n) {
            ProductModel.OptionInfo o = options.get(n.name());
            if (o != null) {
                return new Typed(new Expr.Ref(o.name(), n.at()), typeOf(o));
            }
            if (lets.containsKey(n.name())) {
                return lets.get(n.name());
            }
            if (letDecls.containsKey(n.name())) {
                if (letsInProgress.contains(n.name())) {
                    error(
                            n.at(),
                            "let '" + n.name() + "' refers to itself",
                            "define it from options and other lets only.");
                    return null;
                }
                let(n.name());
                return lets.get(n.name());
            }
            List<String> known = new ArrayList<>(options.keySet());
            known.addAll(letDecls.keySet());
            known.addAll(lets.keySet());
            error(
                    n.at(),
                    "unknown option '" + n.name() + "'",
                    Names.maybe(
                            n.name(), known, "declare it with 'option " + n.name() + ": ...' or check the spelling."));
            return null;
        }

        private Type typeOf(ProductModel.OptionInfo o) {
            return switch (o.kind()) {
                case BOOLEAN -> Type.BOOL;
                case INTEGER -> Type.INT;
                case ENUM -> new Type(
                        Kind.ENUM,
                        o.values().stream().map(ProductModel.ValueInfo::name).toList());
            };
        }

        private boolean arithmetic(Typed t, Source at, String op) {
            if (t.type().kind() == Kind.INT) {
                return true;
            }
            if (t.type().kind() == Kind.BOOL) {
                String what = t.expr() instanceof Expr.Ref r ? "boolean option '" + r.option() + "'" : "a condition";
                error(
                        at,
                        "boolean in arithmetic: " + what + " used with '" + op + "'",
                        "count it as a number with 'if " + Expr.show(t.expr()) + " then 1 else 0'.");
            } else {
                String what =
                        t.expr() instanceof Expr.Ref r ? "enum option '" + r.option() + "'" : "an enumerated value";
                error(
                        at,
                        "enum in arithmetic: " + what + " used with '" + op + "'",
                        "map its values to numbers with 'if " + Expr.show(t.expr()) + " == "
                                + t.type().values().get(0) + " then ... else ...'.");
            }
            return false;
        }

        private Typed binary(Expr.Binary b) {
            Expr.Op op = b.op();
            if (op == Expr.Op.EQ || op == Expr.Op.NE) {
                return equality(b);
            }
            if (op.isComparison() && (isUnknownName(b.left()) || isUnknownName(b.right()))) {
                // 'frame < wood': a value name next to an enum is an ordering error, not an unknown option
                Expr known = isUnknownName(b.left()) ? b.right() : b.left();
                if (!isUnknownName(known)) {
                    Typed k = resolve(known);
                    if (k == null) {
                        return null;
                    }
                    if (k.type().kind() == Kind.ENUM) {
                        error(
                                b.at(),
                                "type error: '" + op.symbol() + "' compares numbers, but "
                                        + (known == b.left() ? "the left" : "the right") + " side is "
                                        + describe(k),
                                "enumerated values have no order; use '==', '!=' or 'in (...)'.");
                        return null;
                    }
                }
            }
            Typed l = resolve(b.left());
            Typed r = resolve(b.right());
            if (l == null || r == null) {
                return null;
            }
            if (op.isLogic()) {
                for (Typed t : List.of(l, r)) {
                    if (t.type().kind() != Kind.BOOL) {
                        error(
                                t == l ? b.left().at() : b.right().at(),
                                "'" + op.symbol() + "' needs conditions on both sides, found " + describe(t),
                                "compare it, e.g. '" + Expr.show(t.expr())
                                        + (t.type().kind() == Kind.INT
                                                ? " > 0"
                                                : " == " + t.type().values().get(0)) + "'.");
                        return null;
                    }
                }
                return new Typed(new Expr.Binary(op, l.expr(), r.expr(), b.at()), Type.BOOL);
            }
            if (op.isComparison()) {
                for (Typed t : List.of(l, r)) {
                    if (t.type().kind() != Kind.INT) {
                        String maybe = t.type().kind() == Kind.ENUM
                                ? "enumerated values have no order; use '==', '!=' or 'in (...)'."
                                : "conditions have no order; use '==' or 'iff'.";
                        error(
                                b.at(),
                                "type error: '" + op.symbol() + "' compares numbers, but "
                                        + (t == l ? "the left" : "the right") + " side is " + describe(t),
                                maybe);
                        return null;
                    }
                }
                return new Typed(new Expr.Binary(op, l.expr(), r.expr(), b.at()), Type.BOOL);
            }
            if (!arithmetic(l, b.left().at(), op.symbol())
                    || !arithmetic(r, b.right().at(), op.symbol())) {
                return null;
            }
            return new Typed(new Expr.Binary(op, l.expr(), r.expr(), b.at()), Type.INT);
        }

        private Typed equality(Expr.Binary b) {
            boolean leftUnknown = isUnknownName(b.left());
            boolean rightUnknown = isUnknownName(b.right());
            Typed l = leftUnknown ? null : resolve(b.left());
            Typed r = rightUnknown ? null : resolve(b.right());
            if (!leftUnknown && l == null || !rightUnknown && r == null) {
                return null;
            }
            if (leftUnknown && rightUnknown) {
                return name((Expr.Name) b.left());
            }
            // a value name wins over an option of the same name when compared with an enum
            if (l != null
                    && l.type().kind() == Kind.ENUM
                    && b.right() instanceof Expr.Name n
                    && l.type().values().contains(n.name())) {
                r = null;
                rightUnknown = true;
            }
            if (r != null
                    && r.type().kind() == Kind.ENUM
                    && b.left() instanceof Expr.Name n
                    && r.type().values().contains(n.name())) {
                l = null;
                leftUnknown = true;
            }
            if (leftUnknown) {
                l = value((Expr.Name) b.left(), r);
            }
            if (rightUnknown) {
                r = value((Expr.Name) b.right(), l);
            }
            if (l == null || r == null) {
                return null;
            }
            Kind lk = l.type().kind();
            Kind rk = r.type().kind();
            if (lk != rk) {
                Typed e = lk == Kind.ENUM ? l : rk == Kind.ENUM ? r : l;
                Typed other = e == l ? r : l;
                String maybe = e.type().kind() == Kind.ENUM
                        ? "compare " + describe(e) + " with one of its values: "
                                + Names.list(e.type().values(), 6) + "."
                        : "compare values of the same type.";
                error(b.at(), "type error: cannot compare " + describe(e) + " with " + describe(other), maybe);
                return null;
            }
            if (lk == Kind.ENUM && l.type().values().stream().noneMatch(r.type().values()::contains)) {
                error(
                        b.at(),
                        "type error: " + describe(l) + " and " + describe(r)
                                + " share no value, so they are never equal",
                        "compare options that share values.");
                return null;
            }
            return new Typed(new Expr.Binary(b.op(), l.expr(), r.expr(), b.at()), Type.BOOL);
        }

        /** {@code n} as a value of the type of {@code other}; null after reporting. */
        private Typed value(Expr.Name n, Typed other) {
            if (other != null && other.type().kind() == Kind.ENUM) {
                if (other.type().values().contains(n.name())) {
                    return new Typed(new Expr.Sym(n.name(), n.at()), new Type(Kind.ENUM, List.of(n.name())));
                }
                String of = other.expr() instanceof Expr.Ref r ? " of option '" + r.option() + "'" : "";
                error(
                        n.at(),
                        "unknown value '" + n.name() + "'" + of,
                        Names.maybe(
                                n.name(),
                                other.type().values(),
                                "use one of: " + Names.list(other.type().values(), 8) + "."));
                return null;
            }
            return name(n);
        }

        private Typed in(Expr.In i) {
            Typed operand = resolve(i.operand());
            if (operand == null) {
                return null;
            }
            List<Expr> items = new ArrayList<>();
            for (Expr item : i.items()) {
                Kind k = operand.type().kind();
                if (k == Kind.ENUM && item instanceof Expr.Name n) {
                    Typed v = value(n, operand);
                    if (v == null) {
                        return null;
                    }
                    items.add(v.expr());
                } else if (k == Kind.INT && (item instanceof Expr.Num || item instanceof Expr.Range)) {
                    if (item instanceof Expr.Range r && r.low() > r.high()) {
                        error(
                                r.at(),
                                "empty range " + r.low() + ".." + r.high(),
                                "swap the bounds: " + r.high() + ".." + r.low() + ".");
                        return null;
                    }
                    items.add(item);
                } else if (k == Kind.BOOL && item instanceof Expr.Bool) {
                    items.add(item);
                } else {
                    String expected = k == Kind.ENUM
                            ? "a value of " + describe(operand) + " ("
                                    + Names.list(operand.type().values(), 6) + ")"
                            : k == Kind.INT ? "a number or a range such as 400..800" : "true or false";
                    error(
                            item.at(),
                            "type error: '" + Expr.show(item) + "' is not " + expected,
                            "list only "
                                    + (k == Kind.ENUM
                                            ? "values of that option"
                                            : k == Kind.INT ? "numbers and ranges" : "true and false")
                                    + ".");
                    return null;
                }
            }
            return new Typed(new Expr.In(operand.expr(), items, i.at()), Type.BOOL);
        }

        private String describe(Typed t) {
            Expr e = t.expr();
            String name = e instanceof Expr.Ref r ? " '" + r.option() + "'" : "";
            return switch (t.type().kind()) {
                case BOOL -> e instanceof Expr.Ref ? "boolean option" + name : "a condition";
                case INT -> e instanceof Expr.Ref
                        ? "int option" + name
                        : e instanceof Expr.Num n ? "the number " + n.value() : "a number";
                case ENUM -> e instanceof Expr.Ref
                        ? "enum option" + name
                        : e instanceof Expr.Sym s ? "the value '" + s.value() + "'" : "an enumerated value";
            };
        }
    }

    private static String fileName(String path) {
        Path p = Path.of(path).getFileName();
        return p == null ? path : p.toString();
    }

    /** Renames every option reference to {@code prefix + option}. */
    static Expr rename(Expr e, String prefix) {
        if (e instanceof Expr.Ref r) {
            return new Expr.Ref(prefix + r.option(), r.at());
        } else if (e instanceof Expr.Not n) {
            return new Expr.Not(rename(n.operand(), prefix), n.at());
        } else if (e instanceof Expr.Neg n) {
            return new Expr.Neg(rename(n.operand(), prefix), n.at());
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), rename(b.left(), prefix), rename(b.right(), prefix), b.at());
        } else if (e instanceof Expr.In i) {
            return new Expr.In(rename(i.operand(), prefix), i.items(), i.at());
        } else if (e instanceof Expr.If i) {
            return new Expr.If(
                    rename(i.condition(), prefix), rename(i.then(), prefix), rename(i.otherwise(), prefix), i.at());
        } else if (e instanceof Expr.Call c) {
            return new Expr.Call(
                    c.fn(), c.args().stream().map(a -> rename(a, prefix)).toList(), c.at());
        } else if (e instanceof Expr.Count c) {
            return new Expr.Count(
                    c.bound(),
                    c.n(),
                    c.items().stream().map(a -> rename(a, prefix)).toList(),
                    c.at());
        }
        return e;
    }

    private record Placed(Syntax.Item item, String group) {}

    private static final class GroupBuilder {
        final String name;
        final Source at;
        final Map<String, String> labels = new LinkedHashMap<>();
        final Map<String, String> help = new LinkedHashMap<>();
        final List<String> options = new ArrayList<>();

        GroupBuilder(String name, Source at) {
            this.name = name;
            this.at = at;
        }
    }
}
