package dev.rapport.core.health;

import dev.rapport.core.checkin.SilentStreaks;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.pair.Role;
import dev.rapport.core.pulse.Dimension;
import dev.rapport.core.pulse.QuestionBanks;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads {@link HealthFacts} for one pair, some pairs or every open pair of a programme in five queries (the last,
 * each side's silence, is {@link SilentStreaks}'), whatever the number of pairs: the per-pair limits (last check-ins,
 * last scores per dimension) are window functions.
 */
@Component
class HealthFactsReader {

    /** Which pairs to read: the SQL condition on {@code pair p} and its one parameter. */
    record Scope(String condition, Object arg, int keepScores) {
        /** One pair: enough scores for its sparkline. */
        static Scope pair(long pairId) {
            return new Scope("p.id = ?", pairId, Math.max(HealthRules.SPARKLINE_LENGTH, 2 * HealthRules.LEVEL_WINDOW));
        }

        /**
         * Every open pair of a programme: only the scores the rules judge (levels and change), not the sparkline's,
         * because overviews of thousands of pairs show no sparkline and reading fewer rows keeps them fast.
         */
        static Scope openPairsOf(long programmeId) {
            return new Scope("p.programme_id = ? and p.status <> 'ENDED'", programmeId, 2 * HealthRules.LEVEL_WINDOW);
        }

        /** Those of {@code pairIds} still open, judged as {@link #openPairsOf} judges them. */
        static Scope openPairs(Collection<Long> pairIds) {
            return new Scope(
                    "p.id = any(?) and p.status <> 'ENDED'",
                    pairIds.toArray(Long[]::new),
                    2 * HealthRules.LEVEL_WINDOW);
        }
    }

    /*
     * Weeks in which the pair could not meet do not count as weeks without a meeting: its pause, either side's own
     * pause, the programme's skip dates. A pause records only its end date (and a participant's is cleared on
     * resuming), so how long one lasted is read from what the sweep recorded: one check-in row per side and period,
     * with the reason a period was skipped. Each period skipped for either side for one of these reasons counts as
     * the cadence interval it starts; a pause too short to cover a period counts for nothing, since the pair could
     * still be asked every period. The pair's coming periods already known to be skipped count too, so the weeks do
     * not rise for the hours between the start of a skipped period's day and the sweep that records it.
     */
    private static final String PAIRS = """
            select p.id, p.started_on, g.meeting_reminder_weeks, g.cadence_weeks, g.time_zone,
                   g.response_watch_percent, g.response_at_risk_percent, g.level_watch, g.level_at_risk,
                   g.drop_points, g.gap_points, g.silent_after,
                   (select max(m.held_on) from meeting m where m.pair_id = p.id) as last_meeting,
                   array(select s.next_period::text from checkin_slot s
                         join participant sp on sp.id = case when s.role = 'MENTEE' then p.mentee_id else p.mentor_id end
                         where s.pair_id = p.id
                           and (s.next_period <= p.paused_until or s.next_period <= sp.paused_until
                                or exists (select 1 from programme_skip_date d
                                           where d.programme_id = p.programme_id and d.day = s.next_period))) as coming_off
            from pair p
            join programme g on g.id = p.programme_id
            where %s
            order by p.id""";

    private static final String CHECK_IN_TOTALS = """
            select c.pair_id,
                   count(*) filter (where c.role = 'MENTEE' and c.status in ('SENT', 'ANSWERED')) as sent,
                   max(c.answered_at) filter (where c.role = 'MENTEE' and c.met) as last_met_at,
                   array_agg(distinct c.period::text)
                       filter (where c.skip_reason in ('PAIR_PAUSED', 'PARTICIPANT_PAUSED', 'SKIP_DATE')) as periods_off
            from check_in c
            join pair p on p.id = c.pair_id
            where (c.role = 'MENTEE' or c.skip_reason is not null) and %s
            group by c.pair_id""";

    // Each side's latest check-ins, answered or not. One with no answer yet that went out less than ANSWER_WINDOW ago
    // is still open: left out.
    private static final String RESPONSES = """
            with sent as (
                select c.pair_id, c.role, c.period, c.sent_at,
                       (c.answered_at is not null or c.met is not null
                        or exists (select 1 from answer a where a.check_in_id = c.id)) as responded
                from check_in c
                join pair p on p.id = c.pair_id
                where c.status in ('SENT', 'ANSWERED') and %s
            ), counted as (
                select pair_id, role, period, responded,
                       row_number() over (partition by pair_id, role order by period desc) as rn
                from sent
                where responded or sent_at is null or sent_at <= ?
            )
            select pair_id, role, responded from counted where rn <= ? order by pair_id, role, period""";

    // One row per pair, side and dimension, its latest scores aggregated oldest first: far fewer rows to transfer. Only
    // answers that count (QuestionBanks.COUNTS): "not applicable" and statements about the mentee's own conduct do not.
    private static final String SCORES = """
            select pair_id, role, dimension, array_agg(score order by rn desc) as scores from (
                select c.pair_id, c.role, a.dimension, a.score,
                       row_number() over (partition by c.pair_id, c.role, a.dimension
                                          order by c.period desc, a.answered_at desc, a.question_id desc) as rn
                from answer a
                join check_in c on c.id = a.check_in_id
                join pair p on p.id = c.pair_id
                where %s and """ + QuestionBanks.COUNTS + """
            ) s
            where rn <= ?
            group by pair_id, role, dimension""";

    private final JdbcTemplate jdbc;
    private final QuestionBanks banks;
    private final SilentStreaks streaks;

    HealthFactsReader(JdbcTemplate jdbc, QuestionBanks banks, SilentStreaks streaks) {
        this.jdbc = jdbc;
        this.banks = banks;
        this.streaks = streaks;
    }

    /** The facts of every pair in scope at {@code now}, by pair id ascending. */
    List<HealthFacts> read(Scope scope, Instant now) {
        Map<Long, Builder> pairs = new LinkedHashMap<>();
        jdbc.query(
                PAIRS.formatted(scope.condition()),
                rs -> {
                    Builder b = new Builder();
                    b.pairId = rs.getLong("id");
                    b.zone = ZoneId.of(rs.getString("time_zone"));
                    b.startedOn = rs.getObject("started_on", LocalDate.class);
                    b.reminderWeeks = rs.getInt("meeting_reminder_weeks");
                    b.cadenceWeeks = rs.getInt("cadence_weeks");
                    b.thresholds = new Thresholds(
                            rs.getInt("response_watch_percent") / 100.0,
                            rs.getInt("response_at_risk_percent") / 100.0,
                            rs.getDouble("level_watch"),
                            rs.getDouble("level_at_risk"),
                            rs.getDouble("drop_points"),
                            rs.getDouble("gap_points"));
                    b.silentAfter = rs.getInt("silent_after");
                    b.lastMeeting = rs.getObject("last_meeting", LocalDate.class);
                    addDates(b.periodsOff, rs.getArray("coming_off"));
                    pairs.put(b.pairId, b);
                },
                scope.arg());
        if (pairs.isEmpty()) {
            return List.of();
        }
        jdbc.query(
                CHECK_IN_TOTALS.formatted(scope.condition()),
                rs -> {
                    Builder b = pairs.get(rs.getLong("pair_id"));
                    if (b != null) {
                        b.sent = rs.getInt("sent");
                        OffsetDateTime met = rs.getObject("last_met_at", OffsetDateTime.class);
                        b.lastMetAnswerOn = met == null
                                ? null
                                : met.atZoneSameInstant(b.zone).toLocalDate();
                        addDates(b.periodsOff, rs.getArray("periods_off"));
                    }
                },
                scope.arg());
        jdbc.query(
                RESPONSES.formatted(scope.condition()),
                rs -> {
                    Builder b = pairs.get(rs.getLong("pair_id"));
                    if (b != null) {
                        (rs.getString("role").equals("MENTOR") ? b.mentorResponses : b.responses)
                                .add(rs.getBoolean("responded"));
                    }
                },
                scope.arg(),
                SqlTime.of(now.minus(HealthRules.ANSWER_WINDOW)),
                HealthRules.RESPONSE_WINDOW);
        int keep = scope.keepScores();
        jdbc.query(
                SCORES.formatted(scope.condition()),
                rs -> {
                    Builder b = pairs.get(rs.getLong("pair_id"));
                    Dimension d = dimension(rs.getString("dimension"));
                    if (b == null || d == null) {
                        return;
                    }
                    Map<Dimension, List<Integer>> side =
                            Role.valueOf(rs.getString("role")) == Role.MENTEE ? b.mentee : b.mentor;
                    List<Integer> scores = side.computeIfAbsent(d, x -> new ArrayList<>());
                    for (Object score : (Object[]) rs.getArray("scores").getArray()) {
                        scores.add(((Number) score).intValue());
                    }
                },
                scope.arg(),
                banks.uncounted(),
                keep);
        Map<Long, Map<Role, SilentStreaks.Streak>> silences = streaks.of(scope.condition(), scope.arg(), now);
        List<HealthFacts> out = new ArrayList<>(pairs.size());
        for (Builder b : pairs.values()) {
            out.add(new HealthFacts(
                    b.pairId,
                    now.atZone(b.zone).toLocalDate(),
                    b.startedOn,
                    b.reminderWeeks,
                    b.cadenceWeeks,
                    b.sent,
                    b.responses,
                    b.mentorResponses,
                    b.lastMeeting,
                    b.lastMetAnswerOn,
                    List.copyOf(b.periodsOff),
                    b.mentee,
                    b.mentor,
                    b.thresholds,
                    silence(silences.getOrDefault(b.pairId, Map.of()), b.silentAfter)));
        }
        return out;
    }

    private static HealthFacts.Silence silence(Map<Role, SilentStreaks.Streak> streaks, int after) {
        SilentStreaks.Streak mentee = streaks.get(Role.MENTEE);
        SilentStreaks.Streak mentor = streaks.get(Role.MENTOR);
        return new HealthFacts.Silence(
                mentee == null ? 0 : mentee.checkIns(), mentor == null ? 0 : mentor.checkIns(), after);
    }

    /** Dates read as text, which no JVM time zone can shift on the way (tests run in America/St_Johns). */
    private static void addDates(Collection<LocalDate> to, java.sql.Array dates) throws SQLException {
        if (dates == null) {
            return;
        }
        for (Object date : (Object[]) dates.getArray()) {
            to.add(LocalDate.parse((String) date));
        }
    }

    private static Dimension dimension(String stored) {
        try {
            return Dimension.valueOf(stored.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null; // a dimension a newer bank introduced: not judged until this code knows it
        }
    }

    private static final class Builder {
        long pairId;
        ZoneId zone;
        LocalDate startedOn;
        int reminderWeeks;
        int silentAfter = 3;
        Thresholds thresholds = Thresholds.DEFAULT;
        int cadenceWeeks;
        LocalDate lastMeeting;
        int sent;
        LocalDate lastMetAnswerOn;
        final List<Boolean> responses = new ArrayList<>();
        final List<Boolean> mentorResponses = new ArrayList<>();
        final Set<LocalDate> periodsOff = new TreeSet<>();
        final Map<Dimension, List<Integer>> mentee = new EnumMap<>(Dimension.class);
        final Map<Dimension, List<Integer>> mentor = new EnumMap<>(Dimension.class);
    }
}
