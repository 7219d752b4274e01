package dev.rapport.core.pair;

import dev.rapport.core.i18n.Text;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Time zones as an import's {@code mentor_timezone} and {@code mentee_timezone} columns take them: region-based IANA
 * ids in any case (offsets like "+01:00" are not accepted: they ignore daylight saving), with a hint when only the
 * city was typed.
 */
final class ImportZones {

    /** Region-based zone ids by lower-case id. */
    private static final Map<String, String> ZONES = new TreeMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            ZONES.put(id.toLowerCase(Locale.ROOT), id);
        }
    }

    private ImportZones() {}

    /** The zone named {@code value}, whatever its case, or null. */
    static ZoneId known(String value) {
        String exact = ZONES.get(value.toLowerCase(Locale.ROOT));
        return exact == null ? null : ZoneId.of(exact);
    }

    /** What to say of {@code value} when it names no zone: a zone it may mean, or an example. */
    static Text problem(String column, String value) {
        String hint = hint(value);
        return hint == null
                ? Text.of("import.error.zone", "column", column, "value", value)
                : Text.of("import.error.zone.hint", "column", column, "value", value, "hint", hint);
    }

    /** A zone whose city part matches what was typed ("lisbon", "New York"), if there is exactly one. */
    static String hint(String typed) {
        String wanted = typed.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        if (wanted.isEmpty()) {
            return null;
        }
        List<String> matches = ZONES.values().stream()
                .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
                .filter(id -> id.substring(id.lastIndexOf('/') + 1)
                                .toLowerCase(Locale.ROOT)
                                .equals(wanted)
                        || id.toLowerCase(Locale.ROOT).endsWith("/" + wanted))
                .toList();
        if (matches.size() == 1) {
            return matches.getFirst();
        }
        return null;
    }
}
