package no.tilpass.engine.clib;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An enumerated variable of {@code domains.txt}: its name and values, in file order. */
record Domain(String name, List<String> values, Map<String, Integer> index) {
    static Domain of(String name, List<String> values) {
        Map<String, Integer> index = new HashMap<>(values.size() * 2);
        for (int i = 0; i < values.size(); i++) {
            index.put(values.get(i), i);
        }
        return new Domain(name, List.copyOf(values), index);
    }
}
