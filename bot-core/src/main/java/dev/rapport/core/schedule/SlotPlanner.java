package dev.rapport.core.schedule;

import dev.rapport.core.calendar.Cadence;
import dev.rapport.core.calendar.QuietHours;
import dev.rapport.core.calendar.SlotCalculator;
import dev.rapport.core.database.SqlTime;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes when each side of a pair is next due: when a pair starts, and again whenever something the
 * schedule depends on changes (a participant's time zone or quiet hours, the programme's cadence). A slot
 * never moves back to a period that already has a check-in, so replanning cannot ask the same thing twice.
 */
@Service
public class SlotPlanner {

    private static final String SLOTS = """
            select p.id as pair_id, r.role, p.started_on, pt.time_zone, pt.quiet_start, pt.quiet_end,
                   g.cadence_day, g.cadence_time, g.cadence_weeks,
                   (select max(c.period) from check_in c where c.pair_id = p.id and c.role = r.role) as last_period
            from pair p
            cross join (values ('MENTEE'), ('MENTOR')) as r(role)
            join participant pt on pt.id = case when r.role = 'MENTEE' then p.mentee_id else p.mentor_id end
            join programme g on g.id = p.programme_id
            where p.status = 'ACTIVE' and pt.left_at is null and """;

    private static final String UPSERT = """
            insert into checkin_slot (pair_id, role, next_due_at, next_period, seq) values (?, ?, ?, ?, 0)
            on conflict (pair_id, role) do update set next_due_at = excluded.next_due_at, next_period = excluded.next_period""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SlotPlanner(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public int planPair(long pairId) {
        return plan("p.id = ?", pairId);
    }

    @Transactional
    public int replanParticipant(long participantId) {
        return plan("pt.id = ?", participantId);
    }

    @Transactional
    public int replanProgramme(long programmeId) {
        return plan("g.id = ?", programmeId);
    }

    /** When a participant's next check-in is due, over all their pairs (empty when none is scheduled). */
    public java.util.Optional<Instant> nextDueFor(long participantId) {
        return java.util.Optional.ofNullable(
                        jdbc.queryForObject("""
                        select min(s.next_due_at) from checkin_slot s join pair p on p.id = s.pair_id
                        where (s.role = 'MENTEE' and p.mentee_id = ?) or (s.role = 'MENTOR' and p.mentor_id = ?)""", java.time.OffsetDateTime.class, participantId, participantId))
                .map(java.time.OffsetDateTime::toInstant);
    }

    /** Removes every slot of a pair (it ended). */
    @Transactional
    public void retirePair(long pairId) {
        jdbc.update("delete from checkin_slot where pair_id = ?", pairId);
    }

    private int plan(String filter, long id) {
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>();
        jdbc.query(
                SLOTS + " " + filter,
                rs -> {
                    ZoneId zone = ZoneId.of(rs.getString("time_zone"));
                    QuietHours quiet = QuietHours.from(rs);
                    Cadence cadence = new Cadence(
                            DayOfWeek.of(rs.getInt("cadence_day")),
                            rs.getTime("cadence_time").toLocalTime(),
                            rs.getInt("cadence_weeks"));
                    // The first check-in comes on the first cadence day after the pair starts, never on the start day
                    // itself.
                    LocalDate earliest =
                            rs.getObject("started_on", LocalDate.class).plusDays(1);
                    LocalDate last = rs.getObject("last_period", LocalDate.class);
                    if (last != null && !last.isBefore(earliest)) {
                        earliest = last.plusDays(1);
                    }
                    LocalDate period = SlotCalculator.firstPeriodAfter(now, earliest, cadence, zone, quiet);
                    rows.add(new Object[] {
                        rs.getLong("pair_id"),
                        rs.getString("role"),
                        SqlTime.of(SlotCalculator.dueAt(period, cadence, zone, quiet)),
                        period
                    });
                },
                id);
        jdbc.batchUpdate(UPSERT, rows);
        return rows.size();
    }
}
