package no.tilpass.bench;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.OptionKind;
import no.tilpass.engine.space.Rule;
import no.tilpass.engine.space.SolutionSpace;

/**
 * A larger model made from a boolean one, for looking at how the engine scales: {@code copies} copies of
 * it side by side (option {@code NAME} of copy {@code k > 0} is {@code NAME@k}), chained so that they are
 * not independent: for each pair of neighbouring copies, {@link #LINKS} options chosen with a fixed seed
 * imply the same option in the next copy (so sessions with different seeds run on the same model). Every valid configuration of the original, repeated in
 * every copy, is valid here, so the copies stay satisfiable together. Synthetic: its figures say how the
 * engine scales, not how a real model of that size behaves.
 */
public final class ChainedCopies {
    /** Implications between each pair of neighbouring copies. */
    public static final int LINKS = 300;

    private static final long LINK_SEED = 1;

    private ChainedCopies() {}

    /**
     * The chained copies of {@code space}, or empty when it has options that are not boolean (their
     * values' literals are not one variable each). One copy is {@code space} itself.
     */
    public static Optional<SolutionSpace> of(SolutionSpace space, int copies) {
        if (copies < 1) {
            throw new IllegalArgumentException("copies " + copies + " < 1");
        }
        if (copies == 1) {
            return Optional.of(space);
        }
        for (Option option : space.options()) {
            if (option.kind() != OptionKind.BOOLEAN || !option.onOneVariable()) {
                return Optional.empty();
            }
        }
        Cnf cnf = space.cnf();
        int n = cnf.variableCount();
        List<Option> options = new ArrayList<>(space.options().size() * copies);
        for (int k = 0; k < copies; k++) {
            for (Option option : space.options()) {
                int variable = Math.abs(option.literal(1));
                options.add(Option.bool(
                        k == 0 ? option.name() : option.name() + "@" + k, variable + k * n, option.defaultIndex()));
            }
        }
        int m = cnf.clauseCount();
        int links = LINKS;
        int[][] clauses = new int[m * copies + links * (copies - 1)][];
        int[] ruleOf = new int[clauses.length];
        int c = 0;
        for (int k = 0; k < copies; k++) {
            for (int i = 0; i < m; i++) {
                int[] clause = cnf.clause(i).clone();
                for (int j = 0; j < clause.length; j++) {
                    clause[j] += clause[j] > 0 ? k * n : -k * n;
                }
                clauses[c] = clause;
                ruleOf[c++] = cnf.ruleOf(i); // a copy's clause cites the original's rule
            }
        }
        Random random = new Random(LINK_SEED);
        int firstLink = space.rules().size();
        for (int k = 0; k + 1 < copies; k++) {
            for (int l = 0; l < links; l++) {
                int v = 1 + random.nextInt(n);
                clauses[c] = new int[] {-(v + k * n), v + (k + 1) * n};
                ruleOf[c++] = firstLink + k * links + l;
            }
        }
        List<Rule> rules = new Rules(space.rules(), links * (copies - 1));
        return Optional.of(
                new SolutionSpace(space.name() + " x" + copies, options, rules, new Cnf(n * copies, clauses, ruleOf)));
    }

    /** The original's rules, then one rule per link; built on demand. */
    private static final class Rules extends AbstractList<Rule> {
        private final List<Rule> original;
        private final int links;

        Rules(List<Rule> original, int links) {
            this.original = original;
            this.links = links;
        }

        @Override
        public Rule get(int index) {
            if (index < original.size()) {
                return original.get(index);
            }
            String id = "link " + (index - original.size() + 1);
            return new Rule(
                    id, id, "An option of one copy implies the same option of the next copy.", "chained copies");
        }

        @Override
        public int size() {
            return original.size() + links;
        }
    }
}
