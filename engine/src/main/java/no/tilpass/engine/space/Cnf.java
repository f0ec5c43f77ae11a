package no.tilpass.engine.space;

import java.util.Arrays;
import java.util.List;

/**
 * Clauses over variables {@code 1..variableCount} in DIMACS convention (a literal is a signed variable
 * number), each tagged with the index of the {@link Rule} it encodes, or {@link #STRUCTURAL} for clauses
 * that only encode option domains (exactly-one of an enumerated option, auxiliary definitions).
 *
 * <p>Auxiliary variables are always fully defined (equivalences) by the option variables, so the
 * number of models of the CNF equals the number of valid configurations.
 *
 * <p>Arrays are shared, not copied, for speed on models with hundreds of thousands of clauses: callers
 * must not modify them.
 */
public final class Cnf {
    /** Rule index of a clause that belongs to no rule. */
    public static final int STRUCTURAL = -1;

    private final int variableCount;
    private final int[][] clauses;
    private final int[] ruleOfClause;

    public Cnf(int variableCount, int[][] clauses, int[] ruleOfClause) {
        if (clauses.length != ruleOfClause.length) {
            throw new IllegalArgumentException(
                    "clauses (" + clauses.length + ") and ruleOfClause (" + ruleOfClause.length + ") differ in length");
        }
        this.variableCount = variableCount;
        this.clauses = clauses;
        this.ruleOfClause = ruleOfClause;
    }

    public static Cnf of(int variableCount, List<int[]> clauses, List<Integer> ruleOfClause) {
        return new Cnf(
                variableCount,
                clauses.toArray(new int[0][]),
                ruleOfClause.stream().mapToInt(Integer::intValue).toArray());
    }

    public int variableCount() {
        return variableCount;
    }

    public int clauseCount() {
        return clauses.length;
    }

    /** The literals of clause {@code index}; do not modify. */
    public int[] clause(int index) {
        return clauses[index];
    }

    /** All clauses; do not modify. */
    public int[][] clauses() {
        return clauses;
    }

    /** The rule the clause encodes, or {@link #STRUCTURAL}. */
    public int ruleOf(int clauseIndex) {
        return ruleOfClause[clauseIndex];
    }

    @Override
    public String toString() {
        return "Cnf[" + variableCount + " variables, " + clauses.length + " clauses"
                + (clauses.length > 0 ? ", first " + Arrays.toString(clauses[0]) : "") + "]";
    }
}
