package no.tilpass.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.OptionKind;
import no.tilpass.engine.space.SolutionSpace;

/**
 * A checked and compiled product model: its metadata, options, rules, price, bill of materials and
 * routing as a typed AST, the models it uses as components, and the compiled {@link SolutionSpace}.
 * Options and rules of a component appear namespaced ({@code fittings.hinge_type}, {@code fittings.F1}).
 * Label maps go from language code ({@code nb}, {@code sv}, {@code en}) to text.
 *
 * @param name the model's identifier ({@code casement_window})
 * @param file the file it was read from, as the user named it
 * @param labels the model's display name per language
 * @param firm the manufacturer, or empty
 * @param version the model's version text, or empty
 * @param languages the languages every label must have (from {@code languages nb sv en})
 * @param groups the sections options are shown in, in model order
 * @param options every option, in model order, component options included
 * @param rules every rule; index {@code i} is rule {@code i} of {@link SolutionSpace#rules()}
 * @param price the price section (base 0 and no lines when absent)
 * @param bom the bill of materials (empty when absent)
 * @param routing the routing (empty when absent)
 * @param components the models used as components
 * @param space the compiled solution space
 */
public record ProductModel(
        String name,
        String file,
        Map<String, String> labels,
        String firm,
        String version,
        List<String> languages,
        List<Group> groups,
        List<OptionInfo> options,
        List<RuleInfo> rules,
        Price price,
        List<BomLine> bom,
        Routing routing,
        List<Component> components,
        SolutionSpace space) {

    public ProductModel {
        labels = ordered(labels);
        languages = List.copyOf(languages);
        groups = List.copyOf(groups);
        options = List.copyOf(options);
        rules = List.copyOf(rules);
        bom = List.copyOf(bom);
        components = List.copyOf(components);
    }

    static Map<String, String> ordered(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The option called {@code optionName}, if any. */
    public Optional<OptionInfo> option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
    }

    /**
     * The price of one full configuration, line by line, in NOK. {@code configuration} maps every option
     * (component options namespaced, {@code fittings.hinge_type}) to its value as written: {@code true}
     * or {@code false}, a number such as {@code 1200}, or a value name. A configuration with unknown
     * options or values, missing options, or one that breaks a rule is {@link Quote.Rejected} with the
     * reasons.
     */
    public Quote quote(Map<String, String> configuration) {
        return Quoting.quote(this, configuration);
    }

    /** The outcome of {@link #quote(Map)}. */
    public sealed interface Quote {
        /**
         * The base price and every price line that applies with a non-zero amount, in model order.
         *
         * @param totalNok the sum of the lines
         */
        record Priced(List<QuoteLine> lines, long totalNok) implements Quote {
            public Priced {
                lines = List.copyOf(lines);
            }
        }

        /** Why the configuration cannot be priced; never empty. */
        record Rejected(List<Diagnostic> problems) implements Quote {
            public Rejected {
                problems = List.copyOf(problems);
            }
        }
    }

    /**
     * A line of a price breakdown: a price line's id and label and its amount in NOK.
     *
     * @param label the default label, as quoted in the model
     * @param labels the label per language (empty when the model gives none)
     */
    public record QuoteLine(String id, String label, Map<String, String> labels, long amountNok) {
        public QuoteLine {
            labels = ordered(labels);
        }

        /** A line with its default label only. */
        public QuoteLine(String id, String label, long amountNok) {
            this(id, label, Map.of(), amountNok);
        }

        /** The label in {@code language}, or the default label when the model has none in it. */
        public String label(String language) {
            return labels.getOrDefault(language, label);
        }
    }

    /** Where something was written: file as the user named it, 1-based line and column. */
    public record Source(String file, int line, int column) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column;
        }
    }

    /** A section of options. */
    public record Group(
            String name, Map<String, String> labels, Map<String, String> help, List<String> options, Source at) {
        public Group {
            labels = ordered(labels);
            help = ordered(help);
            options = List.copyOf(options);
        }
    }

    /** A value of an enumerated option. */
    public record ValueInfo(String name, Map<String, String> labels, Source at) {
        public ValueInfo {
            labels = ordered(labels);
        }
    }

    /**
     * An option's metadata.
     *
     * @param values the values: enumerated values with labels; {@code true}/{@code false} for booleans;
     *     the numbers for integers (without labels)
     * @param min for integers the lower bound, else 0
     * @param max for integers the upper bound, else 0
     * @param step for integers the step, else 0
     * @param unit for integers the unit ({@code mm}), or empty
     * @param defaultValue the soft default, or empty
     * @param group the group it is shown in, or empty
     */
    public record OptionInfo(
            String name,
            OptionKind kind,
            Map<String, String> labels,
            Map<String, String> help,
            List<ValueInfo> values,
            long min,
            long max,
            long step,
            String unit,
            Optional<String> defaultValue,
            String group,
            Source at) {
        public OptionInfo {
            labels = ordered(labels);
            help = ordered(help);
            values = List.copyOf(values);
        }
    }

    /**
     * A rule: {@code constraint} must hold in every valid configuration.
     *
     * @param explanation the explanation sentence per language
     * @param constraint the whole rule as one boolean expression ({@code when}, tables and several
     *     statements folded in)
     */
    public record RuleInfo(
            String id,
            String name,
            Map<String, String> names,
            Map<String, String> explanation,
            Expr constraint,
            Source at) {
        public RuleInfo {
            names = ordered(names);
            explanation = ordered(explanation);
        }

        /** A rule with its default name only. */
        public RuleInfo(String id, String name, Map<String, String> explanation, Expr constraint, Source at) {
            this(id, name, Map.of(), explanation, constraint, at);
        }

        /** The name in {@code language} ({@code name nb "..."} in the rule), or the default name. */
        public String name(String language) {
            return names.getOrDefault(language, name);
        }
    }

    /** The base price line's labels when the model gives none ({@code base 2450 label nb "..." ...}). */
    public static final Map<String, String> BASE_LABELS = baseLabels();

    private static Map<String, String> baseLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("nb", "Grunnpris");
        labels.put("sv", "Grundpris");
        labels.put("en", "Base price");
        return Collections.unmodifiableMap(labels);
    }

    /**
     * The price section, in NOK: the base price plus lines.
     *
     * @param baseLabels the base line's label per language ({@link #BASE_LABELS} unless the model gives its own)
     */
    public record Price(long base, Map<String, String> baseLabels, List<PriceLine> lines) {
        public Price {
            baseLabels = ordered(baseLabels);
            lines = List.copyOf(lines);
        }

        /** A price with the built-in base labels. */
        public Price(long base, List<PriceLine> lines) {
            this(base, BASE_LABELS, lines);
        }
    }

    /**
     * A price line: adds {@code amount} (NOK, integer expression) when {@code when} holds. Tables by
     * option value and component prices are already folded into {@code amount}.
     *
     * @param label the default label, as quoted in the model
     * @param labels the label per language ({@code label nb "..." ...} after the quoted label; may be empty)
     */
    public record PriceLine(String id, String label, Map<String, String> labels, Expr amount, Expr when, Source at) {
        public PriceLine {
            labels = ordered(labels);
        }

        /** A line with its default label only. */
        public PriceLine(String id, String label, Expr amount, Expr when, Source at) {
            this(id, label, Map.of(), amount, when, at);
        }

        /** The label in {@code language}, or the default label when the model has none in it. */
        public String label(String language) {
            return labels.getOrDefault(language, label);
        }
    }

    /**
     * A bill-of-materials line: {@code quantity} pieces of article {@code id}, each {@code length} long
     * when given, when {@code when} holds.
     *
     * @param area the area of one piece in mm² ({@code area EXPR}, e.g. a glass unit), or empty
     * @param profile the profile type the pieces are cut from ({@code profile TYPE}), or empty when the
     *     line is not a cut profile (a line with a length in mm and no profile type is cut from a profile
     *     named after its id)
     */
    public record BomLine(
            String id,
            String description,
            Expr quantity,
            Optional<Expr> length,
            String unit,
            Expr when,
            Source at,
            Optional<Expr> area,
            String profile) {

        /** A line without area and profile type, as before those were part of the language. */
        public BomLine(
                String id,
                String description,
                Expr quantity,
                Optional<Expr> length,
                String unit,
                Expr when,
                Source at) {
            this(id, description, quantity, length, unit, when, at, Optional.empty(), "");
        }
    }

    /** A type of work centre operations run on. */
    public record WorkCentre(String id, String description, Source at) {}

    /**
     * An operation of the routing, on a work-centre type, with setup and per-unit time formulas
     * (minutes), whether it must run in one unbroken stretch of open time ({@code uninterruptible}: setup
     * and the whole batch, or with {@code eachUnit} ({@code uninterruptible per_unit}) each unit on its own,
     * the setup together with the first), the operations it must follow, and a condition.
     */
    public record Operation(
            String id,
            String description,
            String workCentre,
            Expr setup,
            Expr perUnit,
            boolean uninterruptible,
            boolean eachUnit,
            List<String> after,
            Expr when,
            Source at) {
        public Operation {
            after = List.copyOf(after);
        }
    }

    /** Work-centre types and operations. */
    public record Routing(List<WorkCentre> workCentres, List<Operation> operations) {
        public Routing {
            workCentres = List.copyOf(workCentres);
            operations = List.copyOf(operations);
        }
    }

    /**
     * A model used as a component under namespace {@code name}.
     *
     * @param model the component's own model, checked on its own (names not namespaced)
     */
    public record Component(String name, String file, Map<String, String> labels, ProductModel model, Source at) {
        public Component {
            labels = ordered(labels);
        }
    }
}
