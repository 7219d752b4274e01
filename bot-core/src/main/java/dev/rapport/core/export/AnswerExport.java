package dev.rapport.core.export;

import dev.rapport.core.secrets.SecretField;
import dev.rapport.core.secrets.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme's check-in answers as CSV, for its coordinators.
 *
 * <h2>Layout</h2>
 * The layout is a data format, the same in every language: the column names, {@code MENTOR}/{@code MENTEE},
 * dimension ids ({@code respect} …) and ISO dates are never translated, so spreadsheets and scripts that read an
 * export by column name keep working whoever downloads it (a deliberate exception to "every text from the
 * catalogue"; the guard, {@code i18n.UserFacingLiteralsTest}, sees single words and lets them through).
 * UTF-8, comma-separated, RFC 4180 quoting, CRLF line ends, no byte-order mark. A header row, then rows sorted by
 * {@code pair_id, period, role}; within one check-in, its {@code checkin} row comes first and then one row per
 * answered statement, by question id. Columns:
 * <ol>
 *   <li>{@code pair_id} — the pair's id (stable across exports);</li>
 *   <li>{@code mentor}, {@code mentee} — the two people's display names;</li>
 *   <li>{@code period} — the check-in's period, the local date of the cadence day ({@code YYYY-MM-DD});</li>
 *   <li>{@code role} — who answered: {@code MENTOR} or {@code MENTEE};</li>
 *   <li>{@code question_id}, {@code bank_version}, {@code dimension}, {@code score} — on statement rows: the
 *       question, the bank version it was asked from, its trust dimension and the 1–5 score. On the check-in row
 *       {@code question_id}, {@code dimension} and {@code score} are empty and {@code bank_version} is the check-in's;</li>
 *   <li>{@code met}, {@code comment} — on the check-in row only: the answer to "did you meet?" ({@code true},
 *       {@code false}, or empty when not answered) and the comment, <em>only</em> when its author shared it with
 *       the coordinator; otherwise the cell is empty, so an unshared comment never leaves the database (comments
 *       are stored sealed and opened here, see {@link Secrets});</li>
 *   <li>{@code answered_at} — when the answer was given, an ISO-8601 UTC instant ({@code 2026-11-30T10:05:00Z});</li>
 *   <li>{@code not_applicable} — on statement rows: {@code true} when the statement was answered "not applicable"
 *       (its {@code score} is then empty), {@code false} otherwise; empty on the check-in row. Added last, so readers
 *       of the earlier columns are unaffected.</li>
 * </ol>
 * A check-in gets a check-in row when it was answered in any way (an answer time, a "met" answer or a statement
 * answer); check-ins that were missed or skipped do not appear. Only the programme's own pairs are exported.
 *
 * <p>Text cells that start with {@code = + - @} (or a tab or carriage return) are prefixed with a single quote so a
 * spreadsheet does not run them as formulas (CSV injection).
 *
 * <p><b>Authorisation is the caller's job:</b> only a coordinator of the programme may receive this export.
 */
@Service
public class AnswerExport {

    /** The columns, in order. */
    public static final String[] COLUMNS = {
        "pair_id",
        "mentor",
        "mentee",
        "period",
        "role",
        "question_id",
        "bank_version",
        "dimension",
        "score",
        "met",
        "comment",
        "answered_at",
        "not_applicable"
    };

    private static final String SQL = """
            select * from (
                select p.id as pair_id, mr.display_name as mentor, me.display_name as mentee, ci.period, ci.role, ci.id as check_in_id,
                       0 as kind, null::varchar as question_id, ci.bank_version, null::varchar as dimension, null::smallint as score,
                       ci.met, case when ci.comment_shared then ci.comment end as comment, ci.answered_at,
                       null::boolean as not_applicable
                from check_in ci
                join pair p on p.id = ci.pair_id
                join participant mr on mr.id = p.mentor_id
                join participant me on me.id = p.mentee_id
                where p.programme_id = ? and ? not in (p.mentor_id, p.mentee_id)
                  and (ci.answered_at is not null or ci.met is not null or exists (select 1 from answer a where a.check_in_id = ci.id))
                union all
                select p.id, mr.display_name, me.display_name, ci.period, ci.role, ci.id,
                       1, a.question_id, a.bank_version, a.dimension, a.score,
                       null::boolean, null::text, a.answered_at, a.not_applicable
                from answer a
                join check_in ci on ci.id = a.check_in_id
                join pair p on p.id = ci.pair_id
                join participant mr on mr.id = p.mentor_id
                join participant me on me.id = p.mentee_id
                where p.programme_id = ? and ? not in (p.mentor_id, p.mentee_id)
            ) rows
            order by pair_id, period, role, check_in_id, kind, question_id""";

    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get();

    private final JdbcTemplate jdbc;
    private final Secrets secrets;

    AnswerExport(JdbcTemplate jdbc, Secrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /**
     * The programme's answers as UTF-8 CSV (layout in the class comment). Rows are streamed from the database
     * straight into the CSV; an unknown programme or one without answers gives just the header.
     */
    @Transactional(readOnly = true)
    public byte[] csv(long programmeId) {
        return csv(programmeId, -1);
    }

    /**
     * As {@link #csv(long)}, for a coordinator who may also be in some of the programme's pairs: those pairs are left
     * out, because a mentor must never see their mentee's answers, even with a coordinator's hat on.
     */
    @Transactional(readOnly = true) // PostgreSQL honours the fetch size (a cursor) only inside a transaction
    public byte[] csv(long programmeId, long viewerParticipantId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter out = new CSVPrinter(writer, FORMAT)) {
            jdbc.query(
                    con -> {
                        PreparedStatement ps = con.prepareStatement(SQL);
                        ps.setFetchSize(500);
                        ps.setLong(1, programmeId);
                        ps.setLong(2, viewerParticipantId);
                        ps.setLong(3, programmeId);
                        ps.setLong(4, viewerParticipantId);
                        return ps;
                    },
                    (ResultSet rs) -> print(out, rs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void print(CSVPrinter out, ResultSet rs) throws SQLException {
        Object met = rs.getObject("met");
        int score = rs.getInt("score");
        boolean hasScore = !rs.wasNull();
        OffsetDateTime answeredAt = rs.getObject("answered_at", OffsetDateTime.class);
        try {
            out.printRecord(
                    rs.getLong("pair_id"),
                    text(rs.getString("mentor")),
                    text(rs.getString("mentee")),
                    rs.getObject("period", LocalDate.class),
                    rs.getString("role"),
                    text(rs.getString("question_id")),
                    text(rs.getString("bank_version")),
                    text(rs.getString("dimension")),
                    hasScore ? score : null,
                    met,
                    text(secrets.open(
                            SecretField.CHECK_IN_COMMENT, rs.getLong("check_in_id"), rs.getString("comment"))),
                    answeredAt == null
                            ? null
                            : answeredAt
                                    .withOffsetSameInstant(ZoneOffset.UTC)
                                    .toInstant()
                                    .toString(),
                    rs.getObject("not_applicable"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Neutralises text a spreadsheet would read as a formula (OWASP's CSV-injection advice). */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
