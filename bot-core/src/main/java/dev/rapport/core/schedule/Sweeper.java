package dev.rapport.core.schedule;

import dev.rapport.core.calendar.Cadence;
import dev.rapport.core.calendar.QuietHours;
import dev.rapport.core.calendar.SlotCalculator;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.outbox.Outbox;
import dev.rapport.core.outbox.OutboxKind;
import dev.rapport.core.outbox.OutboxMessage;
import dev.rapport.core.pair.Role;
import dev.rapport.core.pulse.Question;
import dev.rapport.core.pulse.Rotation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns due schedule slots into check-ins and outbox rows, a batch per transaction.
 *
 * <p>Slots are claimed with {@code FOR UPDATE SKIP LOCKED}, so concurrent sweeps on several instances
 * split the work. For each due slot the sweep decides: send it (due within the grace window), record it
 * as missed (due longer ago: the instance was down), or skip it (paused pair or participant, programme
 * skip date); then it moves the slot to its next period. Written set-wise with JDBC batches because it is
 * the hot path: a million pairs may fall due in the same minute.
 */
@Service
public class Sweeper {

    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

    private static final String CLAIM = """
            select s.pair_id, s.role, s.next_due_at, s.next_period, s.seq,
                   p.status as pair_status, p.paused_until as pair_paused_until,
                   pt.id as participant_id, pt.time_zone, pt.quiet_start, pt.quiet_end,
                   pt.paused_until as participant_paused_until, pt.left_at,
                   g.cadence_day, g.cadence_time, g.cadence_weeks, g.grace_hours,
                   exists (select 1 from programme_skip_date d where d.programme_id = g.id and d.day = s.next_period) as skip_date
            from checkin_slot s
            join pair p on p.id = s.pair_id
            join participant pt on pt.id = case when s.role = 'MENTEE' then p.mentee_id else p.mentor_id end
            join programme g on g.id = p.programme_id
            where s.next_due_at <= ?
            order by s.next_due_at
            limit ?
            for update of s skip locked""";

    private static final String INSERT_CHECK_IN = """
            insert into check_in (id, pair_id, role, participant_id, period, seq, bank_version, question_ids, due_at, status, skip_reason)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (pair_id, role, period) do nothing""";

    private static final String MOVE_SLOTS = """
            update checkin_slot s set next_due_at = u.next_due_at, next_period = u.next_period, seq = u.seq
            from unnest(?::bigint[], ?::varchar[], ?::timestamptz[], ?::date[], ?::int[]) as u(pair_id, role, next_due_at, next_period, seq)
            where s.pair_id = u.pair_id and s.role = u.role""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Rotation rotation;
    private final java.time.Clock clock;
    private final ScheduleProperties properties;
    private final Outbox outbox;

    public Sweeper(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            Rotation rotation,
            java.time.Clock clock,
            ScheduleProperties properties,
            Outbox outbox) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.tx = tx;
        this.rotation = rotation;
        this.clock = clock;
        this.properties = properties;
    }

    /** Sweeps until no slot is due at the clock's current instant. */
    public SweepResult sweep() {
        Instant now = clock.instant();
        SweepResult total = new SweepResult(0, 0, 0, 0);
        while (true) {
            SweepResult batch = tx.execute(status -> sweepBatch(now, properties.sweepBatchSize()));
            if (batch == null || batch.total() == 0) {
                break;
            }
            total = total.plus(batch);
        }
        if (total.total() > 0) {
            log.info(
                    "Sweep at {}: {} check-ins enqueued, {} missed, {} skipped, {} slots retired",
                    now,
                    total.enqueued(),
                    total.missed(),
                    total.skipped(),
                    total.retired());
        }
        return total;
    }

    private record Due(
            long pairId,
            Role role,
            Instant dueAt,
            LocalDate period,
            int seq,
            String pairStatus,
            LocalDate pairPausedUntil,
            long participantId,
            ZoneId zone,
            QuietHours quiet,
            LocalDate participantPausedUntil,
            boolean left,
            Cadence cadence,
            Duration grace,
            boolean skipDate) {}

    private record NewCheckIn(long id, Due due, String status, String skipReason, String questionIds) {}

    SweepResult sweepBatch(Instant now, int limit) {
        List<Due> due = jdbc.query(
                CLAIM,
                (rs, i) -> {
                    LocalDate pairPaused = rs.getObject("pair_paused_until", LocalDate.class);
                    LocalDate partPaused = rs.getObject("participant_paused_until", LocalDate.class);
                    return new Due(
                            rs.getLong("pair_id"),
                            Role.valueOf(rs.getString("role")),
                            rs.getObject("next_due_at", java.time.OffsetDateTime.class)
                                    .toInstant(),
                            rs.getObject("next_period", LocalDate.class),
                            rs.getInt("seq"),
                            rs.getString("pair_status"),
                            pairPaused,
                            rs.getLong("participant_id"),
                            ZoneId.of(rs.getString("time_zone")),
                            QuietHours.from(rs),
                            partPaused,
                            rs.getTimestamp("left_at") != null,
                            new Cadence(
                                    DayOfWeek.of(rs.getInt("cadence_day")),
                                    rs.getTime("cadence_time").toLocalTime(),
                                    rs.getInt("cadence_weeks")),
                            Duration.ofHours(rs.getInt("grace_hours")),
                            rs.getBoolean("skip_date"));
                },
                SqlTime.of(now),
                limit);
        if (due.isEmpty()) {
            return new SweepResult(0, 0, 0, 0);
        }

        List<Due> retire = new ArrayList<>();
        List<Due> record = new ArrayList<>();
        for (Due d : due) {
            if ("ENDED".equals(d.pairStatus()) || d.left()) {
                retire.add(d);
            } else {
                record.add(d);
            }
        }
        List<Long> ids = record.isEmpty()
                ? List.of()
                : jdbc.queryForList(
                        "select nextval('check_in_id_seq') from generate_series(1, ?)", Long.class, record.size());

        List<NewCheckIn> checkIns = new ArrayList<>(record.size());
        int enqueued = 0, missed = 0, skipped = 0;
        for (int i = 0; i < record.size(); i++) {
            Due d = record.get(i);
            // Reasons that hold for the whole pair come first, so both sides record the same one (see
            // advancesRotation).
            if (paused(d.pairPausedUntil(), d.period())) {
                checkIns.add(new NewCheckIn(ids.get(i), d, "SKIPPED", "PAIR_PAUSED", ""));
                skipped++;
            } else if (d.skipDate()) {
                checkIns.add(new NewCheckIn(ids.get(i), d, "SKIPPED", "SKIP_DATE", ""));
                skipped++;
            } else if (d.dueAt().isBefore(now.minus(d.grace()))) {
                checkIns.add(new NewCheckIn(ids.get(i), d, "MISSED", "DOWNTIME", ""));
                missed++;
            } else if (paused(d.participantPausedUntil(), d.period())) {
                checkIns.add(new NewCheckIn(ids.get(i), d, "SKIPPED", "PARTICIPANT_PAUSED", ""));
                skipped++;
            } else {
                List<Question> questions = rotation.questionsFor(d.pairId(), d.role(), d.seq());
                checkIns.add(new NewCheckIn(
                        ids.get(i),
                        d,
                        "PENDING",
                        null,
                        questions.stream().map(Question::id).collect(Collectors.joining(","))));
                enqueued++;
            }
        }

        String bankVersion = rotation.bank().version();
        jdbc.batchUpdate(INSERT_CHECK_IN, checkIns, 1000, (ps, c) -> {
            Due d = c.due();
            ps.setLong(1, c.id());
            ps.setLong(2, d.pairId());
            ps.setString(3, d.role().name());
            ps.setLong(4, d.participantId());
            ps.setObject(5, d.period());
            ps.setInt(6, d.seq());
            ps.setString(7, bankVersion);
            ps.setString(8, c.questionIds());
            ps.setObject(9, SqlTime.of(d.dueAt()));
            ps.setString(10, c.status());
            ps.setString(11, c.skipReason());
        });

        // Normally `now` is the due instant, already outside quiet hours; a check-in sent late (after downtime) may
        // fall inside them and then waits for their end, as the reminders do.
        outbox.enqueueAll(checkIns.stream()
                .filter(c -> c.status().equals("PENDING"))
                .map(c -> new OutboxMessage(
                        c.due().pairId(),
                        c.due().participantId(),
                        OutboxKind.CHECK_IN,
                        c.due().period().toString(),
                        c.id(),
                        null,
                        SlotCalculator.outsideQuietHours(
                                now, c.due().zone(), c.due().quiet())))
                .toList());

        // One set-wise statement for the whole batch: a JDBC batch of per-row updates cost one statement
        // execution per slot on the server (the driver rewrites batched inserts, never updates).
        int n = checkIns.size();
        Long[] slotPairs = new Long[n];
        String[] slotRoles = new String[n];
        String[] nextDue = new String[n];
        String[] nextPeriods = new String[n];
        Integer[] nextSeqs = new Integer[n];
        for (int i = 0; i < n; i++) {
            NewCheckIn c = checkIns.get(i);
            Due d = c.due();
            LocalDate next = SlotCalculator.nextPeriod(d.period(), d.cadence());
            slotPairs[i] = d.pairId();
            slotRoles[i] = d.role().name();
            nextDue[i] = SqlTime.of(SlotCalculator.dueAt(next, d.cadence(), d.zone(), d.quiet()))
                    .toString();
            nextPeriods[i] = next.toString();
            nextSeqs[i] = advancesRotation(c) ? d.seq() + 1 : d.seq();
        }
        if (n > 0) {
            jdbc.update(MOVE_SLOTS, slotPairs, slotRoles, nextDue, nextPeriods, nextSeqs);
        }
        jdbc.batchUpdate("delete from checkin_slot where pair_id = ? and role = ?", retire, 1000, (ps, d) -> {
            ps.setLong(1, d.pairId());
            ps.setString(2, d.role().name());
        });
        return new SweepResult(enqueued, missed, skipped, retire.size());
    }

    /**
     * Whether a period moves the slot's rotation on. Both sides of a pair must stay on the same seq, so that they are
     * asked the same dimensions and paired items in the same period and their views can be compared. Periods skipped
     * for the whole pair (pair pause, programme skip date) do not advance it, so coverage holds over the pair's asked
     * check-ins. A period only one side may lose (their own pause, or a downtime miss that quiet hours made differ
     * between the sides) advances it as if asked: otherwise that side would fall behind its partner for good.
     */
    private static boolean advancesRotation(NewCheckIn c) {
        return !"PAIR_PAUSED".equals(c.skipReason()) && !"SKIP_DATE".equals(c.skipReason());
    }

    private static boolean paused(LocalDate pausedUntil, LocalDate period) {
        return pausedUntil != null && !period.isAfter(pausedUntil);
    }
}
