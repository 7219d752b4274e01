package dev.rapport.core.pair;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.i18n.Text;
import dev.rapport.core.programme.ProgrammeView;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one import file into its lines, as {@link PairImporter} describes the format, checking everything the file
 * alone can tell (the header, each line's fields, ids, dates and zones, the same pair twice, one person given two
 * zones). Made for one file: it remembers what earlier lines said.
 */
final class ImportCsv {

    static final String MENTOR_ID = "mentor_id";
    static final String MENTOR_NAME = "mentor_name";
    static final String MENTEE_ID = "mentee_id";
    static final String MENTEE_NAME = "mentee_name";
    static final String START_DATE = "start_date";
    static final String MENTOR_TZ = "mentor_timezone";
    static final String MENTEE_TZ = "mentee_timezone";
    static final List<String> REQUIRED = List.of(MENTOR_ID, MENTOR_NAME, MENTEE_ID, MENTEE_NAME);
    static final List<String> OPTIONAL = List.of(START_DATE, MENTOR_TZ, MENTEE_TZ);

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    private record ZoneSeen(ZoneId zone, int line) {}

    private final ProgrammeView programme;
    private final LocalDate today;
    private final List<LineError> errors;
    private final Map<String, Integer> pairLines = new HashMap<>();
    private final Map<String, ZoneSeen> zones = new HashMap<>();
    private Map<String, Integer> columns;
    private int headerSize;

    /** @param errors where every problem found is added, by line */
    ImportCsv(ProgrammeView programme, LocalDate today, List<LineError> errors) {
        this.programme = programme;
        this.today = today;
        this.errors = errors;
    }

    /** The valid lines of {@code text}; the problems of the others are in the errors list. */
    List<ImportRow> read(String text) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        LineIndex lines = new LineIndex(text);
        List<ImportRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(FORMAT)
                .get()) {
            Iterator<CSVRecord> records = parser.iterator();
            int dataRows = 0;
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
                    errors.add(new LineError(lastLine + 1, Text.of("import.error.not-csv", "cause", rootMessage(e))));
                    return rows;
                }
                if (record.stream().allMatch(String::isBlank)) {
                    continue;
                }
                int line = lines.lineAt(record.getCharacterPosition());
                lastLine = line;
                if (columns == null) {
                    headerSize = record.size();
                    columns = header(record, line);
                    if (columns == null) {
                        return rows;
                    }
                    continue;
                }
                dataRows++;
                if (dataRows > PairImporter.MAX_ROWS) {
                    errors.add(new LineError(line, Text.of("import.error.too-many", "max", PairImporter.MAX_ROWS)));
                    return rows;
                }
                ImportRow row = row(record, line);
                if (row != null) {
                    rows.add(row);
                }
            }
            if (columns == null) {
                errors.add(new LineError(1, Text.of("import.error.empty", "header", String.join(",", REQUIRED))));
            } else if (dataRows == 0) {
                errors.add(new LineError(lines.count() + 1, Text.of("import.error.no-pairs")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Column name to index, or null (with errors added) when the header is unusable. */
    private Map<String, Integer> header(CSVRecord record, int line) {
        Map<String, Integer> found = new LinkedHashMap<>();
        boolean ok = true;
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (name.isEmpty()) {
                continue;
            }
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                errors.add(new LineError(
                        line,
                        Text.of(
                                "import.error.unknown-column",
                                "column",
                                record.get(i).strip(),
                                "required",
                                String.join(", ", REQUIRED),
                                "optional",
                                String.join(", ", OPTIONAL))));
                ok = false;
            } else if (found.putIfAbsent(name, i) != null) {
                errors.add(new LineError(line, Text.of("import.error.column-twice", "column", name)));
                ok = false;
            }
        }
        List<String> missing =
                REQUIRED.stream().filter(c -> !found.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            errors.add(new LineError(
                    line,
                    Text.of(
                            "import.error.missing-columns",
                            "count",
                            missing.size(),
                            "missing",
                            String.join(", ", missing),
                            "header",
                            String.join(",", REQUIRED))));
            ok = false;
        }
        return ok ? found : null;
    }

    private ImportRow row(CSVRecord record, int line) {
        if (record.size() != headerSize && !(record.size() > headerSize && extraCellsBlank(record))) {
            errors.add(new LineError(
                    line, Text.of("import.error.field-count", "fields", record.size(), "header", headerSize)));
            return null;
        }
        int before = errors.size();
        ChatUser mentor = person(record, MENTOR_ID, MENTOR_NAME, "mentor", line);
        ChatUser mentee = person(record, MENTEE_ID, MENTEE_NAME, "mentee", line);
        ZoneId mentorZone = zone(record, MENTOR_TZ, line);
        ZoneId menteeZone = zone(record, MENTEE_TZ, line);
        LocalDate start = today;
        String date = cell(record, START_DATE);
        if (!date.isEmpty()) {
            try {
                start = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                errors.add(new LineError(line, Text.of("import.error.date", "column", START_DATE, "value", date)));
            }
        }
        if (mentor != null && mentee != null) {
            if (mentor.userId().equals(mentee.userId())) {
                errors.add(new LineError(line, Text.of("import.error.same-person", "id", mentor.userId())));
            } else {
                Integer first = pairLines.putIfAbsent(mentor.userId() + "\u0000" + mentee.userId(), line);
                if (first != null) {
                    errors.add(new LineError(
                            line,
                            Text.of(
                                    "import.error.same-pair",
                                    "mentor",
                                    mentor.displayName(),
                                    "mentee",
                                    mentee.displayName(),
                                    "first",
                                    String.valueOf(first))));
                }
            }
            consistentZone(mentor, mentorZone, MENTOR_TZ, line);
            consistentZone(mentee, menteeZone, MENTEE_TZ, line);
        }
        return errors.size() == before ? new ImportRow(line, mentor, mentorZone, mentee, menteeZone, start) : null;
    }

    private boolean extraCellsBlank(CSVRecord record) {
        for (int i = headerSize; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private ChatUser person(CSVRecord record, String idColumn, String nameColumn, String role, int line) {
        return ImportPeople.person(
                programme, cell(record, idColumn), cell(record, nameColumn), idColumn, nameColumn, role, line, errors);
    }

    /** The zone in {@code column}, or null when empty (the programme's zone then applies) or unknown (an error). */
    private ZoneId zone(CSVRecord record, String column, int line) {
        String value = cell(record, column);
        if (value.isEmpty()) {
            return null;
        }
        ZoneId zone = ImportZones.known(value);
        if (zone == null) {
            errors.add(new LineError(line, ImportZones.problem(column, value)));
        }
        return zone;
    }

    /** The same new person given two different zones in one file would get whichever line comes first; say so instead. */
    private void consistentZone(ChatUser user, ZoneId zone, String column, int line) {
        if (zone == null) {
            return;
        }
        ZoneSeen seen = zones.putIfAbsent(user.userId(), new ZoneSeen(zone, line));
        if (seen != null && !seen.zone().equals(zone)) {
            errors.add(new LineError(
                    line,
                    Text.of(
                            "import.error.two-zones",
                            "column",
                            column,
                            "name",
                            user.displayName(),
                            "zone",
                            zone.getId(),
                            "line",
                            String.valueOf(seen.line()),
                            "other",
                            seen.zone().getId())));
        }
    }

    private String cell(CSVRecord record, String column) {
        Integer i = columns.get(column);
        return i == null || i >= record.size() ? "" : record.get(i).strip();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
