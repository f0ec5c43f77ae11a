package no.tilpass.engine.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.OptionKind;
import no.tilpass.engine.space.Rule;
import no.tilpass.engine.space.SolutionSpace;

/**
 * Small random solution spaces for oracle tests: two to five options (booleans and one-hot enums of two to
 * four values), sometimes an auxiliary variable defined as the conjunction of two value literals, and a
 * few rules of one or two random clauses over value literals. At most 13 variables.
 */
public final class RandomSpaces {
    private RandomSpaces() {}

    public static SolutionSpace random(Random rnd) {
        List<Option> options = new ArrayList<>();
        List<int[]> clauses = new ArrayList<>();
        List<Integer> ruleOf = new ArrayList<>();
        int vars = 0;
        int optionCount = 2 + rnd.nextInt(4);
        for (int o = 0; o < optionCount && vars < 10; o++) {
            String name = "o" + o;
            int def = rnd.nextInt(3) == 0 ? -1 : 0;
            if (rnd.nextBoolean()) {
                vars++;
                options.add(Option.bool(name, vars, def < 0 ? -1 : rnd.nextInt(2)));
            } else {
                int k = 2 + rnd.nextInt(3);
                int[] lits = new int[k];
                List<String> values = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    lits[i] = ++vars;
                    values.add(name + "v" + i);
                }
                OneHot.exactlyOne(lits, clauses, ruleOf);
                options.add(new Option(name, OptionKind.ENUM, values, lits, new int[0], def < 0 ? -1 : rnd.nextInt(k)));
            }
        }
        List<Integer> valueLits = new ArrayList<>();
        for (Option o : options) {
            for (int i = 0; i < o.valueCount(); i++) {
                valueLits.add(o.literal(i));
            }
        }
        List<Integer> pool = new ArrayList<>(valueLits);
        if (rnd.nextInt(3) == 0) {
            int aux = ++vars;
            int x = valueLits.get(rnd.nextInt(valueLits.size()));
            int y = valueLits.get(rnd.nextInt(valueLits.size()));
            clauses.add(new int[] {-aux, x});
            clauses.add(new int[] {-aux, y});
            clauses.add(new int[] {aux, -x, -y});
            for (int i = 0; i < 3; i++) {
                ruleOf.add(Cnf.STRUCTURAL);
            }
            pool.add(aux);
        }
        int ruleCount = 1 + rnd.nextInt(6);
        List<Rule> rules = new ArrayList<>();
        for (int r = 0; r < ruleCount; r++) {
            rules.add(new Rule("R" + r, "rule " + r, "Sentence of rule " + r + ".", ""));
            int clauseCount = rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(2);
            for (int c = 0; c < clauseCount; c++) {
                int len = 1 + rnd.nextInt(3);
                if (len == 1 && rnd.nextBoolean()) {
                    len = 2; // fewer unit clauses, fewer unsatisfiable models
                }
                int[] clause = new int[len];
                for (int i = 0; i < len; i++) {
                    int lit = pool.get(rnd.nextInt(pool.size()));
                    clause[i] = rnd.nextInt(3) == 0 ? lit : -lit;
                }
                clauses.add(clause);
                ruleOf.add(r);
            }
        }
        return new SolutionSpace("random", options, rules, Cnf.of(vars, clauses, ruleOf));
    }

    /** Up to {@code max} decisions on distinct random options with random values, in random order. */
    public static List<Decision> decisions(SolutionSpace space, Random rnd, int max) {
        List<Option> options = new ArrayList<>(space.options());
        java.util.Collections.shuffle(options, rnd);
        int k = rnd.nextInt(Math.min(max, options.size()) + 1);
        List<Decision> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Option o = options.get(i);
            out.add(new Decision(o.name(), o.values().get(rnd.nextInt(o.valueCount()))));
        }
        return out;
    }

    /** Every value of every option, as {@code option=value}. */
    public static List<Decision> allValues(SolutionSpace space) {
        List<Decision> out = new ArrayList<>();
        for (Option o : space.options()) {
            for (String v : o.values()) {
                out.add(new Decision(o.name(), v));
            }
        }
        return out;
    }
}
