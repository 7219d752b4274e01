package dev.rapport.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.pulse.Dimension;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthRulesTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    /** A healthy pair eight weeks in: six answered check-ins, met last week, no scores. */
    static Facts healthy() {
        return new Facts();
    }

    static final class Facts {
        int sent = 8;
        List<Boolean> responses = Collections.nCopies(6, true);
        List<Boolean> mentorResponses = Collections.nCopies(6, true);
        LocalDate started = TODAY.minusWeeks(8);
        LocalDate meeting = TODAY.minusWeeks(1);
        LocalDate metAnswer = null;
        int reminderWeeks = 3;
        int cadenceWeeks = 1;
        List<LocalDate> periodsOff = List.of();
        Thresholds thresholds = Thresholds.DEFAULT;
        final Map<Dimension, List<Integer>> mentee = new EnumMap<>(Dimension.class);
        final Map<Dimension, List<Integer>> mentor = new EnumMap<>(Dimension.class);

        PairHealth evaluate() {
            return HealthRules.evaluate(new HealthFacts(
                    7,
                    TODAY,
                    started,
                    reminderWeeks,
                    cadenceWeeks,
                    sent,
                    responses,
                    mentorResponses,
                    meeting,
                    metAnswer,
                    periodsOff,
                    mentee,
                    mentor,
                    thresholds));
        }
    }

    @Test
    void a_pair_that_answers_and_meets_is_on_track_without_reasons() {
        Facts f = healthy();
        f.mentee.put(Dimension.RESPECT, List.of(4, 5, 5, 4));
        f.mentor.put(Dimension.RESPECT, List.of(4, 4));
        PairHealth h = f.evaluate();
        assertThat(h.state()).isEqualTo(HealthState.ON_TRACK);
        assertThat(h.reasons()).isEmpty();
        assertThat(h.responseRate()).isEqualTo(1.0);
        assertThat(h.weeksSinceMeeting()).isEqualTo(1L);
        assertThat(h.dimensions()).hasSize(Dimension.values().length);
        DimensionTrend respect = h.dimensions().getFirst();
        assertThat(respect.menteeLevel()).isEqualTo(4.5);
        assertThat(respect.mentorLevel()).isEqualTo(4.0);
        assertThat(respect.change()).isEqualTo(0.0);
        assertThat(respect.gap()).isEqualTo(0.5);
        assertThat(respect.menteeScores()).containsExactly(4, 5, 5, 4);
    }

    @Test
    void fewer_than_two_check_ins_is_too_early_whatever_else_is_true() {
        Facts f = healthy();
        f.sent = 1;
        f.responses = List.of(false);
        f.meeting = null;
        f.started = TODAY.minusWeeks(20);
        PairHealth h = f.evaluate();
        assertThat(h.state()).isEqualTo(HealthState.TOO_EARLY);
        assertThat(h.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("TOO_EARLY");
            assertThat(r.text()).contains("Only 1 check-in");
        });
    }

    @Test
    void two_check_ins_are_enough_to_judge() {
        Facts f = healthy();
        f.sent = 2;
        f.responses = List.of(true, true);
        assertThat(f.evaluate().state()).isEqualTo(HealthState.ON_TRACK);
    }

    @Test
    void response_rate_below_three_quarters_is_watch_and_below_half_is_at_risk() {
        Facts f = healthy();
        f.responses = List.of(true, true, false, true, false, true); // 4 of 6
        PairHealth watch = f.evaluate();
        assertThat(watch.state()).isEqualTo(HealthState.WATCH);
        assertThat(watch.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("RESPONSE_RATE");
            assertThat(r.text()).isEqualTo("The mentee answered 4 of the last 6 check-ins (67%; below 75% is watch).");
        });

        f.responses = List.of(true, true, false, true, false, false); // 3 of 6 = exactly half: still only WATCH
        assertThat(f.evaluate().state()).isEqualTo(HealthState.WATCH);

        f.responses =
                List.of(true, true, false, true, false, false, false); // the oldest falls out of the window: 2 of 6
        PairHealth atRisk = f.evaluate();
        assertThat(atRisk.responseRate()).isEqualTo(2.0 / 6);
        assertThat(atRisk.state()).isEqualTo(HealthState.AT_RISK);
    }

    @Test
    void weeks_without_a_meeting_are_watch_at_the_reminder_threshold_and_at_risk_at_twice_it() {
        Facts f = healthy();
        f.meeting = TODAY.minusWeeks(3).plusDays(1);
        assertThat(f.evaluate().state()).isEqualTo(HealthState.ON_TRACK);

        f.meeting = TODAY.minusWeeks(3);
        PairHealth watch = f.evaluate();
        assertThat(watch.state()).isEqualTo(HealthState.WATCH);
        assertThat(watch.reasons())
                .extracting(Reason::text)
                .containsExactly("No meeting logged for 3 weeks (reminder threshold 3).");

        f.meeting = TODAY.minusWeeks(6);
        assertThat(f.evaluate().state()).isEqualTo(HealthState.AT_RISK);
    }

    @Test
    void the_last_meeting_is_the_latest_of_logged_meetings_met_answers_and_the_start() {
        Facts f = healthy();
        f.meeting = TODAY.minusWeeks(7);
        f.metAnswer = TODAY.minusWeeks(2);
        assertThat(f.evaluate().weeksSinceMeeting()).isEqualTo(2L);

        f.meeting = null;
        f.metAnswer = null;
        f.started = TODAY.minusWeeks(4);
        assertThat(f.evaluate().weeksSinceMeeting()).isEqualTo(4L);
    }

    @Test
    void periods_the_pair_could_not_be_asked_in_do_not_count_as_weeks_without_a_meeting() {
        Facts f = healthy();
        f.meeting = TODAY.minusWeeks(7);
        f.periodsOff = List.of(TODAY.minusWeeks(5), TODAY.minusWeeks(4), TODAY.minusWeeks(3));
        PairHealth h = f.evaluate();
        assertThat(h.weeksSinceMeeting()).isEqualTo(4L);
        assertThat(h.state()).isEqualTo(HealthState.WATCH);

        f.cadenceWeeks = 2;
        f.periodsOff = List.of(TODAY.minusWeeks(5));
        assertThat(f.evaluate().weeksSinceMeeting())
                .as("a fortnightly period stands for two weeks")
                .isEqualTo(5L);

        f.periodsOff = List.of(TODAY.minusWeeks(9));
        assertThat(f.evaluate().weeksSinceMeeting())
                .as("a period before the last meeting changes nothing")
                .isEqualTo(7L);
    }

    @Test
    void a_low_mentee_level_is_at_risk_at_two_and_watch_at_three_naming_the_dimension() {
        Facts f = healthy();
        f.mentee.put(Dimension.EMPATHY, List.of(5, 5, 2, 2));
        PairHealth h = f.evaluate();
        assertThat(h.state()).isEqualTo(HealthState.AT_RISK);
        assertThat(h.reasons()).extracting(Reason::code).contains("LOW_SCORE:EMPATHY", "FALLING:EMPATHY");
        assertThat(h.reasons().getFirst().text())
                .isEqualTo("Empathy: the mentee's recent scores average 2.0 out of 5.");

        f.mentee.put(Dimension.EMPATHY, List.of(3, 3));
        PairHealth watch = f.evaluate();
        assertThat(watch.state()).isEqualTo(HealthState.WATCH);
        assertThat(watch.reasons()).extracting(Reason::code).containsExactly("LOW_SCORE:EMPATHY");
    }

    @Test
    void a_fall_of_one_and_a_half_points_is_watch_even_from_a_high_level() {
        Facts f = healthy();
        f.mentee.put(Dimension.EFFORT, List.of(1, 5, 5, 4, 3)); // last 2: 3.5, 2 before: 5.0
        PairHealth h = f.evaluate();
        assertThat(h.dimensions())
                .filteredOn(t -> t.dimension() == Dimension.EFFORT)
                .singleElement()
                .satisfies(t -> assertThat(t.change()).isEqualTo(-1.5));
        assertThat(h.state()).isEqualTo(HealthState.WATCH);
        assertThat(h.reasons()).extracting(Reason::code).containsExactly("FALLING:EFFORT");
    }

    @Test
    void change_needs_four_scores() {
        Facts f = healthy();
        f.mentee.put(Dimension.EFFORT, List.of(5, 4, 4));
        assertThat(f.evaluate().dimensions())
                .filteredOn(t -> t.dimension() == Dimension.EFFORT)
                .singleElement()
                .satisfies(t -> assertThat(t.change()).isNull());
    }

    @Test
    void a_gap_of_two_points_between_the_sides_is_watch() {
        Facts f = healthy();
        f.mentee.put(Dimension.COMMUNICATION, List.of(5, 5));
        f.mentor.put(Dimension.COMMUNICATION, List.of(3, 3));
        PairHealth h = f.evaluate();
        assertThat(h.state()).isEqualTo(HealthState.WATCH);
        assertThat(h.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("GAP:COMMUNICATION");
            assertThat(r.text())
                    .isEqualTo(
                            "Communication: mentee and mentor see it differently (mentee 5.0, mentor 3.0 out of 5).");
        });
    }

    @Test
    void a_programme_that_sets_its_own_thresholds_is_judged_by_them() {
        Facts f = healthy();
        f.responses = List.of(true, true, true, true, true, false); // 5 of 6
        f.mentee.put(Dimension.EMPATHY, List.of(5, 4, 4, 3)); // level 3.5, one point down from 4.5
        f.mentor.put(Dimension.EMPATHY, List.of(5, 5)); // 1.5 apart
        assertThat(f.evaluate().state()).as("the defaults see nothing here").isEqualTo(HealthState.ON_TRACK);

        f.thresholds = new Thresholds(0.9, 0.5, 3.5, 2.0, 1.0, 1.5);
        assertThat(f.evaluate().reasons())
                .extracting(Reason::code)
                .containsExactlyInAnyOrder("RESPONSE_RATE", "LOW_SCORE:EMPATHY", "FALLING:EMPATHY", "GAP:EMPATHY");
        assertThat(f.evaluate().reasons().stream().filter(r -> r.code().equals("RESPONSE_RATE")))
                .singleElement()
                .satisfies(r -> assertThat(r.text()).contains("below 90% is watch"));

        f.thresholds = new Thresholds(0.9, 0.85, 4.0, 3.5, 1.0, 1.5);
        assertThat(f.evaluate().state()).isEqualTo(HealthState.AT_RISK);
    }

    @Test
    void the_mentors_response_rate_is_shown_but_does_not_change_the_state() {
        Facts f = healthy();
        f.mentorResponses = List.of(true, false, false, false, false, false);
        PairHealth h = f.evaluate();
        assertThat(h.mentorResponseRate()).isEqualTo(1.0 / 6);
        assertThat(h.state()).isEqualTo(HealthState.ON_TRACK);
        f.mentorResponses = List.of();
        assertThat(f.evaluate().mentorResponseRate()).isNull();
    }

    @Test
    void a_low_mentor_level_is_only_watch() {
        Facts f = healthy();
        f.mentor.put(Dimension.HUMILITY, List.of(2, 2));
        PairHealth h = f.evaluate();
        assertThat(h.state()).isEqualTo(HealthState.WATCH);
        assertThat(h.reasons()).extracting(Reason::code).containsExactly("MENTOR_LOW:HUMILITY");
        assertThat(h.dimensions())
                .filteredOn(t -> t.dimension() == Dimension.HUMILITY)
                .singleElement()
                .satisfies(t -> assertThat(t.gap()).isNull());
    }

    @Test
    void the_state_is_the_most_severe_reason_and_reasons_come_most_severe_first() {
        Facts f = healthy();
        f.meeting = TODAY.minusWeeks(4); // WATCH
        f.mentee.put(Dimension.RESPECT, List.of(1, 2)); // AT_RISK
        PairHealth h = f.evaluate();
        assertThat(h.state()).isEqualTo(HealthState.AT_RISK);
        assertThat(h.reasons()).extracting(Reason::severity).containsExactly(HealthState.AT_RISK, HealthState.WATCH);
    }

    @Test
    void severity_orders_at_risk_then_watch_then_too_early_then_on_track() {
        assertThat(List.of(HealthState.values()).stream()
                        .sorted(HealthState.MOST_SEVERE_FIRST)
                        .toList())
                .containsExactly(HealthState.AT_RISK, HealthState.WATCH, HealthState.TOO_EARLY, HealthState.ON_TRACK);
        assertThat(HealthState.worst(HealthState.WATCH, HealthState.AT_RISK)).isEqualTo(HealthState.AT_RISK);
    }
}
