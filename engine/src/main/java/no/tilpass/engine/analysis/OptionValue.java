package no.tilpass.engine.analysis;

/** A value of an option, as {@code option=value}. */
public record OptionValue(String option, String value) {
    @Override
    public String toString() {
        return option + "=" + value;
    }
}
