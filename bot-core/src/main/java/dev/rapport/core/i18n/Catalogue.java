package dev.rapport.core.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The message catalogues: every shipped language's texts, looked up by key and formatted with ICU
 * {@code MessageFormat} for the language (named arguments, plurals, dates and numbers). Immutable and shared:
 * {@link #standard()} is the one the application uses; it is also a bean.
 */
public final class Catalogue {

    /**
     * The catalogue's files on the class path, one per area so that each area's texts read together: {@code
     * i18n/messages.properties} (and {@code i18n/messages_fr.properties} …) holds what the outbox sends, {@code
     * i18n/core} what core's services say outside the commands (refusals, settings, charts, import errors), {@code
     * i18n/commands} the replies of {@code /rapport} commands and their descriptions, {@code i18n/adapters} the Slack
     * and Discord adapters' own words, {@code i18n/sandbox} the sandbox's, {@code i18n/digest} the coordinators' weekly digest. A key lives in exactly one file; the files
     * of one language form that language's catalogue.
     */
    public static final List<String> BUNDLES = List.of(
            "i18n/messages",
            "i18n/core",
            "i18n/commands",
            "i18n/adapters",
            "i18n/sandbox",
            "i18n/digest",
            "i18n/research");

    private static final class Standard {
        static final Catalogue INSTANCE = load(BUNDLES, Languages.SHIPPED);
    }

    /** Patterns by language code, then key. */
    private final Map<String, Map<String, String>> patterns;

    private Catalogue(Map<String, Map<String, String>> patterns) {
        this.patterns = patterns;
    }

    /** The shipped catalogues, read once. */
    public static Catalogue standard() {
        return Standard.INSTANCE;
    }

    /**
     * Reads the catalogues of {@code languages} from the files of {@code bundles}.
     *
     * @throws IllegalStateException when a file is missing or two files of a language define the same key
     */
    static Catalogue load(List<String> bundles, List<String> languages) {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (String language : languages) {
            Map<String, String> merged = new HashMap<>();
            for (String bundle : bundles) {
                String resource = resource(bundle, language);
                read(resource).forEach((key, pattern) -> {
                    if (merged.putIfAbsent(key, pattern) != null) {
                        throw new IllegalStateException("The key " + key + " is defined twice, again in " + resource);
                    }
                });
            }
            all.put(language, Collections.unmodifiableMap(merged));
        }
        return new Catalogue(Collections.unmodifiableMap(all));
    }

    /** The resource holding one language's catalogue: English is the base file itself. */
    static String resource(String base, String language) {
        return base + (language.equals(Languages.ENGLISH.getLanguage()) ? "" : "_" + language) + ".properties";
    }

    /** A properties file read as UTF-8, keys in no particular order. */
    static Map<String, String> read(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No catalogue " + resource + " on the class path");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new HashMap<>();
        properties.forEach((k, v) -> out.put((String) k, ((String) v).strip()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The text of {@code key} in {@code locale}'s language (English when that language is not shipped or lacks the
     * key), formatted with {@code args}.
     *
     * @throws IllegalArgumentException when no catalogue has the key: a programming error, found by the tests
     */
    public String text(Locale locale, String key, Map<String, ?> args) {
        String language = language(locale);
        String pattern = patterns.get(language).get(key);
        if (pattern == null) {
            language = Languages.ENGLISH.getLanguage();
            pattern = patterns.get(language).get(key);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("No text " + key + " in the catalogue");
        }
        Locale in = Locale.of(language);
        Map<String, Object> values = new HashMap<>();
        args.forEach((name, value) -> values.put(name, prepared(in, value)));
        return new MessageFormat(pattern, ULocale.forLocale(in)).format(values);
    }

    /** {@link #text(Locale, String, Map)} with arguments as name, value, name, value… */
    public String text(Locale locale, String key, Object... namesAndValues) {
        return text(locale, Text.of(key, namesAndValues));
    }

    /** A {@link Text} rendered in {@code locale}'s language. */
    public String text(Locale locale, Text text) {
        return text(locale, text.key(), text.args());
    }

    /**
     * What an outbox payload says in {@code locale}'s language: a stored {@link Text} rendered, or plain text (rows
     * written before catalogues existed) as it is.
     */
    public String render(Locale locale, String payload) {
        return Text.decode(payload).map(t -> text(locale, t)).orElse(payload == null ? "" : payload);
    }

    /** The shipped language of a locale, or English. */
    public static String language(Locale locale) {
        return Languages.match(locale == null ? null : locale.toLanguageTag())
                .orElse(Languages.ENGLISH)
                .getLanguage();
    }

    /** The keys of a language's own catalogue (not counting English fallbacks), for tests. */
    Set<String> keys(String language) {
        return patterns.get(language).keySet();
    }

    /** The raw pattern of a key in a language's own catalogue, or null. */
    String pattern(String language, String key) {
        return patterns.get(language).get(key);
    }

    /** The argument names a pattern uses, within plural and select branches too; fails when it does not parse. */
    static Set<String> argumentNames(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(parsed.getSubstring(part));
            }
        }
        return names;
    }

    private Object prepared(Locale in, Object value) {
        return switch (value) {
            case null -> "";
            case Text t -> text(in, t);
            case List<?> lines ->
                lines.stream().map(line -> text(in, (Text) line)).collect(Collectors.joining("\n"));
            // ICU formats dates as instants in its default zone: a day is its midnight there, shown as that day.
            case LocalDate d ->
                Date.from(
                        d.atStartOfDay(ZoneId.of(TimeZone.getDefault().getID())).toInstant());
            default -> value;
        };
    }
}
