package dev.rapport.core.programme;

import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Text;
import dev.rapport.core.i18n.TextException;
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
    MEETING_REMINDER("meeting-reminder", "weeks", 1, 26, 3.0, 0),
    /** Hours after a check-in before an unanswered one gets its one reminder. */
    REMINDER_AFTER("reminder-after", "hours", 12, 168, 48.0, 0),
    /** Hours a check-in or reminder may still go out late (after downtime); later, it is left out. */
    GRACE("grace", "hours", 1, 72, 12.0, 0),
    /**
     * Days an ended pair's check-ins, answers, comments, meetings and messages are kept; {@code default} follows the
     * operator's {@code rapport.retention.ended-pairs}.
     */
    ENDED_PAIR_RETENTION("ended-pair-retention", "days", 30, 3650, null, 0),
    /** Below this share of the mentee's recent check-ins answered, the pair is to watch. */
    RESPONSE_WATCH("response-watch", "percent", 1, 100, 75.0, 0),
    /** Below this share, the pair is at risk; lower than {@link #RESPONSE_WATCH}. */
    RESPONSE_AT_RISK("response-at-risk", "percent", 1, 100, 50.0, 0),
    /** At or below this mean level (1–5), a dimension of the mentee's side is to watch. */
    LEVEL_WATCH("level-watch", "of-5", 1, 5, 3.0, 1),
    /** At or below this level, at risk; lower than {@link #LEVEL_WATCH}. */
    LEVEL_AT_RISK("level-at-risk", "of-5", 1, 5, 2.0, 1),
    /** A fall of at least this many points between two pairs of answers is to watch. */
    DROP("drop", "points", 0.5, 4, 1.5, 1),
    /** Mentee and mentor at least this many points apart on a dimension is to watch. */
    GAP("gap", "points", 0.5, 4, 2.0, 1),
    /**
     * The day of the week on which each coordinator gets the programme's digest (1 = Monday … 7 = Sunday), typed and
     * shown as the day's English name, a word of the command like {@code default}.
     */
    DIGEST_DAY("digest-day", "day", 1, 7, 1.0, 0),
    /** After this many unanswered check-ins in a row, a person's check-ins become a gentle nudge. */
    SILENT_AFTER("silent-after", "check-ins", 1, 20, 3.0, 0),
    /** After this many, the coordinators are told once; more than {@link #SILENT_AFTER}. */
    SILENT_TELL_AFTER("silent-tell-after", "check-ins", 2, 52, 5.0, 0);

    /** The word that returns a setting to its default. */
    public static final String DEFAULT = "default";

    private final String key;
    private final String unit;
    private final double min;
    private final double max;
    private final Double defaultValue;
    private final int decimals;

    Setting(String key, String unit, double min, double max, Double defaultValue, int decimals) {
        this.key = key;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
        this.decimals = decimals;
    }

    /** The name coordinators type. */
    public String key() {
        return key;
    }

    /** The unit's id: a value reads {@code setting.value.<unit>} in the catalogue. */
    public String unit() {
        return unit;
    }

    /** The value a new programme has; null where the operator's configuration decides. */
    public Double defaultValue() {
        return defaultValue;
    }

    /** What the setting decides, in English; {@link #summary(Locale)} in a reader's language. */
    public String summary() {
        return summary(Locale.ENGLISH);
    }

    public String summary(Locale locale) {
        return Catalogue.standard().text(locale, Text.of("setting." + key + ".summary"));
    }

    public static Optional<Setting> named(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.key.equals(k)).findFirst();
    }

    /** A value as people read it, with its unit: {@code 3 weeks}, {@code 2.5 of 5}, {@code 75 %}. */
    public String format(Double value) {
        return format(value, Locale.ENGLISH);
    }

    public String format(Double value, Locale locale) {
        return Catalogue.standard().text(locale, formatText(value));
    }

    /** A value with its unit, not rendered yet. */
    public Text formatText(Double value) {
        if (value == null) {
            return Text.of("setting.value.default");
        }
        return Text.of(
                "setting.value." + unit, "value", this == DIGEST_DAY ? dayName(value.intValue()) : number(value));
    }

    public String range(Locale locale) {
        return Catalogue.standard().text(locale, rangeText());
    }

    /** The allowed range, not rendered yet. */
    public Text rangeText() {
        String from = this == DIGEST_DAY ? dayName((int) min) : number(min);
        String to = this == DIGEST_DAY ? dayName((int) max) : number(max);
        return Text.of("setting.value." + unit, "value", from + "–" + to);
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
        throw TextException.of("setting.error.not-a-day", "setting", key, "range", rangeText());
    }

    private String number(double value) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * The value a coordinator typed, checked: a number in range with no more decimals than the setting keeps (a
     * decimal comma is read as a point), or {@link #DEFAULT} (null when the operator's configuration decides).
     * Throws a {@link TextException} with a message for the person.
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
            throw TextException.of(
                    "setting.error.not-a-number", "setting", key, "decimals", decimals, "range", rangeText());
        }
        double v = n.doubleValue();
        if (v < min || v > max) {
            throw TextException.of("setting.error.out-of-range", "setting", key, "range", rangeText());
        }
        return v;
    }
}
