package no.tilpass.engine.testsupport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.SolutionSpace;

/**
 * The independent oracle: enumerates all assignments of a small space's variables (at most 20) and keeps
 * the models as bit masks (bit {@code v-1} is variable {@code v}).
 */
public final class BruteForce {
    private final SolutionSpace space;
    private final int n;
    private final List<Long> models = new ArrayList<>();

    public BruteForce(SolutionSpace space) {
        this.space = space;
        this.n = space.cnf().variableCount();
        if (n > 20) {
            throw new IllegalArgumentException("too many variables for brute force: " + n);
        }
        for (long m = 0; m < (1L << n); m++) {
            if (satisfiesClauses(m, null)) {
                models.add(m);
            }
        }
    }

    public static boolean holds(long assignment, int literal) {
        boolean value = ((assignment >> (Math.abs(literal) - 1)) & 1) == 1;
        return literal > 0 ? value : !value;
    }

    public int literal(Decision d) {
        Option o = space.option(d.option()).orElseThrow();
        return o.literal(o.indexOf(d.value()));
    }

    public Option option(String name) {
        return space.option(name).orElseThrow();
    }

    public int[] literals(Collection<Decision> ds) {
        return ds.stream().mapToInt(this::literal).toArray();
    }

    public List<Long> models() {
        return models;
    }

    /** Is there a model satisfying every literal? */
    public boolean satisfiable(int... literals) {
        for (long m : models) {
            if (all(m, literals)) {
                return true;
            }
        }
        return false;
    }

    /** Is there an assignment satisfying the structural clauses, the clauses of {@code rules} and the literals? */
    public boolean satisfiableWithRules(Collection<Integer> rules, int... literals) {
        for (long m = 0; m < (1L << n); m++) {
            if (all(m, literals) && satisfiesClauses(m, rules)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the assignment satisfies every clause (of structural and given rules when rules != null). */
    public boolean satisfiesClauses(long m, Collection<Integer> rules) {
        Cnf cnf = space.cnf();
        for (int c = 0; c < cnf.clauseCount(); c++) {
            int rule = cnf.ruleOf(c);
            if (rules != null && rule != Cnf.STRUCTURAL && !rules.contains(rule)) {
                continue;
            }
            boolean sat = false;
            for (int lit : cnf.clause(c)) {
                if (holds(m, lit)) {
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

    public static boolean all(long m, int... literals) {
        for (int lit : literals) {
            if (!holds(m, lit)) {
                return false;
            }
        }
        return true;
    }

    /** The assignment a full configuration (one decision per option) denotes, if it is a model. */
    public Long modelOf(List<Decision> configuration) {
        int[] lits = literals(configuration);
        for (long m : models) {
            if (all(m, lits)) {
                return m;
            }
        }
        return null;
    }
}
