package no.tilpass.engine.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import no.tilpass.engine.space.SolutionSpace;

/**
 * Compiles a CNF into one diagram: every clause becomes a small diagram over option bits and auxiliary
 * levels; each auxiliary variable in turn is eliminated (bucket elimination: the conjunction of every
 * part that mentions it, then existential quantification); the option-only parts left are conjoined
 * bottom-up, together with the domain constraint of every option whose value count is not a power of
 * two.
 */
final class Compilation {
    /** The compiled top node and the builder that holds it. */
    record Top(Builder builder, int node) {}

    private Compilation() {}

    /** Compiles in {@code order}; empty past {@code nodeLimit} nodes or once {@code deadline} (nanoTime) passes. */
    static Optional<Top> run(SolutionSpace space, Order order, int nodeLimit, long deadline) {
        Builder builder = new Builder(order.levels, nodeLimit, deadline);
        try {
            return Optional.of(new Top(builder, compile(space, order, builder)));
        } catch (Builder.TooLarge e) {
            return Optional.empty();
        }
    }

    private static int compile(SolutionSpace space, Order order, Builder builder) {
        int variables = space.cnf().variableCount();
        int[][] clauses = space.cnf().clauses();
        List<Integer> domainParts = new ArrayList<>();
        for (int o = 0; o < order.bits.length; o++) {
            domainParts.add(below(order, builder, o, space.options().get(o).valueCount()));
        }
        int domain = conjunction(builder, domainParts);
        Definitions definitions = definitions(clauses, variables, order, builder, domain);
        int[] defined = definitions.node();
        List<Integer> parts = new ArrayList<>();
        List<int[]> auxiliaries = new ArrayList<>(); // per part: its auxiliary variables, ascending
        List<List<Integer>> partsOf = new ArrayList<>(); // per auxiliary variable: parts mentioning it
        for (int v = 0; v <= variables; v++) {
            partsOf.add(new ArrayList<>());
        }
        for (int i = 0; i < clauses.length; i++) {
            if (definitions.consumed()[i]) {
                continue;
            }
            int f = clause(clauses[i], order, builder, defined);
            if (f == Builder.TRUE) {
                continue;
            }
            if (f == Builder.FALSE) {
                return Builder.FALSE;
            }
            int[] aux = Arrays.stream(clauses[i])
                    .map(Math::abs)
                    .filter(v -> order.optionOfVariable[v] < 0 && defined[v] < 0)
                    .distinct()
                    .sorted()
                    .toArray();
            add(parts, auxiliaries, partsOf, f, aux);
        }
        for (int extra : definitions.constraints()) {
            add(parts, auxiliaries, partsOf, extra, new int[0]);
        }
        boolean[] alive = new boolean[0];
        for (int v = 1; v <= variables; v++) {
            if (order.optionOfVariable[v] >= 0 || defined[v] >= 0) {
                continue;
            }
            alive = grow(alive, parts.size());
            int f = Builder.TRUE;
            TreeSet<Integer> rest = new TreeSet<>();
            for (int p : partsOf.get(v)) {
                if (!alive[p]) {
                    continue;
                }
                alive[p] = false;
                f = builder.and(f, parts.get(p));
                for (int a : auxiliaries.get(p)) {
                    if (a != v) {
                        rest.add(a);
                    }
                }
            }
            if (f == Builder.FALSE) {
                return Builder.FALSE;
            }
            f = builder.exists(f, order.levelOfAuxiliary[v]);
            if (f != Builder.TRUE) {
                add(
                        parts,
                        auxiliaries,
                        partsOf,
                        f,
                        rest.stream().mapToInt(Integer::intValue).toArray());
                alive = grow(alive, parts.size());
            }
        }
        alive = grow(alive, parts.size());
        List<Integer> remaining = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            if (alive[p]) {
                remaining.add(parts.get(p));
            }
        }
        remaining.add(domain);
        return conjunction(builder, remaining);
    }

    /** The conjunction of {@code parts}, bottom-up: the parts whose top is deepest first. */
    private static int conjunction(Builder builder, List<Integer> parts) {
        List<Integer> sorted = new ArrayList<>(parts);
        sorted.sort((a, b) -> Integer.compare(builder.level(b), builder.level(a)));
        int f = Builder.TRUE;
        for (int part : sorted) {
            f = builder.and(f, part);
            if (f == Builder.FALSE) {
                break;
            }
        }
        return f;
    }

    private static boolean[] grow(boolean[] alive, int size) {
        if (alive.length >= size) {
            return alive;
        }
        int old = alive.length;
        boolean[] grown = Arrays.copyOf(alive, size);
        Arrays.fill(grown, old, size, true);
        return grown;
    }

    private static void add(
            List<Integer> parts, List<int[]> auxiliaries, List<List<Integer>> partsOf, int f, int[] aux) {
        int p = parts.size();
        parts.add(f);
        auxiliaries.add(aux);
        for (int a : aux) {
            partsOf.get(a).add(p);
        }
    }

    /**
     * The auxiliary variables that the option bits define, each as its diagram over option bits.
     * {@code consumed} marks the clauses the definitions replace; {@code constraints} are what those
     * clauses demand of the options beyond the definitions.
     */
    record Definitions(int[] node, boolean[] consumed, List<Integer> constraints) {}

    /**
     * Finds the auxiliary variables that are functions of the options (a table row's variable, a Tseitin
     * gate): for variable {@code y}, the clauses that mention it and no other auxiliary variable not yet
     * defined form {@code P(x, y)}; when {@code P(x, 0)} and {@code P(x, 1)} exclude each other on valid
     * option values, {@code y} equals {@code P(x, 1)} wherever P holds, so P is replaced by the definition
     * and the constraint {@code P(x, 0) or P(x, 1)}. Undefined variables are left to bucket elimination.
     * Each pass may define variables whose clauses mention ones defined before; at most four passes.
     */
    private static Definitions definitions(int[][] clauses, int variables, Order order, Builder builder, int domain) {
        int[] defined = new int[variables + 1];
        Arrays.fill(defined, -1);
        boolean[] consumed = new boolean[clauses.length];
        List<Integer> constraints = new ArrayList<>();
        int[][] clausesOf = clausesOfAuxiliaries(clauses, variables, order);
        boolean changed = true;
        for (int pass = 0; changed && pass < 4; pass++) {
            changed = false;
            for (int y = 1; y <= variables; y++) {
                if (order.optionOfVariable[y] >= 0 || defined[y] >= 0) {
                    continue;
                }
                int lvl = order.levelOfAuxiliary[y];
                int p = Builder.TRUE;
                List<Integer> group = new ArrayList<>();
                for (int c : clausesOf[y]) {
                    if (consumed[c] || !onlyUndefined(clauses[c], y, order, defined)) {
                        continue;
                    }
                    group.add(c);
                    p = builder.and(p, clause(clauses[c], order, builder, defined));
                }
                if (group.isEmpty()) {
                    continue;
                }
                int one = builder.restrict(p, lvl, true);
                int zero = builder.restrict(p, lvl, false);
                if (builder.and(builder.and(one, zero), domain) != Builder.FALSE) {
                    continue;
                }
                defined[y] = one;
                for (int c : group) {
                    consumed[c] = true;
                }
                int either = builder.or(one, zero);
                if (either != Builder.TRUE) {
                    constraints.add(either);
                }
                changed = true;
            }
        }
        return new Definitions(defined, consumed, constraints);
    }

    /** Whether {@code y} is the clause's only auxiliary variable that is not defined yet. */
    private static boolean onlyUndefined(int[] clause, int y, Order order, int[] defined) {
        for (int lit : clause) {
            int v = Math.abs(lit);
            if (v != y && order.optionOfVariable[v] < 0 && defined[v] < 0) {
                return false;
            }
        }
        return true;
    }

    private static int[][] clausesOfAuxiliaries(int[][] clauses, int variables, Order order) {
        int[] count = new int[variables + 1];
        for (int[] clause : clauses) {
            for (int lit : clause) {
                if (order.optionOfVariable[Math.abs(lit)] < 0) {
                    count[Math.abs(lit)]++;
                }
            }
        }
        int[][] of = new int[variables + 1][];
        for (int v = 0; v <= variables; v++) {
            of[v] = new int[count[v]];
            count[v] = 0;
        }
        for (int c = 0; c < clauses.length; c++) {
            for (int lit : clauses[c]) {
                int v = Math.abs(lit);
                if (order.optionOfVariable[v] < 0 && (count[v] == 0 || of[v][count[v] - 1] != c)) {
                    of[v][count[v]++] = c;
                }
            }
        }
        for (int v = 0; v <= variables; v++) {
            of[v] = Arrays.copyOf(of[v], count[v]);
        }
        return of;
    }

    /** The disjunction of a clause's literals, each an option-value test or an auxiliary level. */
    private static int clause(int[] clause, Order order, Builder builder, int[] defined) {
        int f = Builder.FALSE;
        for (int lit : clause) {
            int v = Math.abs(lit);
            int o = order.optionOfVariable[v];
            int atom;
            if (o < 0 && defined[v] >= 0) {
                atom = lit > 0 ? defined[v] : builder.not(defined[v]);
            } else if (o < 0) {
                int l = order.levelOfAuxiliary[v];
                atom = lit > 0
                        ? builder.mk(l, Builder.FALSE, Builder.TRUE)
                        : builder.mk(l, Builder.TRUE, Builder.FALSE);
            } else {
                boolean equal = (lit > 0) == order.positiveOfVariable[v];
                atom = valueTest(order, builder, o, order.valueOfVariable[v], equal);
            }
            f = builder.or(f, atom);
            if (f == Builder.TRUE) {
                return f;
            }
        }
        return f;
    }

    /** Option {@code o}'s bits equal (or differ from) {@code value}. */
    private static int valueTest(Order order, Builder builder, int o, int value, boolean equal) {
        int bits = order.bits[o];
        int r = equal ? Builder.TRUE : Builder.FALSE;
        for (int b = bits - 1; b >= 0; b--) {
            int l = order.blockStart[o] + b;
            int bit = (value >>> (bits - 1 - b)) & 1;
            int miss = equal ? Builder.FALSE : Builder.TRUE;
            r = bit == 1 ? builder.mk(l, miss, r) : builder.mk(l, r, miss);
        }
        return r;
    }

    /** Option {@code o}'s bits, read as a number, are below {@code count}. */
    private static int below(Order order, Builder builder, int o, int count) {
        int bits = order.bits[o];
        if (count >= (1 << bits)) {
            return Builder.TRUE;
        }
        int r = Builder.FALSE; // all bits equal to count: not below
        for (int b = bits - 1; b >= 0; b--) {
            int l = order.blockStart[o] + b;
            int bit = (count >>> (bits - 1 - b)) & 1;
            r = bit == 1 ? builder.mk(l, Builder.TRUE, r) : builder.mk(l, r, Builder.FALSE);
        }
        return r;
    }
}
