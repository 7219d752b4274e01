package dev.rapport.core.intervention;

import dev.rapport.core.database.SqlTime;
import dev.rapport.core.i18n.TextException;
import dev.rapport.core.secrets.SecretField;
import dev.rapport.core.secrets.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Coordinators' notes on a pair ({@code coordinator_note}), sealed with their own key ({@link SecretField#COORDINATOR_NOTE}),
 * the row id as associated data. Who may write and read them is the command layer's decision: the programme's
 * coordinators, never a coordinator in the pair.
 */
@Service
public class CoordinatorNotes {

    /** The longest note: a few sentences, as a comment. */
    public static final int MAX_LENGTH = 1000;

    /** One note: when, by whom (null once its author was erased), and what. */
    public record Note(Instant at, String author, String text) {}

    private final JdbcTemplate jdbc;
    private final Secrets secrets;
    private final Clock clock;

    CoordinatorNotes(JdbcTemplate jdbc, Secrets secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Adds a note to a pair. Throws a {@link TextException}, with a message for the person, for an empty or long one. */
    public void add(long pairId, long authorId, String text) {
        String note = text == null ? "" : text.strip();
        if (note.isEmpty()) {
            throw TextException.of("note.error.empty");
        }
        if (note.length() > MAX_LENGTH) {
            throw TextException.of(
                    "note.error.too-long", "max", String.valueOf(MAX_LENGTH), "length", String.valueOf(note.length()));
        }
        // Sealed with the row's id as associated data, so the id is taken from the sequence first.
        long id = jdbc.queryForObject("select nextval(pg_get_serial_sequence('coordinator_note', 'id'))", Long.class);
        jdbc.update(
                "insert into coordinator_note (id, pair_id, author_id, at, body) values (?, ?, ?, ?, ?)",
                id,
                pairId,
                authorId,
                SqlTime.of(clock.instant()),
                secrets.seal(SecretField.COORDINATOR_NOTE, id, note));
    }

    /** The latest {@code limit} notes on a pair, newest first. */
    public List<Note> of(long pairId, int limit) {
        return jdbc.query(
                """
                select n.id, n.at, p.display_name, n.body from coordinator_note n
                left join participant p on p.id = n.author_id
                where n.pair_id = ? order by n.at desc, n.id desc limit ?""",
                (rs, i) -> new Note(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("display_name"),
                        secrets.open(SecretField.COORDINATOR_NOTE, rs.getLong("id"), rs.getString("body"))),
                pairId,
                limit);
    }
}
