package dev.rapport.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

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

    /** The first period whose check-in falls strictly after {@code now} and on or after {@code earliest}. */
    public static LocalDate firstPeriodAfter(
            Instant now, LocalDate earliest, Cadence cadence, ZoneId zone, QuietHours quiet) {
        // Quiet hours can push a period's check-in into the next day, so yesterday's may still be ahead.
        LocalDate yesterday = now.atZone(zone).toLocalDate().minusDays(1);
        LocalDate from = earliest.isAfter(yesterday) ? earliest : yesterday;
        LocalDate period = from.with(TemporalAdjusters.nextOrSame(cadence.day()));
        while (!dueAt(period, cadence, zone, quiet).isAfter(now)) {
            period = period.plusWeeks(1);
        }
        return period;
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
