package no.tilpass.engine.space;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A compiled product model: its options, its rules and the CNF that encodes both. Immutable.
 *
 * <p>{@code rules} is kept as given (not copied) so that importers of very large models may pass a list
 * that builds its {@link Rule}s on demand; it must not change.
 */
public final class SolutionSpace {
    private final String name;
    private final List<Option> options;
    private final List<Rule> rules;
    private final Cnf cnf;
    private final Map<String, Option> byName;
    private final Map<Integer, Option> byVariable;

    /**
     * @param name the model's name
     * @param options every option, in model order
     * @param rules every rule; clause tags in {@code cnf} index this list
     * @param cnf the clauses
     */
    public SolutionSpace(String name, List<Option> options, List<Rule> rules, Cnf cnf) {
        this.name = Objects.requireNonNull(name);
        this.options = List.copyOf(options);
        this.rules = Collections.unmodifiableList(rules);
        this.cnf = Objects.requireNonNull(cnf);
        this.byName = new HashMap<>(options.size() * 2);
        this.byVariable = new HashMap<>(options.size() * 2);
        for (Option o : this.options) {
            if (byName.put(o.name(), o) != null) {
                throw new IllegalArgumentException("two options are called " + o.name());
            }
            for (int i = 0; i < o.valueCount(); i++) {
                byVariable.putIfAbsent(Math.abs(o.literal(i)), o);
            }
        }
    }

    public String name() {
        return name;
    }

    public List<Option> options() {
        return options;
    }

    public List<Rule> rules() {
        return rules;
    }

    public Cnf cnf() {
        return cnf;
    }

    /** The option called {@code optionName}, if any. */
    public Optional<Option> option(String optionName) {
        return Optional.ofNullable(byName.get(optionName));
    }

    /** The option one of whose value literals is on SAT variable {@code variable}, if any. */
    public Optional<Option> optionOfVariable(int variable) {
        return Optional.ofNullable(byVariable.get(variable));
    }

    @Override
    public String toString() {
        return "SolutionSpace[" + name + ", " + options.size() + " options, " + rules.size() + " rules, " + cnf + "]";
    }
}
