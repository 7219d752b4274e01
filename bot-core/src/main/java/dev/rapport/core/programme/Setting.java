package dev.rapport.core.programme;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A programme's settings that coordinators change by command ({@code /rapport set <name> <value>}): each with its
 * name, unit, allowed range, default and precision (whole numbers, or one decimal for levels and points), and one
 * check of a typed value. The cadence has a command of its own.
 */
public enum Setting {
    /** Weeks without a logged meeting before the mentor is reminded; twice as many makes the pair at risk. */
    MEETING_REMINDER(
            "meeting-reminder", "weeks", 1, 26, 3.0, 0, "Weeks without a meeting before the mentor is reminded"),
    /** Hours after a check-in before an unanswered one gets its one reminder. */
    REMINDER_AFTER("reminder-after", "hours", 12, 168, 48.0, 0, "Hours before an unanswered check-in is reminded"),
    /** Hours a check-in or reminder may still go out late (after downtime); later, it is left out. */
    GRACE("grace", "hours", 1, 72, 12.0, 0, "Hours a message may still go out late after downtime"),
    /**
     * Days an ended pair's check-ins, answers, comments, meetings and messages are kept; {@code default} follows the
     * operator's {@code rapport.retention.ended-pairs}.
     */
    ENDED_PAIR_RETENTION(
            "ended-pair-retention", "days", 30, 3650, null, 0, "Days an ended pair's answers are kept before erasure"),
    /** Below this share of the mentee's recent check-ins answered, the pair is to watch. */
    RESPONSE_WATCH("response-watch", "%", 1, 100, 75.0, 0, "Below this share of check-ins answered: to watch"),
    /** Below this share, the pair is at risk; lower than {@link #RESPONSE_WATCH}. */
    RESPONSE_AT_RISK("response-at-risk", "%", 1, 100, 50.0, 0, "Below this share of check-ins answered: at risk"),
    /** At or below this mean level (1–5), a dimension of the mentee's side is to watch. */
    LEVEL_WATCH("level-watch", "of 5", 1, 5, 3.0, 1, "A dimension's level at or below this: to watch"),
    /** At or below this level, at risk; lower than {@link #LEVEL_WATCH}. */
    LEVEL_AT_RISK("level-at-risk", "of 5", 1, 5, 2.0, 1, "A dimension's level at or below this: at risk"),
    /** A fall of at least this many points between two pairs of answers is to watch. */
    DROP("drop", "points", 0.5, 4, 1.5, 1, "A fall of at least this many points: to watch"),
    /** Mentee and mentor at least this many points apart on a dimension is to watch. */
    GAP("gap", "points", 0.5, 4, 2.0, 1, "Mentee and mentor at least this far apart: to watch"),
    /** The day of the week on which each coordinator gets the programme's digest (1 = Monday … 7 = Sunday). */
    DIGEST_DAY("digest-day", "", 1, 7, 1.0, 0, "The day each coordinator gets the weekly digest"),
    /** After this many unanswered check-ins in a row, a person's check-ins become a gentle nudge. */
    SILENT_AFTER("silent-after", "check-ins", 1, 20, 3.0, 0, "Unanswered check-ins in a row before a gentle nudge"),
    /** After this many, the coordinators are told once; more than {@link #SILENT_AFTER}. */
    SILENT_TELL_AFTER(
            "silent-tell-after",
            "check-ins",
            2,
            52,
            5.0,
            0,
            "Unanswered check-ins in a row before coordinators are told");

    /** The word that returns a setting to its default. */
    public static final String DEFAULT = "default";

    private final String key;
    private final String unit;
    private final double min;
    private final double max;
    private final Double defaultValue;
    private final int decimals;
    private final String summary;

    Setting(String key, String unit, double min, double max, Double defaultValue, int decimals, String summary) {
        this.key = key;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
        this.decimals = decimals;
        this.summary = summary;
    }

    /** The name coordinators type. */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    /** The value a new programme has; null where the operator's configuration decides. */
    public Double defaultValue() {
        return defaultValue;
    }

    public String summary() {
        return summary;
    }

    public static Optional<Setting> named(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.key.equals(k)).findFirst();
    }

    /** A value as people read it, with its unit: {@code 3 weeks}, {@code 2.5 of 5}, {@code 75 %}. */
    public String format(Double value) {
        if (this == DIGEST_DAY && value != null) {
            return dayName(value.intValue());
        }
        return value == null ? "default (the operator's)" : number(value) + " " + unit;
    }

    /** The allowed range as people read it: {@code 1–26 weeks}. */
    public String range() {
        if (this == DIGEST_DAY) {
            return dayName(1) + "–" + dayName(7);
        }
        return number(min) + "–" + number(max) + " " + unit;
    }

    /** A day of the week as coordinators type it: {@code monday} (or {@code mon}) … {@code sunday}. */
    private static String dayName(int isoDay) {
        return DayOfWeek.of(isoDay).name().toLowerCase(Locale.ROOT);
    }

    /** The ISO number of a typed day: its English name or first three letters; refused otherwise. */
    private int day(String typed) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String name = d.name().toLowerCase(Locale.ROOT);
            if (name.equals(typed) || name.substring(0, 3).equals(typed)) {
                return d.getValue();
            }
        }
        throw new IllegalArgumentException("Give " + key + " as a day of the week (" + range() + "), or `default`.");
    }

    private String number(double value) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * The value a coordinator typed, checked: a number in range with no more decimals than the setting keeps (a
     * decimal comma is read as a point), or {@link #DEFAULT} (null when the operator's configuration decides).
     * Throws IllegalArgumentException with a message for the person.
     */
    public Double parse(String typed) {
        String value = typed.strip().toLowerCase(Locale.ROOT).replace(',', '.');
        if (value.equals(DEFAULT)) {
            return defaultValue;
        }
        if (this == DIGEST_DAY) {
            return (double) day(value);
        }
        BigDecimal n;
        try {
            n = new BigDecimal(value);
        } catch (NumberFormatException e) {
            n = null;
        }
        if (n == null || n.stripTrailingZeros().scale() > decimals) {
            throw new IllegalArgumentException("Give " + key + " as "
                    + (decimals == 0 ? "a whole number" : "a number with at most one decimal") + " (" + range()
                    + "), or `default`.");
        }
        double v = n.doubleValue();
        if (v < min || v > max) {
            throw new IllegalArgumentException(key + " can be " + range() + ".");
        }
        return v;
    }
}
