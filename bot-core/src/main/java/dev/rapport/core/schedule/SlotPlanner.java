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
 *
 * <p>Both sides of a pair are asked in the same periods, so that they get the paired items together and their views
 * can be compared (see {@link dev.rapport.core.pulse.Rotation}). Each pair's periods lie on a grid, a first period and
 * then one every {@link Cadence#everyWeeks()} weeks, and every plan puts a slot on it. The grid is anchored on the
 * pair's latest period, whichever side it was recorded for: the sweep records a check-in row for every period it
 * passes (asked, skipped or missed), so that period is on the grid both sides are on; reading it from the rows needs
 * no stored anchor that could itself fall out of step; and after a cadence change the new grid starts from the
 * last period the pair actually had. Before the pair's first period the anchor is the first cadence day after it
 * started, where its first check-in was planned.
 *
 * <p>A participant's change (time zone, quiet hours) moves only the instant their next check-in is due, never the
 * period: the period stays the one their partner is (or was) asked in, even when its new instant has already
 * passed, in which case the sweep sends it at once or, beyond the grace window, records it as missed, as after
 * downtime. A cadence change puts the next period on the new grid, no sooner than the new interval after the last.
 */
@Service
public class SlotPlanner {

    private static final String SLOTS = """
            select p.id as pair_id, r.role, p.started_on, pt.time_zone, pt.quiet_start, pt.quiet_end,
                   g.cadence_day, g.cadence_time, g.cadence_weeks,
                   (select max(c.period) from check_in c where c.pair_id = p.id and c.role = r.role) as last_period,
                   (select max(c.period) from check_in c where c.pair_id = p.id) as pair_last_period,
                   s.next_period as slot_period,
                   exists (select 1 from check_in o
                           where o.pair_id = p.id and o.role <> r.role and o.period = s.next_period
                             and (o.skip_reason is null or o.skip_reason not in ('PAIR_PAUSED', 'SKIP_DATE'))) as partner_passed_slot
            from pair p
            cross join (values ('MENTEE'), ('MENTOR')) as r(role)
            join participant pt on pt.id = case when r.role = 'MENTEE' then p.mentee_id else p.mentor_id end
            join programme g on g.id = p.programme_id
            left join checkin_slot s on s.pair_id = p.id and s.role = r.role
            where p.status = 'ACTIVE' and pt.left_at is null and """;

    private static final String UPSERT = """
            insert into checkin_slot (pair_id, role, next_due_at, next_period, seq) values (?, ?, ?, ?, 0)
            on conflict (pair_id, role) do update set next_due_at = excluded.next_due_at, next_period = excluded.next_period,
                                                      seq = checkin_slot.seq + ?""";

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
                    LocalDate startedOn = rs.getObject("started_on", LocalDate.class);
                    LocalDate last = rs.getObject("last_period", LocalDate.class);
                    LocalDate earliest = startedOn.plusDays(1);
                    if (last != null && !last.isBefore(earliest)) {
                        earliest = last.plusDays(1);
                    }
                    LocalDate gridStart = SlotCalculator.gridStart(
                            rs.getObject("pair_last_period", LocalDate.class), startedOn, cadence);
                    LocalDate slot = rs.getObject("slot_period", LocalDate.class);
                    LocalDate period = period(now, earliest, gridStart, slot, cadence, zone, quiet);
                    // A slot moved past a period its partner has already passed would leave this side one check-in
                    // behind in the rotation for good; it advances as if that period had been lost to a pause (see
                    // Sweeper.advancesRotation).
                    int advance = slot != null && !slot.equals(period) && rs.getBoolean("partner_passed_slot") ? 1 : 0;
                    rows.add(new Object[] {
                        rs.getLong("pair_id"),
                        rs.getString("role"),
                        SqlTime.of(SlotCalculator.dueAt(period, cadence, zone, quiet)),
                        period,
                        advance
                    });
                },
                id);
        jdbc.batchUpdate(UPSERT, rows);
        return rows.size();
    }

    /**
     * The period a side's slot is for: on the pair's grid, on or after {@code earliest}. A slot that is already on
     * the first such period keeps it, even if its (new) due instant has passed, so that this side is not dropped from
     * a period its partner is asked in; otherwise (a new slot, a changed cadence) the first one still ahead.
     */
    private static LocalDate period(
            Instant now,
            LocalDate earliest,
            LocalDate gridStart,
            LocalDate slot,
            Cadence cadence,
            ZoneId zone,
            QuietHours quiet) {
        if (slot != null) {
            LocalDate yesterday = now.atZone(zone).toLocalDate().minusDays(1);
            LocalDate floor = slot.isBefore(yesterday) ? slot : yesterday;
            LocalDate from = earliest.isAfter(floor) ? earliest : floor;
            LocalDate first = SlotCalculator.onGridFrom(from, gridStart, cadence);
            if (first.equals(slot)) {
                return slot;
            }
            return SlotCalculator.firstPeriodAfter(now, from, gridStart, cadence, zone, quiet);
        }
        return SlotCalculator.firstPeriodAfter(now, earliest, gridStart, cadence, zone, quiet);
    }
}
