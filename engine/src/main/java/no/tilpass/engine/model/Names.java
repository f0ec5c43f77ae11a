package no.tilpass.engine.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Nearest-name suggestions for "Maybe you meant ..." lines. */
final class Names {
    private Names() {}

    /** Up to three names from {@code known} close to {@code name}, nearest first. */
    static List<String> nearest(String name, Collection<String> known) {
        record Scored(String name, int distance) {}
        int limit = Math.max(2, name.length() / 3);
        List<Scored> scored = new ArrayList<>();
        for (String k : known) {
            int d = distance(name.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d <= limit || k.endsWith("." + name)) {
                scored.add(new Scored(k, k.endsWith("." + name) ? 0 : d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().limit(3).map(Scored::name).collect(Collectors.toList());
    }

    /** "you meant 'width'." / "you meant one of 'a', 'b'." or {@code fallback} when nothing is close. */
    static String maybe(String name, Collection<String> known, String fallback) {
        List<String> near = nearest(name, known);
        if (near.isEmpty()) {
            return fallback;
        }
        if (near.size() == 1) {
            return "you meant '" + near.get(0) + "'.";
        }
        return "you meant one of " + near.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")) + ".";
    }

    /** Levenshtein edit distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** At most {@code n} names, quoted, comma-separated, with "..." when there are more. */
    static String list(Collection<String> names, int n) {
        String s = names.stream().limit(n).collect(Collectors.joining(", "));
        return names.size() > n ? s + ", ..." : s;
    }
}
