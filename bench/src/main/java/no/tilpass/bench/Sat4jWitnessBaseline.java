package no.tilpass.bench;

import java.util.ArrayList;
import java.util.List;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.SolutionSpace;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

/**
 * The FeatureIDE way of computing valid domains, on plain Sat4j, as the baseline Tilpass is measured
 * against: every model found marks all its literals possible; every literal not yet marked costs one SAT
 * call under the decisions plus that literal; models found earlier in the session that satisfy the
 * current decisions are reused as witnesses. No propagation, no phase steering, no monotone reuse.
 *
 * <p>Not thread-safe: one baseline per session.
 */
public final class Sat4jWitnessBaseline {
    private final SolutionSpace space;
    private final int variables;
    private final ISolver solver;
    private final boolean unsatisfiable;
    private final List<int[]> witnesses = new ArrayList<>();

    public Sat4jWitnessBaseline(SolutionSpace space) {
        this.space = space;
        Cnf cnf = space.cnf();
        this.variables = cnf.variableCount();
        this.solver = SolverFactory.newDefault();
        solver.newVar(variables);
        solver.setTimeout(Integer.MAX_VALUE);
        boolean contradiction = false;
        try {
            for (int[] clause : cnf.clauses()) {
                solver.addClause(new VecInt(clause.clone()));
            }
        } catch (ContradictionException e) {
            contradiction = true;
        }
        this.unsatisfiable = contradiction;
    }

    /**
     * The valid value indices of every option (model order) after deciding {@code decisionLiterals}, or
     * null when no valid configuration satisfies them.
     */
    public List<int[]> domains(int[] decisionLiterals) {
        if (unsatisfiable) {
            return null;
        }
        boolean[] possible = new boolean[2 * (variables + 1)];
        boolean any = false;
        for (int[] model : witnesses) {
            if (satisfies(model, decisionLiterals)) {
                mark(model, possible);
                any = true;
            }
        }
        int[] assumptions = new int[decisionLiterals.length + 1];
        System.arraycopy(decisionLiterals, 0, assumptions, 0, decisionLiterals.length);
        if (!any) {
            int[] model = solve(decisionLiterals);
            if (model == null) {
                return null;
            }
            mark(model, possible);
        }
        List<Option> options = space.options();
        List<int[]> result = new ArrayList<>(options.size());
        for (Option option : options) {
            int[] valid = new int[option.valueCount()];
            int count = 0;
            for (int i = 0; i < option.valueCount(); i++) {
                int lit = option.literal(i);
                if (!possible[index(lit)]) {
                    assumptions[decisionLiterals.length] = lit;
                    int[] model = solve(assumptions);
                    if (model != null) {
                        mark(model, possible);
                    }
                }
                if (possible[index(lit)]) {
                    valid[count++] = i;
                }
            }
            result.add(java.util.Arrays.copyOf(valid, count));
        }
        return result;
    }

    private int[] solve(int[] assumptions) {
        try {
            if (!solver.isSatisfiable(new VecInt(assumptions.clone()))) {
                return null;
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Sat4j timed out", e);
        }
        int[] found = solver.model();
        int[] model = new int[variables + 1];
        for (int lit : found) {
            if (Math.abs(lit) <= variables) {
                model[Math.abs(lit)] = lit;
            }
        }
        for (int v = 1; v <= variables; v++) {
            if (model[v] == 0) {
                model[v] = -v; // a variable in no clause: either value extends; mark false, true is tested
            }
        }
        witnesses.add(model);
        return model;
    }

    private static boolean satisfies(int[] model, int[] decisions) {
        for (int lit : decisions) {
            if (model[Math.abs(lit)] != lit) {
                return false;
            }
        }
        return true;
    }

    private void mark(int[] model, boolean[] possible) {
        for (int v = 1; v <= variables; v++) {
            possible[index(model[v])] = true;
        }
    }

    private static int index(int lit) {
        return lit > 0 ? 2 * lit : 2 * -lit + 1;
    }
}
