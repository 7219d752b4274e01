package dev.rapport.core.calendar;

import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Text;
import dev.rapport.core.i18n.TextException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;
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
            throw TextException.of("cadence.error.weeks", "weeks", String.valueOf(everyWeeks));
        }
    }

    /** How often, as people read it, in English: {@code every Monday at 10:00}. */
    public String describe() {
        return describe(Locale.ENGLISH);
    }

    /** How often, in {@code locale}'s language. */
    public String describe(Locale locale) {
        return Catalogue.standard().text(locale, text());
    }

    /** How often, not rendered yet. */
    public Text text() {
        return Text.of("cadence.every", "weeks", everyWeeks, "day", day.name(), "time", time.toString());
    }
}
