package dev.rapport.core.command;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.NumberFormatter.SignDisplay;
import com.ibm.icu.number.Precision;
import dev.rapport.core.health.HealthState;
import dev.rapport.core.health.PairHealth;
import dev.rapport.core.insight.NotApplicableShares;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small formatting helpers shared by the coordinators' health views, in the reader's language. */
final class HealthFormat {

    private static final char[] BARS = {'▁', '▂', '▄', '▆', '█'};

    /** What a table shows where there is nothing yet. */
    static final String NONE = "–";

    private HealthFormat() {}

    static String state(CommandContext ctx, HealthState s) {
        return ctx.text("command.state", "state", s.name());
    }

    /** The counts of pairs in each state: "2 at risk, 1 to watch, 3 on track, 0 too early to tell". */
    static String counts(CommandContext ctx, Map<HealthState, Integer> counts) {
        return ctx.text(
                "command.state.counts",
                "atRisk",
                counts.getOrDefault(HealthState.AT_RISK, 0),
                "watch",
                counts.getOrDefault(HealthState.WATCH, 0),
                "onTrack",
                counts.getOrDefault(HealthState.ON_TRACK, 0),
                "tooEarly",
                counts.getOrDefault(HealthState.TOO_EARLY, 0));
    }

    /** The first reason, in the reader's language, and how many more there are. */
    static String why(CommandContext ctx, PairHealth h) {
        return h.reasons().isEmpty()
                ? NONE
                : ctx.text(h.reasons().get(0).message())
                        + (h.reasons().size() > 1 ? " (+" + (h.reasons().size() - 1) + ")" : "");
    }

    static String percent(CommandContext ctx, double rate, int sent) {
        return sent == 0 ? NONE : ctx.text("command.percent", "value", Math.round(rate * 100));
    }

    /** A rate that is null before anything counts. */
    static String percent(CommandContext ctx, Double rate) {
        return rate == null ? NONE : ctx.text("command.percent", "value", Math.round(rate * 100));
    }

    /**
     * How often statements were answered "not applicable", one line: {@code key} introduces the list (it takes
     * {@code items} and the {@code args} given), in the reader's language.
     */
    static String notApplicable(
            CommandContext ctx, List<NotApplicableShares.Share> shares, String key, Object... args) {
        if (shares.isEmpty()) {
            return ctx.text("insight.not-applicable.none");
        }
        List<String> items = shares.stream()
                .map(s -> ctx.text(
                        "insight.not-applicable.item",
                        "item",
                        statement(ctx, s.questionId()),
                        "count",
                        s.notApplicable(),
                        "answers",
                        s.answers(),
                        "percent",
                        Math.round(s.share() * 100)))
                .toList();
        Object[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "items";
        all[args.length + 1] = String.join(" · ", items);
        return ctx.text(key, all);
    }

    /**
     * A statement as coordinators read it: {@code respect.1.mentee} is "Respect 1 (mentee)", in the reader's language;
     * an id of another shape is shown as it is.
     */
    static String statement(CommandContext ctx, String questionId) {
        String[] parts = questionId.split("\\.");
        if (parts.length != 3 || !parts[1].matches("\\d+") || !parts[2].matches("mentee|mentor")) {
            return questionId;
        }
        return ctx.text(
                "insight.not-applicable.statement",
                "dimension",
                ctx.text("pulse.dimension." + parts[0]),
                "number",
                parts[1],
                "role",
                ctx.text("role." + parts[2]));
    }

    static String weeks(CommandContext ctx, Long weeks) {
        return weeks == null ? NONE : ctx.text("command.weeks-ago", "weeks", weeks);
    }

    /** A level on the 1–5 scale, one decimal: {@code 3.5}, in French {@code 3,5}. */
    static String level(Locale locale, Double level) {
        return level == null ? NONE : decimal(locale, false).format(level).toString();
    }

    /** A change, signed, one decimal: {@code +0.5}, {@code -1.0}. */
    static String change(Locale locale, Double change) {
        return change == null ? NONE : decimal(locale, true).format(change).toString();
    }

    private static LocalizedNumberFormatter decimal(Locale locale, boolean signed) {
        return NumberFormatter.withLocale(locale)
                .precision(Precision.fixedFraction(1))
                .roundingMode(RoundingMode.HALF_UP)
                .sign(signed ? SignDisplay.ALWAYS : SignDisplay.AUTO);
    }

    /** A sparkline of 1–5 scores, oldest first: the trend at a glance, rather than a single score. */
    static String spark(List<Integer> scores) {
        if (scores == null || scores.isEmpty()) {
            return NONE;
        }
        StringBuilder b = new StringBuilder();
        for (int s : scores) {
            b.append(BARS[Math.max(1, Math.min(5, s)) - 1]);
        }
        return b.toString();
    }
}
