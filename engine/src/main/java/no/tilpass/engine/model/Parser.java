package no.tilpass.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilpass.engine.model.Lexer.Kind;
import no.tilpass.engine.model.Lexer.Token;
import no.tilpass.engine.model.ProductModel.Source;
import no.tilpass.engine.space.Diagnostic;

/**
 * Recursive-descent parser of {@code .tpm} files. Stops at the first syntax error and reports it as
 * "expected X, found Y".
 */
final class Parser {
    /** Words that cannot name options, values, rules or anything else. */
    static final Set<String> RESERVED = Set.of(
            "and",
            "or",
            "not",
            "implies",
            "iff",
            "requires",
            "excludes",
            "in",
            "if",
            "then",
            "else",
            "true",
            "false",
            "of",
            "exactly",
            "at_most",
            "at_least",
            "when",
            "require",
            "allow",
            "forbid",
            "explain");

    private static final Set<String> LOGIC_STARTS = Set.of("implies", "requires", "excludes");

    /** Thrown to unwind on the first syntax error; never leaves this class. */
    private static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Diagnostic diagnostic;

        SyntaxError(Diagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }
    }

    /** A parsed file or its syntax error. */
    record Parsed(Optional<Syntax.FileDecl> file, Optional<Diagnostic> error) {}

    private final String file;
    private final SourceLines lines;
    private final List<Token> tokens;
    private int pos;

    private Parser(String file, SourceLines lines, List<Token> tokens) {
        this.file = file;
        this.lines = lines;
        this.tokens = tokens;
    }

    static Parsed parse(String file, String text) {
        SourceLines lines = new SourceLines(text);
        Lexer.Lexed lexed = Lexer.lex(file, text, lines);
        if (lexed.error().isPresent()) {
            return new Parsed(Optional.empty(), lexed.error());
        }
        Parser p = new Parser(file, lines, lexed.tokens());
        try {
            return new Parsed(Optional.of(p.file()), Optional.empty());
        } catch (SyntaxError e) {
            return new Parsed(Optional.empty(), Optional.of(e.diagnostic));
        }
    }

    /** Parses one expression (used by tests and tools). */
    static Expr parseExpression(String file, String text) {
        SourceLines lines = new SourceLines(text);
        Lexer.Lexed lexed = Lexer.lex(file, text, lines);
        if (lexed.error().isPresent()) {
            throw new IllegalArgumentException(lexed.error().get().format());
        }
        Parser p = new Parser(file, lines, lexed.tokens());
        try {
            Expr e = p.expr();
            p.expectEof();
            return e;
        } catch (SyntaxError e) {
            throw new IllegalArgumentException(e.diagnostic.format(), e);
        }
    }

    // ---------------------------------------------------------------- file and items

    private Syntax.FileDecl file() {
        Token first = peek();
        if (isWord(first, "model")) {
            next();
            String name = identifier("the model's name");
            expect("{", "open the model body with '{'.");
            List<Syntax.Item> items = items(true);
            expect("}", "close the model body with '}'.");
            expectEof();
            return new Syntax.FileDecl(file, Optional.of(name), at(first), items);
        }
        List<Syntax.Item> items = items(true);
        expectEof();
        return new Syntax.FileDecl(file, Optional.empty(), at(first), items);
    }

    private void expectEof() {
        if (peek().kind() != Kind.EOF) {
            throw error(
                    peek(),
                    "expected end of file, found " + peek().describe(),
                    "remove the extra text or a '}' too many.");
        }
    }

    private List<Syntax.Item> items(boolean topLevel) {
        List<Syntax.Item> items = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.EOF || isPunct(t, "}")) {
                return items;
            }
            if (t.kind() != Kind.IDENT) {
                throw error(
                        t,
                        "expected an item (option, rule, group, let, price, ...), found " + t.describe(),
                        itemHint());
            }
            switch (t.text()) {
                case "option" -> items.add(option());
                case "rule" -> items.add(rule());
                case "let" -> items.add(let());
                case "label", "help" -> {
                    next();
                    items.add(new Syntax.Texts(t.text(), texts(), at(t)));
                }
                case "group" -> {
                    if (!topLevel) {
                        throw error(t, "groups cannot be nested", "close the enclosing group before this one.");
                    }
                    next();
                    String name = identifier("the group's name");
                    expect("{", "open the group body with '{'.");
                    List<Syntax.Item> inner = items(false);
                    expect("}", "close the group with '}'.");
                    items.add(new Syntax.GroupDecl(name, inner, at(t)));
                }
                case "firm", "version" -> {
                    next();
                    items.add(new Syntax.Meta(t.text(), string("the " + t.text()), at(t)));
                }
                case "languages" -> {
                    next();
                    List<String> codes = new ArrayList<>();
                    codes.add(identifier("a language code such as nb"));
                    while (peek().kind() == Kind.IDENT && peek().text().length() <= 3 && !isItemWord(peek())) {
                        codes.add(next().text());
                    }
                    items.add(new Syntax.Languages(codes, at(t)));
                }
                case "include" -> {
                    next();
                    items.add(new Syntax.Include(string("the file to include"), at(t)));
                }
                case "component" -> items.add(component());
                case "price" -> items.add(price());
                case "bom" -> items.add(bom());
                case "routing" -> items.add(routing());
                default -> throw error(
                        t,
                        "expected an item (option, rule, group, let, price, ...), found " + t.describe(),
                        itemHint());
            }
        }
    }

    private static String itemHint() {
        return "start the item with one of: option, rule, group, let, label, help, include, component, price, bom,"
                + " routing.";
    }

    private static boolean isItemWord(Token t) {
        return Set.of(
                        "option",
                        "rule",
                        "let",
                        "label",
                        "help",
                        "group",
                        "firm",
                        "version",
                        "languages",
                        "include",
                        "component",
                        "price",
                        "bom",
                        "routing")
                .contains(t.text());
    }

    private Syntax.ComponentDecl component() {
        Token t = next();
        String name = identifier("the component's name");
        expect(":", "write 'component " + name + ": \"file.tpm\"'.");
        String path = string("the component's file");
        Map<String, String> labels = new LinkedHashMap<>();
        List<Syntax.DefaultOverride> defaults = new ArrayList<>();
        if (isPunct(peek(), "{")) {
            next();
            while (isWord(peek(), "label") || isWord(peek(), "default")) {
                if (isWord(next(), "label")) {
                    labels.putAll(texts());
                } else {
                    Token option = peek();
                    String optionName = identifier("the name of one of the component's options");
                    defaults.add(new Syntax.DefaultOverride(optionName, defaultValue(), at(option)));
                }
            }
            expect("}", "a component body holds only 'label' and 'default OPTION VALUE' lines; close it with '}'.");
        }
        return new Syntax.ComponentDecl(name, path, labels, defaults, at(t));
    }

    /** The value after {@code default}: a name, {@code true}/{@code false}, or a signed number. */
    private Syntax.DefaultDecl defaultValue() {
        Token d = peek();
        if (isPunct(d, "-")) {
            next();
            Token num = next();
            if (num.kind() != Kind.NUMBER) {
                throw error(num, "expected a number after '-', found " + num.describe(), "write e.g. 'default -10'.");
            }
            return new Syntax.DefaultDecl("-" + num.number(), at(d));
        }
        if (d.kind() == Kind.IDENT || d.kind() == Kind.NUMBER) {
            next();
            return new Syntax.DefaultDecl(d.kind() == Kind.NUMBER ? Long.toString(d.number()) : d.text(), at(d));
        }
        throw error(
                d, "expected the default value, found " + d.describe(), "write e.g. 'default 1200' or 'default wood'.");
    }

    private Syntax.OptionDecl option() {
        Token t = next();
        String name = identifier("the option's name");
        expect(":", "write 'option " + name + ": bool', ': enum' or ': int 400..2400 step 10 unit mm'.");
        Token typeToken = peek();
        String type = identifier("the option's type (bool, enum or int)");
        long low = 0;
        long high = 0;
        long step = 0;
        String unit = "";
        Source rangeAt = at(typeToken);
        switch (type) {
            case "bool", "enum" -> {}
            case "int" -> {
                rangeAt = at(peek());
                low = signedNumber("the lower bound");
                expect("..", "write the range as LOW..HIGH, e.g. 400..2400.");
                high = signedNumber("the upper bound");
                step = 1;
                if (isWord(peek(), "step")) {
                    next();
                    step = signedNumber("the step");
                }
                if (isWord(peek(), "unit")) {
                    next();
                    Token u = next();
                    if (u.kind() != Kind.IDENT && u.kind() != Kind.STRING) {
                        throw error(
                                u,
                                "expected the unit (e.g. mm), found " + u.describe(),
                                "write 'unit mm' or 'unit \"m²\"'.");
                    }
                    unit = u.text();
                }
            }
            default -> throw error(
                    typeToken,
                    "expected an option type, found '" + type + "'",
                    "use 'bool', 'enum' or 'int LOW..HIGH'.");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> help = new LinkedHashMap<>();
        List<Syntax.ValueDecl> values = new ArrayList<>();
        Optional<Syntax.DefaultDecl> def = Optional.empty();
        if (isPunct(peek(), "{")) {
            next();
            while (!isPunct(peek(), "}")) {
                Token w = peek();
                if (isWord(w, "label")) {
                    next();
                    labels.putAll(texts());
                } else if (isWord(w, "help")) {
                    next();
                    help.putAll(texts());
                } else if (isWord(w, "value")) {
                    next();
                    Token v = peek();
                    String valueName = identifier("the value's name");
                    Map<String, String> valueLabels = new LinkedHashMap<>();
                    if (isWord(peek(), "label")) {
                        next();
                        valueLabels.putAll(texts());
                    }
                    values.add(new Syntax.ValueDecl(valueName, valueLabels, at(v)));
                } else if (isWord(w, "default")) {
                    next();
                    def = Optional.of(defaultValue());
                } else {
                    throw error(
                            w,
                            "expected label, help, value, default or '}', found " + w.describe(),
                            "an option body holds only label, help, value and default lines.");
                }
            }
            next();
        }
        return new Syntax.OptionDecl(name, type, low, high, step, rangeAt, unit, labels, help, values, def, at(t));
    }

    private Syntax.LetDecl let() {
        Token t = next();
        String name = identifier("the name of the let");
        expect("=", "write 'let " + name + " = EXPRESSION'.");
        return new Syntax.LetDecl(name, expr(), at(t));
    }

    private Syntax.RuleDecl rule() {
        Token t = next();
        String id = identifier("the rule's id (e.g. R12)");
        Token nameToken = peek();
        if (nameToken.kind() != Kind.STRING) {
            throw error(
                    nameToken,
                    "expected the rule's name in quotes, found " + nameToken.describe(),
                    "write 'rule " + id + " \"Max glass area\" { ... }'.");
        }
        next();
        expect("{", "open the rule body with '{'.");
        Optional<Expr> when = Optional.empty();
        List<Expr> constraints = new ArrayList<>();
        Map<String, String> explain = null;
        Map<String, String> names = null;
        while (!isPunct(peek(), "}")) {
            Token w = peek();
            if (w.kind() == Kind.EOF) {
                throw error(w, "expected '}' to close rule " + id + ", found end of file", "close the rule with '}'.");
            }
            if (isWord(w, "name") && isLanguageCode(peekAt(1)) && peekAt(2).kind() == Kind.STRING) {
                next();
                if (names != null) {
                    throw error(
                            w,
                            "rule " + id + " has two 'name' lines",
                            "write one name line with one text per language.");
                }
                names = texts();
            } else if (isWord(w, "when")) {
                next();
                if (when.isPresent()) {
                    throw error(w, "rule " + id + " has two 'when' lines", "join the conditions with 'and'.");
                }
                when = Optional.of(expr());
            } else if (isWord(w, "explain")) {
                next();
                if (explain != null) {
                    throw error(
                            w,
                            "rule " + id + " has two 'explain' lines",
                            "write one explain line with one text per language.");
                }
                if (peek().kind() == Kind.STRING) {
                    explain = new LinkedHashMap<>();
                    explain.put("", next().text());
                } else {
                    explain = texts();
                }
            } else if (isWord(w, "require")) {
                next();
                constraints.add(expr());
            } else if (isWord(w, "allow") || isWord(w, "forbid")) {
                next();
                constraints.add(table(w));
            } else {
                constraints.add(expr());
            }
        }
        Token close = next();
        if (constraints.isEmpty()) {
            throw error(
                    close,
                    "rule " + id + " has no constraint",
                    "add a constraint such as 'width * height <= 3200000'.");
        }
        if (explain == null) {
            throw error(
                    close,
                    "rule " + id + " has no explanation",
                    "add 'explain \"One sentence a customer understands.\"'.");
        }
        return new Syntax.RuleDecl(
                id, nameToken.text(), names == null ? Map.of() : names, when, constraints, explain, at(t));
    }

    /** {@code allow (a, b) { (x, y) (z, *) }} as an expression: an or of rows, each an and of cells. */
    private Expr table(Token keyword) {
        Token open = peek();
        expect("(", "list the table's options in parentheses: '" + keyword.text() + " (frame, colour) { ... }'.");
        List<Expr> columns = new ArrayList<>();
        do {
            Token c = peek();
            columns.add(new Expr.Name(dottedName("an option name"), at(c)));
        } while (accept(","));
        expect(")", "close the list of options with ')'.");
        expect("{", "open the table's rows with '{'.");
        List<Expr> rows = new ArrayList<>();
        while (!isPunct(peek(), "}")) {
            Token rowStart = peek();
            expect("(", "write each row in parentheses: '(wood, pine | oak)'.");
            List<Expr> cells = new ArrayList<>();
            int column = 0;
            do {
                Token cellStart = peek();
                if (column >= columns.size()) {
                    throw error(
                            cellStart,
                            "row has more cells than the table's " + columns.size() + " options",
                            "write one cell per option, '*' for any value.");
                }
                if (isPunct(cellStart, "*")) {
                    next();
                } else {
                    List<Expr> alternatives = new ArrayList<>();
                    do {
                        alternatives.add(inItem());
                    } while (accept("|"));
                    cells.add(new Expr.In(columns.get(column), alternatives, at(cellStart)));
                }
                column++;
            } while (accept(","));
            if (column < columns.size()) {
                throw error(
                        peek(),
                        "row has " + column + " cells but the table has " + columns.size() + " options",
                        "write one cell per option, '*' for any value.");
            }
            expect(")", "close the row with ')'.");
            rows.add(cells.isEmpty() ? new Expr.Bool(true, at(rowStart)) : fold(Expr.Op.AND, cells, at(rowStart)));
        }
        next();
        Expr any = rows.isEmpty() ? new Expr.Bool(false, at(open)) : fold(Expr.Op.OR, rows, at(open));
        return isWord(keyword, "allow") ? any : new Expr.Not(any, at(keyword));
    }

    private static Expr fold(Expr.Op op, List<Expr> items, Source at) {
        Expr e = items.get(0);
        for (int i = 1; i < items.size(); i++) {
            e = new Expr.Binary(op, e, items.get(i), at);
        }
        return e;
    }

    private Syntax.PriceDecl price() {
        Token t = next();
        expect("{", "open the price section with '{'.");
        List<Syntax.PriceLineDecl> lines = new ArrayList<>();
        while (!isPunct(peek(), "}")) {
            Token w = peek();
            if (isWord(w, "base")) {
                next();
                Token n = peek();
                long amount = signedNumber("the base price in NOK");
                lines.add(new Syntax.PriceLineDecl(
                        "base",
                        "base",
                        "Base price",
                        optionalLabels(),
                        new Expr.Num(amount, at(n)),
                        new Expr.Bool(true, at(n)),
                        at(w)));
            } else if (isWord(w, "line")) {
                next();
                String id = identifier("the price line's id");
                String label = string("the price line's label");
                Map<String, String> labels = optionalLabels();
                expect("=", "write 'line " + id + " \"" + label + "\" [label nb \"...\" ...] = EXPRESSION'.");
                Expr amount = expr();
                lines.add(new Syntax.PriceLineDecl("line", id, label, labels, amount, optionalWhen(w), at(w)));
            } else if (isWord(w, "table")) {
                next();
                String id = identifier("the price table's id");
                String label = string("the price table's label");
                Map<String, String> labels = optionalLabels();
                expectWord("by", "write 'table " + id + " \"" + label + "\" by OPTION { value: amount ... }'.");
                Token optionToken = peek();
                Expr option = new Expr.Name(dottedName("the option the price depends on"), at(optionToken));
                expect("{", "open the table with '{'.");
                List<Expr[]> entries = new ArrayList<>();
                while (!isPunct(peek(), "}")) {
                    Expr key = inItem();
                    expect(":", "write each entry as 'value: amount'.");
                    Token n = peek();
                    entries.add(new Expr[] {key, new Expr.Num(signedNumber("the amount in NOK"), at(n))});
                }
                next();
                Expr amount = new Expr.Num(0, at(w));
                for (int i = entries.size() - 1; i >= 0; i--) {
                    Expr[] e = entries.get(i);
                    amount = new Expr.If(new Expr.In(option, List.of(e[0]), e[0].at()), e[1], amount, e[0].at());
                }
                lines.add(new Syntax.PriceLineDecl("table", id, label, labels, amount, optionalWhen(w), at(w)));
            } else if (isWord(w, "component")) {
                next();
                String id = identifier("the component's name");
                String label = peek().kind() == Kind.STRING ? next().text() : id;
                Map<String, String> labels = optionalLabels();
                lines.add(new Syntax.PriceLineDecl(
                        "component", id, label, labels, new Expr.Num(0, at(w)), new Expr.Bool(true, at(w)), at(w)));
            } else {
                throw error(
                        w,
                        "expected base, line, table, component or '}', found " + w.describe(),
                        "a price section holds 'base 2500', 'line id \"label\" = expr', 'table id \"label\" by option { ... }' and 'component name'.");
            }
        }
        next();
        return new Syntax.PriceDecl(lines, at(t));
    }

    /** An optional {@code label nb "..." sv "..."} after a price line's quoted label; empty when absent. */
    private Map<String, String> optionalLabels() {
        if (isWord(peek(), "label") && isLanguageCode(peekAt(1)) && peekAt(2).kind() == Kind.STRING) {
            next();
            return texts();
        }
        return Map.of();
    }

    private Expr optionalWhen(Token at) {
        if (isWord(peek(), "when")) {
            next();
            return expr();
        }
        return new Expr.Bool(true, at(at));
    }

    private Syntax.BomDecl bom() {
        Token t = next();
        expect("{", "open the bom section with '{'.");
        List<Syntax.BomLineDecl> lines = new ArrayList<>();
        while (!isPunct(peek(), "}")) {
            Token w = peek();
            expectWord(
                    "item",
                    "a bom section holds lines 'item id \"description\" qty EXPR [length EXPR unit mm] [area EXPR] [profile TYPE]"
                            + " [when EXPR]'.");
            String id = identifier("the article id");
            String description = string("the article's description");
            expectWord("qty", "write 'qty EXPRESSION' after the description.");
            Expr qty = expr();
            Optional<Expr> length = Optional.empty();
            String unit = "";
            if (isWord(peek(), "length")) {
                next();
                length = Optional.of(expr());
                if (isWord(peek(), "unit")) {
                    next();
                    Token u = next();
                    if (u.kind() != Kind.IDENT && u.kind() != Kind.STRING) {
                        throw error(u, "expected the unit (e.g. mm), found " + u.describe(), "write 'unit mm'.");
                    }
                    unit = u.text();
                }
            }
            Optional<Expr> area = Optional.empty();
            if (isWord(peek(), "area")) {
                next();
                area = Optional.of(expr());
            }
            String profile = "";
            if (isWord(peek(), "profile")) {
                next();
                profile = identifier("the profile type");
            }
            lines.add(
                    new Syntax.BomLineDecl(id, description, qty, length, unit, area, profile, optionalWhen(w), at(w)));
        }
        next();
        return new Syntax.BomDecl(lines, at(t));
    }

    private Syntax.RoutingDecl routing() {
        Token t = next();
        expect("{", "open the routing section with '{'.");
        List<ProductModel.WorkCentre> centres = new ArrayList<>();
        List<Syntax.OperationDecl> operations = new ArrayList<>();
        while (!isPunct(peek(), "}")) {
            Token w = peek();
            if (isWord(w, "workcentre")) {
                next();
                String id = identifier("the work-centre type's id");
                centres.add(new ProductModel.WorkCentre(id, string("the work-centre type's description"), at(w)));
            } else if (isWord(w, "operation")) {
                next();
                String id = identifier("the operation's id");
                String description = string("the operation's description");
                expectWord(
                        "on",
                        "write 'operation " + id + " \"" + description + "\" on WORKCENTRE setup EXPR per_unit EXPR'.");
                Token wc = peek();
                if (isWord(wc, UNINTERRUPTIBLE)) {
                    throw misplacedUninterruptible(wc, id);
                }
                Syntax.NameAt centre = new Syntax.NameAt(identifier("a work-centre type"), at(wc));
                if (isWord(peek(), UNINTERRUPTIBLE)) {
                    throw misplacedUninterruptible(peek(), id);
                }
                expectWord("setup", "write 'setup MINUTES' after the work centre.");
                Expr setup = expr();
                if (isWord(peek(), UNINTERRUPTIBLE)) {
                    throw misplacedUninterruptible(peek(), id);
                }
                expectWord("per_unit", "write 'per_unit MINUTES' after the setup time.");
                Expr perUnit = expr();
                boolean uninterruptible = false;
                boolean eachUnit = false;
                if (isWord(peek(), UNINTERRUPTIBLE)) {
                    next();
                    uninterruptible = true;
                    if (isWord(peek(), "per_unit")) {
                        next();
                        eachUnit = true;
                    }
                    if (isWord(peek(), UNINTERRUPTIBLE)) {
                        throw error(
                                peek(),
                                "operation '" + id + "' is marked 'uninterruptible' twice",
                                "write 'uninterruptible' once.");
                    }
                    if (isWord(peek(), "per_unit")) {
                        throw error(
                                peek(),
                                "operation '" + id + "' says 'per_unit' twice after 'uninterruptible'",
                                "write 'uninterruptible per_unit' once.");
                    }
                }
                List<Syntax.NameAt> after = new ArrayList<>();
                if (isWord(peek(), "after")) {
                    next();
                    do {
                        Token a = peek();
                        StringBuilder name = new StringBuilder(identifier("an operation id"));
                        while (accept(".")) {
                            name.append('.').append(identifier("a component's operation id"));
                        }
                        after.add(new Syntax.NameAt(name.toString(), at(a)));
                    } while (accept(","));
                }
                Expr when = optionalWhen(w);
                if (isWord(peek(), UNINTERRUPTIBLE)) {
                    throw misplacedUninterruptible(peek(), id);
                }
                operations.add(new Syntax.OperationDecl(
                        id, description, centre, setup, perUnit, uninterruptible, eachUnit, after, when, at(w)));
            } else if (isWord(w, UNINTERRUPTIBLE)) {
                throw error(
                        w,
                        "'uninterruptible' marks an operation, not a work-centre type",
                        "write it on an operation line, after the per-unit time: 'operation press \"Press\" on press"
                                + " setup 15 per_unit 20 uninterruptible'.");
            } else if (w.kind() == Kind.IDENT && Names.distance(w.text(), UNINTERRUPTIBLE) <= 3) {
                throw error(
                        w,
                        "expected workcentre, operation or '}', found " + w.describe(),
                        "you meant 'uninterruptible', which comes right after the per-unit time.");
            } else {
                throw error(
                        w,
                        "expected workcentre, operation or '}', found " + w.describe(),
                        "a routing section holds 'workcentre' and 'operation' lines.");
            }
        }
        next();
        return new Syntax.RoutingDecl(centres, operations, at(t));
    }

    /** The routing keyword for an operation that must run in one unbroken stretch of open time. */
    static final String UNINTERRUPTIBLE = "uninterruptible";

    /** {@code uninterruptible} written somewhere other than right after the per-unit time. */
    private SyntaxError misplacedUninterruptible(Token t, String operation) {
        return error(
                t,
                "'uninterruptible' of operation '" + operation + "' must come right after the per-unit time",
                "write 'operation " + operation + " \"...\" on WORKCENTRE setup EXPR per_unit EXPR uninterruptible"
                        + " [after ...] [when ...]'.");
    }

    /** {@code nb "Bredde" sv "Bredd" en "Width"}: at least one pair. */
    private Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        do {
            Token lang = peek();
            if (!isLanguageCode(lang)) {
                throw error(
                        lang,
                        "expected a language code such as nb, found " + lang.describe(),
                        "write texts as 'nb \"Bredde\" sv \"Bredd\" en \"Width\"'.");
            }
            next();
            Token s = peek();
            if (s.kind() != Kind.STRING) {
                throw error(
                        s,
                        "expected the " + lang.text() + " text in quotes, found " + s.describe(),
                        "write texts as 'nb \"Bredde\" sv \"Bredd\" en \"Width\"'.");
            }
            next();
            if (texts.put(lang.text(), s.text()) != null) {
                throw error(lang, "language " + lang.text() + " is given twice", "give each language once.");
            }
        } while (isLanguageCode(peek()) && peekAt(1).kind() == Kind.STRING && !isItemWord(peek()));
        return texts;
    }

    private static boolean isLanguageCode(Token t) {
        return t.kind() == Kind.IDENT && t.text().matches("[a-z]{2,3}");
    }

    // ---------------------------------------------------------------- expressions

    Expr expr() {
        Expr left = implication();
        while (isWord(peek(), "iff")) {
            Token op = next();
            left = new Expr.Binary(Expr.Op.IFF, left, implication(), at(op));
        }
        return left;
    }

    private Expr implication() {
        Expr left = disjunction();
        Token t = peek();
        if (t.kind() == Kind.IDENT && LOGIC_STARTS.contains(t.text())) {
            next();
            Expr.Op op =
                    switch (t.text()) {
                        case "implies" -> Expr.Op.IMPLIES;
                        case "requires" -> Expr.Op.REQUIRES;
                        default -> Expr.Op.EXCLUDES;
                    };
            return new Expr.Binary(op, left, implication(), at(t));
        }
        return left;
    }

    private Expr disjunction() {
        Expr left = conjunction();
        while (isWord(peek(), "or")) {
            Token op = next();
            left = new Expr.Binary(Expr.Op.OR, left, conjunction(), at(op));
        }
        return left;
    }

    private Expr conjunction() {
        Expr left = negation();
        while (isWord(peek(), "and")) {
            Token op = next();
            left = new Expr.Binary(Expr.Op.AND, left, negation(), at(op));
        }
        return left;
    }

    private Expr negation() {
        if (isWord(peek(), "not")) {
            Token op = next();
            return new Expr.Not(negation(), at(op));
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = sum();
        Token t = peek();
        Expr.Op op = comparisonOp(t);
        Expr result;
        if (op != null) {
            next();
            result = new Expr.Binary(op, left, sum(), at(t));
        } else if (isWord(t, "in")) {
            next();
            List<Expr> items = new ArrayList<>();
            if (accept("(")) {
                do {
                    items.add(inItem());
                } while (accept(","));
                expect(")", "close the list with ')'.");
            } else {
                items.add(inItem());
            }
            result = new Expr.In(left, items, at(t));
        } else {
            return left;
        }
        Token again = peek();
        if (comparisonOp(again) != null || isWord(again, "in")) {
            throw error(
                    again,
                    "comparisons do not chain: found " + again.describe() + " after a comparison",
                    "write 'a <= b and b <= c', or 'b in a..c'.");
        }
        return result;
    }

    private static Expr.Op comparisonOp(Token t) {
        if (t.kind() != Kind.PUNCT) {
            return null;
        }
        return switch (t.text()) {
            case "==" -> Expr.Op.EQ;
            case "!=" -> Expr.Op.NE;
            case "<" -> Expr.Op.LT;
            case "<=" -> Expr.Op.LE;
            case ">" -> Expr.Op.GT;
            case ">=" -> Expr.Op.GE;
            default -> null;
        };
    }

    /** An item of an {@code in} list or a table cell: a name, a boolean, a number or a range. */
    private Expr inItem() {
        Token t = peek();
        if (t.kind() == Kind.IDENT && (t.text().equals("true") || t.text().equals("false"))) {
            next();
            return new Expr.Bool(t.text().equals("true"), at(t));
        }
        if (t.kind() == Kind.IDENT) {
            return new Expr.Name(dottedName("a value"), at(t));
        }
        if (t.kind() == Kind.NUMBER || isPunct(t, "-")) {
            long low = signedNumber("a number");
            if (accept("..")) {
                long high = signedNumber("the upper end of the range");
                return new Expr.Range(low, high, at(t));
            }
            return new Expr.Num(low, at(t));
        }
        throw error(
                t,
                "expected a value, a number or a range, found " + t.describe(),
                "write e.g. 'wood', '1200' or '400..800'.");
    }

    private Expr sum() {
        Expr left = product();
        while (isPunct(peek(), "+") || isPunct(peek(), "-")) {
            Token op = next();
            left = new Expr.Binary(op.text().equals("+") ? Expr.Op.ADD : Expr.Op.SUB, left, product(), at(op));
        }
        return left;
    }

    private Expr product() {
        Expr left = unary();
        while (isPunct(peek(), "*") || isPunct(peek(), "/") || isPunct(peek(), "%")) {
            Token op = next();
            Expr.Op o =
                    switch (op.text()) {
                        case "*" -> Expr.Op.MUL;
                        case "/" -> Expr.Op.DIV;
                        default -> Expr.Op.MOD;
                    };
            left = new Expr.Binary(o, left, unary(), at(op));
        }
        return left;
    }

    private Expr unary() {
        if (isPunct(peek(), "-")) {
            Token op = next();
            Expr operand = unary();
            if (operand instanceof Expr.Num n) {
                return new Expr.Num(-n.value(), at(op));
            }
            return new Expr.Neg(operand, at(op));
        }
        return primary();
    }

    private Expr primary() {
        Token t = peek();
        if (t.kind() == Kind.NUMBER) {
            next();
            return new Expr.Num(t.number(), at(t));
        }
        if (isPunct(t, "(")) {
            next();
            Expr e = expr();
            expect(")", "close the parenthesis with ')'.");
            return e;
        }
        if (t.kind() == Kind.IDENT) {
            switch (t.text()) {
                case "true", "false" -> {
                    next();
                    return new Expr.Bool(t.text().equals("true"), at(t));
                }
                case "if" -> {
                    next();
                    Expr c = expr();
                    expectWord("then", "write 'if CONDITION then A else B'.");
                    Expr a = expr();
                    expectWord("else", "an 'if' expression needs an 'else' branch: 'if c then a else b'.");
                    Expr b = expr();
                    return new Expr.If(c, a, b, at(t));
                }
                case "exactly", "at_most", "at_least" -> {
                    next();
                    Token n = peek();
                    if (n.kind() != Kind.NUMBER) {
                        throw error(
                                n,
                                "expected a number after '" + t.text() + "', found " + n.describe(),
                                "write e.g. '" + t.text() + " 1 of (a, b, c)'.");
                    }
                    next();
                    expectWord("of", "write e.g. '" + t.text() + " " + n.number() + " of (a, b, c)'.");
                    expect(
                            "(",
                            "list the conditions in parentheses: '" + t.text() + " " + n.number() + " of (a, b, c)'.");
                    List<Expr> items = new ArrayList<>();
                    do {
                        items.add(expr());
                    } while (accept(","));
                    expect(")", "close the list with ')'.");
                    Expr.Bound bound =
                            switch (t.text()) {
                                case "exactly" -> Expr.Bound.EXACTLY;
                                case "at_most" -> Expr.Bound.AT_MOST;
                                default -> Expr.Bound.AT_LEAST;
                            };
                    return new Expr.Count(bound, (int) Math.min(n.number(), Integer.MAX_VALUE), items, at(t));
                }
                case "min", "max", "abs" -> {
                    if (isPunct(peekAt(1), "(")) {
                        next();
                        next();
                        List<Expr> args = new ArrayList<>();
                        do {
                            args.add(expr());
                        } while (accept(","));
                        expect(")", "close the argument list with ')'.");
                        Expr.Fn fn = Expr.Fn.valueOf(t.text().toUpperCase(java.util.Locale.ROOT));
                        if (fn == Expr.Fn.ABS && args.size() != 1) {
                            throw error(t, "abs takes one argument, found " + args.size(), "write 'abs(x)'.");
                        }
                        return new Expr.Call(fn, args, at(t));
                    }
                }
                default -> {}
            }
            if (RESERVED.contains(t.text())) {
                throw error(
                        t,
                        "expected an expression, found " + t.describe(),
                        "'" + t.text() + "' is a reserved word; it cannot start an expression here.");
            }
            return new Expr.Name(dottedName("a name"), at(t));
        }
        throw error(
                t,
                "expected an expression, found " + t.describe(),
                "write an option name, a number, 'true', 'false' or '(' ... ')'.");
    }

    // ---------------------------------------------------------------- tokens

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (pos < tokens.size() - 1) {
            pos++;
        }
        return t;
    }

    private boolean accept(String punct) {
        if (isPunct(peek(), punct)) {
            next();
            return true;
        }
        return false;
    }

    private static boolean isPunct(Token t, String text) {
        return t.kind() == Kind.PUNCT && t.text().equals(text);
    }

    private static boolean isWord(Token t, String text) {
        return t.kind() == Kind.IDENT && t.text().equals(text);
    }

    private void expect(String punct, String maybe) {
        Token t = peek();
        if (!isPunct(t, punct)) {
            throw error(t, "expected '" + punct + "', found " + t.describe(), maybe);
        }
        next();
    }

    private void expectWord(String word, String maybe) {
        Token t = peek();
        if (!isWord(t, word)) {
            throw error(t, "expected '" + word + "', found " + t.describe(), maybe);
        }
        next();
    }

    private String identifier(String what) {
        Token t = peek();
        if (t.kind() != Kind.IDENT) {
            throw error(
                    t,
                    "expected " + what + ", found " + t.describe(),
                    "names start with a letter and use a-z, 0-9 and '_'.");
        }
        if (RESERVED.contains(t.text())) {
            throw error(
                    t,
                    "expected " + what + ", found the reserved word '" + t.text() + "'",
                    "choose another name, e.g. '" + t.text() + "_'.");
        }
        next();
        return t.text();
    }

    private String dottedName(String what) {
        StringBuilder sb = new StringBuilder(identifier(what));
        while (isPunct(peek(), ".") && peekAt(1).kind() == Kind.IDENT) {
            next();
            sb.append('.').append(identifier(what));
        }
        return sb.toString();
    }

    private String string(String what) {
        Token t = peek();
        if (t.kind() != Kind.STRING) {
            throw error(t, "expected " + what + " in quotes, found " + t.describe(), "write it as \"text\".");
        }
        next();
        return t.text();
    }

    private long signedNumber(String what) {
        Token t = peek();
        boolean negative = false;
        if (isPunct(t, "-")) {
            next();
            negative = true;
        }
        Token n = peek();
        if (n.kind() != Kind.NUMBER) {
            throw error(n, "expected " + what + ", found " + n.describe(), "write a whole number such as 1200.");
        }
        next();
        return negative ? -n.number() : n.number();
    }

    private Source at(Token t) {
        return new Source(file, t.line(), t.column());
    }

    private SyntaxError error(Token t, String message, String maybe) {
        String offending = lines.line(t.line());
        return new SyntaxError(new Diagnostic(file, t.line(), t.column(), message, offending, maybe));
    }
}
