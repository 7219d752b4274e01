package dev.rapport.core.calendar;

import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A daily window, in the participant's own time zone, in which Rapport sends nothing. It may wrap midnight
 * (22:00–07:00). A message due inside it waits until the window ends.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** The quiet hours stored as two nullable columns: none unless both ends are set. */
    public static QuietHours ofNullable(LocalTime start, LocalTime end) {
        return start == null || end == null ? null : new QuietHours(start, end);
    }

    /** Reads the {@code quiet_start} and {@code quiet_end} columns of the current row. */
    public static QuietHours from(java.sql.ResultSet rs) throws java.sql.SQLException {
        return ofNullable(rs.getObject("quiet_start", LocalTime.class), rs.getObject("quiet_end", LocalTime.class));
    }

    public boolean contains(LocalTime t) {
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /** The first local date-time at or after {@code t} that is outside the window. */
    public LocalDateTime firstAllowed(LocalDateTime t) {
        if (!contains(t.toLocalTime())) {
            return t;
        }
        LocalDateTime sameDay = t.toLocalDate().atTime(end);
        return sameDay.isAfter(t) ? sameDay : sameDay.plusDays(1);
    }
}
