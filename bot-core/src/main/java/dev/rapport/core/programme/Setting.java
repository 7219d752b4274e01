package dev.rapport.core.programme;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A programme's settings that coordinators change by command ({@code /rapport set <name> <value>}): each with its
 * name, unit, allowed range and default, and one check of a typed value. The cadence has a command of its own.
 */
public enum Setting {
    /** Weeks without a logged meeting before the mentor is reminded; twice as many makes the pair at risk. */
    MEETING_REMINDER("meeting-reminder", "weeks", 1, 26, 3, "Weeks without a meeting before the mentor is reminded"),
    /** Hours after a check-in before an unanswered one gets its one reminder. */
    REMINDER_AFTER("reminder-after", "hours", 12, 168, 48, "Hours before an unanswered check-in is reminded"),
    /** Hours a check-in or reminder may still go out late (after downtime); later, it is left out. */
    GRACE("grace", "hours", 1, 72, 12, "Hours a message may still go out late after downtime"),
    /**
     * Days an ended pair's check-ins, answers, comments, meetings and messages are kept; {@code default} follows the
     * operator's {@code rapport.retention.ended-pairs}.
     */
    ENDED_PAIR_RETENTION(
            "ended-pair-retention", "days", 30, 3650, null, "Days an ended pair's answers are kept before erasure");

    /** The word that returns a setting to its default. */
    public static final String DEFAULT = "default";

    private final String key;
    private final String unit;
    private final int min;
    private final int max;
    private final Integer defaultValue;
    private final String summary;

    Setting(String key, String unit, int min, int max, Integer defaultValue, String summary) {
        this.key = key;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
        this.summary = summary;
    }

    /** The name coordinators type. */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** The value a new programme has; null where the operator's configuration decides. */
    public Integer defaultValue() {
        return defaultValue;
    }

    public String summary() {
        return summary;
    }

    public static Optional<Setting> named(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.key.equals(k)).findFirst();
    }

    /**
     * The value a coordinator typed, checked: a whole number in range, or {@link #DEFAULT} (null when the operator's
     * configuration decides). Throws IllegalArgumentException with a message for the person.
     */
    public Integer parse(String typed) {
        String value = typed.strip().toLowerCase(Locale.ROOT);
        if (value.equals(DEFAULT)) {
            return defaultValue;
        }
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Give " + key + " as a whole number of " + unit + " (" + min + " to " + max + "), or `default`.");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(key + " can be " + min + " to " + max + " " + unit + ".");
        }
        return n;
    }
}
