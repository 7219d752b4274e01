package dev.rapport.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.calendar.Cadence;
import dev.rapport.core.calendar.QuietHours;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.test.CoreTestSupport;
import dev.rapport.core.test.RecordingChatPort.Delivery;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ScheduleIT extends CoreTestSupport {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Cadence FORTNIGHTLY = new Cadence(DayOfWeek.MONDAY, LocalTime.of(10, 0), 2);

    @Autowired
    Reminders reminders;

    ChatUser cora;
    ChatUser mentor;
    ChatUser mentee;
    ProgrammeView programme;

    @BeforeEach
    void people() {
        cora = user("Cora");
        mentor = user("Dr Lee");
        mentee = user("Ana");
    }

    /** A Lisbon programme and one pair started on {@code start}, with the welcomes already delivered and forgotten. */
    private PairView startPair(String start) {
        clock.set(LocalDate.parse(start).atTime(12, 0).atZone(LISBON).toInstant());
        programme = programme("Residents", cora, LISBON);
        PairView pair = pair(programme, mentor, mentee, LISBON, LocalDate.parse(start));
        tick();
        slack.clear();
        return pair;
    }

    private void tickAt(String instant) {
        clock.set(Instant.parse(instant));
        tick();
    }

    /** A check-in, or the gentler one sent after silent-after unanswered in a row (checkin.SilentStreaks). */
    private static boolean isCheckIn(Delivery d) {
        String summary = d.message().summary();
        return (summary.startsWith("Your ") && summary.contains("check-in is ready"))
                || summary.startsWith("No rush: a short ");
    }

    private static boolean isReminder(Delivery d) {
        String summary = d.message().summary();
        return summary.startsWith("Reminder: ") || summary.startsWith("No rush: your ");
    }

    private List<Delivery> checkInsTo(ChatUser u) {
        return slack.to(u.userId()).stream().filter(ScheduleIT::isCheckIn).toList();
    }

    /** "ROLE period STATUS [reason]" for each check-in row of the pair, in period order. */
    private List<String> checkInRows(long pairId, String role) {
        return jdbc.query(
                "select period, status, skip_reason from check_in where pair_id = ? and role = ? order by period",
                (rs, i) -> rs.getObject("period", LocalDate.class) + " " + rs.getString("status")
                        + (rs.getString("skip_reason") == null ? "" : " " + rs.getString("skip_reason")),
                pairId,
                role);
    }

    private Instant dueAt(long pairId, String role, String period) {
        return jdbc.queryForObject(
                "select due_at from check_in where pair_id = ? and role = ? and period = ?",
                (rs, i) -> rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                pairId,
                role,
                LocalDate.parse(period));
    }

    private long outboxRows(String kind) {
        return jdbc.queryForObject("select count(*) from outbox where kind = ?", Long.class, kind);
    }

    // (a)

    @Test
    void a_lisbon_pair_gets_its_monday_check_in_at_ten_local_time_before_and_after_the_spring_change() {
        PairView pair = startPair("2026-03-16");

        tickAt("2026-03-23T09:59:00Z");
        assertThat(checkInsTo(mentee)).isEmpty();
        tickAt("2026-03-23T10:00:00Z");
        assertThat(checkInsTo(mentee)).hasSize(1);
        assertThat(checkInsTo(mentor)).hasSize(1);
        assertThat(dueAt(pair.id(), "MENTEE", "2026-03-23")).isEqualTo("2026-03-23T10:00:00Z");

        // Summer time from 2026-03-29: ten o'clock in Lisbon is now 09:00Z.
        tickAt("2026-03-30T08:59:00Z");
        assertThat(checkInsTo(mentee)).hasSize(1);
        tickAt("2026-03-30T09:00:00Z");
        assertThat(checkInsTo(mentee)).hasSize(2);
        assertThat(checkInsTo(mentor)).hasSize(2);
        assertThat(dueAt(pair.id(), "MENTEE", "2026-03-30")).isEqualTo("2026-03-30T09:00:00Z");

        tickAt("2026-03-30T10:00:00Z");
        assertThat(checkInsTo(mentee)).hasSize(2);
    }

    @Test
    void a_lisbon_pair_gets_its_monday_check_in_at_ten_local_time_before_and_after_the_autumn_change() {
        PairView pair = startPair("2026-10-12");
        tickAt("2026-10-19T09:00:00Z");
        tickAt("2026-10-26T09:00:00Z");
        assertThat(checkInsTo(mentee)).hasSize(1);
        tickAt("2026-10-26T10:00:00Z");
        assertThat(checkInsTo(mentee)).hasSize(2);
        assertThat(dueAt(pair.id(), "MENTEE", "2026-10-19")).isEqualTo("2026-10-19T09:00:00Z");
        assertThat(dueAt(pair.id(), "MENTEE", "2026-10-26")).isEqualTo("2026-10-26T10:00:00Z");
    }

    // (b)

    @Test
    void a_participant_with_quiet_hours_from_eight_to_noon_gets_the_ten_oclock_check_in_at_noon() {
        PairView pair = startPair("2026-11-23");
        participants.setQuietHours(pair.menteeId(), new QuietHours(LocalTime.of(8, 0), LocalTime.of(12, 0)));

        tickAt("2026-11-30T10:00:00Z");
        assertThat(checkInsTo(mentor)).hasSize(1);
        assertThat(checkInsTo(mentee)).isEmpty();
        tickAt("2026-11-30T11:59:00Z");
        assertThat(checkInsTo(mentee)).isEmpty();
        tickAt("2026-11-30T12:00:00Z");
        assertThat(checkInsTo(mentee)).hasSize(1);
        assertThat(dueAt(pair.id(), "MENTEE", "2026-11-30")).isEqualTo("2026-11-30T12:00:00Z");
        tickAt("2026-12-07T10:00:00Z");
        assertThat(checkInsTo(mentee)).hasSize(1);
        tickAt("2026-12-07T12:00:00Z");
        assertThat(checkInsTo(mentee)).hasSize(2);
    }

    // (c)

    @Test
    void a_participant_paused_until_a_date_gets_nothing_up_to_it_and_the_next_check_in_after_it() {
        PairView pair = startPair("2026-11-23");
        participants.pause(pair.menteeId(), LocalDate.parse("2026-12-07"));

        for (String monday : List.of("2026-11-30", "2026-12-07", "2026-12-14")) {
            tickAt(monday + "T10:00:00Z");
            tickAt(monday + "T18:00:00Z");
        }
        assertThat(checkInsTo(mentee)).hasSize(1);
        assertThat(checkInsTo(mentor)).hasSize(3);
        assertThat(checkInRows(pair.id(), "MENTEE"))
                .containsExactly(
                        "2026-11-30 SKIPPED PARTICIPANT_PAUSED",
                        "2026-12-07 SKIPPED PARTICIPANT_PAUSED",
                        "2026-12-14 SENT");
        assertThat(checkInRows(pair.id(), "MENTOR"))
                .containsExactly("2026-11-30 SENT", "2026-12-07 SENT", "2026-12-14 SENT");
    }

    @Test
    void after_one_side_was_paused_both_sides_are_again_asked_the_same_paired_items_in_the_same_week() {
        PairView pair = startPair("2026-11-23");
        participants.pause(pair.menteeId(), LocalDate.parse("2026-11-30"));
        for (String monday : List.of("2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21")) {
            tickAt(monday + "T10:00:00Z");
        }
        for (String period : List.of("2026-12-07", "2026-12-14", "2026-12-21")) {
            assertThat(pairedItems(pair.id(), "MENTEE", period))
                    .as(period)
                    .isNotEmpty()
                    .isEqualTo(pairedItems(pair.id(), "MENTOR", period));
        }
    }

    @Test
    void a_side_paused_over_a_programme_skip_date_stays_in_step_with_its_partner() {
        PairView pair = startPair("2026-11-23");
        programmes.addSkipDates(programme.id(), LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-07"));
        participants.pause(pair.menteeId(), LocalDate.parse("2026-12-07"));
        for (String monday : List.of("2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21")) {
            tickAt(monday + "T10:00:00Z");
        }
        assertThat(checkInRows(pair.id(), "MENTEE"))
                .containsExactly(
                        "2026-11-30 SKIPPED PARTICIPANT_PAUSED",
                        "2026-12-07 SKIPPED SKIP_DATE",
                        "2026-12-14 SENT",
                        "2026-12-21 SENT");
        for (String period : List.of("2026-12-14", "2026-12-21")) {
            assertThat(pairedItems(pair.id(), "MENTEE", period))
                    .as(period)
                    .isEqualTo(pairedItems(pair.id(), "MENTOR", period));
        }
    }

    @Test
    void the_two_check_ins_either_side_of_a_pair_pause_still_cover_all_six_dimensions() {
        PairView pair = startPair("2026-11-23");
        tickAt("2026-11-30T10:00:00Z");
        pairs.pause(pair.id(), LocalDate.parse("2026-12-14"));
        for (String monday : List.of("2026-12-07", "2026-12-14", "2026-12-21")) {
            tickAt(monday + "T10:00:00Z");
        }
        for (String role : List.of("MENTEE", "MENTOR")) {
            Set<String> dimensions = new HashSet<>();
            for (String period : List.of("2026-11-30", "2026-12-21")) {
                for (String item : pairedItems(pair.id(), role, period).split(",")) {
                    dimensions.add(item.substring(0, item.indexOf('.')));
                }
            }
            assertThat(dimensions).as(role).hasSize(6);
        }
    }

    /** The check-in's question ids without their role: "respect.1,humility.2,...". */
    private String pairedItems(long pairId, String role, String period) {
        return jdbc.queryForObject(
                        "select question_ids from check_in where pair_id = ? and role = ? and period = ?",
                        String.class,
                        pairId,
                        role,
                        LocalDate.parse(period))
                .replaceAll("\\.(mentee|mentor)", "");
    }

    @Test
    void a_participant_who_resumes_early_gets_the_next_check_in() {
        PairView pair = startPair("2026-11-23");
        participants.pause(pair.menteeId(), LocalDate.parse("2026-12-31"));
        tickAt("2026-11-30T10:00:00Z");
        assertThat(checkInsTo(mentee)).isEmpty();

        clock.set(Instant.parse("2026-12-02T12:00:00Z"));
        participants.resume(pair.menteeId());
        tickAt("2026-12-07T10:00:00Z");
        assertThat(checkInsTo(mentee)).hasSize(1);
        assertThat(checkInRows(pair.id(), "MENTEE"))
                .containsExactly("2026-11-30 SKIPPED PARTICIPANT_PAUSED", "2026-12-07 SENT");
    }

    @Test
    void a_paused_pair_gets_nothing_up_to_the_pause_end_and_resumes_after_it() {
        PairView pair = startPair("2026-11-23");
        pairs.pause(pair.id(), LocalDate.parse("2026-12-07"));

        for (String monday : List.of("2026-11-30", "2026-12-07", "2026-12-14")) {
            tickAt(monday + "T10:00:00Z");
        }
        assertThat(checkInsTo(mentee)).hasSize(1);
        assertThat(checkInsTo(mentor)).hasSize(1);
        for (String role : List.of("MENTEE", "MENTOR")) {
            assertThat(checkInRows(pair.id(), role))
                    .containsExactly(
                            "2026-11-30 SKIPPED PAIR_PAUSED", "2026-12-07 SKIPPED PAIR_PAUSED", "2026-12-14 SENT");
        }
    }

    // (d)

    @Test
    void a_programme_skip_date_skips_that_weeks_check_in() {
        PairView pair = startPair("2026-11-23");
        programmes.addSkipDates(programme.id(), LocalDate.parse("2026-12-05"), LocalDate.parse("2026-12-09"));

        for (String monday : List.of("2026-11-30", "2026-12-07", "2026-12-14")) {
            tickAt(monday + "T10:00:00Z");
        }
        assertThat(checkInsTo(mentee)).hasSize(2);
        assertThat(checkInsTo(mentor)).hasSize(2);
        assertThat(checkInRows(pair.id(), "MENTEE"))
                .containsExactly("2026-11-30 SENT", "2026-12-07 SKIPPED SKIP_DATE", "2026-12-14 SENT");
    }

    // (e)

    @Test
    void after_downtime_the_latest_check_in_within_the_grace_window_is_sent_late_once_and_older_ones_are_missed() {
        PairView pair = startPair("2026-11-23");

        // Down from before the first check-in until five hours after the third.
        tickAt("2026-12-14T15:00:00Z");
        assertThat(checkInsTo(mentee)).hasSize(1);
        assertThat(checkInsTo(mentor)).hasSize(1);
        for (String role : List.of("MENTEE", "MENTOR")) {
            assertThat(checkInRows(pair.id(), role))
                    .containsExactly("2026-11-30 MISSED DOWNTIME", "2026-12-07 MISSED DOWNTIME", "2026-12-14 SENT");
        }
        assertThat(outboxRows("CHECK_IN")).isEqualTo(2);

        tickAt("2026-12-14T16:00:00Z");
        tickAt("2026-12-15T09:00:00Z");
        assertThat(checkInsTo(mentee)).hasSize(1);
        tickAt("2026-12-21T10:00:00Z");
        assertThat(checkInsTo(mentee)).hasSize(2);
    }

    @Test
    void after_downtime_longer_than_the_grace_window_past_the_latest_check_in_nothing_is_sent() {
        PairView pair = startPair("2026-11-23");
        tickAt("2026-12-14T22:01:00Z");
        assertThat(checkInsTo(mentee)).isEmpty();
        assertThat(checkInsTo(mentor)).isEmpty();
        assertThat(checkInRows(pair.id(), "MENTEE"))
                .containsExactly(
                        "2026-11-30 MISSED DOWNTIME", "2026-12-07 MISSED DOWNTIME", "2026-12-14 MISSED DOWNTIME");
        tickAt("2026-12-21T10:00:00Z");
        assertThat(checkInsTo(mentee)).hasSize(1);
    }

    @Test
    void a_check_in_sent_late_after_downtime_still_waits_for_the_participants_quiet_hours() {
        PairView pair = startPair("2026-11-23");
        participants.setQuietHours(pair.menteeId(), new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0)));

        // Back up at 21:30 Lisbon time, 11.5 hours after the 10:00 check-in: inside the grace window, inside quiet
        // hours.
        tickAt("2026-11-30T21:30:00Z");
        assertThat(checkInsTo(mentor)).hasSize(1);
        assertThat(checkInsTo(mentee)).isEmpty();
        tickAt("2026-12-01T06:59:00Z");
        assertThat(checkInsTo(mentee)).isEmpty();
        tickAt("2026-12-01T07:00:00Z");
        assertThat(checkInsTo(mentee)).hasSize(1);
        assertThat(checkInRows(pair.id(), "MENTEE")).containsExactly("2026-11-30 SENT");
    }

    // (f)

    @Test
    void the_same_sweep_run_twice_or_from_two_threads_never_produces_two_outbox_rows() throws Exception {
        clock.set(Instant.parse("2026-11-23T12:00:00Z"));
        programme = programme("Residents", cora, LISBON);
        int pairCount = 60;
        for (int i = 0; i < pairCount; i++) {
            pair(programme, user("Mentor" + i), user("Mentee" + i), LISBON, LocalDate.parse("2026-11-23"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String monday : List.of("2026-11-30", "2026-12-07", "2026-12-14")) {
                clock.set(Instant.parse(monday + "T10:00:00Z"));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<SweepResult>> results = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return sweeper.sweep();
                    }));
                }
                int enqueued = 0;
                for (Future<SweepResult> r : results) {
                    enqueued += r.get().enqueued();
                }
                assertThat(enqueued)
                        .as("check-ins enqueued by both sweeps on %s", monday)
                        .isEqualTo(2 * pairCount);
                assertThat(sweeper.sweep().total()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outboxRows("CHECK_IN")).isEqualTo(3L * 2 * pairCount);
        assertThat(jdbc.queryForObject(
                        "select count(*) from (select 1 from outbox where pair_id is not null group by pair_id, kind, period having count(*) > 2) d",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from (select 1 from outbox group by pair_id, kind, period, recipient_id having count(*) > 1) d",
                        Long.class))
                .isZero();

        // A slot put back on a period that already ran (as a crashed sweep might leave it) adds nothing.
        jdbc.update(
                "update checkin_slot set next_period = '2026-12-14', next_due_at = ?",
                SqlTime.of(Instant.parse("2026-12-14T10:00:00Z")));
        sweeper.sweep();
        sweeper.sweep();
        assertThat(outboxRows("CHECK_IN")).isEqualTo(3L * 2 * pairCount);
        // Nothing was sent while three weeks were enqueued: only the newest week is still worth asking; the two older
        // weeks expire at claim time as superseded, each check-in recorded as missed, none sent.
        dispatcher.drain("w");
        assertThat(slack.deliveries().stream().filter(ScheduleIT::isCheckIn)).hasSize(2 * pairCount);
        assertThat(jdbc.queryForObject(
                        "select count(*) from outbox where kind = 'CHECK_IN' and status = 'EXPIRED' and last_error like 'SUPERSEDED%'",
                        Long.class))
                .isEqualTo(2L * 2 * pairCount);
        assertThat(jdbc.queryForObject(
                        "select count(*) from check_in where status = 'MISSED' and skip_reason = 'SUPERSEDED'",
                        Long.class))
                .isEqualTo(2L * 2 * pairCount);
    }

    // (g)

    @Test
    void an_unanswered_check_in_gets_one_reminder_after_48_hours_and_never_a_second() {
        PairView pair = startPair("2026-11-23");
        tickAt("2026-11-30T10:00:00Z");
        jdbc.update(
                "update check_in set answered_at = ?, status = 'ANSWERED' where pair_id = ? and role = 'MENTOR'",
                SqlTime.of(Instant.parse("2026-11-30T11:00:00Z")),
                pair.id());

        clock.set(Instant.parse("2026-12-02T09:59:00Z"));
        assertThat(reminders.remindUnansweredCheckIns()).isZero();
        clock.set(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(reminders.remindUnansweredCheckIns()).isEqualTo(1);
        dispatcher.drain("w");
        for (String later : List.of("2026-12-02T11:00:00Z", "2026-12-03T10:00:00Z", "2026-12-05T10:00:00Z")) {
            clock.set(Instant.parse(later));
            reminders.run();
            dispatcher.drain("w");
        }
        assertThat(slack.to(mentee.userId())).filteredOn(ScheduleIT::isReminder).hasSize(1);
        assertThat(slack.to(mentor.userId())).filteredOn(ScheduleIT::isReminder).isEmpty();
    }

    @Test
    void reminders_run_from_two_threads_at_once_enqueue_each_reminder_once() throws Exception {
        PairView pair = startPair("2026-11-23");
        tickAt("2026-11-30T10:00:00Z");
        clock.set(Instant.parse("2026-12-14T10:00:00Z"));
        jdbc.update(
                "update check_in set sent_at = ? where pair_id = ?",
                SqlTime.of(Instant.parse("2026-12-10T10:00:00Z")),
                pair.id());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return reminders.run();
                }));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outboxRows("CHECK_IN_REMINDER")).isEqualTo(2);
        assertThat(outboxRows("MEETING_REMINDER")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from check_in where reminded_at is not null", Long.class))
                .isEqualTo(2);
        dispatcher.drain("w");
        assertThat(slack.to(mentee.userId())).filteredOn(ScheduleIT::isReminder).hasSize(1);
        assertThat(slack.to(mentor.userId())).filteredOn(ScheduleIT::isReminder).hasSize(1);
        assertThat(meetingRemindersTo(mentor)).hasSize(1);
    }

    @Test
    void an_answered_check_in_gets_no_reminder() {
        PairView pair = startPair("2026-11-23");
        tickAt("2026-11-30T10:00:00Z");
        jdbc.update(
                "update check_in set answered_at = ? where pair_id = ?",
                SqlTime.of(Instant.parse("2026-11-30T12:00:00Z")),
                pair.id());
        clock.set(Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(reminders.remindUnansweredCheckIns()).isZero();
        dispatcher.drain("w");
        assertThat(slack.deliveries()).filteredOn(ScheduleIT::isReminder).isEmpty();
    }

    @Test
    void a_check_in_reminder_waits_for_the_participants_pause() {
        PairView pair = startPair("2026-11-23");
        tickAt("2026-11-30T10:00:00Z");
        clock.set(Instant.parse("2026-11-30T18:00:00Z"));
        participants.pause(pair.menteeId(), LocalDate.parse("2026-12-20"));
        clock.set(Instant.parse("2026-12-02T10:00:00Z"));
        reminders.run();
        dispatcher.drain("w");
        assertThat(slack.to(mentee.userId())).filteredOn(ScheduleIT::isReminder).isEmpty();
        assertThat(slack.to(mentor.userId())).filteredOn(ScheduleIT::isReminder).hasSize(1);
    }

    // (h)

    @Test
    void the_mentor_gets_one_meeting_reminder_after_three_weeks_without_a_meeting() {
        PairView pair = startPair("2026-11-23");
        for (String day : List.of("2026-12-07", "2026-12-13")) {
            clock.set(Instant.parse(day + "T12:00:00Z"));
            assertThat(reminders.remindOverdueMeetings()).isZero();
        }
        clock.set(Instant.parse("2026-12-14T12:00:00Z"));
        assertThat(reminders.remindOverdueMeetings()).isEqualTo(1);
        dispatcher.drain("w");
        for (String day : List.of(
                "2026-12-14T18:00:00Z", "2026-12-16T12:00:00Z", "2026-12-21T12:00:00Z", "2027-01-03T12:00:00Z")) {
            clock.set(Instant.parse(day));
            reminders.remindOverdueMeetings();
            dispatcher.drain("w");
        }
        assertThat(meetingRemindersTo(mentor)).hasSize(1).first().asString().contains("No meeting with Ana");
        assertThat(meetingRemindersTo(mentee)).isEmpty();

        // A logged meeting starts a new stretch: the next reminder comes three weeks after it.
        jdbc.update(
                "insert into meeting (pair_id, held_on, logged_by, created_at) values (?, ?, ?, ?)",
                pair.id(),
                LocalDate.parse("2027-01-04"),
                pair.mentorId(),
                SqlTime.of(clock.instant()));
        clock.set(Instant.parse("2027-01-24T12:00:00Z"));
        assertThat(reminders.remindOverdueMeetings()).isZero();
        clock.set(Instant.parse("2027-01-25T12:00:00Z"));
        assertThat(reminders.remindOverdueMeetings()).isEqualTo(1);
        clock.set(Instant.parse("2027-01-28T12:00:00Z"));
        assertThat(reminders.remindOverdueMeetings()).isZero();
        dispatcher.drain("w");
        assertThat(meetingRemindersTo(mentor)).hasSize(2);
    }

    /**
     * Runs the schedule and the meeting reminders as the jobs would, every day from {@code from} to {@code to} (the
     * reminders just after midnight and at noon, the sweep at ten), until the first meeting reminder is enqueued.
     *
     * @return the day of the first meeting reminder, or null if none came
     */
    private String firstMeetingReminderDay(String from, String to) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            clock.set(Instant.parse(d + "T00:30:00Z"));
            if (reminders.remindOverdueMeetings() > 0) {
                return d.toString();
            }
            tickAt(d + "T10:00:00Z");
            clock.set(Instant.parse(d + "T12:00:00Z"));
            if (reminders.remindOverdueMeetings() > 0) {
                return d.toString();
            }
        }
        return null;
    }

    @Test
    void a_pair_pause_stops_the_meeting_clock_so_the_reminder_comes_after_three_weeks_the_pair_could_meet() {
        PairView pair = startPair("2026-11-23");
        pairs.pause(pair.id(), LocalDate.parse("2026-12-20"));

        // One week before the pause and two after it.
        assertThat(firstMeetingReminderDay("2026-11-24", "2027-01-31")).isEqualTo("2027-01-04");
        assertThat(checkInRows(pair.id(), "MENTOR"))
                .startsWith(
                        "2026-11-30 SKIPPED PAIR_PAUSED",
                        "2026-12-07 SKIPPED PAIR_PAUSED",
                        "2026-12-14 SKIPPED PAIR_PAUSED",
                        "2026-12-21 SENT");
    }

    @Test
    void a_mentees_own_pause_does_not_count_towards_the_mentors_meeting_reminder() {
        PairView pair = startPair("2026-11-23");
        participants.pause(pair.menteeId(), LocalDate.parse("2026-12-20"));

        assertThat(firstMeetingReminderDay("2026-11-24", "2027-01-31")).isEqualTo("2027-01-04");
        dispatcher.drain("w");
        assertThat(meetingRemindersTo(mentor)).singleElement().asString().contains("has been logged for 3 weeks");
    }

    @Test
    void programme_skip_dates_do_not_count_towards_the_mentors_meeting_reminder() {
        startPair("2026-11-23");
        // The third week without a meeting would be reached on the first skipped day.
        programmes.addSkipDates(programme.id(), LocalDate.parse("2026-12-14"), LocalDate.parse("2026-12-20"));

        assertThat(firstMeetingReminderDay("2026-11-24", "2027-01-31")).isEqualTo("2026-12-21");
    }

    @Test
    void a_mentee_on_pause_spares_the_mentor_a_meeting_reminder() {
        PairView pair = startPair("2026-11-23");
        participants.pause(pair.menteeId(), LocalDate.parse("2026-12-31"));
        assertThat(firstMeetingReminderDay("2026-11-24", "2026-12-16")).isNull();

        participants.resume(pair.menteeId());
        assertThat(reminders.remindOverdueMeetings())
                .as("the weeks of the pause do not count")
                .isZero();
    }

    @Test
    void a_mentees_yes_we_met_answer_does_not_spare_the_mentor_the_meeting_reminder() {
        PairView pair = startPair("2026-11-23");
        tickAt("2026-11-30T10:00:00Z");
        tickAt("2026-12-07T10:00:00Z");
        // The mentee says they met; the mentor must not be able to tell from what Rapport sends them.
        jdbc.update(
                "update check_in set status = 'ANSWERED', answered_at = ?, met = true where pair_id = ? and role = 'MENTEE'",
                SqlTime.of(Instant.parse("2026-12-07T12:00:00Z")),
                pair.id());

        assertThat(firstMeetingReminderDay("2026-12-08", "2026-12-31")).isEqualTo("2026-12-14");
        dispatcher.drain("w");
        assertThat(meetingRemindersTo(mentor))
                .singleElement()
                .asString()
                .contains("No meeting with Ana has been logged for 3 weeks");
    }

    @Test
    void a_meeting_logged_by_the_mentee_spares_the_mentor_the_meeting_reminder() {
        PairView pair = startPair("2026-11-23");
        jdbc.update(
                "insert into meeting (pair_id, held_on, logged_by, created_at) values (?, ?, ?, ?)",
                pair.id(),
                LocalDate.parse("2026-12-07"),
                pair.menteeId(),
                SqlTime.of(Instant.parse("2026-12-07T18:00:00Z")));

        assertThat(firstMeetingReminderDay("2026-11-24", "2027-01-31")).isEqualTo("2026-12-28");
    }

    private List<String> meetingRemindersTo(ChatUser u) {
        return slack.to(u.userId()).stream()
                .map(d -> d.message().summary())
                .filter(s -> s.startsWith("No meeting"))
                .toList();
    }

    // (i)

    @Test
    void leaving_stops_all_messages_ends_the_pairs_cancels_queued_rows_and_tells_the_coordinator() {
        PairView pair = startPair("2026-11-23");
        clock.set(Instant.parse("2026-11-30T10:00:00Z"));
        sweeper.sweep();
        assertThat(jdbc.queryForObject(
                        "select count(*) from outbox where recipient_id = ? and status = 'PENDING'",
                        Long.class,
                        pair.menteeId()))
                .isEqualTo(1);

        clock.set(Instant.parse("2026-11-30T10:00:30Z"));
        assertThat(participants.leave(pair.menteeId())).isEqualTo(1);
        dispatcher.drain("w");

        assertThat(slack.to(mentee.userId())).isEmpty();
        assertThat(jdbc.queryForList(
                        "select status from outbox where recipient_id = ? and kind = 'CHECK_IN'",
                        String.class,
                        pair.menteeId()))
                .containsOnly("CANCELLED");
        assertThat(pairs.find(pair.id()).orElseThrow().ended()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from checkin_slot where pair_id = ?", Long.class, pair.id()))
                .isZero();
        assertThat(slack.to(cora.userId()))
                .singleElement()
                .satisfies(d -> assertThat(d.message().summary()).contains("Ana has left Residents"));
        assertThat(checkInsTo(mentor))
                .as("no check-in about a pair that has ended")
                .isEmpty();

        for (String later : List.of("2026-12-02T10:00:00Z", "2026-12-07T10:00:00Z", "2026-12-21T10:00:00Z")) {
            clock.set(Instant.parse(later));
            reminders.run();
            tick();
        }
        assertThat(slack.to(mentee.userId())).isEmpty();
        assertThat(slack.to(mentor.userId()))
                .as("the mentor hears once that the pair has ended, and nothing more")
                .singleElement()
                .satisfies(d ->
                        assertThat(d.message().summary()).contains("Ana has left Residents, so your pair has ended"));
        assertThat(slack.to(cora.userId())).hasSize(1);
    }

    // (j) every-N-weeks cadences

    /**
     * Runs the schedule as the jobs would, every day from {@code from} to {@code to}: a sweep at 10:00, 12:00, 15:00
     * and 17:00 UTC (ten o'clock and noon in Lisbon, then in New York), from the clock's instant on.
     */
    private void everyDay(String from, String to) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            for (String time : List.of("T10:00:00Z", "T12:00:00Z", "T15:00:00Z", "T17:00:00Z")) {
                if (Instant.parse(d + time).isAfter(clock.instant())) {
                    tickAt(d + time);
                }
            }
        }
    }

    private List<String> periods(long pairId, String role) {
        return jdbc.queryForList(
                "select period::text from check_in where pair_id = ? and role = ? order by period",
                String.class,
                pairId,
                role);
    }

    /** Both sides had exactly these periods, and in each one were asked the same paired items. */
    private void assertInStep(long pairId, String... expected) {
        assertThat(periods(pairId, "MENTEE")).as("the mentee's periods").containsExactly(expected);
        assertThat(periods(pairId, "MENTOR")).as("the mentor's periods").containsExactly(expected);
        for (String period : expected) {
            assertThat(pairedItems(pairId, "MENTEE", period))
                    .as("the paired items of %s", period)
                    .isEqualTo(pairedItems(pairId, "MENTOR", period));
        }
    }

    @Test
    void with_a_fortnightly_cadence_a_side_that_moves_time_zone_stays_in_the_same_periods_as_its_partner() {
        PairView pair = startPair("2026-11-23");
        programmes.setCadence(programme.id(), FORTNIGHTLY);
        tickAt("2026-11-30T10:00:00Z");

        clock.set(Instant.parse("2026-12-02T12:00:00Z"));
        participants.setTimeZone(pair.menteeId(), NEW_YORK);
        everyDay("2026-12-03", "2027-02-07");

        assertInStep(pair.id(), "2026-11-30", "2026-12-14", "2026-12-28", "2027-01-11", "2027-01-25");
        assertThat(dueAt(pair.id(), "MENTEE", "2026-12-14"))
                .as("ten o'clock in New York")
                .isEqualTo("2026-12-14T15:00:00Z");
        assertThat(checkInsTo(mentee)).hasSize(5);
        assertThat(checkInsTo(mentor)).hasSize(5);
    }

    @Test
    void with_a_fortnightly_cadence_a_side_that_sets_quiet_hours_stays_in_the_same_periods_as_its_partner() {
        PairView pair = startPair("2026-11-23");
        programmes.setCadence(programme.id(), FORTNIGHTLY);
        tickAt("2026-11-30T10:00:00Z");

        clock.set(Instant.parse("2026-12-02T12:00:00Z"));
        participants.setQuietHours(pair.menteeId(), new QuietHours(LocalTime.of(8, 0), LocalTime.of(12, 0)));
        everyDay("2026-12-03", "2027-01-18");
        clock.set(Instant.parse("2027-01-19T12:00:00Z"));
        participants.setQuietHours(pair.menteeId(), null);
        everyDay("2027-01-20", "2027-02-07");

        assertInStep(pair.id(), "2026-11-30", "2026-12-14", "2026-12-28", "2027-01-11", "2027-01-25");
        assertThat(dueAt(pair.id(), "MENTEE", "2026-12-14"))
                .as("at the end of the quiet hours")
                .isEqualTo("2026-12-14T12:00:00Z");
        assertThat(dueAt(pair.id(), "MENTEE", "2027-01-25")).isEqualTo("2027-01-25T10:00:00Z");
    }

    @Test
    void a_side_whose_check_in_is_still_ahead_when_it_moves_time_zone_gets_it_in_the_same_period_as_its_partner() {
        PairView pair = startPair("2026-11-23");
        programmes.setCadence(programme.id(), FORTNIGHTLY);
        participants.setQuietHours(pair.menteeId(), new QuietHours(LocalTime.of(8, 0), LocalTime.of(12, 0)));
        tickAt("2026-11-30T10:00:00Z");
        assertThat(periods(pair.id(), "MENTOR")).containsExactly("2026-11-30");

        // The mentor has had this period's check-in; the mentee's, held by quiet hours, is due at noon.
        clock.set(Instant.parse("2026-11-30T11:00:00Z"));
        participants.setTimeZone(pair.menteeId(), NEW_YORK);
        everyDay("2026-11-30", "2027-01-17");

        assertInStep(pair.id(), "2026-11-30", "2026-12-14", "2026-12-28", "2027-01-11");
        assertThat(dueAt(pair.id(), "MENTEE", "2026-11-30"))
                .as("noon in New York, when the quiet hours end there")
                .isEqualTo("2026-11-30T17:00:00Z");
    }

    @Test
    void a_programme_that_moves_to_every_two_weeks_asks_both_sides_two_weeks_after_their_last_check_in() {
        PairView pair = startPair("2026-11-23");
        tickAt("2026-11-30T10:00:00Z");

        clock.set(Instant.parse("2026-12-02T12:00:00Z"));
        programmes.setCadence(programme.id(), FORTNIGHTLY);
        everyDay("2026-12-03", "2027-01-17");

        assertInStep(pair.id(), "2026-11-30", "2026-12-14", "2026-12-28", "2027-01-11");
    }

    @Test
    void a_programme_that_goes_back_to_weekly_asks_both_sides_a_week_after_their_last_check_in() {
        PairView pair = startPair("2026-11-23");
        programmes.setCadence(programme.id(), FORTNIGHTLY);
        tickAt("2026-11-30T10:00:00Z");

        clock.set(Instant.parse("2026-12-02T12:00:00Z"));
        programmes.setCadence(programme.id(), Cadence.WEEKLY_MONDAY_10);
        everyDay("2026-12-03", "2026-12-20");

        assertInStep(pair.id(), "2026-11-30", "2026-12-07", "2026-12-14");
    }

    @Test
    void a_programme_that_moves_its_check_in_day_asks_again_no_sooner_than_its_interval_after_the_last_one() {
        PairView pair = startPair("2026-11-23");
        tickAt("2026-11-30T10:00:00Z");

        clock.set(Instant.parse("2026-12-01T12:00:00Z"));
        programmes.setCadence(programme.id(), new Cadence(DayOfWeek.THURSDAY, LocalTime.of(10, 0), 1));
        everyDay("2026-12-02", "2026-12-20");

        assertInStep(pair.id(), "2026-11-30", "2026-12-10", "2026-12-17");
    }

    @Test
    void a_programme_that_moves_its_check_in_day_while_one_side_still_waits_for_a_period_keeps_both_sides_in_step() {
        PairView pair = startPair("2026-11-23");
        participants.setQuietHours(pair.menteeId(), new QuietHours(LocalTime.of(8, 0), LocalTime.of(12, 0)));
        tickAt("2026-11-30T10:00:00Z");
        assertThat(periods(pair.id(), "MENTOR")).containsExactly("2026-11-30");

        // The mentor has had this period's check-in; the mentee's, held by quiet hours, would come at noon.
        clock.set(Instant.parse("2026-11-30T11:00:00Z"));
        programmes.setCadence(programme.id(), new Cadence(DayOfWeek.THURSDAY, LocalTime.of(10, 0), 2));
        everyDay("2026-11-30", "2027-01-10");

        assertThat(periods(pair.id(), "MENTOR")).containsExactly("2026-11-30", "2026-12-17", "2026-12-31");
        assertThat(periods(pair.id(), "MENTEE")).containsExactly("2026-12-17", "2026-12-31");
        for (String period : List.of("2026-12-17", "2026-12-31")) {
            assertThat(pairedItems(pair.id(), "MENTEE", period))
                    .as("the paired items of %s", period)
                    .isEqualTo(pairedItems(pair.id(), "MENTOR", period));
        }
    }
}
