package no.tilpass.server.drawing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Option values by name as written ({@code "1200"}, {@code "left"}, {@code "true"}), read leniently: a
 * missing option or a value of the wrong shape is simply absent, so that drawers degrade instead of
 * failing when a model changes.
 */
record Values(Map<String, String> byName) {

    Values {
        byName = new LinkedHashMap<>(byName);
    }

    OptionalInt integer(String name) {
        String text = byName.get(name);
        if (text == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of((int) Math.round(Double.parseDouble(text.trim())));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    int integer(String name, int fallback, int min, int max) {
        int value = integer(name).orElse(fallback);
        return Math.max(min, Math.min(max, value));
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(byName.get(name)).map(v -> v.trim().toLowerCase(Locale.ROOT));
    }

    /** The first of {@code names} that has a value. */
    Optional<String> firstText(List<String> names) {
        return names.stream().map(this::text).flatMap(Optional::stream).findFirst();
    }

    /** True when the option is {@code true}, or an enumerated value other than none/no/false. */
    boolean present(String name) {
        return text(name)
                .map(v -> !List.of("false", "none", "no", "without", "0").contains(v))
                .orElse(false);
    }
}
