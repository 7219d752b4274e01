package dev.rapport.core.pair;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.programme.ProgrammeView;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds many pairs to a programme from a CSV file, all or nothing.
 *
 * <h2>File format</h2>
 * <ul>
 *   <li>UTF-8 text, comma-separated, fields quoted with {@code "} where needed (RFC 4180). A UTF-8 byte-order
 *       mark, CRLF or LF line ends, blank lines and spaces around fields are all tolerated.</li>
 *   <li>The first non-blank line is a header naming the columns; names are case-insensitive and may come in any
 *       order. Required: {@code mentor_id, mentor_name, mentee_id, mentee_name}. Optional:
 *       <ul>
 *         <li>{@code start_date} — {@code YYYY-MM-DD}; empty or absent means today in the programme's time zone;</li>
 *         <li>{@code mentor_timezone}, {@code mentee_timezone} — IANA names such as {@code Europe/Lisbon}; empty or
 *             absent means the programme's zone. They apply only to people new to Rapport: someone already known
 *             keeps the zone they set themselves.</li>
 *       </ul>
 *       Any other column is an error (so that a misspelt optional column is not silently ignored).</li>
 *   <li>Every other line is one pair. Ids are the platform user ids in the programme's workspace: Slack member
 *       ids ({@code U…} or {@code W…}) or Discord user ids (digits). Mentions as copied from chat are accepted and
 *       unwrapped: {@code <@U123>}, {@code <@!123>}, {@code <@U123|ana>}. A blank name falls back to the name in
 *       the mention, then to the id.</li>
 *   <li>At most {@value #MAX_ROWS} pairs per file.</li>
 * </ul>
 * Example:
 * <pre>
 * mentor_id,mentor_name,mentee_id,mentee_name,start_date,mentee_timezone
 * U02ABCDEF,Dr Lee,U07GHIJKL,Ana Sousa,2026-12-01,Europe/Lisbon
 * </pre>
 *
 * <h2>All or nothing</h2>
 * Every line is validated before anything is written, and every problem is collected with its line number
 * (line numbers are those an editor shows: the header is line 1 and blank lines count). If there is any problem,
 * {@link ImportException} is thrown listing them all and nothing is written. Otherwise every pair is added through
 * {@link PairService#add} (which registers, schedules and welcomes) in one transaction, so a failure half-way
 * rolls the whole import back.
 *
 * <p>Callers check that the caller coordinates {@code programme}.
 */
@Service
public class PairImporter {

    /** The most pairs one file may hold. */
    public static final int MAX_ROWS = 5_000;

    static final String MENTOR_ID = "mentor_id";
    static final String MENTOR_NAME = "mentor_name";
    static final String MENTEE_ID = "mentee_id";
    static final String MENTEE_NAME = "mentee_name";
    static final String START_DATE = "start_date";
    static final String MENTOR_TZ = "mentor_timezone";
    static final String MENTEE_TZ = "mentee_timezone";
    private static final List<String> REQUIRED = List.of(MENTOR_ID, MENTOR_NAME, MENTEE_ID, MENTEE_NAME);
    private static final List<String> OPTIONAL = List.of(START_DATE, MENTOR_TZ, MENTEE_TZ);

    private static final Pattern MENTION = Pattern.compile("<@!?([^|>\\s]+)(?:\\|([^>]*))?>");
    private static final Pattern SLACK_ID = Pattern.compile("[UW][A-Z0-9]+");
    private static final Pattern DISCORD_ID = Pattern.compile("[0-9]{1,25}");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    private final PairService pairs;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PairImporter(PairService pairs, JdbcTemplate jdbc, Clock clock) {
        this.pairs = pairs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Validates the whole file and, when it has no problem, adds every pair in it to {@code programme}.
     *
     * @throws ImportException listing every problem, by line, when anything is wrong; nothing is written then
     */
    @Transactional
    public ImportResult importCsv(ProgrammeView programme, String csv) {
        List<LineError> errors = new ArrayList<>();
        List<Row> rows = parse(programme, csv == null ? "" : csv, errors);
        if (errors.isEmpty()) {
            checkAgainstDatabase(programme, rows, errors);
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(LineError::line));
            throw new ImportException(errors);
        }
        Set<String> known = knownUserIds(programme);
        Set<String> added = new HashSet<>();
        for (Row row : rows) {
            try {
                pairs.add(
                        programme,
                        new PairService.Person(row.mentor, row.mentorZone),
                        new PairService.Person(row.mentee, row.menteeZone),
                        row.start);
            } catch (IllegalArgumentException e) {
                // Validation should have caught it; another change in between (a concurrent add or leave) can still
                // get here. Throwing rolls back every pair added so far.
                throw new ImportException(List.of(new LineError(row.line, e.getMessage())));
            }
            for (ChatUser u : List.of(row.mentor, row.mentee)) {
                if (!known.contains(u.userId())) {
                    added.add(u.userId());
                }
            }
        }
        return new ImportResult(rows.size(), added.size());
    }

    /** One valid data line. */
    private record Row(
            int line, ChatUser mentor, ZoneId mentorZone, ChatUser mentee, ZoneId menteeZone, LocalDate start) {}

    private List<Row> parse(ProgrammeView programme, String text, List<LineError> errors) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        LineIndex lines = new LineIndex(text);
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(FORMAT)
                .get()) {
            Iterator<CSVRecord> records = parser.iterator();
            Map<String, Integer> columns = null;
            int headerSize = 0;
            int dataRows = 0;
            Map<String, Integer> pairLines = new HashMap<>();
            Map<String, ZoneSeen> zones = new HashMap<>();
            LocalDate today = clock.instant().atZone(programme.zone()).toLocalDate();
            int lastLine = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // The record that failed starts after the last good one; a quote left open runs to the end of the
                    // file.
                    errors.add(new LineError(
                            lastLine + 1,
                            "the file cannot be read as CSV from here on (" + rootMessage(e)
                                    + "); check this line and the next ones for a stray or unclosed quote \"."));
                    return rows;
                }
                if (record.stream().allMatch(String::isBlank)) {
                    continue;
                }
                int line = lines.lineAt(record.getCharacterPosition());
                lastLine = line;
                if (columns == null) {
                    headerSize = record.size();
                    columns = header(record, line, errors);
                    if (columns == null) {
                        return rows;
                    }
                    continue;
                }
                dataRows++;
                if (dataRows > MAX_ROWS) {
                    errors.add(new LineError(
                            line,
                            "the file has more than " + String.format(Locale.ROOT, "%,d", MAX_ROWS)
                                    + " pairs; split it into several files of at most "
                                    + String.format(Locale.ROOT, "%,d", MAX_ROWS) + "."));
                    return rows;
                }
                Row row = row(programme, record, line, columns, headerSize, today, pairLines, zones, errors);
                if (row != null) {
                    rows.add(row);
                }
            }
            if (columns == null) {
                errors.add(new LineError(
                        1,
                        "the file is empty; it needs a header line (" + String.join(",", REQUIRED)
                                + ") and one line per pair."));
            } else if (dataRows == 0) {
                errors.add(new LineError(lines.count() + 1, "the file has a header but no pairs."));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Column name to index, or null (with errors added) when the header is unusable. */
    private Map<String, Integer> header(CSVRecord record, int line, List<LineError> errors) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        boolean ok = true;
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (name.isEmpty()) {
                continue;
            }
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                errors.add(new LineError(
                        line,
                        "unknown column \"" + record.get(i).strip() + "\"; the columns are "
                                + String.join(", ", REQUIRED) + " and optionally " + String.join(", ", OPTIONAL)
                                + "."));
                ok = false;
            } else if (columns.putIfAbsent(name, i) != null) {
                errors.add(new LineError(line, "column \"" + name + "\" appears twice in the header."));
                ok = false;
            }
        }
        List<String> missing =
                REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            errors.add(new LineError(
                    line,
                    "the header is missing the column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                            + "; the first line must name the columns, e.g. " + String.join(",", REQUIRED) + "."));
            ok = false;
        }
        return ok ? columns : null;
    }

    private record ZoneSeen(ZoneId zone, int line) {}

    private Row row(
            ProgrammeView programme,
            CSVRecord record,
            int line,
            Map<String, Integer> columns,
            int headerSize,
            LocalDate today,
            Map<String, Integer> pairLines,
            Map<String, ZoneSeen> zones,
            List<LineError> errors) {
        if (record.size() != headerSize && !(record.size() > headerSize && extraCellsBlank(record, headerSize))) {
            errors.add(new LineError(
                    line,
                    "this line has " + record.size() + " field" + (record.size() == 1 ? "" : "s")
                            + " but the header has " + headerSize
                            + "; check for a missing or extra comma, or quote values that contain commas."));
            return null;
        }
        int before = errors.size();
        ChatUser mentor = person(programme, record, columns, MENTOR_ID, MENTOR_NAME, "mentor", line, errors);
        ChatUser mentee = person(programme, record, columns, MENTEE_ID, MENTEE_NAME, "mentee", line, errors);
        ZoneId mentorZone = zone(record, columns, MENTOR_TZ, "mentor", line, errors);
        ZoneId menteeZone = zone(record, columns, MENTEE_TZ, "mentee", line, errors);
        LocalDate start = today;
        String date = cell(record, columns, START_DATE);
        if (!date.isEmpty()) {
            try {
                start = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                errors.add(new LineError(
                        line, "start_date \"" + date + "\" is not a date in the form YYYY-MM-DD (e.g. 2026-12-01)."));
            }
        }
        if (mentor != null && mentee != null) {
            if (mentor.userId().equals(mentee.userId())) {
                errors.add(new LineError(
                        line, "the mentor and the mentee are the same person (" + mentor.userId() + ")."));
            } else {
                Integer first = pairLines.putIfAbsent(mentor.userId() + "\u0000" + mentee.userId(), line);
                if (first != null) {
                    errors.add(new LineError(
                            line,
                            "the same pair (" + mentor.displayName() + " and " + mentee.displayName()
                                    + ") is already on line " + first + "."));
                }
            }
            consistentZone(mentor, mentorZone, "mentor_timezone", line, zones, errors);
            consistentZone(mentee, menteeZone, "mentee_timezone", line, zones, errors);
        }
        return errors.size() == before ? new Row(line, mentor, mentorZone, mentee, menteeZone, start) : null;
    }

    private static boolean extraCellsBlank(CSVRecord record, int headerSize) {
        for (int i = headerSize; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The same new person given two different zones in one file would get whichever line comes first; say so instead. */
    private static void consistentZone(
            ChatUser user, ZoneId zone, String column, int line, Map<String, ZoneSeen> zones, List<LineError> errors) {
        if (zone == null) {
            return;
        }
        ZoneSeen seen = zones.putIfAbsent(user.userId(), new ZoneSeen(zone, line));
        if (seen != null && !seen.zone().equals(zone)) {
            errors.add(new LineError(
                    line,
                    column + " gives " + user.displayName() + " the time zone " + zone.getId() + ", but line "
                            + seen.line() + " gives " + seen.zone().getId() + "."));
        }
    }

    private static String cell(CSVRecord record, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        return i == null || i >= record.size() ? "" : record.get(i).strip();
    }

    private static ChatUser person(
            ProgrammeView programme,
            CSVRecord record,
            Map<String, Integer> columns,
            String idColumn,
            String nameColumn,
            String role,
            int line,
            List<LineError> errors) {
        String raw = cell(record, columns, idColumn);
        String name = cell(record, columns, nameColumn);
        String id = raw;
        Matcher m = MENTION.matcher(raw);
        if (m.matches()) {
            id = m.group(1);
            if (name.isEmpty() && m.group(2) != null) {
                name = m.group(2).strip();
            }
        }
        if (id.isEmpty()) {
            errors.add(new LineError(
                    line,
                    idColumn + " is empty; every line needs the " + role + "'s "
                            + (programme.platform() == Platform.DISCORD ? "Discord user id" : "Slack member id")
                            + "."));
            return null;
        }
        if (programme.platform() == Platform.SLACK && !SLACK_ID.matcher(id).matches()) {
            errors.add(new LineError(
                    line,
                    idColumn + " \"" + raw + "\" is not a Slack member id; use the id (like U02ABCDEF, from"
                            + " the profile's ⋮ menu → Copy member ID) or a mention <@U02ABCDEF>, not a name."));
            return null;
        }
        if (programme.platform() == Platform.DISCORD && !DISCORD_ID.matcher(id).matches()) {
            errors.add(new LineError(
                    line,
                    idColumn + " \"" + raw + "\" is not a Discord user id; use the id (digits, from"
                            + " Copy User ID with developer mode on) or a mention <@123…>, not a name."));
            return null;
        }
        if (name.length() > 200) {
            errors.add(new LineError(line, nameColumn + " is longer than 200 characters."));
            return null;
        }
        return ChatUser.of(programme.platform(), programme.workspaceId(), id, name);
    }

    /** The zone in {@code column}, or null when empty (the programme's zone then applies). */
    private static ZoneId zone(
            CSVRecord record,
            Map<String, Integer> columns,
            String column,
            String role,
            int line,
            List<LineError> errors) {
        String value = cell(record, columns, column);
        if (value.isEmpty()) {
            return null;
        }
        String exact = ZONES.get(value.toLowerCase(Locale.ROOT));
        if (exact != null) {
            return ZoneId.of(exact);
        }
        String hint = zoneHint(value);
        errors.add(new LineError(
                line,
                column + " \"" + value + "\" is not a time zone Rapport knows; "
                        + (hint != null
                                ? "did you mean " + hint + "?"
                                : "use an IANA name such as Europe/Lisbon or America/New_York.")));
        return null;
    }

    /** Region-based zone ids by lower-case id (offsets like "+01:00" are not accepted: they ignore daylight saving). */
    private static final Map<String, String> ZONES = new TreeMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            ZONES.put(id.toLowerCase(Locale.ROOT), id);
        }
    }

    /** A zone whose city part matches what was typed ("lisbon", "New York"), if there is exactly one. */
    static String zoneHint(String typed) {
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

    /** Checks the rows against who is in the workspace and which pairs are already open in the programme. */
    private void checkAgainstDatabase(ProgrammeView programme, List<Row> rows, List<LineError> errors) {
        Map<String, long[]> people = new HashMap<>(); // user id -> {participant id, left (1/0)}
        Map<String, String> names = new HashMap<>();
        jdbc.query(
                "select id, platform_user_id, display_name, left_at is not null as has_left from participant where platform = ? and workspace_id = ?",
                rs -> {
                    people.put(
                            rs.getString("platform_user_id"),
                            new long[] {rs.getLong("id"), rs.getBoolean("has_left") ? 1 : 0});
                    names.put(rs.getString("platform_user_id"), rs.getString("display_name"));
                },
                programme.platform().name(),
                programme.workspaceId());
        Set<String> open = new HashSet<>();
        jdbc.query(
                "select mentor_id, mentee_id from pair where programme_id = ? and status <> 'ENDED'",
                rs -> {
                    open.add(rs.getLong("mentor_id") + ":" + rs.getLong("mentee_id"));
                },
                programme.id());
        for (Row row : rows) {
            long[] mentor = people.get(row.mentor.userId());
            long[] mentee = people.get(row.mentee.userId());
            leftError(row.line, "mentor", row.mentor, mentor, names, errors);
            leftError(row.line, "mentee", row.mentee, mentee, names, errors);
            if (mentor != null && mentee != null && open.contains(mentor[0] + ":" + mentee[0])) {
                errors.add(new LineError(
                        row.line,
                        names.get(row.mentor.userId()) + " and " + names.get(row.mentee.userId())
                                + " are already a pair in " + programme.name() + "."));
            }
        }
    }

    private static void leftError(
            int line, String role, ChatUser user, long[] found, Map<String, String> names, List<LineError> errors) {
        if (found != null && found[1] == 1) {
            errors.add(new LineError(
                    line,
                    "the " + role + " " + names.get(user.userId()) + " (" + user.userId()
                            + ") left Rapport with `/rapport leave`; they can come back with `/rapport rejoin`, and then be"
                            + " paired again."));
        }
    }

    private Set<String> knownUserIds(ProgrammeView programme) {
        return new HashSet<>(jdbc.queryForList(
                "select platform_user_id from participant where platform = ? and workspace_id = ?",
                String.class,
                programme.platform().name(),
                programme.workspaceId()));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Maps character offsets in the text to 1-based line numbers (LF, CRLF or CR ends a line). */
    private static final class LineIndex {
        private final String text;
        private final int[] starts;

        LineIndex(String text) {
            this.text = text;
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    s.add(i + 1);
                }
            }
            starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The line of the first non-blank character at or after {@code offset} (a record may start before skipped blank lines). */
        int lineAt(long offset) {
            int i = (int) Math.min(offset, text.length());
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int idx = java.util.Arrays.binarySearch(starts, i);
            return (idx >= 0 ? idx : -idx - 2) + 1;
        }

        /** The number of lines, not counting an empty last one after a final line end. */
        int count() {
            return starts[starts.length - 1] == text.length() ? starts.length - 1 : starts.length;
        }
    }
}
