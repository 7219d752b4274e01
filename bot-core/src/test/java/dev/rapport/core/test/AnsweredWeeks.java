package dev.rapport.core.test;

import dev.rapport.core.database.SqlTime;
import dev.rapport.core.pulse.Dimension;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Weeks of check-ins stored straight in the database, as if they had been sent and answered: what the programme's
 * insights (the overview, the digest) read. Week 1 is the one starting on {@code firstMonday}; each check-in goes out
 * that Monday at 10:00 UTC and is answered three hours later on respect and empathy with one score. The core's
 * integration tests and the adapters' end-to-end tests share it.
 */
public final class AnsweredWeeks {

    /** The dimensions each answered check-in is scored on. */
    public static final List<Dimension> SCORED = List.of(Dimension.RESPECT, Dimension.EMPATHY);

    private final JdbcTemplate jdbc;
    private final LocalDate firstMonday;

    public AnsweredWeeks(JdbcTemplate jdbc, LocalDate firstMonday) {
        if (firstMonday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("Week 1 starts on a Monday, not " + firstMonday);
        }
        this.jdbc = jdbc;
        this.firstMonday = firstMonday;
    }

    /**
     * Week {@code n} of pair {@code pairId}: both sides are asked; the mentee answers {@code mentee}, the mentor
     * {@code mentor} ({@code null}: no answer).
     */
    public void week(long pairId, int n, Integer mentee, Integer mentor) {
        long menteeId = jdbc.queryForObject("select mentee_id from pair where id = ?", Long.class, pairId);
        long mentorId = jdbc.queryForObject("select mentor_id from pair where id = ?", Long.class, pairId);
        checkIn(pairId, "MENTEE", menteeId, n, mentee);
        checkIn(pairId, "MENTOR", mentorId, n, mentor);
    }

    /** Wednesday noon (UTC) of week {@code n}: a moment to read or refresh that week. */
    public Instant midweek(int n) {
        return monday(n).plusDays(2).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private LocalDate monday(int n) {
        return firstMonday.plusWeeks(n - 1);
    }

    private void checkIn(long pairId, String role, long participant, int n, Integer score) {
        LocalDate day = monday(n);
        Instant sent = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        Instant answered = score == null ? null : sent.plus(Duration.ofHours(3));
        long id = jdbc.queryForObject(
                """
                insert into check_in (pair_id, role, participant_id, period, seq, bank_version, question_ids, due_at,
                                      status, sent_at, answered_at, met)
                values (?, ?, ?, ?, ?, '2026.1', 'respect.1', ?, ?, ?, ?, true) returning id""",
                Long.class,
                pairId,
                role,
                participant,
                day,
                n - 1,
                SqlTime.of(sent),
                score == null ? "SENT" : "ANSWERED",
                SqlTime.of(sent),
                SqlTime.of(answered));
        if (score != null) {
            for (Dimension d : SCORED) {
                jdbc.update(
                        "insert into answer (check_in_id, question_id, bank_version, dimension, score, answered_at)"
                                + " values (?, ?, '2026.1', ?, ?, ?)",
                        id,
                        d.name().toLowerCase(Locale.ROOT) + ".1." + role.toLowerCase(Locale.ROOT),
                        d.name(),
                        score,
                        SqlTime.of(answered));
            }
        }
    }
}
