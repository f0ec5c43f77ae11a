package no.tilpass.server.quote;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fixed texts of a quote in one language ({@code quote_nb.properties}, {@code _sv}, {@code _en}),
 * and how that language writes amounts and dates.
 */
public final class QuoteTexts {
    /** The languages quotes are written in; the first is the default. */
    public static final List<String> LANGUAGES = List.of("nb", "sv", "en");

    private static final Map<String, QuoteTexts> BY_LANGUAGE =
            LANGUAGES.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), QuoteTexts::load));

    private final String language;
    private final Properties texts;

    private QuoteTexts(String language, Properties texts) {
        this.language = language;
        this.texts = texts;
    }

    /** The texts for {@code language}, or Norwegian when it is not one of {@link #LANGUAGES}. */
    public static QuoteTexts of(String language) {
        return BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get(LANGUAGES.get(0)));
    }

    public String language() {
        return language;
    }

    /** The text for {@code key}; a missing key shows as itself rather than failing the quote. */
    public String text(String key) {
        return texts.getProperty(key, key);
    }

    /** An amount in whole kroner: {@code 12 345} in nb and sv, {@code 12,345} in en. */
    public String money(long amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(language.equals("en") ? ',' : ' ');
        symbols.setMinusSign('-');
        return new DecimalFormat("#,##0", symbols).format(amount);
    }

    /** A date as the language writes it: 30.12.2026 in nb, 2026-12-30 in sv, 30 Dec 2026 in en. */
    public String date(LocalDate date) {
        String pattern =
                switch (language) {
                    case "sv" -> "yyyy-MM-dd";
                    case "en" -> "d MMM yyyy";
                    default -> "dd.MM.yyyy";
                };
        return date.format(DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH));
    }

    private static QuoteTexts load(String language) {
        String resource = "quote_" + language + ".properties";
        Properties properties = new Properties();
        try (InputStream in = QuoteTexts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing next to " + QuoteTexts.class.getName());
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new QuoteTexts(language, properties);
    }
}
