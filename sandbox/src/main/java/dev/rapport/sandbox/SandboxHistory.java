package dev.rapport.sandbox;

import dev.rapport.core.database.SqlTime;
import dev.rapport.core.pulse.Dimension;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The weeks the Slack demo's programme has behind it, written the way the core's tests seed history (the clock only
 * moves forward, so the past cannot be lived through): weekly check-ins of both sides with their answers, a few
 * meetings, and the health runs' recorded states. Lee and Ana are on track, Priya and Ben drift to watch, Omar and
 * Zoe fall silent. The current state is left for the real health run to find, so the change it records (and the
 * coordinator's alert and digest) comes from the core itself.
 */
@Component
@ConditionalOnProperty(name = SandboxActivation.ACTIVE, havingValue = "true")
class SandboxHistory {

    /** How many weeks of history, the last one being last week. */
    static final int WEEKS = 7;

    static final String BANK = "2026.2";

    /** N/A for a statement. */
    private static final int NA = 0;

    /**
     * One pair's past: each week's scores of the mentee and the mentor (null: not answered), the weeks they met, the
     * recorded state week by week (null: unchanged), and where the pair stood before this week's health run.
     */
    private record Story(
            String mentee, Integer[] menteeScores, Integer[] mentorScores, int[] metInWeeks, String[] states) {}

    private static final List<Story> STORIES = List.of(
            new Story(
                    "U0ANA",
                    new Integer[] {4, 5, 4, 5, 5, 4, 5},
                    new Integer[] {4, 4, 5, 4, 5, 5, 4},
                    new int[] {1, 3, 5, 7},
                    new String[] {"ON_TRACK", null, null, null, null, null, null}),
            new Story(
                    "U0BEN",
                    new Integer[] {5, 4, 4, 3, NA, 3, 3},
                    new Integer[] {4, 4, 4, 4, 4, 4, 4},
                    new int[] {1, 4},
                    new String[] {"ON_TRACK", null, null, null, null, null, "WATCH"}),
            new Story(
                    "U0ZOE",
                    new Integer[] {4, 3, 3, 2, null, null, null},
                    new Integer[] {4, 3, 2, 2, 2, null, 2},
                    new int[] {1},
                    new String[] {"ON_TRACK", null, null, "WATCH", null, null, null}));

    private final JdbcTemplate jdbc;

    SandboxHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the programme's past weeks, once, before the first health run sees it. */
    void write(long programmeId, ZoneId zone, Instant now) {
        LocalDate thisMonday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisMonday.minusWeeks(WEEKS);
        for (int n = 0; n < STORIES.size(); n++) {
            Story story = STORIES.get(n);
            Long pair = pairOf(programmeId, story.mentee());
            if (pair == null) {
                continue;
            }
            jdbc.update("update pair set started_on = ? where id = ?", first, pair);
            long mentor = jdbc.queryForObject("select mentor_id from pair where id = ?", Long.class, pair);
            long mentee = jdbc.queryForObject("select mentee_id from pair where id = ?", Long.class, pair);
            String last = null;
            for (int w = 0; w < WEEKS; w++) {
                LocalDate monday = first.plusWeeks(w);
                boolean met = contains(story.metInWeeks(), w + 1);
                // Pairs are asked different statements in the same week, so every week has all six dimensions.
                checkIn(pair, "MENTEE", mentee, monday, w, w + n, zone, story.menteeScores()[w], met);
                checkIn(pair, "MENTOR", mentor, monday, w, w + n, zone, story.mentorScores()[w], met);
                if (met) {
                    jdbc.update(
                            "insert into meeting (pair_id, held_on, logged_by, created_at) values (?, ?, ?, ?)",
                            pair,
                            monday.plusDays(3),
                            mentor,
                            SqlTime.of(monday.plusDays(3)
                                    .atTime(18, 0)
                                    .atZone(zone)
                                    .toInstant()));
                }
                String state = story.states()[w];
                if (state != null) {
                    // The health run of that week: on the Wednesday, or two days ago for last week's change.
                    Instant at = w == WEEKS - 1
                            ? now.minus(Duration.ofDays(2))
                            : monday.plusDays(2).atTime(12, 0).atZone(zone).toInstant();
                    jdbc.update(
                            "insert into pair_state_change (pair_id, at, state, previous_state, reasons)"
                                    + " values (?, ?, ?, ?, '')",
                            pair,
                            SqlTime.of(at),
                            state,
                            last);
                    last = state;
                }
            }
            jdbc.update(
                    "insert into pair_health (pair_id, state, reasons, computed_at) values (?, ?, '', ?)"
                            + " on conflict (pair_id) do update set state = excluded.state,"
                            + " computed_at = excluded.computed_at",
                    pair,
                    last,
                    SqlTime.of(now.minus(Duration.ofDays(2))));
        }
    }

    private Long pairOf(long programmeId, String mentee) {
        List<Long> ids = jdbc.queryForList(
                "select p.id from pair p join participant m on m.id = p.mentee_id"
                        + " where p.programme_id = ? and m.platform_user_id = ? and p.status = 'ACTIVE'",
                Long.class,
                programmeId,
                mentee);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    /** A weekly check-in on Monday 10:00, answered three hours later (or missed); three statements, in turn. */
    private void checkIn(
            long pair,
            String role,
            long participant,
            LocalDate monday,
            int week,
            int turn,
            ZoneId zone,
            Integer score,
            boolean met) {
        Instant sent = monday.atTime(10, 0).atZone(zone).toInstant();
        Instant answered = score == null ? null : sent.plus(Duration.ofHours(3));
        List<Dimension> asked = turn % 2 == 0
                ? List.of(Dimension.RESPECT, Dimension.EMPATHY, Dimension.EFFORT)
                : List.of(Dimension.CONFIDENTIALITY, Dimension.HUMILITY, Dimension.COMMUNICATION);
        String questions =
                String.join(",", asked.stream().map(d -> question(d, role)).toList());
        long id = jdbc.queryForObject(
                """
                insert into check_in (pair_id, role, participant_id, period, seq, bank_version, question_ids, due_at,
                                      status, sent_at, answered_at, met)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
                Long.class,
                pair,
                role,
                participant,
                monday,
                week,
                BANK,
                questions,
                SqlTime.of(sent),
                score == null ? "MISSED" : "ANSWERED",
                SqlTime.of(sent),
                SqlTime.of(answered),
                score == null ? null : met);
        if (score == null) {
            return;
        }
        for (int i = 0; i < asked.size(); i++) {
            Dimension d = asked.get(i);
            // The mentee's answers vary a little around the week's score; an N/A week says so for one statement.
            boolean na = score == NA && i == 0;
            int value = score == NA ? 4 : Math.max(1, Math.min(5, score - (i == 2 && score > 3 ? 1 : 0)));
            jdbc.update(
                    "insert into answer (check_in_id, question_id, bank_version, dimension, score, answered_at,"
                            + " not_applicable) values (?, ?, ?, ?, ?, ?, ?)",
                    id,
                    question(d, role),
                    BANK,
                    d.name(),
                    na ? null : value,
                    SqlTime.of(answered),
                    na);
        }
    }

    private static String question(Dimension d, String role) {
        return d.name().toLowerCase(Locale.ROOT) + ".1." + role.toLowerCase(Locale.ROOT);
    }

    private static boolean contains(int[] weeks, int week) {
        for (int w : weeks) {
            if (w == week) {
                return true;
            }
        }
        return false;
    }
}
