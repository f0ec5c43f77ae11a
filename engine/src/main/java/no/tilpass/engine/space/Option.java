package no.tilpass.engine.space;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An option of a solution space. Value {@code i} is chosen exactly when SAT literal {@code literal(i)} is
 * true; exactly one value of every option is true in every valid configuration.
 *
 * <p>Booleans have values {@code ["true", "false"]} with literals {@code [v, -v]}. Enumerated and integer
 * options use one variable per value and structural exactly-one clauses. Integer options list their
 * values in ascending order as decimal strings, with the numbers in {@link #numbers()}.
 */
public final class Option {
    private final String name;
    private final OptionKind kind;
    private final List<String> values;
    private final int[] literals;
    private final int[] numbers;
    private final int defaultIndex;

    /**
     * @param defaultIndex index of the soft default value, or -1 for none
     * @param numbers for INTEGER options the numeric value of each value, otherwise empty
     */
    public Option(String name, OptionKind kind, List<String> values, int[] literals, int[] numbers, int defaultIndex) {
        this.name = Objects.requireNonNull(name);
        this.kind = Objects.requireNonNull(kind);
        this.values = List.copyOf(values);
        this.literals = literals.clone();
        this.numbers = numbers.clone();
        this.defaultIndex = defaultIndex;
        if (this.values.size() != this.literals.length) {
            throw new IllegalArgumentException(
                    "option " + name + ": " + values.size() + " values but " + literals.length + " literals");
        }
        if (kind == OptionKind.INTEGER && numbers.length != literals.length) {
            throw new IllegalArgumentException("integer option " + name + " needs one number per value");
        }
    }

    /** A boolean option on SAT variable {@code variable}. */
    public static Option bool(String name, int variable, int defaultIndex) {
        return new Option(
                name,
                OptionKind.BOOLEAN,
                List.of("true", "false"),
                new int[] {variable, -variable},
                new int[0],
                defaultIndex);
    }

    public String name() {
        return name;
    }

    public OptionKind kind() {
        return kind;
    }

    public List<String> values() {
        return values;
    }

    public int valueCount() {
        return literals.length;
    }

    /** Whether the option's two values are one variable's two literals (a boolean such as {@link #bool}). */
    public boolean onOneVariable() {
        return literals.length == 2 && literals[1] == -literals[0];
    }

    /** The SAT literal that is true exactly when value {@code valueIndex} is chosen. */
    public int literal(int valueIndex) {
        return literals[valueIndex];
    }

    /** A copy of all value literals, in value order. */
    public int[] literals() {
        return literals.clone();
    }

    /** For INTEGER options: the number of value {@code valueIndex}. */
    public int number(int valueIndex) {
        return numbers[valueIndex];
    }

    /** For INTEGER options: a copy of all numbers in value order; empty otherwise. */
    public int[] numbers() {
        return numbers.clone();
    }

    /** The index of {@code value}, or -1 when the option has no such value. */
    public int indexOf(String value) {
        return values.indexOf(value);
    }

    /** The index of the soft default value, or -1. */
    public int defaultIndex() {
        return defaultIndex;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Option other
                && name.equals(other.name)
                && kind == other.kind
                && values.equals(other.values)
                && Arrays.equals(literals, other.literals)
                && Arrays.equals(numbers, other.numbers)
                && defaultIndex == other.defaultIndex;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, values, Arrays.hashCode(literals));
    }

    @Override
    public String toString() {
        return name + " " + kind + " " + (values.size() <= 6 ? values : values.size() + " values");
    }
}
