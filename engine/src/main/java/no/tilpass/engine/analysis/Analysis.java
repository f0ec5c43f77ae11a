package no.tilpass.engine.analysis;

import java.util.List;

/**
 * Dead and core values of a model, in option and value order.
 *
 * @param satisfiable whether the model has any valid configuration; when it has none every value is dead
 *     and none is listed as core
 * @param deadValues values that no valid configuration takes
 * @param coreValues values that every valid configuration takes (forced by the model)
 */
public record Analysis(boolean satisfiable, List<OptionValue> deadValues, List<OptionValue> coreValues) {
    public Analysis {
        deadValues = List.copyOf(deadValues);
        coreValues = List.copyOf(coreValues);
    }
}
