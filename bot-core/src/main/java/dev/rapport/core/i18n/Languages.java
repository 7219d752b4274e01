package dev.rapport.core.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Rapport ships, and the one rule that decides which of them a person reads.
 *
 * <p>A person's language is, in order: the language they chose ({@code /rapport language <code>}); else the locale
 * their platform reports for them (Slack's {@code users.info} with {@code include_locale}; Discord's interaction
 * {@code locale}, known only from their first interaction on), when it is a shipped language ({@code fr-FR} reads
 * French, {@code es-419} Spanish, {@code de-DE} nothing); else their programme's default language; else English.
 */
public final class Languages {

    /** The fallback, whose catalogue is the reference every other language must match. */
    public static final Locale ENGLISH = Locale.ENGLISH;

    /** Every shipped language, as ISO 639 codes; each has a complete catalogue and question bank. */
    public static final List<String> SHIPPED = List.of("en", "fr", "es");

    private Languages() {}

    /** The supported codes, for a command's help and its error message. */
    public static List<String> codes() {
        return SHIPPED;
    }

    /**
     * The shipped language a tag or code names: {@code fr}, {@code fr-FR}, {@code fr_CA}, {@code es-419} are shipped
     * languages; anything else (blank, malformed, {@code de}) is empty.
     */
    public static Optional<Locale> match(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-'))
                .getLanguage()
                .toLowerCase(Locale.ROOT);
        return SHIPPED.contains(language) ? Optional.of(Locale.of(language)) : Optional.empty();
    }

    /**
     * The language a person reads.
     *
     * @param chosen what they chose with {@code /rapport language}, or null
     * @param platformLocale what their platform reports (a BCP 47 tag such as {@code fr-FR}), or null
     * @param programmeDefault their programme's default language, or null
     */
    public static Locale resolve(String chosen, String platformLocale, String programmeDefault) {
        return match(chosen)
                .or(() -> match(platformLocale))
                .or(() -> match(programmeDefault))
                .orElse(ENGLISH);
    }

    /** The refusal of a language code that names no shipped language, for the person who typed it. */
    public static TextException unknown(String code) {
        return TextException.of("language.error.unknown", "codes", String.join(", ", codes()), "code", code);
    }
}
