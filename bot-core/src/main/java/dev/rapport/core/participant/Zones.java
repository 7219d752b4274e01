package dev.rapport.core.participant;

import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Text;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * IANA time zones as people type them: found regardless of case and with spaces for underscores
 * ({@code europe/lisbon}, {@code America/New York}), and suggested from a few letters (Discord's autocomplete).
 * Only region-based ids are offered; the legacy three-letter ids and {@code SystemV/…} are left out.
 */
public final class Zones {

    private static final Map<String, String> BY_KEY = new TreeMap<>();
    private static final List<String> OFFERED;

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            BY_KEY.put(key(id), id);
        }
        OFFERED = ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.contains("/") && !id.startsWith("SystemV/") && !id.startsWith("Etc/"))
                .sorted()
                .toList();
    }

    private Zones() {}

    /** The zone a person meant, or empty when no IANA zone is called that. */
    public static Optional<ZoneId> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String id = BY_KEY.get(key(text.strip()));
        if (id == null && text.strip().equalsIgnoreCase("UTC")) {
            id = "UTC";
        }
        return Optional.ofNullable(id).map(ZoneId::of);
    }

    /**
     * Up to {@code max} zone ids that match what was typed so far: those whose city starts with it first, then those
     * containing it anywhere, alphabetically. Blank input suggests nothing but the first few of the list.
     */
    public static List<String> suggest(String typed, int max) {
        String k = typed == null ? "" : key(typed.strip());
        if (k.isEmpty()) {
            return OFFERED.stream().limit(max).toList();
        }
        // A stable sort: within each group the ids stay alphabetical.
        Comparator<String> cityFirst = Comparator.comparing(id -> !key(city(id)).startsWith(k));
        return OFFERED.stream()
                .filter(id -> key(id).contains(k))
                .sorted(cityFirst)
                .limit(max)
                .toList();
    }

    /** The friendly error for a zone that does not exist, in English; see {@link #unknownText(String)}. */
    public static String unknown(String text) {
        return unknown(text, Locale.ENGLISH);
    }

    /** The friendly error for a zone that does not exist, in {@code locale}'s language. */
    public static String unknown(String text, Locale locale) {
        return Catalogue.standard().text(locale, unknownText(text));
    }

    /** The friendly error for a zone that does not exist, not rendered yet. */
    public static Text unknownText(String text) {
        return Text.of("zone.error.unknown", "zone", text);
    }

    private static String city(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }

    private static String key(String s) {
        return s.replace(' ', '_').toLowerCase(Locale.ROOT);
    }
}
