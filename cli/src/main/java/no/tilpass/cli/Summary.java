package no.tilpass.cli;

import java.util.EnumMap;
import java.util.Map;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.OptionKind;
import no.tilpass.engine.space.SolutionSpace;

/** One line that describes a loaded model. */
final class Summary {
    private Summary() {}

    static String of(ModelInput.Loaded loaded) {
        SolutionSpace space = loaded.space();
        Map<OptionKind, Integer> kinds = new EnumMap<>(OptionKind.class);
        for (Option o : space.options()) {
            kinds.merge(o.kind(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("model ")
                .append(space.name())
                .append(": ")
                .append(space.options().size())
                .append(" options (");
        String sep = "";
        for (Map.Entry<OptionKind, Integer> e : kinds.entrySet()) {
            sb.append(sep)
                    .append(e.getValue())
                    .append(' ')
                    .append(e.getKey().name().toLowerCase(java.util.Locale.ROOT));
            sep = ", ";
        }
        sb.append("), ").append(space.rules().size()).append(" rules, ");
        sb.append(space.cnf().variableCount())
                .append(" variables, ")
                .append(space.cnf().clauseCount());
        sb.append(" clauses; loaded in ").append(loaded.loadMillis()).append(" ms");
        return sb.toString();
    }
}
