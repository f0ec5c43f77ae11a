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

    static Optional<Top> run(SolutionSpace space, Order order, int nodeLimit) {
        Builder builder = new Builder(order.levels, nodeLimit);
        try {
            return Optional.of(new Top(builder, compile(space, order, builder)));
        } catch (Builder.TooLarge e) {
            return Optional.empty();
        }
    }

    private static int compile(SolutionSpace space, Order order, Builder builder) {
        int variables = space.cnf().variableCount();
        List<Integer> parts = new ArrayList<>();
        List<int[]> auxiliaries = new ArrayList<>(); // per part: its auxiliary variables, ascending
        List<List<Integer>> partsOf = new ArrayList<>(); // per auxiliary variable: parts mentioning it
        for (int v = 0; v <= variables; v++) {
            partsOf.add(new ArrayList<>());
        }
        for (int[] clause : space.cnf().clauses()) {
            int f = clause(clause, order, builder);
            if (f == Builder.TRUE) {
                continue;
            }
            if (f == Builder.FALSE) {
                return Builder.FALSE;
            }
            int[] aux = Arrays.stream(clause)
                    .map(Math::abs)
                    .filter(v -> order.optionOfVariable[v] < 0)
                    .distinct()
                    .sorted()
                    .toArray();
            add(parts, auxiliaries, partsOf, f, aux);
        }
        boolean[] alive = new boolean[0];
        for (int v = 1; v <= variables; v++) {
            if (order.optionOfVariable[v] >= 0) {
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
        for (int o = 0; o < order.bits.length; o++) {
            remaining.add(below(order, builder, o, space.options().get(o).valueCount()));
        }
        remaining.sort((a, b) -> Integer.compare(builder.level(b), builder.level(a)));
        int f = Builder.TRUE;
        for (int part : remaining) {
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

    /** The disjunction of a clause's literals, each an option-value test or an auxiliary level. */
    private static int clause(int[] clause, Order order, Builder builder) {
        int f = Builder.FALSE;
        for (int lit : clause) {
            int v = Math.abs(lit);
            int o = order.optionOfVariable[v];
            int atom;
            if (o < 0) {
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
