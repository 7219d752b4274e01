package dev.rapport.core.schedule;

import dev.rapport.core.calendar.QuietHours;
import dev.rapport.core.calendar.SlotCalculator;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.i18n.Text;
import dev.rapport.core.outbox.Outbox;
import dev.rapport.core.outbox.OutboxKind;
import dev.rapport.core.outbox.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two kinds of reminder: one nudge for a check-in left unanswered (after the programme's
 * {@code reminder_after_hours}, only for the latest check-in of that side, never a second time), and a
 * meeting reminder to the mentor when no meeting has been logged for the programme's
 * {@code meeting_reminder_weeks} (once per such stretch), not counting the weeks the pair could not meet (paused, or
 * on programme skip dates). Both wait for the recipient's quiet hours to end,
 * and neither goes to a paused pair or participant (pauses are local dates, read in the recipient's zone at the clock's instant).
 */
@Service
public class Reminders {

    private static final String UNANSWERED = """
            select c.id, c.pair_id, c.participant_id, c.period, pt.time_zone, pt.quiet_start, pt.quiet_end
            from check_in c
            join pair p on p.id = c.pair_id
            join programme g on g.id = p.programme_id
            join participant pt on pt.id = c.participant_id
            where c.status = 'SENT' and c.reminded_at is null and c.answered_at is null
              and c.sent_at <= ?::timestamptz - make_interval(hours => g.reminder_after_hours)
              and pt.left_at is null and p.status = 'ACTIVE'
              and (pt.paused_until is null or pt.paused_until < (?::timestamptz at time zone pt.time_zone)::date)
              and (p.paused_until is null or p.paused_until < (?::timestamptz at time zone pt.time_zone)::date)
              and not exists (select 1 from check_in n where n.pair_id = c.pair_id and n.role = c.role and n.period > c.period)
            limit 1000
            for update of c skip locked""";

    /*
     * The mentor's reminder counts from the last meeting either side logged, or one the mentor said they had: never
     * from the mentee's "did you meet?" answers, which would let a reminder (or its absence) tell the mentor what the
     * mentee answered. Health, which only coordinators see, does use them.
     *
     * Weeks in which the pair could not meet do not count (see HealthFactsReader for the same rule): each period the
     * sweep skipped for either side because of the pair's pause, that side's own pause or a programme skip date
     * counts as the cadence interval it starts, and so do the pair's coming periods already known to be skipped.
     */
    private static final String MEETINGS = """
            select p.id, p.mentor_id, mentee.display_name as mentee_name, g.meeting_reminder_weeks, g.cadence_weeks,
                   mentor.time_zone, mentor.quiet_start, mentor.quiet_end,
                   greatest(p.started_on,
                            (select max(m.held_on) from meeting m where m.pair_id = p.id),
                            (select max((c.answered_at at time zone mentor.time_zone)::date) from check_in c
                             where c.pair_id = p.id and c.role = 'MENTOR' and c.met)) as last_met,
                   array(select c.period::text from check_in c
                         where c.pair_id = p.id and c.skip_reason in ('PAIR_PAUSED', 'PARTICIPANT_PAUSED', 'SKIP_DATE')
                         union
                         select s.next_period::text from checkin_slot s
                         join participant sp on sp.id = case when s.role = 'MENTEE' then p.mentee_id else p.mentor_id end
                         where s.pair_id = p.id
                           and (s.next_period <= p.paused_until or s.next_period <= sp.paused_until
                                or exists (select 1 from programme_skip_date d
                                           where d.programme_id = p.programme_id and d.day = s.next_period))) as periods_off
            from pair p
            join programme g on g.id = p.programme_id
            join participant mentor on mentor.id = p.mentor_id
            join participant mentee on mentee.id = p.mentee_id
            where p.status = 'ACTIVE' and mentor.left_at is null and mentee.left_at is null
              and (p.paused_until is null or p.paused_until < (?::timestamptz at time zone mentor.time_zone)::date)
              and (mentor.paused_until is null or mentor.paused_until < (?::timestamptz at time zone mentor.time_zone)::date)
              and (mentee.paused_until is null or mentee.paused_until < (?::timestamptz at time zone mentee.time_zone)::date)""";

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Clock clock;

    public Reminders(JdbcTemplate jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Runs both reminders; returns how many were enqueued. Transactional itself because the Quartz job calls this
     * method: the calls below are self-invocations that bypass their own {@code @Transactional}, and without a
     * transaction the unanswered check-ins' {@code FOR UPDATE SKIP LOCKED} claim would be released at once.
     */
    @Transactional
    public int run() {
        return remindUnansweredCheckIns() + remindOverdueMeetings();
    }

    @Transactional
    public int remindUnansweredCheckIns() {
        Instant now = clock.instant();
        List<OutboxMessage> messages = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        jdbc.query(
                UNANSWERED,
                rs -> {
                    ZoneId zone = ZoneId.of(rs.getString("time_zone"));
                    Instant notBefore = SlotCalculator.outsideQuietHours(now, zone, QuietHours.from(rs));
                    messages.add(new OutboxMessage(
                            rs.getLong("pair_id"),
                            rs.getLong("participant_id"),
                            OutboxKind.CHECK_IN_REMINDER,
                            rs.getObject("period", LocalDate.class).toString(),
                            rs.getLong("id"),
                            null,
                            notBefore));
                    ids.add(rs.getLong("id"));
                },
                SqlTime.of(now),
                SqlTime.of(now),
                SqlTime.of(now));
        outbox.enqueueAll(messages);
        jdbc.batchUpdate(
                "update check_in set reminded_at = ? where id = ?",
                ids.stream().map(id -> new Object[] {SqlTime.of(now), id}).toList());
        return messages.size();
    }

    @Transactional
    public int remindOverdueMeetings() {
        Instant now = clock.instant();
        List<OutboxMessage> messages = new ArrayList<>();
        jdbc.query(
                MEETINGS,
                rs -> {
                    ZoneId zone = ZoneId.of(rs.getString("time_zone"));
                    LocalDate lastMet = rs.getObject("last_met", LocalDate.class);
                    List<LocalDate> periodsOff = new ArrayList<>();
                    for (Object period : (Object[]) rs.getArray("periods_off").getArray()) {
                        // Read as text, which no JVM time zone can shift on the way.
                        periodsOff.add(LocalDate.parse((String) period));
                    }
                    long weeks = SlotCalculator.weeksLeavingOut(
                            lastMet, now.atZone(zone).toLocalDate(), periodsOff, rs.getInt("cadence_weeks"));
                    int threshold = rs.getInt("meeting_reminder_weeks");
                    if (weeks < threshold) {
                        return;
                    }
                    String mentee = rs.getString("mentee_name");
                    Text text = Text.of("meeting.reminder.body", "mentee", mentee, "weeks", weeks);
                    Instant notBefore = SlotCalculator.outsideQuietHours(now, zone, QuietHours.from(rs));
                    // One reminder per stretch of `threshold` weeks without a meeting.
                    String period = "since " + lastMet + " #" + (weeks / threshold);
                    messages.add(OutboxMessage.of(
                            rs.getLong("id"),
                            rs.getLong("mentor_id"),
                            OutboxKind.MEETING_REMINDER,
                            period,
                            text,
                            notBefore));
                },
                SqlTime.of(now),
                SqlTime.of(now),
                SqlTime.of(now));
        int n = 0;
        for (OutboxMessage m : messages) {
            n += outbox.enqueue(m) ? 1 : 0;
        }
        return n;
    }
}
