package no.tilpass.engine.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parse tree of one {@code .tpm} file, before names are resolved. */
final class Syntax {
    private Syntax() {}

    /** A parsed file: a model ({@code name} present) or a fragment for {@code include}. */
    record FileDecl(String file, Optional<String> name, ProductModel.Source at, List<Item> items) {}

    /** An item of a model, group or fragment body. */
    sealed interface Item {
        ProductModel.Source at();
    }

    /** {@code firm "..."} or {@code version "..."}. */
    record Meta(String key, String value, ProductModel.Source at) implements Item {}

    /** {@code languages nb sv en}. */
    record Languages(List<String> codes, ProductModel.Source at) implements Item {}

    /** {@code label nb "..." en "..."} or {@code help ...}; {@code kind} is label or help. */
    record Texts(String kind, Map<String, String> texts, ProductModel.Source at) implements Item {}

    /** {@code include "file"}. */
    record Include(String path, ProductModel.Source at) implements Item {}

    /** {@code component name: "file" { label ... default OPTION VALUE ... }}. */
    record ComponentDecl(
            String name,
            String path,
            Map<String, String> labels,
            List<DefaultOverride> defaults,
            ProductModel.Source at)
            implements Item {
        ComponentDecl {
            defaults = List.copyOf(defaults);
        }
    }

    /** {@code default OPTION VALUE} in a component body: the using model's soft default for one option. */
    record DefaultOverride(String option, DefaultDecl value, ProductModel.Source at) {}

    /** {@code group name { ... }}. */
    record GroupDecl(String name, List<Item> items, ProductModel.Source at) implements Item {}

    /** An enumerated value with its labels. */
    record ValueDecl(String name, Map<String, String> labels, ProductModel.Source at) {}

    /** The default of an option as written: a name, a number or a boolean. */
    record DefaultDecl(String text, ProductModel.Source at) {}

    /** {@code option name: type { ... }}; {@code type} is bool, enum or int. */
    record OptionDecl(
            String name,
            String type,
            long low,
            long high,
            long step,
            ProductModel.Source rangeAt,
            String unit,
            Map<String, String> labels,
            Map<String, String> help,
            List<ValueDecl> values,
            Optional<DefaultDecl> defaultValue,
            ProductModel.Source at)
            implements Item {}

    /** {@code let name = expr}. */
    record LetDecl(String name, Expr expr, ProductModel.Source at) implements Item {}

    /**
     * {@code rule id "name" { name nb "..." ... when ... statements ... explain ... }}; {@code names} holds the
     * per-language names of the optional {@code name} line (empty when absent).
     */
    record RuleDecl(
            String id,
            String name,
            Map<String, String> names,
            Optional<Expr> when,
            List<Expr> constraints,
            Map<String, String> explain,
            ProductModel.Source at)
            implements Item {}

    /**
     * A price line; {@code kind} is base, line, table or component; {@code labels} holds the per-language
     * labels of the optional {@code label nb "..." ...} after the quoted label (empty when absent).
     */
    record PriceLineDecl(
            String kind,
            String id,
            String label,
            Map<String, String> labels,
            Expr amount,
            Expr when,
            ProductModel.Source at) {}

    /** {@code price { ... }}. */
    record PriceDecl(List<PriceLineDecl> lines, ProductModel.Source at) implements Item {}

    /** A BOM line as written. */
    record BomLineDecl(
            String id,
            String description,
            Expr quantity,
            Optional<Expr> length,
            String unit,
            Optional<Expr> area,
            String profile,
            Expr when,
            ProductModel.Source at) {}

    /** {@code bom { ... }}. */
    record BomDecl(List<BomLineDecl> lines, ProductModel.Source at) implements Item {}

    /** An identifier and where it was written. */
    record NameAt(String name, ProductModel.Source at) {}

    /** An operation as written. */
    record OperationDecl(
            String id,
            String description,
            NameAt workCentre,
            Expr setup,
            Expr perUnit,
            boolean uninterruptible,
            boolean eachUnit,
            List<NameAt> after,
            Expr when,
            ProductModel.Source at) {}

    /** {@code routing { workcentre ... operation ... }}. */
    record RoutingDecl(
            List<ProductModel.WorkCentre> workCentres, List<OperationDecl> operations, ProductModel.Source at)
            implements Item {}
}
