package no.tilpass.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.OptionKind;
import no.tilpass.engine.space.Rule;
import no.tilpass.engine.space.SolutionSpace;

/**
 * Compiles checked options and rules to CNF, exactly: one variable per boolean option, one per value of
 * an enumerated or integer option with structural exactly-one clauses; constraints by enumerating the
 * value tuples of the options they mention (support clauses), boolean structure by Tseitin gates. Every
 * auxiliary variable is defined by an equivalence, so the CNF has one model per valid configuration.
 */
final class Encoder {
    /**
     * Size limits of the encoding.
     *
     * @param tuples most value combinations one constraint (or one arithmetic atom) may have
     * @param directPrefix most clauses (prefix tuples) a rule is asserted with directly, without
     *     auxiliary variables; larger rules are split by their boolean structure
     * @param atomPrefix most prefix tuples an arithmetic atom is enumerated over
     * @param pairwise pairwise at-most-one up to this many values, a defined ladder above
     */
    record Limits(long tuples, long directPrefix, long atomPrefix, int pairwise) {
        static final Limits DEFAULT = new Limits(1_000_000, 4_096, 200_000, 32);
    }

    private static final int TRUE = Integer.MAX_VALUE;
    private static final int FALSE = -TRUE;

    /** The compiled space or the errors that prevent it. */
    record Encoded(SolutionSpace space, List<Diagnostic> errors) {}

    private final Map<String, Integer> index = new HashMap<>();
    private final List<ProductModel.OptionInfo> infos;
    private final int[][] lits;
    private final long[][] values;
    private final Map<String, Long> symbols = new HashMap<>();
    private final List<int[]> clauses = new ArrayList<>();
    private final List<Integer> tags = new ArrayList<>();
    private final Map<String, Integer> cache = new HashMap<>();
    private final List<Diagnostic> errors = new ArrayList<>();
    private final Map<String, SourceLines> lines;
    private int variables;
    private int rule = Cnf.STRUCTURAL;

    private final Limits limits;

    private Encoder(List<ProductModel.OptionInfo> infos, Map<String, SourceLines> lines, Limits limits) {
        this.limits = limits;
        this.infos = infos;
        this.lines = lines;
        this.lits = new int[infos.size()][];
        this.values = new long[infos.size()][];
    }

    static Encoded encode(
            String name,
            List<ProductModel.OptionInfo> options,
            List<ProductModel.RuleInfo> rules,
            Map<String, SourceLines> lines,
            Limits limits) {
        Encoder e = new Encoder(options, lines, limits);
        List<Option> out = e.options();
        List<Rule> ruleList = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            ProductModel.RuleInfo info = rules.get(r);
            ruleList.add(new Rule(
                    info.id(), info.name(), explanation(info), info.at().toString()));
            e.rule = r;
            e.assertExpr(info.constraint());
        }
        Cnf cnf = Cnf.of(e.variables, e.clauses, e.tags);
        return new Encoded(new SolutionSpace(name, out, ruleList, cnf), e.errors);
    }

    private static String explanation(ProductModel.RuleInfo r) {
        Map<String, String> x = r.explanation();
        if (x.containsKey("en")) {
            return x.get("en");
        }
        if (x.containsKey("")) {
            return x.get("");
        }
        return x.values().stream().findFirst().orElse("");
    }

    // ---------------------------------------------------------------- options

    private List<Option> options() {
        for (int i = 0; i < infos.size(); i++) {
            ProductModel.OptionInfo o = infos.get(i);
            index.put(o.name(), i);
            int n = o.values().size();
            lits[i] = new int[n];
            values[i] = new long[n];
            if (o.kind() == OptionKind.BOOLEAN) {
                int v = ++variables;
                lits[i][0] = v;
                lits[i][1] = -v;
                values[i][0] = 1;
                values[i][1] = 0;
            } else {
                for (int k = 0; k < n; k++) {
                    lits[i][k] = ++variables;
                    String value = o.values().get(k).name();
                    values[i][k] = o.kind() == OptionKind.INTEGER ? Long.parseLong(value) : symbol(value);
                }
            }
        }
        List<Option> out = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            ProductModel.OptionInfo o = infos.get(i);
            List<String> names =
                    o.values().stream().map(ProductModel.ValueInfo::name).toList();
            int def = o.defaultValue().map(names::indexOf).orElse(-1);
            if (o.kind() == OptionKind.BOOLEAN) {
                out.add(Option.bool(o.name(), lits[i][0], def));
            } else {
                int[] numbers = o.kind() == OptionKind.INTEGER
                        ? Arrays.stream(values[i]).mapToInt(Math::toIntExact).toArray()
                        : new int[0];
                out.add(new Option(o.name(), o.kind(), names, lits[i], numbers, def));
                exactlyOne(lits[i]);
            }
        }
        return out;
    }

    private void exactlyOne(int[] x) {
        emit(x.clone());
        int n = x.length;
        if (n <= limits.pairwise()) {
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    emit(new int[] {-x[a], -x[b]});
                }
            }
            return;
        }
        // s[i] <-> x[0] or ... or x[i], for i < n - 1, fully defined; at most one via -s[i-1] or -x[i]
        int[] s = new int[n - 1];
        for (int i = 0; i < n - 1; i++) {
            s[i] = ++variables;
            emit(new int[] {-x[i], s[i]});
            if (i == 0) {
                emit(new int[] {-s[0], x[0]});
            } else {
                emit(new int[] {-s[i - 1], s[i]});
                emit(new int[] {-s[i], s[i - 1], x[i]});
                emit(new int[] {-s[i - 1], -x[i]});
            }
        }
        emit(new int[] {-s[n - 2], -x[n - 1]});
    }

    private long symbol(String value) {
        return symbols.computeIfAbsent(value, v -> (long) symbols.size() + 1_000_000_000_000L);
    }

    // ---------------------------------------------------------------- clauses

    private void emit(int[] clause) {
        clauses.add(clause);
        tags.add(Cnf.STRUCTURAL);
    }

    private void emitRule(int[] clause) {
        clauses.add(clause);
        tags.add(rule);
    }

    /** Emits {@code literals} as a clause of the current rule unless one of them is TRUE. */
    private void emitRuleClause(List<Integer> literals) {
        Set<Integer> out = new LinkedHashSet<>();
        for (int l : literals) {
            if (l == TRUE || out.contains(-l)) {
                return;
            }
            if (l != FALSE) {
                out.add(l);
            }
        }
        emitRule(out.stream().mapToInt(Integer::intValue).toArray());
    }

    // ---------------------------------------------------------------- assertions

    private void assertExpr(Expr e) {
        if (e instanceof Expr.Binary b && b.op() == Expr.Op.AND) {
            assertExpr(b.left());
            assertExpr(b.right());
            return;
        }
        if (e instanceof Expr.Not n && n.operand() instanceof Expr.Not inner) {
            assertExpr(inner.operand());
            return;
        }
        if (e instanceof Expr.Not n && n.operand() instanceof Expr.Binary b && b.op() == Expr.Op.OR) {
            assertExpr(new Expr.Not(b.left(), n.at()));
            assertExpr(new Expr.Not(b.right(), n.at()));
            return;
        }
        int[] support = support(e);
        if (support.length == 0) {
            if (eval(e, support, new int[0]) == 0) {
                emitRule(new int[0]);
            }
            return;
        }
        if (tuples(support) <= limits.tuples() && prefixTuples(support) <= limits.directPrefix()) {
            enumerate(e, support, (prefix, sat) -> {
                int last = support[support.length - 1];
                List<Integer> clause = new ArrayList<>();
                boolean all = true;
                for (int k = 0; k < sat.length; k++) {
                    if (sat[k]) {
                        clause.add(lits[last][k]);
                    } else {
                        all = false;
                    }
                }
                if (!all) {
                    List<Integer> full = negatedPrefix(support, prefix);
                    full.addAll(clause);
                    emitRuleClause(full);
                }
            });
            return;
        }
        List<Expr> disjuncts = new ArrayList<>();
        List<Boolean> polarities = new ArrayList<>();
        flatten(e, true, disjuncts, polarities);
        List<Integer> clause = new ArrayList<>();
        for (int i = 0; i < disjuncts.size(); i++) {
            int l = lit(disjuncts.get(i));
            clause.add(polarities.get(i) ? l : -l);
        }
        emitRuleClause(clause);
    }

    private static void flatten(Expr e, boolean positive, List<Expr> out, List<Boolean> polarity) {
        if (e instanceof Expr.Not n) {
            flatten(n.operand(), !positive, out, polarity);
            return;
        }
        if (e instanceof Expr.Binary b) {
            if (positive && b.op() == Expr.Op.OR || !positive && b.op() == Expr.Op.AND) {
                flatten(b.left(), positive, out, polarity);
                flatten(b.right(), positive, out, polarity);
                return;
            }
            if (positive && (b.op() == Expr.Op.IMPLIES || b.op() == Expr.Op.REQUIRES)) {
                flatten(b.left(), false, out, polarity);
                flatten(b.right(), true, out, polarity);
                return;
            }
            if (positive && b.op() == Expr.Op.EXCLUDES) {
                flatten(b.left(), false, out, polarity);
                flatten(b.right(), false, out, polarity);
                return;
            }
        }
        out.add(e);
        polarity.add(positive);
    }

    private List<Integer> negatedPrefix(int[] support, int[] prefix) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < support.length - 1; i++) {
            out.add(-lits[support[i]][prefix[i]]);
        }
        return out;
    }

    // ---------------------------------------------------------------- literals and gates

    /** A literal equivalent to boolean expression {@code e} (TRUE or FALSE when constant). */
    private int lit(Expr e) {
        if (e instanceof Expr.Bool b) {
            return b.value() ? TRUE : FALSE;
        }
        if (e instanceof Expr.Not n) {
            return -lit(n.operand());
        }
        int[] support = support(e);
        if (support.length == 0) {
            return eval(e, support, new int[0]) != 0 ? TRUE : FALSE;
        }
        if (support.length == 1) {
            return valueSet(e, support);
        }
        if (e instanceof Expr.Binary b && b.op().isLogic()) {
            int l = lit(b.left());
            int r = lit(b.right());
            return switch (b.op()) {
                case AND -> and(List.of(l, r));
                case OR -> -and(List.of(-l, -r));
                case IMPLIES, REQUIRES -> -and(List.of(l, -r));
                case EXCLUDES -> -and(List.of(l, r));
                default -> iff(l, r);
            };
        }
        if (e instanceof Expr.If i) {
            return ite(lit(i.condition()), lit(i.then()), lit(i.otherwise()));
        }
        if (e instanceof Expr.Count c
                && (tuples(support) > limits.tuples() || prefixTuples(support) > limits.directPrefix())) {
            return count(c);
        }
        return atom(e, support);
    }

    private int valueSet(Expr e, int[] support) {
        int o = support[0];
        int n = lits[o].length;
        List<Integer> sat = new ArrayList<>();
        List<Integer> unsat = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            (eval(e, support, new int[] {k}) != 0 ? sat : unsat).add(lits[o][k]);
        }
        if (unsat.isEmpty()) {
            return TRUE;
        }
        if (sat.isEmpty()) {
            return FALSE;
        }
        if (sat.size() == 1) {
            return sat.get(0);
        }
        if (unsat.size() == 1) {
            return -unsat.get(0);
        }
        String key = "in " + sat;
        Integer cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        int t = ++variables;
        int[] c = new int[sat.size() + 1];
        c[0] = -t;
        for (int k = 0; k < sat.size(); k++) {
            c[k + 1] = sat.get(k);
            emit(new int[] {t, -sat.get(k)});
        }
        emit(c);
        cache.put(key, t);
        return t;
    }

    /** A fresh variable defined to be true exactly on the value tuples that satisfy {@code e}. */
    private int atom(Expr e, int[] support) {
        if (tuples(support) > limits.tuples() || prefixTuples(support) > limits.atomPrefix()) {
            tooLarge(e, support);
            return TRUE;
        }
        String key = "atom " + Expr.show(e);
        Integer cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        int t = ++variables;
        int last = support[support.length - 1];
        enumerate(e, support, (prefix, sat) -> {
            List<Integer> yes = new ArrayList<>();
            List<Integer> no = new ArrayList<>();
            for (int k = 0; k < sat.length; k++) {
                (sat[k] ? yes : no).add(lits[last][k]);
            }
            List<Integer> p = negatedPrefix(support, prefix);
            if (no.isEmpty()) {
                emitDefinition(p, List.of(t));
            } else if (yes.isEmpty()) {
                emitDefinition(p, List.of(-t));
            } else {
                List<Integer> a = new ArrayList<>(yes);
                a.add(0, -t);
                emitDefinition(p, a);
                List<Integer> b = new ArrayList<>(no);
                b.add(0, t);
                emitDefinition(p, b);
            }
        });
        cache.put(key, t);
        return t;
    }

    private void emitDefinition(List<Integer> prefix, List<Integer> rest) {
        int[] c = new int[prefix.size() + rest.size()];
        int i = 0;
        for (int l : prefix) {
            c[i++] = l;
        }
        for (int l : rest) {
            c[i++] = l;
        }
        emit(c);
    }

    private void tooLarge(Expr e, int[] support) {
        List<String> names = new ArrayList<>();
        for (int o : support) {
            names.add(infos.get(o).name());
        }
        SourceLines l = lines.get(e.at().file());
        errors.add(new Diagnostic(
                e.at().file(),
                e.at().line(),
                e.at().column(),
                "constraint over " + String.join(", ", names) + " has " + tuples(support)
                        + " value combinations, more than the limit of " + limits.tuples()
                        + " (or too many to enumerate)",
                l == null ? "" : l.line(e.at().line()),
                "split it into constraints over fewer options, or use coarser steps for the integer options."));
    }

    private int and(List<Integer> in) {
        Set<Integer> set = new java.util.TreeSet<>();
        for (int l : in) {
            if (l == FALSE || set.contains(-l)) {
                return FALSE;
            }
            if (l != TRUE) {
                set.add(l);
            }
        }
        if (set.isEmpty()) {
            return TRUE;
        }
        if (set.size() == 1) {
            return set.iterator().next();
        }
        String key = "and " + set;
        Integer cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        int t = ++variables;
        int[] back = new int[set.size() + 1];
        back[0] = t;
        int i = 1;
        for (int l : set) {
            emit(new int[] {-t, l});
            back[i++] = -l;
        }
        emit(back);
        cache.put(key, t);
        return t;
    }

    private int iff(int a, int b) {
        if (a == TRUE) {
            return b;
        }
        if (a == FALSE) {
            return -b;
        }
        if (b == TRUE) {
            return a;
        }
        if (b == FALSE) {
            return -a;
        }
        if (a == b) {
            return TRUE;
        }
        if (a == -b) {
            return FALSE;
        }
        String key = "iff " + Math.min(a, b) + " " + Math.max(a, b);
        Integer cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        int t = ++variables;
        emit(new int[] {-t, -a, b});
        emit(new int[] {-t, a, -b});
        emit(new int[] {t, a, b});
        emit(new int[] {t, -a, -b});
        cache.put(key, t);
        return t;
    }

    private int ite(int c, int a, int b) {
        if (c == TRUE) {
            return a;
        }
        if (c == FALSE) {
            return b;
        }
        if (a == b) {
            return a;
        }
        int l1 = -and(List.of(c, -a));
        int l2 = -and(List.of(-c, -b));
        return and(List.of(l1, l2));
    }

    /** A sequential counter of fully defined gates: c[j] means "at least j of the items seen". */
    private int count(Expr.Count c) {
        int n = c.n();
        int[] prev = new int[n + 2];
        Arrays.fill(prev, FALSE);
        prev[0] = TRUE;
        for (Expr item : c.items()) {
            int l = lit(item);
            int[] cur = new int[n + 2];
            cur[0] = TRUE;
            for (int j = 1; j < n + 2; j++) {
                cur[j] = -and(List.of(-prev[j], -and(List.of(prev[j - 1], l))));
            }
            prev = cur;
        }
        return switch (c.bound()) {
            case AT_LEAST -> prev[n];
            case AT_MOST -> -prev[n + 1];
            case EXACTLY -> and(List.of(prev[n], -prev[n + 1]));
        };
    }

    // ---------------------------------------------------------------- enumeration

    private interface TupleSink {
        void accept(int[] prefix, boolean[] sat);
    }

    /** Indices of the options {@code e} mentions, the one with the most values last. */
    private int[] support(Expr e) {
        Set<Integer> set = new LinkedHashSet<>();
        collect(e, set);
        int[] s = set.stream().mapToInt(Integer::intValue).toArray();
        int best = 0;
        for (int i = 1; i < s.length; i++) {
            if (lits[s[i]].length > lits[s[best]].length) {
                best = i;
            }
        }
        if (s.length > 1) {
            int t = s[best];
            s[best] = s[s.length - 1];
            s[s.length - 1] = t;
        }
        return s;
    }

    private void collect(Expr e, Set<Integer> out) {
        if (e instanceof Expr.Ref r) {
            out.add(index.get(r.option()));
        } else if (e instanceof Expr.Not n) {
            collect(n.operand(), out);
        } else if (e instanceof Expr.Neg n) {
            collect(n.operand(), out);
        } else if (e instanceof Expr.Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof Expr.In i) {
            collect(i.operand(), out);
        } else if (e instanceof Expr.If i) {
            collect(i.condition(), out);
            collect(i.then(), out);
            collect(i.otherwise(), out);
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(a -> collect(a, out));
        } else if (e instanceof Expr.Count c) {
            c.items().forEach(a -> collect(a, out));
        }
    }

    private long tuples(int[] support) {
        long t = 1;
        for (int o : support) {
            t = Math.min(Long.MAX_VALUE / 1024, t * lits[o].length);
        }
        return t;
    }

    private long prefixTuples(int[] support) {
        long t = 1;
        for (int i = 0; i < support.length - 1; i++) {
            t = Math.min(Long.MAX_VALUE / 1024, t * lits[support[i]].length);
        }
        return t;
    }

    private void enumerate(Expr e, int[] support, TupleSink sink) {
        Map<Integer, Integer> local = new HashMap<>();
        for (int i = 0; i < support.length; i++) {
            local.put(support[i], i);
        }
        Ev ev = compile(e, local);
        int k = support.length;
        int[] assignment = new int[k];
        int lastSize = lits[support[k - 1]].length;
        int[] prefix = new int[k - 1];
        while (true) {
            boolean[] sat = new boolean[lastSize];
            System.arraycopy(prefix, 0, assignment, 0, k - 1);
            for (int v = 0; v < lastSize; v++) {
                assignment[k - 1] = v;
                sat[v] = ev.eval(assignment) != 0;
            }
            sink.accept(prefix.clone(), sat);
            int i = k - 2;
            while (i >= 0) {
                prefix[i]++;
                if (prefix[i] < lits[support[i]].length) {
                    break;
                }
                prefix[i] = 0;
                i--;
            }
            if (i < 0) {
                return;
            }
        }
    }

    private long eval(Expr e, int[] support, int[] assignment) {
        Map<Integer, Integer> local = new HashMap<>();
        for (int i = 0; i < support.length; i++) {
            local.put(support[i], i);
        }
        return compile(e, local).eval(assignment);
    }

    /** An expression compiled for fast evaluation: booleans are 0/1, enumerated values symbol ids. */
    private interface Ev {
        long eval(int[] a);
    }

    private Ev compile(Expr e, Map<Integer, Integer> local) {
        if (e instanceof Expr.Bool b) {
            long v = b.value() ? 1 : 0;
            return a -> v;
        } else if (e instanceof Expr.Num n) {
            long v = n.value();
            return a -> v;
        } else if (e instanceof Expr.Sym s) {
            long v = symbol(s.value());
            return a -> v;
        } else if (e instanceof Expr.Ref r) {
            int o = index.get(r.option());
            int slot = local.get(o);
            long[] table = values[o];
            return a -> table[a[slot]];
        } else if (e instanceof Expr.Not n) {
            Ev x = compile(n.operand(), local);
            return a -> x.eval(a) != 0 ? 0 : 1;
        } else if (e instanceof Expr.Neg n) {
            Ev x = compile(n.operand(), local);
            return a -> -x.eval(a);
        } else if (e instanceof Expr.Binary b) {
            Ev l = compile(b.left(), local);
            Ev r = compile(b.right(), local);
            return switch (b.op()) {
                case AND -> a -> l.eval(a) != 0 && r.eval(a) != 0 ? 1 : 0;
                case OR -> a -> l.eval(a) != 0 || r.eval(a) != 0 ? 1 : 0;
                case IMPLIES, REQUIRES -> a -> l.eval(a) == 0 || r.eval(a) != 0 ? 1 : 0;
                case EXCLUDES -> a -> l.eval(a) != 0 && r.eval(a) != 0 ? 0 : 1;
                case IFF -> a -> (l.eval(a) != 0) == (r.eval(a) != 0) ? 1 : 0;
                case EQ -> a -> l.eval(a) == r.eval(a) ? 1 : 0;
                case NE -> a -> l.eval(a) != r.eval(a) ? 1 : 0;
                case LT -> a -> l.eval(a) < r.eval(a) ? 1 : 0;
                case LE -> a -> l.eval(a) <= r.eval(a) ? 1 : 0;
                case GT -> a -> l.eval(a) > r.eval(a) ? 1 : 0;
                case GE -> a -> l.eval(a) >= r.eval(a) ? 1 : 0;
                case ADD -> a -> l.eval(a) + r.eval(a);
                case SUB -> a -> l.eval(a) - r.eval(a);
                case MUL -> a -> l.eval(a) * r.eval(a);
                case DIV -> a -> {
                    long d = r.eval(a);
                    return d == 0 ? 0 : Math.floorDiv(l.eval(a), d);
                };
                case MOD -> a -> {
                    long d = r.eval(a);
                    return d == 0 ? 0 : Math.floorMod(l.eval(a), d);
                };
            };
        } else if (e instanceof Expr.In i) {
            Ev x = compile(i.operand(), local);
            List<long[]> ranges = new ArrayList<>();
            for (Expr item : i.items()) {
                long lo;
                long hi;
                if (item instanceof Expr.Range r) {
                    lo = r.low();
                    hi = r.high();
                } else if (item instanceof Expr.Num n) {
                    lo = n.value();
                    hi = lo;
                } else if (item instanceof Expr.Bool b) {
                    lo = b.value() ? 1 : 0;
                    hi = lo;
                } else {
                    lo = symbol(((Expr.Sym) item).value());
                    hi = lo;
                }
                ranges.add(new long[] {lo, hi});
            }
            long[][] rs = ranges.toArray(new long[0][]);
            return a -> {
                long v = x.eval(a);
                for (long[] r : rs) {
                    if (v >= r[0] && v <= r[1]) {
                        return 1;
                    }
                }
                return 0;
            };
        } else if (e instanceof Expr.If i) {
            Ev c = compile(i.condition(), local);
            Ev t = compile(i.then(), local);
            Ev o = compile(i.otherwise(), local);
            return a -> c.eval(a) != 0 ? t.eval(a) : o.eval(a);
        } else if (e instanceof Expr.Call c) {
            Ev[] args = c.args().stream().map(x -> compile(x, local)).toArray(Ev[]::new);
            return switch (c.fn()) {
                case ABS -> a -> Math.abs(args[0].eval(a));
                case MIN -> a -> {
                    long m = args[0].eval(a);
                    for (int k = 1; k < args.length; k++) {
                        m = Math.min(m, args[k].eval(a));
                    }
                    return m;
                };
                case MAX -> a -> {
                    long m = args[0].eval(a);
                    for (int k = 1; k < args.length; k++) {
                        m = Math.max(m, args[k].eval(a));
                    }
                    return m;
                };
            };
        } else if (e instanceof Expr.Count c) {
            Ev[] items = c.items().stream().map(x -> compile(x, local)).toArray(Ev[]::new);
            int n = c.n();
            Expr.Bound bound = c.bound();
            return a -> {
                int k = 0;
                for (Ev item : items) {
                    if (item.eval(a) != 0) {
                        k++;
                    }
                }
                boolean ok = bound == Expr.Bound.EXACTLY ? k == n : bound == Expr.Bound.AT_MOST ? k <= n : k >= n;
                return ok ? 1 : 0;
            };
        }
        throw new IllegalStateException("unresolved expression " + Expr.show(e));
    }
}
