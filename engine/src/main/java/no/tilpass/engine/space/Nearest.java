package no.tilpass.engine.space;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Finds the names closest to a misspelt one, for "Maybe you meant ..." lines. */
public final class Nearest {
    private Nearest() {}

    /** Up to three candidates within a small edit distance of {@code word}, closest first. */
    public static List<String> to(String word, Collection<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, w.length() / 3);
        List<String> best = new ArrayList<>();
        List<Integer> dist = new ArrayList<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            if (Math.abs(lc.length() - w.length()) > limit) {
                continue;
            }
            int d = lc.equals(w) ? 0 : distance(w, lc, limit);
            if (d > limit) {
                continue;
            }
            int at = 0;
            while (at < dist.size() && dist.get(at) <= d) {
                at++;
            }
            if (at < 3) {
                best.add(at, c);
                dist.add(at, d);
                if (best.size() > 3) {
                    best.remove(3);
                    dist.remove(3);
                }
            }
        }
        return best;
    }

    /** "you meant 'a' or 'b'?" or an empty string. */
    public static String meant(String word, Collection<String> candidates) {
        List<String> near = to(word, candidates);
        if (near.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("you meant ");
        for (int i = 0; i < near.size(); i++) {
            if (i > 0) {
                sb.append(i == near.size() - 1 ? " or " : ", ");
            }
            sb.append('\'').append(near.get(i)).append('\'');
        }
        return sb.append('?').toString();
    }

    private static int distance(String a, String b, int limit) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
