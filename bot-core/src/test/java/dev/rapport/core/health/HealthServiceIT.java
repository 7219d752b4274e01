package dev.rapport.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.pair.Role;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.programme.Setting;
import dev.rapport.core.pulse.Dimension;
import dev.rapport.core.test.CoreTestSupport;
import dev.rapport.core.test.RecordingChatPort;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobDetail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class HealthServiceIT extends CoreTestSupport {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    /** A Monday; pairs start here and weekly check-ins go out on the Mondays after it. */
    static final LocalDate START = LocalDate.parse("2026-11-23");

    @Autowired
    HealthService health;

    @Autowired
    HealthHistory history;

    ChatUser cora;
    ChatUser dev;
    ProgrammeView programme;
    ChatUser mentor;
    ChatUser mentee;
    PairView pair;

    @BeforeEach
    void aProgrammeWithTwoCoordinatorsAndOnePair() {
        cora = user("Cora");
        dev = user("Dev");
        programme = programme("Residents", cora, LISBON);
        programmes.addCoordinator(programme.id(), participant(dev, LISBON).id());
        mentor = user("Dr Lee");
        mentee = user("Ana");
        pair = pair(programme, mentor, mentee, LISBON, START);
    }

    @Test
    void a_pair_with_fewer_than_two_check_ins_is_too_early() {
        week(pair, 1, true, true, Map.of(Dimension.RESPECT, 1), Map.of());
        at(1, 12);

        PairHealth h = health.assess(pair.id());

        assertThat(h.state()).isEqualTo(HealthState.TOO_EARLY);
        assertThat(h.checkInsSent()).isEqualTo(1);
        assertThat(h.reasons())
                .singleElement()
                .satisfies(r -> assertThat(r.text()).contains("Only 1 check-in"));
    }

    @Test
    void a_pair_that_answers_fours_and_fives_and_meets_is_on_track() {
        for (int w = 1; w <= 6; w++) {
            week(pair, w, true, true, Map.of(dim(w), 4 + w % 2, dim(w + 3), 5), Map.of(dim(w), 4, dim(w + 3), 4));
        }
        at(6, 15);

        PairHealth h = health.assess(pair.id());

        assertThat(h.reasons()).isEmpty();
        assertThat(h.state()).isEqualTo(HealthState.ON_TRACK);
        assertThat(h.responseRate()).isEqualTo(1.0);
        assertThat(h.checkInsSent()).isEqualTo(6);
        assertThat(h.weeksSinceMeeting()).isZero();
        assertThat(h.dimensions()).allSatisfy(t -> assertThat(t.menteeLevel()).isBetween(4.0, 5.0));
    }

    @Test
    void low_scores_in_one_dimension_put_the_pair_at_risk_naming_the_dimension() {
        for (int w = 1; w <= 4; w++) {
            week(
                    pair,
                    w,
                    true,
                    true,
                    Map.of(Dimension.EMPATHY, w <= 2 ? 4 : 2, Dimension.RESPECT, 5),
                    Map.of(Dimension.EMPATHY, 3));
        }
        at(4, 15);

        PairHealth h = health.assess(pair.id());

        assertThat(h.state()).isEqualTo(HealthState.AT_RISK);
        assertThat(h.reasons().getFirst()).satisfies(r -> {
            assertThat(r.code()).isEqualTo("LOW_SCORE:EMPATHY");
            assertThat(r.severity()).isEqualTo(HealthState.AT_RISK);
            assertThat(r.text()).startsWith("Empathy:");
        });
        DimensionTrend empathy = h.dimensions().stream()
                .filter(t -> t.dimension() == Dimension.EMPATHY)
                .findFirst()
                .orElseThrow();
        assertThat(empathy.menteeScores()).containsExactly(4, 4, 2, 2);
        assertThat(empathy.change()).isEqualTo(-2.0);
        assertThat(h.reasons())
                .extracting(Reason::code)
                .contains("FALLING:EMPATHY")
                .doesNotContain("LOW_SCORE:RESPECT");
    }

    @Test
    void weeks_without_a_meeting_turn_the_pair_watch_then_at_risk_and_a_logged_meeting_clears_it() {
        for (int w = 1; w <= 3; w++) {
            week(pair, w, true, false, Map.of(Dimension.RESPECT, 5), Map.of());
        }
        at(3, 12);
        PairHealth watch = health.assess(pair.id());
        assertThat(watch.state()).isEqualTo(HealthState.WATCH);
        assertThat(watch.reasons())
                .extracting(Reason::text)
                .containsExactly("No meeting logged for 3 weeks (reminder threshold 3).");

        for (int w = 4; w <= 6; w++) {
            week(pair, w, true, false, Map.of(Dimension.RESPECT, 5), Map.of());
        }
        at(6, 12);
        assertThat(health.assess(pair.id()).state()).isEqualTo(HealthState.AT_RISK);

        meeting(pair, monday(6).minusDays(1));
        assertThat(health.assess(pair.id()).state()).isEqualTo(HealthState.ON_TRACK);
    }

    @Test
    void a_pair_pause_stops_the_meeting_clock_without_forgetting_the_weeks_before_it() {
        assertThat(runDays(START.plusDays(1), monday(4))).isZero();
        assertThat(health.assess(pair.id()).weeksSinceMeeting()).isEqualTo(4);

        pairs.pause(pair.id(), monday(7));
        assertThat(runDays(monday(4).plusDays(1), monday(7))).isZero();
        PairHealth paused = health.assess(pair.id());
        assertThat(paused.weeksSinceMeeting()).as("three weeks paused").isEqualTo(4);
        assertThat(paused.state()).isEqualTo(HealthState.WATCH);

        assertThat(runDays(monday(7).plusDays(1), monday(9)))
                .as("both coordinators alerted")
                .isEqualTo(2);
        assertThat(health.assess(pair.id()).reasons())
                .extracting(Reason::text)
                .contains("No meeting logged for 6 weeks (reminder threshold 3).");
    }

    @Test
    void a_participants_own_six_week_pause_does_not_count_as_weeks_without_a_meeting_nor_alert_the_coordinators() {
        assertThat(runDays(START.plusDays(1), monday(2).plusDays(2))).isZero();
        participants.pause(pair.menteeId(), monday(8));

        assertThat(runDays(monday(2).plusDays(3), monday(8)))
                .as("alerts during the pause")
                .isZero();
        PairHealth paused = health.assess(pair.id());
        assertThat(paused.weeksSinceMeeting()).isEqualTo(2);
        assertThat(paused.state()).isEqualTo(HealthState.ON_TRACK);

        assertThat(runDays(monday(8).plusDays(1), monday(9))).isZero();
        PairHealth after = health.assess(pair.id());
        assertThat(after.state()).isEqualTo(HealthState.WATCH);
        assertThat(after.reasons())
                .filteredOn(r -> !r.code().startsWith("SILENT:")) // this fixture's mentor never answers: flagged
                .extracting(Reason::text)
                .containsExactly("No meeting logged for 3 weeks (reminder threshold 3).");
        dispatcher.drain("test-worker");
        assertThat(alerts(cora)).isEmpty();
    }

    @Test
    void programme_skip_dates_do_not_count_as_weeks_without_a_meeting() {
        programmes.addSkipDates(programme.id(), monday(3), monday(4).plusDays(6));

        assertThat(runDays(START.plusDays(1), monday(6))).isZero();
        PairHealth h = health.assess(pair.id());
        assertThat(h.weeksSinceMeeting()).isEqualTo(4);
        assertThat(h.state()).isEqualTo(HealthState.WATCH);
    }

    @Test
    void a_two_point_gap_between_mentee_and_mentor_is_watch() {
        for (int w = 1; w <= 2; w++) {
            week(
                    pair,
                    w,
                    true,
                    true,
                    Map.of(Dimension.COMMUNICATION, 5),
                    Map.of(Dimension.COMMUNICATION, w == 1 ? 2 : 3));
        }
        at(2, 15);

        PairHealth h = health.assess(pair.id());

        assertThat(h.state()).isEqualTo(HealthState.WATCH);
        assertThat(h.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("GAP:COMMUNICATION");
            assertThat(r.text()).contains("mentee 5.0, mentor 2.5");
        });
    }

    @Test
    void the_programmes_own_thresholds_are_the_ones_applied() {
        for (int w = 1; w <= 2; w++) {
            week(pair, w, true, true, Map.of(Dimension.COMMUNICATION, 5), Map.of(Dimension.COMMUNICATION, 4));
        }
        at(2, 15);
        assertThat(health.assess(pair.id()).state()).isEqualTo(HealthState.ON_TRACK);
        assertThat(health.assess(pair.id()).mentorResponseRate())
                .as("the mentor answered both")
                .isEqualTo(1.0);

        programmes.set(programme.id(), Setting.GAP, "1.0");

        assertThat(health.assess(pair.id()).reasons()).extracting(Reason::code).containsExactly("GAP:COMMUNICATION");
    }

    @Test
    void unanswered_check_ins_lower_the_response_rate_but_one_still_open_does_not() {
        for (int w = 1; w <= 6; w++) {
            week(pair, w, w % 3 != 0, w % 3 != 0, Map.of(Dimension.RESPECT, 5), Map.of());
        }
        week(pair, 7, false, null, Map.of(), Map.of());
        at(7, 12); // two hours after the 7th went out

        PairHealth h = health.assess(pair.id());

        assertThat(h.checkInsSent()).isEqualTo(7);
        assertThat(h.responseRate()).isEqualTo(4.0 / 6);
        assertThat(h.state()).isEqualTo(HealthState.WATCH);
        // The fixture's mentor never answers: flagged, which changes nothing in the state.
        assertThat(h.reasons()).extracting(Reason::code).containsExactly("RESPONSE_RATE", "SILENT:MENTOR");
    }

    @Test
    void the_programme_view_lists_only_open_pairs_most_severe_first() {
        PairView quiet = pair(programme, user("Dr Kim"), user("Ben"), LISBON, START);
        PairView ended = pair(programme, user("Dr Roe"), user("Cai"), LISBON, START);
        for (int w = 1; w <= 3; w++) {
            week(pair, w, true, true, Map.of(Dimension.RESPECT, 5), Map.of());
            week(quiet, w, true, true, Map.of(Dimension.RESPECT, 1), Map.of());
            week(ended, w, true, true, Map.of(Dimension.RESPECT, 1), Map.of());
        }
        pairs.end(ended.id());
        PairView fresh = pair(programme, user("Dr Yu"), user("Dee"), LISBON, START.plusWeeks(3));
        at(3, 15);

        assertThat(health.assessProgramme(programme.id()))
                .extracting(PairHealth::pairId, PairHealth::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(quiet.id(), HealthState.AT_RISK),
                        org.assertj.core.groups.Tuple.tuple(fresh.id(), HealthState.TOO_EARLY),
                        org.assertj.core.groups.Tuple.tuple(pair.id(), HealthState.ON_TRACK));
    }

    @Test
    void refresh_alerts_each_coordinator_exactly_once_when_a_pair_turns_at_risk() {
        for (int w = 1; w <= 3; w++) {
            week(pair, w, true, true, Map.of(Dimension.RESPECT, 1), Map.of());
        }
        at(3, 15);

        assertThat(health.refresh()).isEqualTo(2);
        assertThat(health.refresh()).isZero();
        dispatcher.drain("test-worker");

        assertThat(alerts(cora))
                .singleElement()
                .satisfies(text -> assertThat(text)
                        .contains(
                                "Residents",
                                "Dr Lee (mentor)",
                                "Ana (mentee)",
                                "Respect: the mentee's recent scores average 1.0 out of 5.")
                        .contains("`/rapport snooze " + pair.id() + " 14`"));
        assertThat(alerts(dev)).hasSize(1);
        assertThat(alerts(mentor)).isEmpty();
        assertThat(alerts(mentee)).isEmpty();
        Map<String, Object> row =
                jdbc.queryForMap("select state, reasons from pair_health where pair_id = ?", pair.id());
        assertThat(row.get("state")).isEqualTo("AT_RISK");
        assertThat((String) row.get("reasons")).contains("LOW_SCORE:RESPECT");
        Instant since = jdbc.queryForObject(
                "select at_risk_since from pair_health where pair_id = ?",
                (rs, i) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                pair.id());
        assertThat(since).isEqualTo(clock.instant());
    }

    @Test
    void leaving_and_re_entering_at_risk_alerts_again_unless_snoozed() {
        for (int w = 1; w <= 6; w++) {
            week(pair, w, true, false, Map.of(Dimension.RESPECT, 5), Map.of());
        }
        at(6, 12);
        assertThat(health.refresh()).isEqualTo(2); // six weeks without a meeting

        long meeting = meeting(pair, monday(6));
        clock.advance(Duration.ofHours(1));
        assertThat(health.refresh()).isZero();
        assertThat(state()).isEqualTo("ON_TRACK");

        jdbc.update("delete from meeting where id = ?", meeting); // logged by mistake, removed
        clock.advance(Duration.ofHours(1));
        assertThat(health.refresh()).isEqualTo(2);

        health.snooze(pair.id(), Duration.ofDays(14));
        meeting = meeting(pair, monday(6));
        clock.advance(Duration.ofHours(1));
        health.refresh();
        jdbc.update("delete from meeting where id = ?", meeting);
        clock.advance(Duration.ofHours(1));
        assertThat(health.refresh()).isZero();
        assertThat(state()).isEqualTo("AT_RISK");

        clock.advance(Duration.ofDays(15));
        meeting = meeting(pair, monday(6));
        health.refresh();
        jdbc.update("delete from meeting where id = ?", meeting);
        clock.advance(Duration.ofHours(1));
        assertThat(health.refresh()).isEqualTo(2);

        dispatcher.drain("test-worker");
        assertThat(alerts(cora)).hasSize(3);
        assertThat(alerts(dev)).hasSize(3);
    }

    @Test
    void each_change_of_state_is_recorded_once_with_its_reasons_newest_first() {
        for (int w = 1; w <= 6; w++) {
            week(pair, w, true, false, Map.of(Dimension.RESPECT, 5), Map.of());
        }
        at(6, 12);
        health.refresh();
        clock.advance(Duration.ofHours(1));
        health.refresh(); // unchanged: nothing recorded
        long meeting = meeting(pair, monday(6));
        clock.advance(Duration.ofHours(1));
        health.refresh();
        jdbc.update("delete from meeting where id = ?", meeting);
        clock.advance(Duration.ofHours(1));
        health.refresh();

        List<HealthHistory.Change> changes = history.of(pair.id(), 10);
        assertThat(changes)
                .extracting(c -> c.previous() + "->" + c.state())
                .containsExactly("ON_TRACK->AT_RISK", "AT_RISK->ON_TRACK", "null->AT_RISK");
        assertThat(changes.getFirst().at()).isEqualTo(clock.instant());
        assertThat(changes.getFirst().reasons())
                .filteredOn(r -> !r.contains(" SILENT:")) // this fixture's mentor never answers: flagged
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("AT_RISK NO_MEETING: ");
        assertThat(changes.getFirst().texts(java.util.Locale.ENGLISH))
                .filteredOn(r -> !r.contains("check-ins in a row")) // the silent mentor's flag
                .singleElement()
                .asString()
                .startsWith("No meeting logged for ");
        assertThat(changes.getFirst().texts(java.util.Locale.FRENCH))
                .filteredOn(r -> r.startsWith("Aucune rencontre"))
                .hasSize(1);
        assertThat(changes.get(1).reasons()).noneMatch(r -> !r.contains(" SILENT:"));
        assertThat(history.of(pair.id(), 1)).hasSize(1);
    }

    @Test
    void snoozing_a_pair_before_its_first_refresh_suppresses_the_alert() {
        for (int w = 1; w <= 2; w++) {
            week(pair, w, true, true, Map.of(Dimension.RESPECT, 1), Map.of());
        }
        at(2, 15);

        health.snooze(pair.id(), Duration.ofDays(14));

        assertThat(health.refresh()).isZero();
        assertThat(state()).isEqualTo("AT_RISK");
    }

    @Test
    void the_hourly_refresh_job_is_registered_but_not_triggered_when_the_schedule_is_off(
            @Autowired ApplicationContext context) {
        assertThat(context.getBean("healthJob", JobDetail.class).getJobClass()).isEqualTo(HealthJobs.HealthJob.class);
        assertThat(context.containsBean("healthTrigger")).isFalse();
    }

    @Test
    void a_coordinator_who_is_in_the_pair_gets_no_alert_about_it() {
        PairView own = pair(programme, cora, user("Eve"), LISBON, START);
        for (int w = 1; w <= 2; w++) {
            week(own, w, true, true, Map.of(Dimension.CONFIDENTIALITY, 1), Map.of());
        }
        at(2, 15);

        assertThat(health.refresh()).isEqualTo(1);
        dispatcher.drain("test-worker");
        assertThat(alerts(cora)).isEmpty();
        assertThat(alerts(dev)).hasSize(1);
    }

    /**
     * Runs the schedule as the jobs would, day by day from {@code from} to {@code to} (programme zone, Lisbon: UTC in
     * winter): the health refresh just after midnight and at noon, the sweep at ten; the mentee answers every
     * check-in the day it comes, without having met.
     *
     * @return the at-risk alerts the refreshes enqueued
     */
    int runDays(LocalDate from, LocalDate to) {
        int alerts = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            clock.set(d.atTime(0, 30).toInstant(ZoneOffset.UTC));
            alerts += health.refresh();
            clock.set(d.atTime(10, 0).toInstant(ZoneOffset.UTC));
            tick();
            jdbc.update(
                    "update check_in set status = 'ANSWERED', answered_at = sent_at + interval '1 hour', met = false"
                            + " where pair_id = ? and role = 'MENTEE' and status = 'SENT'",
                    pair.id());
            clock.set(d.atTime(12, 0).toInstant(ZoneOffset.UTC));
            alerts += health.refresh();
        }
        return alerts;
    }

    // --- facts, inserted as the check-in flow would leave them ---

    /** The Monday of week {@code n} after the start, when check-in n goes out. */
    static LocalDate monday(int n) {
        return START.plusWeeks(n);
    }

    /** Sets the clock to {@code hour}:00 UTC on check-in day {@code n}. */
    void at(int n, int hour) {
        clock.set(monday(n).atTime(hour, 0).toInstant(ZoneOffset.UTC));
    }

    /**
     * Check-in {@code n} of both sides, sent at 10:00 on its Monday; the mentee answers three hours later (met or not,
     * and their scores) if {@code menteeAnswers}; the mentor answers their scores, if any, the same day.
     */
    void week(
            PairView p,
            int n,
            boolean menteeAnswers,
            Boolean met,
            Map<Dimension, Integer> menteeScores,
            Map<Dimension, Integer> mentorScores) {
        Instant sent = monday(n).atTime(10, 0).toInstant(ZoneOffset.UTC);
        long menteeCheckIn = checkIn(
                p,
                Role.MENTEE,
                n,
                sent,
                menteeAnswers ? sent.plus(Duration.ofHours(3)) : null,
                menteeAnswers ? met : null,
                menteeScores);
        if (menteeAnswers) {
            menteeScores.forEach((d, s) -> answer(menteeCheckIn, d, Role.MENTEE, s, sent.plus(Duration.ofHours(3))));
        }
        boolean mentorAnswers = !mentorScores.isEmpty();
        long mentorCheckIn = checkIn(
                p,
                Role.MENTOR,
                n,
                sent,
                mentorAnswers ? sent.plus(Duration.ofHours(5)) : null,
                mentorAnswers ? met : null,
                mentorScores);
        mentorScores.forEach((d, s) -> answer(mentorCheckIn, d, Role.MENTOR, s, sent.plus(Duration.ofHours(5))));
    }

    long checkIn(
            PairView p, Role role, int n, Instant sent, Instant answered, Boolean met, Map<Dimension, Integer> scores) {
        String questions = String.join(
                ",", scores.keySet().stream().map(d -> questionId(d, role)).toList());
        return jdbc.queryForObject(
                """
                insert into check_in (pair_id, role, participant_id, period, seq, bank_version, question_ids, due_at, status, sent_at,
                                      answered_at, met)
                values (?, ?, ?, ?, ?, '2026.1', ?, ?, ?, ?, ?, ?)
                returning id""",
                Long.class,
                p.id(),
                role.name(),
                role == Role.MENTEE ? p.menteeId() : p.mentorId(),
                monday(n),
                n - 1,
                questions.isEmpty() ? "respect.1." + role.label() : questions,
                SqlTime.of(sent),
                answered == null ? "SENT" : "ANSWERED",
                SqlTime.of(sent),
                SqlTime.of(answered),
                met);
    }

    void answer(long checkInId, Dimension d, Role role, int score, Instant at) {
        jdbc.update(
                "insert into answer (check_in_id, question_id, bank_version, dimension, score, answered_at) values (?, ?, '2026.1', ?, ?, ?)",
                checkInId,
                questionId(d, role),
                d.name(),
                score,
                SqlTime.of(at));
    }

    long meeting(PairView p, LocalDate heldOn) {
        return jdbc.queryForObject(
                "insert into meeting (pair_id, held_on, note, logged_by, created_at) values (?, ?, null, ?, ?) returning id",
                Long.class,
                p.id(),
                heldOn,
                p.mentorId(),
                SqlTime.of(clock.instant()));
    }

    static String questionId(Dimension d, Role role) {
        return d.name().toLowerCase(Locale.ROOT) + ".1." + role.label();
    }

    static Dimension dim(int i) {
        return Dimension.values()[i % Dimension.values().length];
    }

    String state() {
        return jdbc.queryForObject("select state from pair_health where pair_id = ?", String.class, pair.id());
    }

    List<String> alerts(ChatUser who) {
        return slack.to(who.userId()).stream()
                .map(RecordingChatPort.Delivery::message)
                .map(m -> m.summary())
                .filter(s -> s.startsWith("Pair at risk"))
                .toList();
    }
}
