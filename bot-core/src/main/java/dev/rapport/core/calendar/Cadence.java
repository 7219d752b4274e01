package dev.rapport.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * How often a programme checks in: every {@code everyWeeks} weeks on {@code day} at {@code time}, read in
 * each participant's own time zone.
 */
public record Cadence(DayOfWeek day, LocalTime time, int everyWeeks) {

    public static final Cadence WEEKLY_MONDAY_10 = new Cadence(DayOfWeek.MONDAY, LocalTime.of(10, 0), 1);

    public Cadence {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
        if (everyWeeks < 1 || everyWeeks > 8) {
            throw new IllegalArgumentException("A cadence repeats every 1 to 8 weeks, not " + everyWeeks);
        }
    }

    public String describe() {
        String d = day.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        return (everyWeeks == 1 ? "every " + d : "every " + everyWeeks + " weeks on " + d) + " at " + time;
    }
}
