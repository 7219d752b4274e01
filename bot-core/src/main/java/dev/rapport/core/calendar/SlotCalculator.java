package dev.rapport.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Local-time arithmetic for the schedule. A period is the local date of a cadence day; its check-in is due
 * at the cadence time on that date in the participant's zone, moved out of their quiet hours.
 * {@link ZonedDateTime} resolves the daylight-saving gap (a 02:30 that does not exist becomes 03:30) and
 * overlap (the earlier of the two 01:30s), so a weekly check-in stays at the same wall-clock time across
 * the change.
 */
public final class SlotCalculator {

    private SlotCalculator() {}

    /** The instant a period's check-in is due for someone in {@code zone}. */
    public static Instant dueAt(LocalDate period, Cadence cadence, ZoneId zone, QuietHours quiet) {
        LocalDateTime local = period.atTime(cadence.time());
        if (quiet != null) {
            local = quiet.firstAllowed(local);
        }
        return ZonedDateTime.of(local, zone).toInstant();
    }

    /** The period after {@code period}. */
    public static LocalDate nextPeriod(LocalDate period, Cadence cadence) {
        return period.plusWeeks(cadence.everyWeeks());
    }

    /**
     * The first period of a pair's grid: the periods a pair is asked in are this date and every
     * {@link Cadence#everyWeeks()} weeks after it, the same for both sides, so that both are asked in the same periods.
     *
     * @param latestPeriod the pair's latest period so far (either side's), or null before its first one
     * @param startedOn the day the pair started
     */
    public static LocalDate gridStart(LocalDate latestPeriod, LocalDate startedOn, Cadence cadence) {
        if (latestPeriod == null) {
            // The first check-in comes on the first cadence day after the pair starts, never on the start day itself.
            return startedOn.plusDays(1).with(TemporalAdjusters.nextOrSame(cadence.day()));
        }
        if (latestPeriod.getDayOfWeek() == cadence.day()) {
            return latestPeriod;
        }
        // The cadence day changed since: the new grid starts a full interval after the pair's last period, at the
        // earliest, so nobody is asked again sooner than the interval the programme has just chosen.
        return latestPeriod.plusWeeks(cadence.everyWeeks()).with(TemporalAdjusters.nextOrSame(cadence.day()));
    }

    /** The first period of the grid that starts at {@code gridStart} that is on or after {@code from}. */
    public static LocalDate onGridFrom(LocalDate from, LocalDate gridStart, Cadence cadence) {
        if (!from.isAfter(gridStart)) {
            return gridStart;
        }
        long interval = 7L * cadence.everyWeeks();
        long intervals = Math.ceilDiv(ChronoUnit.DAYS.between(gridStart, from), interval);
        return gridStart.plusDays(intervals * interval);
    }

    /**
     * The first period of the grid that starts at {@code gridStart} whose check-in falls strictly after {@code now}
     * and that is on or after {@code earliest}.
     */
    public static LocalDate firstPeriodAfter(
            Instant now, LocalDate earliest, LocalDate gridStart, Cadence cadence, ZoneId zone, QuietHours quiet) {
        // Quiet hours can push a period's check-in into the next day, so yesterday's may still be ahead.
        LocalDate yesterday = now.atZone(zone).toLocalDate().minusDays(1);
        LocalDate period = onGridFrom(earliest.isAfter(yesterday) ? earliest : yesterday, gridStart, cadence);
        while (!dueAt(period, cadence, zone, quiet).isAfter(now)) {
            period = nextPeriod(period, cadence);
        }
        return period;
    }

    /**
     * The first period whose check-in falls strictly after {@code now} and on or after {@code earliest}, on a grid
     * that starts on the first cadence day on or after {@code earliest}.
     */
    public static LocalDate firstPeriodAfter(
            Instant now, LocalDate earliest, Cadence cadence, ZoneId zone, QuietHours quiet) {
        LocalDate gridStart = earliest.with(TemporalAdjusters.nextOrSame(cadence.day()));
        return firstPeriodAfter(now, earliest, gridStart, cadence, zone, quiet);
    }

    /**
     * Whole weeks from {@code since} to {@code today}, leaving out the days of {@code periodsLeftOut}: each such period
     * stands for the interval it starts, {@code everyWeeks} weeks from its date (until the pair's next period), and
     * overlapping ones count once. With nothing left out it is {@link ChronoUnit#WEEKS} between the two dates.
     */
    public static long weeksLeavingOut(
            LocalDate since, LocalDate today, Collection<LocalDate> periodsLeftOut, int everyWeeks) {
        // The days counted are those after `since` up to and including `today`: [since + 1, today + 1).
        LocalDate end = today.plusDays(1);
        LocalDate cursor = since.plusDays(1);
        long days = ChronoUnit.DAYS.between(cursor, end);
        if (days <= 0) {
            return 0;
        }
        for (LocalDate period : new TreeSet<>(periodsLeftOut)) {
            LocalDate from = period.isAfter(cursor) ? period : cursor;
            LocalDate until = period.plusWeeks(everyWeeks);
            if (until.isAfter(end)) {
                until = end;
            }
            if (until.isAfter(from)) {
                days -= ChronoUnit.DAYS.between(from, until);
                cursor = until;
            }
        }
        return days / 7;
    }

    /** The first instant at or after {@code instant} that is outside the participant's quiet hours. */
    public static Instant outsideQuietHours(Instant instant, ZoneId zone, QuietHours quiet) {
        if (quiet == null) {
            return instant;
        }
        LocalDateTime local = instant.atZone(zone).toLocalDateTime();
        LocalDateTime allowed = quiet.firstAllowed(local);
        return allowed.equals(local) ? instant : ZonedDateTime.of(allowed, zone).toInstant();
    }
}
