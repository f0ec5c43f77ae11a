package no.tilpass.engine.explanation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import no.tilpass.engine.sat.SatSolver;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.Rule;
import no.tilpass.engine.space.SolutionSpace;

/**
 * Explains, repairs and changes a customer's decisions on one {@link SolutionSpace}.
 *
 * <p>Algorithms (every step is a SAT call under assumptions on an incremental solver):
 *
 * <ul>
 *   <li>{@link #whyUnavailable}: deletion-based minimisation seeded and refined by the solver's failed
 *       assumptions, first over the customer's decisions (the query value always assumed), then over one
 *       selector variable per rule on a second solver created lazily (structural clauses always on). Older
 *       decisions are tried for removal first, so explanations favour the customer's recent choices.
 *   <li>{@link #repair} and {@link #makeAvailable}: the preferred maximal satisfiable subset, scanning from
 *       the newest decision to the oldest and keeping each one consistent with those kept (a model of the
 *       kept set that already satisfies a decision saves the call). Its complement is a minimal correction
 *       set that retracts older decisions before newer ones.
 *   <li>{@link #checkModel}: when the model itself is unsatisfiable, the same rule minimisation as in
 *       {@link #whyUnavailable}, with nothing assumed but the rule selectors.
 * </ul>
 *
 * <p>Decisions must name existing options and values (the configurator validates them); otherwise an
 * {@link IllegalArgumentException} names the bad one. Not thread-safe: the solvers are reused between
 * calls, so use one {@code Explainer} per thread.
 */
public final class Explainer {
    /** Alternatives for a retracted decision are listed only for options with at most this many values. */
    public static final int MAX_ALTERNATIVE_VALUES = 64;

    private final SolutionSpace space;
    private SatSolver solver;
    private RuleSelectors selectors;

    public Explainer(SolutionSpace space) {
        this.space = Objects.requireNonNull(space);
    }

    /**
     * Why can {@code query} (an {@code option=value}) not be chosen on top of {@code decisions} (oldest
     * first)?
     */
    public Explanation whyUnavailable(List<Decision> decisions, Decision query) {
        int q = Literals.of(space, query);
        int[] d = Literals.of(space, decisions);
        SatSolver s = solver();
        if (Literals.satisfiable(s, Literals.concat(d, new int[] {q}))) {
            return new Explanation.Available(query);
        }
        Set<Integer> failed = asSet(s.failedAssumptions());
        if (d.length > 0 && !Literals.satisfiable(s, d) && Literals.satisfiable(s, new int[0])) {
            return new Explanation.DecisionsInconsistent(query, decisions);
        }
        List<Integer> candidates = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            all.add(i);
            if (failed.contains(d[i])) {
                candidates.add(i);
            }
        }
        int[] fixed = {q};
        List<Integer> chosen = minimise(s, fixed, candidates, all, i -> d[i]);
        List<Decision> because = new ArrayList<>(chosen.size());
        int[] becauseLiterals = new int[chosen.size() + 1];
        for (int k = 0; k < chosen.size(); k++) {
            because.add(decisions.get(chosen.get(k)));
            becauseLiterals[k] = d[chosen.get(k)];
        }
        becauseLiterals[chosen.size()] = q;
        return new Explanation.Excluded(query, because, rulesExcluding(becauseLiterals));
    }

    /**
     * Which decisions to retract so that the rest are consistent: a minimal set that prefers retracting
     * older decisions.
     */
    public Repair repair(List<Decision> decisions) {
        int[] d = Literals.of(space, decisions);
        SatSolver s = solver();
        if (Literals.satisfiable(s, d)) {
            return new Repair.Consistent(decisions);
        }
        if (!Literals.satisfiable(s, new int[0])) {
            return new Repair.NoValidConfiguration();
        }
        int[] hard = new int[0];
        boolean[] keep = keepNewest(s, d, hard);
        List<Decision> kept = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            if (keep[i]) {
                kept.add(decisions.get(i));
            }
        }
        return new Repair.Retract(retractions(s, decisions, d, keep, hard), kept);
    }

    /**
     * Which decisions to retract (or change) so that {@code query} becomes available: a minimal set that
     * prefers retracting older decisions, typically a single one.
     */
    public Change makeAvailable(List<Decision> decisions, Decision query) {
        int q = Literals.of(space, query);
        int[] d = Literals.of(space, decisions);
        SatSolver s = solver();
        if (Literals.satisfiable(s, Literals.concat(d, new int[] {q}))) {
            return new Change.AlreadyAvailable(query);
        }
        int[] hard = {q};
        if (!Literals.satisfiable(s, hard)) {
            return new Change.Impossible(query, (Explanation.Excluded) whyUnavailable(List.of(), query));
        }
        boolean[] keep = keepNewest(s, d, hard);
        List<Decision> resulting = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            if (keep[i]) {
                resulting.add(decisions.get(i));
            }
        }
        resulting.add(query);
        return new Change.Retract(query, retractions(s, decisions, d, keep, hard), resulting);
    }

    /**
     * Does the model itself admit a valid configuration? If not, a subset-minimal set of rules that,
     * together with the structural clauses, admits none (deletion over rule selectors, refined by the
     * solver's failed assumptions).
     */
    public ModelConsistency checkModel() {
        if (Literals.satisfiable(solver(), new int[0])) {
            return new ModelConsistency.Satisfiable();
        }
        return new ModelConsistency.Conflict(rulesExcluding(new int[0]));
    }

    /**
     * The rules of {@link #checkModel()}'s conflict (model order, subset-minimal), or an empty list when
     * the model has a valid configuration.
     */
    public List<Rule> conflictingRules() {
        return checkModel() instanceof ModelConsistency.Conflict conflict ? conflict.rules() : List.of();
    }

    private SatSolver solver() {
        if (solver == null) {
            solver = SatSolver.of(space.cnf());
        }
        return solver;
    }

    private RuleSelectors selectors() {
        if (selectors == null) {
            selectors = new RuleSelectors(space.cnf(), space.rules().size());
        }
        return selectors;
    }

    /** A subset-minimal list of rules that, with the structural clauses, contradicts {@code literals}. */
    private List<Rule> rulesExcluding(int[] literals) {
        RuleSelectors rs = selectors();
        if (Literals.satisfiable(rs.full, Literals.concat(literals, rs.selectors))) {
            throw new IllegalStateException("the selector solver disagrees with the plain solver");
        }
        Set<Integer> failed = asSet(rs.full.failedAssumptions());
        List<Integer> all = new ArrayList<>(rs.selectors.length);
        List<Integer> candidates = new ArrayList<>();
        for (int selector : rs.selectors) {
            all.add(selector);
            if (failed.contains(selector)) {
                candidates.add(rs.focusSelector(rs.ruleOf(selector)));
            }
        }
        List<Integer> rules = new ArrayList<>();
        if (!Literals.satisfiable(rs.focus, assumptions(literals, candidates, -1, selector -> selector))) {
            for (int selector : minimise(rs.focus, literals, candidates, candidates, selector -> selector)) {
                rules.add(rs.ruleOfFocus(selector));
            }
        } else { // the failed assumptions were wrong: minimise over every rule, slowly but surely
            for (int selector : minimise(rs.full, literals, all, all, selector -> selector)) {
                rules.add(rs.ruleOf(selector));
            }
        }
        Collections.sort(rules);
        List<Rule> out = new ArrayList<>(rules.size());
        for (int rule : rules) {
            out.add(space.rules().get(rule));
        }
        return out;
    }

    /**
     * Deletion-based minimisation: {@code fixed} plus the literals of {@code candidates} (the failed
     * assumptions among {@code all}) are unsatisfiable; returns a subset-minimal sublist of {@code
     * candidates} (in their order) that still is. Candidates are
     * tried for removal in order; each unsatisfiable trial shrinks the rest to the failed assumptions. The
     * result is checked once more; should the solver's failed assumptions ever have been wrong, the
     * minimisation is redone from {@code all} without them.
     */
    private static List<Integer> minimise(
            SatSolver s, int[] fixed, List<Integer> candidates, List<Integer> all, IntUnaryOperator literal) {
        List<Integer> core = deletion(s, fixed, candidates, literal, true);
        if (Literals.satisfiable(s, assumptions(fixed, core, -1, literal))) {
            core = deletion(s, fixed, all, literal, false);
        }
        return core;
    }

    private static List<Integer> deletion(
            SatSolver s, int[] fixed, List<Integer> candidates, IntUnaryOperator literal, boolean refine) {
        List<Integer> core = new ArrayList<>(candidates);
        int pos = 0;
        while (pos < core.size()) {
            if (Literals.satisfiable(s, assumptions(fixed, core, pos, literal))) {
                pos++; // core.get(pos) is necessary
                continue;
            }
            Set<Integer> failed = refine ? asSet(s.failedAssumptions()) : null;
            List<Integer> next = new ArrayList<>(core.subList(0, pos)); // necessary ones stay
            for (int j = pos + 1; j < core.size(); j++) {
                if (failed == null || failed.contains(literal.applyAsInt(core.get(j)))) {
                    next.add(core.get(j));
                }
            }
            core = next;
        }
        return core;
    }

    /** {@code fixed} followed by the literals of {@code core} except the one at {@code skip}. */
    private static int[] assumptions(int[] fixed, List<Integer> core, int skip, IntUnaryOperator literal) {
        int[] out = new int[fixed.length + core.size() - (skip >= 0 ? 1 : 0)];
        System.arraycopy(fixed, 0, out, 0, fixed.length);
        int k = fixed.length;
        for (int j = 0; j < core.size(); j++) {
            if (j != skip) {
                out[k++] = literal.applyAsInt(core.get(j));
            }
        }
        return out;
    }

    /**
     * Scanning decisions from the newest to the oldest, keeps each one that is consistent with {@code hard}
     * and the newer ones kept. {@code hard} must be satisfiable.
     */
    private static boolean[] keepNewest(SatSolver s, int[] d, int[] hard) {
        if (!Literals.satisfiable(s, hard)) {
            throw new IllegalStateException("hard literals are unsatisfiable");
        }
        int[] model = s.model();
        int[] kept = new int[hard.length + d.length];
        System.arraycopy(hard, 0, kept, 0, hard.length);
        int size = hard.length;
        boolean[] keep = new boolean[d.length];
        for (int i = d.length - 1; i >= 0; i--) {
            int lit = d[i];
            if (model[Math.abs(lit)] == lit) {
                keep[i] = true;
                kept[size++] = lit;
                continue;
            }
            kept[size] = lit;
            if (Literals.satisfiable(s, Arrays.copyOf(kept, size + 1))) {
                keep[i] = true;
                size++;
                model = s.model();
            }
        }
        return keep;
    }

    private List<Retraction> retractions(SatSolver s, List<Decision> decisions, int[] d, boolean[] keep, int[] hard) {
        int[] base = new int[hard.length + d.length + 1];
        System.arraycopy(hard, 0, base, 0, hard.length);
        int size = hard.length;
        for (int i = 0; i < d.length; i++) {
            if (keep[i]) {
                base[size++] = d[i];
            }
        }
        int[] trial = Arrays.copyOf(base, size + 1);
        List<Retraction> out = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            if (keep[i]) {
                continue;
            }
            Decision decision = decisions.get(i);
            Option option = Literals.option(space, decision);
            List<String> alternatives = new ArrayList<>();
            if (option.valueCount() <= MAX_ALTERNATIVE_VALUES) {
                for (int v = 0; v < option.valueCount(); v++) {
                    if (option.values().get(v).equals(decision.value())) {
                        continue;
                    }
                    trial[size] = option.literal(v);
                    if (Literals.satisfiable(s, trial)) {
                        alternatives.add(option.values().get(v));
                    }
                }
            }
            out.add(new Retraction(decision, alternatives));
        }
        return out;
    }

    private static Set<Integer> asSet(int[] literals) {
        Set<Integer> set = new HashSet<>(literals.length * 2);
        for (int lit : literals) {
            set.add(lit);
        }
        return set;
    }
}
