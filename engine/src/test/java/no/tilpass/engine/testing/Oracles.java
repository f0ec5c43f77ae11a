package no.tilpass.engine.testing;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import no.tilpass.engine.space.Cnf;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

/** Independent oracles for importer tests: Sat4j, and a plain DPLL model counter. */
public final class Oracles {
    private Oracles() {}

    /** The shared benchmark folder (system property {@code tilpass.shared}). */
    public static Path shared() {
        return Path.of(System.getProperty("tilpass.shared", "../../shared"));
    }

    public static Path configuration(String relative) {
        return shared().resolve("bench-data/configuration").resolve(relative);
    }

    public static boolean slow() {
        return Boolean.getBoolean("tilpass.slow");
    }

    /** A Sat4j solver holding {@code cnf}, or empty when the clauses are trivially contradictory. */
    public static Optional<ISolver> sat4j(Cnf cnf) {
        ISolver solver = SolverFactory.newDefault();
        solver.newVar(cnf.variableCount());
        solver.setExpectedNumberOfClauses(cnf.clauseCount());
        try {
            for (int[] c : cnf.clauses()) {
                solver.addClause(new VecInt(c.clone()));
            }
        } catch (ContradictionException e) {
            return Optional.empty();
        }
        return Optional.of(solver);
    }

    public static boolean satisfiable(Optional<ISolver> solver, int[] assumptions) {
        if (solver.isEmpty()) {
            return false;
        }
        try {
            return solver.get().isSatisfiable(new VecInt(assumptions.clone()));
        } catch (TimeoutException e) {
            throw new IllegalStateException("sat4j timed out", e);
        }
    }

    /**
     * Counts the models of {@code cnf} by DPLL with unit propagation (no caching), or returns empty when
     * more than {@code nodeLimit} decisions would be needed.
     */
    public static Optional<BigInteger> count(Cnf cnf, long nodeLimit) {
        Counter c = new Counter(cnf, nodeLimit);
        BigInteger n = c.count();
        return c.nodes > nodeLimit ? Optional.empty() : Optional.of(n);
    }

    private static final class Counter {
        private final int[][] clauses;
        private final int vars;
        private final int[] value;
        private final long limit;
        private long nodes;

        Counter(Cnf cnf, long limit) {
            this.clauses = cnf.clauses();
            this.vars = cnf.variableCount();
            this.value = new int[vars + 1];
            this.limit = limit;
        }

        private int litValue(int lit) {
            int v = value[Math.abs(lit)];
            return lit > 0 ? v : -v;
        }

        BigInteger count() {
            if (++nodes > limit) {
                return BigInteger.ZERO;
            }
            int[] trail = new int[vars];
            int assigned = 0;
            boolean changed = true;
            int[] branchClause = null;
            while (changed) {
                changed = false;
                branchClause = null;
                for (int[] c : clauses) {
                    int unassigned = 0;
                    int last = 0;
                    boolean sat = false;
                    for (int l : c) {
                        int lv = litValue(l);
                        if (lv > 0) {
                            sat = true;
                            break;
                        }
                        if (lv == 0) {
                            unassigned++;
                            last = l;
                        }
                    }
                    if (sat) {
                        continue;
                    }
                    if (unassigned == 0) {
                        undo(trail, assigned);
                        return BigInteger.ZERO;
                    }
                    if (unassigned == 1) {
                        value[Math.abs(last)] = last > 0 ? 1 : -1;
                        trail[assigned++] = Math.abs(last);
                        changed = true;
                    } else if (branchClause == null || c.length < branchClause.length) {
                        branchClause = c;
                    }
                }
            }
            BigInteger result;
            if (branchClause == null) {
                int free = 0;
                for (int v = 1; v <= vars; v++) {
                    if (value[v] == 0) {
                        free++;
                    }
                }
                result = BigInteger.ONE.shiftLeft(free);
            } else {
                int pick = 0;
                for (int l : branchClause) {
                    if (litValue(l) == 0) {
                        pick = Math.abs(l);
                        break;
                    }
                }
                value[pick] = 1;
                BigInteger a = count();
                value[pick] = -1;
                BigInteger b = count();
                value[pick] = 0;
                result = a.add(b);
            }
            undo(trail, assigned);
            return result;
        }

        private void undo(int[] trail, int assigned) {
            for (int i = 0; i < assigned; i++) {
                value[trail[i]] = 0;
            }
        }
    }

    /** For messages. */
    public static String show(int[] literals) {
        return Arrays.toString(literals);
    }
}
