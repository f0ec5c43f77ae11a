package no.tilpass.engine.uvl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.Nearest;

/** Turns the indented lines of a UVL file into a {@link Model}. */
final class Parser {
    private static final List<String> SECTIONS = List.of("namespace", "include", "imports", "features", "constraints");
    private static final List<String> GROUPS = List.of("mandatory", "optional", "or", "alternative");
    private static final Set<String> TYPES = Set.of("Integer", "Real", "String", "Boolean");

    /** An import line {@code path.to.Model as alias}. */
    record Import(String path, String alias, Token at, String lineText) {}

    /** The model, its imports, and constraints declared as feature attributes. */
    record Parsed(Model model, List<Import> imports) {}

    private final String file;
    private final Map<String, Token> declared = new HashMap<>();
    private final List<Model.Constraint> attributeConstraints = new ArrayList<>();

    private Parser(String file) {
        this.file = file;
    }

    static Parsed parse(String file, String text) {
        return new Parser(file).model(Lexer.tree(file, text));
    }

    private Parsed model(List<Lexer.Node> top) {
        String namespace = "";
        Model.Feature root = null;
        List<Import> imports = new ArrayList<>();
        List<Model.Constraint> constraints = new ArrayList<>();
        for (Lexer.Node node : top) {
            Lexer.Line line = node.line();
            Token head = line.tokens().get(0);
            String word = head.kind() == Token.Kind.ID ? head.text() : "";
            Cursor c = new Cursor(file, line);
            switch (word) {
                case "namespace" -> {
                    c.next();
                    namespace = c.reference("a namespace name");
                    c.expectEnd("the namespace");
                    noChildren(node, "namespace");
                }
                case "include" -> {
                    c.next();
                    c.expectEnd("'include'");
                    // language levels: informative only; unsupported constructs are reported where used
                }
                case "imports" -> {
                    c.next();
                    c.expectEnd("'imports'");
                    for (Lexer.Node child : node.children()) {
                        imports.add(importLine(child));
                    }
                }
                case "features" -> {
                    c.next();
                    c.expectEnd("'features'");
                    if (root != null) {
                        throw c.error(head, "a second 'features' section", "keep all features in one section.");
                    }
                    if (node.children().isEmpty()) {
                        throw c.error(
                                head,
                                "the 'features' section is empty",
                                "add the root feature, indented" + " one level.");
                    }
                    if (node.children().size() > 1) {
                        Lexer.Line second = node.children().get(1).line();
                        throw new Cursor(file, second)
                                .error(
                                        second.tokens().get(0),
                                        "a second root feature '"
                                                + second.tokens().get(0).shown() + "'",
                                        "a model has one root feature; indent this one under a group ('optional',"
                                                + " 'mandatory', ...) of '"
                                                + node.children()
                                                        .get(0)
                                                        .line()
                                                        .tokens()
                                                        .get(0)
                                                        .shown() + "'.");
                    }
                    root = feature(node.children().get(0));
                }
                case "constraints", "constraint" -> {
                    c.next();
                    c.expectEnd("'constraints'");
                    for (Lexer.Node child : node.children()) {
                        constraints.add(constraint(child));
                    }
                }
                default -> {
                    String maybe = Nearest.meant(head.text(), SECTIONS);
                    throw c.error(
                            head,
                            "unknown section '" + head.shown() + "'",
                            maybe.isEmpty()
                                    ? "sections are namespace, include, imports, features and constraints; lines"
                                            + " inside a section are indented."
                                    : maybe);
                }
            }
        }
        if (root == null) {
            throw new UvlError(new Diagnostic(
                    file, 0, 0, "no 'features' section", "", "add 'features' with the root feature indented below."));
        }
        constraints.addAll(attributeConstraints);
        return new Parsed(new Model(namespace, root, List.copyOf(constraints)), List.copyOf(imports));
    }

    private void noChildren(Lexer.Node node, String what) {
        if (!node.children().isEmpty()) {
            Lexer.Line child = node.children().get(0).line();
            throw new Cursor(file, child)
                    .error(child.tokens().get(0), "unexpected indentation under " + what, "remove the indentation.");
        }
    }

    private Import importLine(Lexer.Node node) {
        noChildren(node, "an import");
        Cursor c = new Cursor(file, node.line());
        Token at = c.peek();
        String path = c.reference("a model path such as sub.Model");
        String alias = path.substring(path.lastIndexOf('.') + 1);
        if (c.accept("as")) {
            alias = c.reference("an alias");
        }
        c.expectEnd("the import");
        return new Import(path, alias, at, node.line().text());
    }

    private Model.Constraint constraint(Lexer.Node node) {
        Cursor c = new Cursor(file, node.line());
        Token at = c.peek();
        Expr e = c.expression();
        c.expectEnd("the constraint");
        if (!node.children().isEmpty()) {
            Lexer.Line child = node.children().get(0).line();
            throw new Cursor(file, child)
                    .error(
                            child.tokens().get(0),
                            "unexpected indentation in the constraints",
                            "give each constraint its own line at the same indentation; to continue a long one,"
                                    + " wrap it in parentheses.");
        }
        return new Model.Constraint(e, node.line().text(), at);
    }

    private Model.Feature feature(Lexer.Node node) {
        Cursor c = new Cursor(file, node.line());
        Model.Type type = Model.Type.BOOLEAN;
        Token first = c.peek();
        if (first.kind() == Token.Kind.ID
                && TYPES.contains(first.text())
                && c.peek(1) != null
                && c.peek(1).isName()) {
            type = Model.Type.valueOf(first.text().toUpperCase(java.util.Locale.ROOT));
            if (first.text().equals("Boolean")) {
                type = Model.Type.BOOLEAN;
            }
            c.next();
        }
        Token at = c.peek();
        if (at != null && at.kind() == Token.Kind.ID && GROUPS.contains(at.text()) && c.peek(1) == null) {
            throw c.error(
                    at,
                    "group '" + at.text() + "' where a feature was expected",
                    "a group belongs under a feature: indent it one level deeper than its parent feature.");
        }
        if (at != null && at.is("[")) {
            throw c.error(
                    at,
                    "group '" + node.line().text() + "' where a feature was expected",
                    "a group belongs under a feature: indent it one level deeper than its parent feature.");
        }
        String name = c.reference("a feature name");
        if (!c.atEnd() && c.peek().is("cardinality")) {
            throw c.error(
                    c.peek(),
                    "feature cardinality ('cardinality [n..m]', clones of '" + name + "') is not supported",
                    "model the clones as separate features, or remove the cardinality.");
        }
        List<Cursor.Constraintlike> own = new ArrayList<>();
        Map<String, Object> attributes = !c.atEnd() && c.peek().is("{") ? c.attributes(own) : Map.of();
        c.expectEnd("the feature '" + name + "'");
        Token previous = declared.putIfAbsent(name, at);
        if (previous != null) {
            throw c.error(
                    at,
                    "feature '" + name + "' is declared twice",
                    "rename one of them; the first is at line " + previous.line() + ".");
        }
        for (Cursor.Constraintlike k : own) {
            attributeConstraints.add(new Model.Constraint(k.expr(), node.line().text(), k.at()));
        }
        boolean isAbstract = Boolean.TRUE.equals(attributes.get("abstract"));
        List<Model.Group> groups = new ArrayList<>();
        for (Lexer.Node child : node.children()) {
            groups.add(group(child, name));
        }
        return new Model.Feature(name, type, isAbstract, attributes, List.copyOf(groups), at);
    }

    private Model.Group group(Lexer.Node node, String parent) {
        Cursor c = new Cursor(file, node.line());
        Token head = c.peek();
        String kind;
        int min;
        int max;
        if (head.kind() == Token.Kind.ID && GROUPS.contains(head.text())) {
            c.next();
            kind = head.text();
            min = switch (kind) {
                case "mandatory", "or", "alternative" -> 1;
                default -> 0;
            };
            max = switch (kind) {
                case "alternative" -> 1;
                default -> -1;
            };
        } else if (head.is("[")) {
            c.next();
            kind = "cardinality";
            if (c.accept("*")) {
                min = 0;
                max = -1;
            } else {
                min = count(c);
                max = min;
                if (c.accept("..")) {
                    max = c.accept("*") ? -1 : count(c);
                }
            }
            c.expect("]", "write a group cardinality as [n..m], [n..*] or [n].");
            if (max >= 0 && max < min) {
                throw c.error(
                        head,
                        "group cardinality [" + min + ".." + max + "] has its bounds reversed",
                        "write [" + max + ".." + min + "].");
            }
        } else {
            String near = head.kind() == Token.Kind.ID ? Nearest.meant(head.text(), GROUPS) : "";
            throw c.error(
                    head,
                    "unknown group keyword '" + head.shown() + "' under feature '" + parent + "'",
                    near.isEmpty()
                            ? "features under a feature sit in a group: put 'mandatory', 'optional', 'or',"
                                    + " 'alternative' or '[n..m]' on its own line above '" + head.shown()
                                    + "' and indent '" + head.shown() + "' one level deeper."
                            : near);
        }
        c.expectEnd("the group '" + kind + "'");
        List<Model.Feature> children = new ArrayList<>();
        for (Lexer.Node child : node.children()) {
            children.add(feature(child));
        }
        return new Model.Group(kind, min, max, List.copyOf(children), head);
    }

    private static int count(Cursor c) {
        Token t = c.peek();
        if (t == null || t.kind() != Token.Kind.NUMBER || t.text().contains(".")) {
            throw c.errorHere(
                    "expected a whole number in the group cardinality",
                    "write a group cardinality as [n..m], [n..*] or [n].");
        }
        c.next();
        try {
            return Integer.parseInt(t.text());
        } catch (NumberFormatException e) {
            throw c.error(t, "'" + t.text() + "' is too large for a group cardinality", "use a smaller number.");
        }
    }
}
