package no.tilpass.engine.bom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Orders operations so that each comes after everything it waits for, otherwise keeping model order. */
final class Precedence {
    private Precedence() {}

    /** {@code steps} reordered: repeatedly the first step in model order whose predecessors are all placed. */
    static List<Explosion.Step> order(List<Explosion.Step> steps) {
        Map<String, Explosion.Step> remaining = new LinkedHashMap<>();
        for (Explosion.Step s : steps) {
            remaining.put(s.id(), s);
        }
        List<Explosion.Step> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Explosion.Step next = null;
            for (Explosion.Step s : remaining.values()) {
                if (s.after().stream().noneMatch(remaining::containsKey)) {
                    next = s;
                    break;
                }
            }
            if (next == null) {
                throw new IllegalStateException("operations wait for each other in a cycle: " + remaining.keySet());
            }
            remaining.remove(next.id());
            out.add(next);
        }
        return out;
    }
}
