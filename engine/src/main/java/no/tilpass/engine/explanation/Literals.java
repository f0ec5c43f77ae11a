package no.tilpass.engine.explanation;

import java.util.List;
import no.tilpass.engine.sat.SatResult;
import no.tilpass.engine.sat.SatSolver;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.SolutionSpace;

/** Decisions to SAT literals, and the solver call every algorithm here makes. */
final class Literals {
    private Literals() {}

    static Option option(SolutionSpace space, Decision decision) {
        return space.option(decision.option())
                .orElseThrow(() -> new IllegalArgumentException("unknown option '" + decision.option() + "'"));
    }

    static int of(SolutionSpace space, Decision decision) {
        Option option = option(space, decision);
        int index = option.indexOf(decision.value());
        if (index < 0) {
            throw new IllegalArgumentException("option '" + option.name() + "' has no value '" + decision.value()
                    + "'; its values are " + option.values());
        }
        return option.literal(index);
    }

    static int[] of(SolutionSpace space, List<Decision> decisions) {
        int[] literals = new int[decisions.size()];
        for (int i = 0; i < literals.length; i++) {
            literals[i] = of(space, decisions.get(i));
        }
        return literals;
    }

    /** Solves under {@code assumptions}; no conflict budget is ever set, so UNKNOWN cannot happen. */
    static boolean satisfiable(SatSolver solver, int[] assumptions) {
        SatResult result = solver.solve(assumptions);
        if (result == SatResult.UNKNOWN) {
            throw new IllegalStateException("the SAT solver gave up without a conflict budget");
        }
        return result == SatResult.SATISFIABLE;
    }

    /** {@code a} followed by {@code b}. */
    static int[] concat(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
