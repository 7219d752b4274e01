package dev.rapport.core.pair;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.i18n.TextException;
import dev.rapport.core.programme.ProgrammeView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * <p>{@link ImportCsv} reads the file, {@link ImportChecks} checks its lines against the database.
 *
 * <p>Callers check that the caller coordinates {@code programme}.
 */
@Service
public class PairImporter {

    /** The most pairs one file may hold. */
    public static final int MAX_ROWS = 5_000;

    private final PairService pairs;
    private final ImportChecks checks;
    private final Clock clock;

    PairImporter(PairService pairs, JdbcTemplate jdbc, Clock clock) {
        this.pairs = pairs;
        this.checks = new ImportChecks(jdbc);
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
        LocalDate today = clock.instant().atZone(programme.zone()).toLocalDate();
        List<ImportRow> rows = new ImportCsv(programme, today, errors).read(csv == null ? "" : csv);
        if (errors.isEmpty()) {
            checks.check(programme, rows, errors);
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(LineError::line));
            throw new ImportException(errors);
        }
        Set<String> known = checks.knownUserIds(programme);
        Set<String> added = new HashSet<>();
        for (ImportRow row : rows) {
            try {
                pairs.add(
                        programme,
                        new PairService.Person(row.mentor(), row.mentorZone()),
                        new PairService.Person(row.mentee(), row.menteeZone()),
                        row.start());
            } catch (TextException e) {
                // Validation should have caught it; another change in between (a concurrent add or leave) can still
                // get here. Throwing rolls back every pair added so far.
                throw new ImportException(List.of(new LineError(row.line(), e.text())));
            }
            for (ChatUser u : List.of(row.mentor(), row.mentee())) {
                if (!known.contains(u.userId())) {
                    added.add(u.userId());
                }
            }
        }
        return new ImportResult(rows.size(), added.size());
    }
}
