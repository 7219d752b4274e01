package dev.rapport.core.command;

import dev.rapport.core.health.HealthState;
import dev.rapport.core.health.PairHealth;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Languages;
import dev.rapport.core.insight.NotApplicableShares;
import java.util.List;
import java.util.Locale;

/** Small formatting helpers shared by the coordinators' health views. */
final class HealthFormat {

    private static final char[] BARS = {'▁', '▂', '▄', '▆', '█'};

    private HealthFormat() {}

    static String state(HealthState s) {
        return switch (s) {
            case ON_TRACK -> "🟢 on track";
            case WATCH -> "🟡 watch";
            case AT_RISK -> "🔴 at risk";
            case TOO_EARLY -> "⚪ too early";
        };
    }

    static String why(PairHealth h) {
        return h.reasons().isEmpty()
                ? "–"
                : h.reasons().get(0).text()
                        + (h.reasons().size() > 1 ? " (+" + (h.reasons().size() - 1) + ")" : "");
    }

    static String percent(double rate, int sent) {
        return sent == 0 ? "–" : Math.round(rate * 100) + "%";
    }

    /** A rate that is null before anything counts. */
    static String percent(Double rate) {
        return rate == null ? "–" : Math.round(rate * 100) + "%";
    }

    /**
     * How often statements were answered "not applicable", one line: {@code key} introduces the list (it takes
     * {@code items} and the {@code args} given). Coordinators' views are in English until commands follow the reader's
     * language.
     */
    static String notApplicable(List<NotApplicableShares.Share> shares, String key, Object... args) {
        Catalogue catalogue = Catalogue.standard();
        Locale in = Languages.ENGLISH;
        if (shares.isEmpty()) {
            return catalogue.text(in, "insight.not-applicable.none");
        }
        List<String> items = shares.stream()
                .map(s -> catalogue.text(
                        in,
                        "insight.not-applicable.item",
                        "item",
                        s.questionId(),
                        "count",
                        s.notApplicable(),
                        "answers",
                        s.answers(),
                        "percent",
                        Math.round(s.share() * 100)))
                .toList();
        Object[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "items";
        all[args.length + 1] = String.join(" · ", items);
        return catalogue.text(in, key, all);
    }

    static String weeks(Long weeks) {
        return weeks == null ? "–" : weeks == 0 ? "this week" : weeks + " wk ago";
    }

    static String level(Double level) {
        return level == null ? "–" : String.format(Locale.ROOT, "%.1f", level);
    }

    static String change(Double change) {
        return change == null ? "–" : String.format(Locale.ROOT, "%+.1f", change);
    }

    /** A sparkline of 1–5 scores, oldest first: the trend at a glance, rather than a single score. */
    static String spark(List<Integer> scores) {
        if (scores == null || scores.isEmpty()) {
            return "–";
        }
        StringBuilder b = new StringBuilder();
        for (int s : scores) {
            b.append(BARS[Math.max(1, Math.min(5, s)) - 1]);
        }
        return b.toString();
    }
}
