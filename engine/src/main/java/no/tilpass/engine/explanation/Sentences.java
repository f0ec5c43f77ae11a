package no.tilpass.engine.explanation;

import java.util.List;
import no.tilpass.engine.space.Rule;

/** Rules as sentences for people. */
final class Sentences {
    private Sentences() {}

    /** Appends {@code name (id): sentence.} for each rule, separated by spaces. */
    static void appendRules(StringBuilder sb, List<Rule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(r.name());
            if (!r.id().equals(r.name())) {
                sb.append(" (").append(r.id()).append(')');
            }
            String sentence = r.explanation().strip();
            sb.append(": ").append(sentence);
            if (!sentence.endsWith(".")) {
                sb.append('.');
            }
        }
    }
}
