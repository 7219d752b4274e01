package dev.rapport.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotCalculatorTest {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId ST_JOHNS = ZoneId.of("America/St_Johns");
    static final Cadence MONDAY_10 = Cadence.WEEKLY_MONDAY_10;
    static final Cadence SUNDAY_0230 = new Cadence(DayOfWeek.SUNDAY, LocalTime.of(2, 30), 1);
    static final Cadence SUNDAY_0130 = new Cadence(DayOfWeek.SUNDAY, LocalTime.of(1, 30), 1);

    private static Instant due(String period, Cadence cadence, ZoneId zone, QuietHours quiet) {
        return SlotCalculator.dueAt(LocalDate.parse(period), cadence, zone, quiet);
    }

    @Test
    void a_lisbon_monday_check_in_stays_at_ten_local_across_the_spring_change() {
        assertThat(due("2026-03-23", MONDAY_10, LISBON, null)).isEqualTo("2026-03-23T10:00:00Z");
        assertThat(due("2026-03-30", MONDAY_10, LISBON, null)).isEqualTo("2026-03-30T09:00:00Z");
    }

    @Test
    void a_lisbon_monday_check_in_stays_at_ten_local_across_the_autumn_change() {
        assertThat(due("2026-10-19", MONDAY_10, LISBON, null)).isEqualTo("2026-10-19T09:00:00Z");
        assertThat(due("2026-10-26", MONDAY_10, LISBON, null)).isEqualTo("2026-10-26T10:00:00Z");
    }

    @Test
    void a_check_in_on_the_day_of_the_change_itself_is_at_the_local_time() {
        Cadence sunday10 = new Cadence(DayOfWeek.SUNDAY, LocalTime.of(10, 0), 1);
        assertThat(due("2026-03-29", sunday10, LISBON, null)).isEqualTo("2026-03-29T09:00:00Z");
        assertThat(due("2026-10-25", sunday10, LISBON, null)).isEqualTo("2026-10-25T10:00:00Z");
        assertThat(due("2026-03-08", sunday10, NEW_YORK, null)).isEqualTo("2026-03-08T14:00:00Z");
        assertThat(due("2026-11-01", sunday10, NEW_YORK, null)).isEqualTo("2026-11-01T15:00:00Z");
    }

    @Test
    void a_new_york_monday_check_in_stays_at_ten_local_across_both_changes() {
        assertThat(due("2026-03-02", MONDAY_10, NEW_YORK, null)).isEqualTo("2026-03-02T15:00:00Z");
        assertThat(due("2026-03-09", MONDAY_10, NEW_YORK, null)).isEqualTo("2026-03-09T14:00:00Z");
        assertThat(due("2026-10-26", MONDAY_10, NEW_YORK, null)).isEqualTo("2026-10-26T14:00:00Z");
        assertThat(due("2026-11-02", MONDAY_10, NEW_YORK, null)).isEqualTo("2026-11-02T15:00:00Z");
    }

    @Test
    void a_cadence_time_inside_the_spring_forward_gap_moves_to_just_after_the_gap() {
        // 02:30 does not exist in New York on 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT.
        assertThat(due("2026-03-01", SUNDAY_0230, NEW_YORK, null)).isEqualTo("2026-03-01T07:30:00Z");
        assertThat(due("2026-03-08", SUNDAY_0230, NEW_YORK, null))
                .isEqualTo("2026-03-08T07:30:00Z")
                .isEqualTo(
                        LocalDateTime.parse("2026-03-08T03:30").atZone(NEW_YORK).toInstant());
        assertThat(due("2026-03-15", SUNDAY_0230, NEW_YORK, null)).isEqualTo("2026-03-15T06:30:00Z");
    }

    @Test
    void a_cadence_time_inside_the_autumn_overlap_is_the_earlier_of_the_two() {
        // 01:30 happens twice in New York on 2026-11-01; the first is 01:30 EDT = 05:30Z.
        assertThat(due("2026-11-01", SUNDAY_0130, NEW_YORK, null)).isEqualTo("2026-11-01T05:30:00Z");
        assertThat(due("2026-11-08", SUNDAY_0130, NEW_YORK, null)).isEqualTo("2026-11-08T06:30:00Z");
    }

    @Test
    void quiet_hours_move_a_check_in_to_the_end_of_the_window() {
        QuietHours morning = new QuietHours(LocalTime.of(8, 0), LocalTime.of(12, 0));
        assertThat(due("2026-11-23", MONDAY_10, LISBON, morning)).isEqualTo("2026-11-23T12:00:00Z");
        assertThat(due("2026-03-30", MONDAY_10, LISBON, morning)).isEqualTo("2026-03-30T11:00:00Z");
    }

    @Test
    void quiet_hours_that_do_not_cover_the_cadence_time_change_nothing() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        assertThat(due("2026-11-23", MONDAY_10, LISBON, night)).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(due("2026-11-23", MONDAY_10, LISBON, new QuietHours(LocalTime.of(10, 0), LocalTime.of(10, 0))))
                .as("an empty window")
                .isEqualTo("2026-11-23T10:00:00Z");
        assertThat(due("2026-11-23", MONDAY_10, LISBON, new QuietHours(LocalTime.of(8, 0), LocalTime.of(10, 0))))
                .as("the window's end is not quiet")
                .isEqualTo("2026-11-23T10:00:00Z");
    }

    @Test
    void quiet_hours_that_wrap_midnight_hold_a_late_check_in_until_the_next_morning() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        Cadence late = new Cadence(DayOfWeek.MONDAY, LocalTime.of(23, 0), 1);
        Cadence early = new Cadence(DayOfWeek.MONDAY, LocalTime.of(6, 0), 1);
        Cadence midnight = new Cadence(DayOfWeek.MONDAY, LocalTime.MIDNIGHT, 1);
        assertThat(due("2026-11-23", late, LISBON, night)).isEqualTo("2026-11-24T07:00:00Z");
        assertThat(due("2026-11-23", early, LISBON, night)).isEqualTo("2026-11-23T07:00:00Z");
        assertThat(due("2026-11-23", midnight, LISBON, night)).isEqualTo("2026-11-23T07:00:00Z");
        assertThat(due("2026-11-23", late, NEW_YORK, night)).isEqualTo("2026-11-24T12:00:00Z");
    }

    @Test
    void quiet_hours_contain_their_start_but_not_their_end() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        assertThat(night.contains(LocalTime.of(22, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(23, 59))).isTrue();
        assertThat(night.contains(LocalTime.MIDNIGHT)).isTrue();
        assertThat(night.contains(LocalTime.of(6, 59))).isTrue();
        assertThat(night.contains(LocalTime.of(7, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(21, 59))).isFalse();
        QuietHours day = new QuietHours(LocalTime.of(8, 0), LocalTime.of(12, 0));
        assertThat(day.contains(LocalTime.of(8, 0))).isTrue();
        assertThat(day.contains(LocalTime.of(11, 59))).isTrue();
        assertThat(day.contains(LocalTime.of(12, 0))).isFalse();
        assertThat(day.contains(LocalTime.of(7, 59))).isFalse();
    }

    @Test
    void an_instant_inside_quiet_hours_waits_for_their_end_in_the_participants_zone() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        assertThat(SlotCalculator.outsideQuietHours(Instant.parse("2026-11-23T23:30:00Z"), LISBON, night))
                .isEqualTo("2026-11-24T07:00:00Z");
        assertThat(SlotCalculator.outsideQuietHours(Instant.parse("2026-11-24T03:00:00Z"), NEW_YORK, night))
                .isEqualTo("2026-11-24T12:00:00Z");
        assertThat(SlotCalculator.outsideQuietHours(Instant.parse("2026-11-23T15:00:00Z"), LISBON, night))
                .isEqualTo("2026-11-23T15:00:00Z");
        assertThat(SlotCalculator.outsideQuietHours(Instant.parse("2026-11-23T15:00:00Z"), LISBON, null))
                .isEqualTo("2026-11-23T15:00:00Z");
        // St John's is UTC-03:30 in November: 22:00 local is 01:30Z, 07:00 local is 10:30Z.
        assertThat(SlotCalculator.outsideQuietHours(Instant.parse("2026-11-24T02:00:00Z"), ST_JOHNS, night))
                .isEqualTo("2026-11-24T10:30:00Z");
    }

    @Test
    void the_first_period_after_now_is_todays_when_its_time_is_still_ahead() {
        LocalDate period = SlotCalculator.firstPeriodAfter(
                Instant.parse("2026-11-23T09:59:00Z"), LocalDate.parse("2026-11-01"), MONDAY_10, LISBON, null);
        assertThat(period).isEqualTo("2026-11-23");
    }

    @Test
    void the_first_period_after_now_is_next_weeks_when_todays_time_has_passed() {
        LocalDate period = SlotCalculator.firstPeriodAfter(
                Instant.parse("2026-11-23T10:00:00Z"), LocalDate.parse("2026-11-01"), MONDAY_10, LISBON, null);
        assertThat(period).isEqualTo("2026-11-30");
    }

    @Test
    void the_first_period_after_now_is_never_before_the_earliest_date() {
        LocalDate period = SlotCalculator.firstPeriodAfter(
                Instant.parse("2026-11-23T08:00:00Z"), LocalDate.parse("2026-11-24"), MONDAY_10, LISBON, null);
        assertThat(period).isEqualTo("2026-11-30");
        assertThat(SlotCalculator.firstPeriodAfter(
                        Instant.parse("2026-11-23T08:00:00Z"), LocalDate.parse("2026-11-30"), MONDAY_10, LISBON, null))
                .isEqualTo("2026-11-30");
    }

    @Test
    void the_first_period_after_now_counts_quiet_hours() {
        QuietHours morning = new QuietHours(LocalTime.of(8, 0), LocalTime.of(12, 0));
        // 10:30 local: the plain 10:00 has passed but the quiet-hours 12:00 has not.
        assertThat(SlotCalculator.firstPeriodAfter(
                        Instant.parse("2026-11-23T10:30:00Z"),
                        LocalDate.parse("2026-11-01"),
                        MONDAY_10,
                        LISBON,
                        morning))
                .isEqualTo("2026-11-23");
    }

    @Test
    void the_first_period_after_now_is_yesterdays_when_quiet_hours_pushed_it_into_today_and_it_is_still_ahead() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        Cadence mondayLate = new Cadence(DayOfWeek.MONDAY, LocalTime.of(23, 0), 1);
        // Monday's 23:00 check-in waits until Tuesday 07:00; replanning on Tuesday at 06:00 must keep it.
        assertThat(SlotCalculator.firstPeriodAfter(
                        Instant.parse("2026-11-24T06:00:00Z"),
                        LocalDate.parse("2026-11-01"),
                        mondayLate,
                        LISBON,
                        night))
                .isEqualTo("2026-11-23");
        assertThat(SlotCalculator.firstPeriodAfter(
                        Instant.parse("2026-11-24T07:00:00Z"),
                        LocalDate.parse("2026-11-01"),
                        mondayLate,
                        LISBON,
                        night))
                .isEqualTo("2026-11-30");
        assertThat(SlotCalculator.firstPeriodAfter(
                        Instant.parse("2026-11-24T06:00:00Z"),
                        LocalDate.parse("2026-11-24"),
                        mondayLate,
                        LISBON,
                        night))
                .as("never before the earliest date")
                .isEqualTo("2026-11-30");
    }

    @Test
    void the_first_period_after_now_uses_the_participants_local_date() {
        // Monday 2026-11-23 01:00Z is still Sunday evening in New York: Monday's 10:00 there is ahead.
        assertThat(SlotCalculator.firstPeriodAfter(
                        Instant.parse("2026-11-23T01:00:00Z"),
                        LocalDate.parse("2026-11-01"),
                        MONDAY_10,
                        NEW_YORK,
                        null))
                .isEqualTo("2026-11-23");
        // Tuesday 02:00 in Tokyo is Monday 17:00Z: the Monday has passed there.
        assertThat(SlotCalculator.firstPeriodAfter(
                        Instant.parse("2026-11-23T17:00:00Z"),
                        LocalDate.parse("2026-11-01"),
                        MONDAY_10,
                        ZoneId.of("Asia/Tokyo"),
                        null))
                .isEqualTo("2026-11-30");
    }

    @Test
    void the_next_period_follows_the_cadence_in_weeks() {
        assertThat(SlotCalculator.nextPeriod(LocalDate.parse("2026-03-23"), MONDAY_10))
                .isEqualTo("2026-03-30");
        assertThat(SlotCalculator.nextPeriod(
                        LocalDate.parse("2026-03-23"), new Cadence(DayOfWeek.MONDAY, LocalTime.of(10, 0), 2)))
                .isEqualTo("2026-04-06");
    }

    static final Cadence FORTNIGHTLY_MONDAY_10 = new Cadence(DayOfWeek.MONDAY, LocalTime.of(10, 0), 2);

    @Test
    void the_first_period_after_now_keeps_to_a_fortnightly_grid_however_long_ago_it_started() {
        // The grid starts on 2026-11-30; 2026-12-14's check-in has passed, so the next is 2026-12-28, not 2026-12-21.
        assertThat(SlotCalculator.firstPeriodAfter(
                        Instant.parse("2026-12-14T11:00:00Z"),
                        LocalDate.parse("2026-11-30"),
                        FORTNIGHTLY_MONDAY_10,
                        LISBON,
                        null))
                .isEqualTo("2026-12-28");
        assertThat(SlotCalculator.firstPeriodAfter(
                        Instant.parse("2026-12-15T11:00:00Z"),
                        LocalDate.parse("2026-11-30"),
                        FORTNIGHTLY_MONDAY_10,
                        LISBON,
                        null))
                .isEqualTo("2026-12-28");
    }

    @Test
    void a_pairs_grid_starts_on_the_first_cadence_day_after_it_started_until_it_has_a_period() {
        assertThat(SlotCalculator.gridStart(null, LocalDate.parse("2026-11-23"), FORTNIGHTLY_MONDAY_10))
                .as("never on the start day itself")
                .isEqualTo("2026-11-30");
        assertThat(SlotCalculator.gridStart(null, LocalDate.parse("2026-11-25"), FORTNIGHTLY_MONDAY_10))
                .isEqualTo("2026-11-30");
    }

    @Test
    void a_pairs_grid_runs_through_its_latest_period() {
        assertThat(SlotCalculator.gridStart(
                        LocalDate.parse("2026-12-14"), LocalDate.parse("2026-11-23"), FORTNIGHTLY_MONDAY_10))
                .isEqualTo("2026-12-14");
    }

    @Test
    void after_the_cadence_day_changes_the_grid_starts_no_sooner_than_one_interval_after_the_latest_period() {
        Cadence thursday = new Cadence(DayOfWeek.THURSDAY, LocalTime.of(10, 0), 1);
        Cadence sundayFortnightly = new Cadence(DayOfWeek.SUNDAY, LocalTime.of(10, 0), 2);
        assertThat(SlotCalculator.gridStart(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-11-23"), thursday))
                .isEqualTo("2026-12-10");
        assertThat(SlotCalculator.gridStart(
                        LocalDate.parse("2026-11-30"), LocalDate.parse("2026-11-23"), sundayFortnightly))
                .isEqualTo("2026-12-20");
    }

    @Test
    void the_first_period_on_the_grid_from_a_date_steps_by_the_cadences_interval() {
        LocalDate start = LocalDate.parse("2026-11-30");
        assertThat(SlotCalculator.onGridFrom(LocalDate.parse("2026-11-01"), start, FORTNIGHTLY_MONDAY_10))
                .as("never before the grid starts")
                .isEqualTo("2026-11-30");
        assertThat(SlotCalculator.onGridFrom(start, start, FORTNIGHTLY_MONDAY_10))
                .isEqualTo("2026-11-30");
        assertThat(SlotCalculator.onGridFrom(LocalDate.parse("2026-12-01"), start, FORTNIGHTLY_MONDAY_10))
                .isEqualTo("2026-12-14");
        assertThat(SlotCalculator.onGridFrom(LocalDate.parse("2026-12-14"), start, FORTNIGHTLY_MONDAY_10))
                .isEqualTo("2026-12-14");
        assertThat(SlotCalculator.onGridFrom(LocalDate.parse("2026-12-15"), start, FORTNIGHTLY_MONDAY_10))
                .isEqualTo("2026-12-28");
        assertThat(SlotCalculator.onGridFrom(LocalDate.parse("2026-12-15"), start, MONDAY_10))
                .isEqualTo("2026-12-21");
    }

    @Test
    void the_first_period_after_now_on_a_pairs_grid_skips_the_off_weeks() {
        LocalDate start = LocalDate.parse("2026-11-30");
        // A replan on Wednesday after the first check-in: the next is two weeks after it, not the coming Monday.
        assertThat(SlotCalculator.firstPeriodAfter(
                        Instant.parse("2026-12-02T12:00:00Z"),
                        LocalDate.parse("2026-12-01"),
                        start,
                        FORTNIGHTLY_MONDAY_10,
                        NEW_YORK,
                        null))
                .isEqualTo("2026-12-14");
        assertThat(SlotCalculator.firstPeriodAfter(
                        Instant.parse("2026-12-14T16:00:00Z"),
                        LocalDate.parse("2026-12-01"),
                        start,
                        FORTNIGHTLY_MONDAY_10,
                        NEW_YORK,
                        null))
                .as("ten o'clock in New York has passed")
                .isEqualTo("2026-12-28");
    }

    @Test
    void weeks_leaving_out_periods_count_the_days_after_the_first_date_up_to_the_second_less_those_periods() {
        LocalDate since = LocalDate.parse("2026-11-23");
        assertThat(SlotCalculator.weeksLeavingOut(since, LocalDate.parse("2026-12-14"), List.of(), 1))
                .isEqualTo(3);
        assertThat(SlotCalculator.weeksLeavingOut(since, LocalDate.parse("2026-12-13"), List.of(), 1))
                .isEqualTo(2);
        assertThat(SlotCalculator.weeksLeavingOut(since, since.minusDays(3), List.of(), 1))
                .as("never negative")
                .isZero();
        assertThat(SlotCalculator.weeksLeavingOut(
                        since,
                        LocalDate.parse("2026-12-21"),
                        List.of(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-07")),
                        1))
                .isEqualTo(2);
        assertThat(SlotCalculator.weeksLeavingOut(
                        since, LocalDate.parse("2026-12-21"), List.of(LocalDate.parse("2026-11-30")), 2))
                .as("a fortnightly period leaves out two weeks")
                .isEqualTo(2);
    }

    @Test
    void weeks_leaving_out_periods_count_overlapping_periods_once_and_only_the_part_inside_the_range() {
        LocalDate since = LocalDate.parse("2026-11-23");
        assertThat(SlotCalculator.weeksLeavingOut(
                        since,
                        LocalDate.parse("2026-12-21"),
                        List.of(
                                LocalDate.parse("2026-11-30"),
                                LocalDate.parse("2026-11-30"),
                                LocalDate.parse("2026-12-03")),
                        1))
                .isEqualTo(2);
        assertThat(SlotCalculator.weeksLeavingOut(
                        since, LocalDate.parse("2026-12-14"), List.of(LocalDate.parse("2026-12-14")), 1))
                .as("today's period leaves out today only")
                .isEqualTo(2);
        assertThat(SlotCalculator.weeksLeavingOut(
                        since,
                        LocalDate.parse("2026-12-14"),
                        List.of(LocalDate.parse("2026-11-16"), LocalDate.parse("2026-12-28")),
                        1))
                .as("periods outside the range")
                .isEqualTo(3);
    }
}
