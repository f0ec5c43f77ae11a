package no.tilpass.engine.sat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Independent oracle for small formulas: enumerates every assignment of up to 22 variables. */
final class BruteForce {
    private final int variables;
    private final long[] positive;
    private final long[] negative;

    BruteForce(int variables, List<int[]> clauses) {
        this.variables = variables;
        this.positive = new long[clauses.size()];
        this.negative = new long[clauses.size()];
        for (int i = 0; i < clauses.size(); i++) {
            for (int lit : clauses.get(i)) {
                if (lit > 0) {
                    positive[i] |= 1L << (lit - 1);
                } else {
                    negative[i] |= 1L << (-lit - 1);
                }
            }
        }
    }

    /** Whether some assignment satisfies every clause and every literal of {@code units}. */
    boolean satisfiable(int... units) {
        long mustTrue = 0;
        long mustFalse = 0;
        for (int lit : units) {
            if (lit > 0) {
                mustTrue |= 1L << (lit - 1);
            } else {
                mustFalse |= 1L << (-lit - 1);
            }
        }
        if ((mustTrue & mustFalse) != 0) {
            return false;
        }
        long all = (1L << variables) - 1;
        for (long a = 0; a <= all; a++) {
            if ((a & mustTrue) == mustTrue && (a & mustFalse) == 0 && satisfies(a)) {
                return true;
            }
        }
        return false;
    }

    boolean satisfies(long assignment) {
        long inverted = ~assignment;
        for (int i = 0; i < positive.length; i++) {
            if ((assignment & positive[i]) == 0 && (inverted & negative[i]) == 0) {
                return false;
            }
        }
        return true;
    }

    static boolean satisfiesAll(List<int[]> clauses, int[] model) {
        for (int[] clause : clauses) {
            boolean sat = false;
            for (int lit : clause) {
                if (model[Math.abs(lit)] == lit) {
                    sat = true;
                    break;
                }
            }
            if (!sat) {
                return false;
            }
        }
        return true;
    }

    static List<int[]> random3Sat(Random random, int variables, int clauses) {
        List<int[]> result = new ArrayList<>();
        for (int i = 0; i < clauses; i++) {
            int width = Math.min(3, variables);
            int[] clause = new int[width];
            for (int k = 0; k < width; k++) {
                int v = 1 + random.nextInt(variables);
                clause[k] = random.nextBoolean() ? v : -v;
            }
            result.add(clause);
        }
        return result;
    }
}
