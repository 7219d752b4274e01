package dev.rapport.core.meeting;

import dev.rapport.core.database.SqlTime;
import dev.rapport.core.i18n.TextException;
import dev.rapport.core.secrets.SecretField;
import dev.rapport.core.secrets.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logging meetings. Callers check that the person logging belongs to the pair. */
@Service
public class MeetingService {

    static final int MAX_NOTE = 500;

    private final MeetingRepository meetings;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Secrets secrets;

    MeetingService(MeetingRepository meetings, JdbcTemplate jdbc, Clock clock, Secrets secrets) {
        this.meetings = meetings;
        this.jdbc = jdbc;
        this.clock = clock;
        this.secrets = secrets;
    }

    /**
     * Why a meeting reminder written at {@code writtenAt} is no longer worth sending at {@code now}, if it is not:
     * {@code PAIR_ENDED}, {@code PAIR_PAUSED} (in the mentor's zone), or {@code MEETING_LOGGED} since it was written.
     */
    public Optional<String> pointlessReminder(long pairId, Instant writtenAt, Instant now) {
        List<String> found = jdbc.query(
                """
                        select p.status = 'ENDED' as ended,
                               coalesce(p.paused_until >= (?::timestamptz at time zone mentor.time_zone)::date, false) as paused,
                               exists (select 1 from meeting m where m.pair_id = p.id and m.created_at > ?) as logged
                        from pair p join participant mentor on mentor.id = p.mentor_id where p.id = ?""",
                (rs, i) -> rs.getBoolean("ended")
                        ? "PAIR_ENDED"
                        : rs.getBoolean("paused") ? "PAIR_PAUSED" : rs.getBoolean("logged") ? "MEETING_LOGGED" : null,
                SqlTime.of(now),
                SqlTime.of(writtenAt),
                pairId);
        return found.isEmpty() ? Optional.of("PAIR_ENDED") : Optional.ofNullable(found.get(0));
    }

    /**
     * Logs a meeting held on {@code heldOn} (the logger's local date). Logging the same date twice keeps one
     * meeting. Fails with a message fit for chat on a future date, a date before the pair began, or a long note.
     */
    @Transactional
    public MeetingView log(
            long pairId, long loggedBy, LocalDate heldOn, LocalDate pairStartedOn, ZoneId loggerZone, String note) {
        LocalDate today = clock.instant().atZone(loggerZone).toLocalDate();
        if (heldOn.isAfter(today)) {
            throw TextException.of("meeting.error.future", "date", heldOn.toString());
        }
        if (heldOn.isBefore(pairStartedOn)) {
            throw TextException.of(
                    "meeting.error.before-start", "date", heldOn.toString(), "start", pairStartedOn.toString());
        }
        String cleaned = note == null || note.isBlank() ? null : note.strip();
        if (cleaned != null && cleaned.length() > MAX_NOTE) {
            throw TextException.of(
                    "meeting.error.note-too-long",
                    "max",
                    String.valueOf(MAX_NOTE),
                    "length",
                    String.valueOf(cleaned.length()));
        }
        var existing = meetings.findFirstByPairIdAndHeldOn(pairId, heldOn);
        if (existing.isPresent()) {
            return view(existing.get(), true);
        }
        // The note is sealed with the row's id as associated data, so the id is taken from the sequence first.
        long id = jdbc.queryForObject("select nextval(pg_get_serial_sequence('meeting', 'id'))", Long.class);
        jdbc.update(
                "insert into meeting (id, pair_id, held_on, note, logged_by, created_at) values (?, ?, ?, ?, ?, ?)",
                id,
                pairId,
                heldOn,
                secrets.seal(SecretField.MEETING_NOTE, id, cleaned),
                loggedBy,
                SqlTime.of(clock.instant()));
        return new MeetingView(id, pairId, heldOn, cleaned, false);
    }

    /** The one place a stored meeting's note is read: opened from its sealed form. */
    private MeetingView view(Meeting m, boolean alreadyLogged) {
        return new MeetingView(
                m.id, m.pairId, m.heldOn, secrets.open(SecretField.MEETING_NOTE, m.id, m.note), alreadyLogged);
    }

    /** The clock meetings are dated by (the application's). */
    Clock clock() {
        return clock;
    }

    public List<MeetingView> recent(long pairId) {
        return meetings.findTop10ByPairIdOrderByHeldOnDesc(pairId).stream()
                .map(m -> view(m, false))
                .toList();
    }
}
