package dev.rapport.core.health;

import dev.rapport.core.calendar.SlotCalculator;
import dev.rapport.core.i18n.Text;
import dev.rapport.core.pulse.Dimension;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The health rules: a pure function from a pair's {@link HealthFacts} to its {@link PairHealth}. */
final class HealthRules {

    /** One check-in tells nothing about a habit; from the second on there is something to compare. */
    static final int MIN_CHECK_INS = 2;

    /** Six weeks at the usual weekly cadence: recent enough to reflect the pair now, long enough not to flap on one miss. */
    static final int RESPONSE_WINDOW = 6;
    /**
     * A check-in younger than this that has no answer yet is still open, not missed: the reminder goes out after
     * 48 hours by default, and counting it would flag every pair on the day check-ins go out.
     */
    static final Duration ANSWER_WINDOW = Duration.ofHours(72);

    /** Twice the programme's reminder threshold: the mentor has been reminded and still nothing happened. */
    static final int MEETING_AT_RISK_FACTOR = 2;

    /** Scores averaged for a level: two, because rotation asks every dimension at least once in any two check-ins. */
    static final int LEVEL_WINDOW = 2;
    /**
     * A mentor who rates the relationship low is a signal too, but only WATCH: mentors tend to be self-critical,
     * and trust is mostly judged by how the mentee experiences it.
     */
    static final double MENTOR_LEVEL_WATCH_AT_MOST = 2.0;

    /** Mentee scores kept for the sparkline. */
    static final int SPARKLINE_LENGTH = 12;

    private HealthRules() {}

    static PairHealth evaluate(HealthFacts f) {
        List<Reason> reasons = new ArrayList<>();
        double rate = responseRate(f.responses());
        Double mentorRate = f.mentorResponses().isEmpty() ? null : responseRate(f.mentorResponses());
        LocalDate lastMet = latest(f.startedOn(), f.lastMeetingHeldOn(), f.lastMetAnswerOn());
        Long weeks = lastMet == null
                ? null
                : SlotCalculator.weeksLeavingOut(lastMet, f.today(), f.periodsOff(), f.cadenceWeeks());
        List<DimensionTrend> trends = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            trends.add(trend(
                    d,
                    f.menteeScores().getOrDefault(d, List.of()),
                    f.mentorScores().getOrDefault(d, List.of())));
        }

        if (f.checkInsSent() < MIN_CHECK_INS) {
            // Only this reason: judging meetings or scores before the habit has started would be noise.
            reasons.add(new Reason(
                    "TOO_EARLY",
                    HealthState.TOO_EARLY,
                    Text.of("health.reason.too-early", "sent", f.checkInsSent(), "needed", MIN_CHECK_INS)));
            return new PairHealth(
                    f.pairId(), HealthState.TOO_EARLY, reasons, rate, mentorRate, f.checkInsSent(), weeks, trends);
        }

        responseReason(f.responses(), rate, f.thresholds()).ifPresent(reasons::add);
        if (weeks != null) {
            meetingReason(weeks, f.meetingReminderWeeks()).ifPresent(reasons::add);
        }
        for (DimensionTrend t : trends) {
            reasons.addAll(dimensionReasons(t, f.thresholds()));
        }
        reasons.addAll(silenceFlags(f.silence()));
        reasons.sort(Comparator.comparing(Reason::severity, HealthState.MOST_SEVERE_FIRST));
        HealthState state = reasons.stream().map(Reason::severity).reduce(HealthState.ON_TRACK, HealthState::worst);
        return new PairHealth(f.pairId(), state, reasons, rate, mentorRate, f.checkInsSent(), weeks, trends);
    }

    /**
     * A side that has left {@code silent-after} check-ins or more unanswered in a row: a flag that changes nothing in
     * the state (severity ON_TRACK). The mentee's silence is judged through the response rate already; the mentor's is
     * shown, not judged, as their response rate is.
     */
    static List<Reason> silenceFlags(HealthFacts.Silence s) {
        List<Reason> flags = new ArrayList<>();
        if (s.mentor() >= s.after()) {
            flags.add(new Reason(
                    "SILENT:MENTOR",
                    HealthState.ON_TRACK,
                    Text.of("silence.reason", "role", "mentor", "count", s.mentor())));
        }
        if (s.mentee() >= s.after()) {
            flags.add(new Reason(
                    "SILENT:MENTEE",
                    HealthState.ON_TRACK,
                    Text.of("silence.reason", "role", "mentee", "count", s.mentee())));
        }
        return flags;
    }

    static double responseRate(List<Boolean> responses) {
        List<Boolean> recent = last(responses, RESPONSE_WINDOW);
        if (recent.isEmpty()) {
            return 0;
        }
        return (double) recent.stream().filter(b -> b).count() / recent.size();
    }

    private static Optional<Reason> responseReason(List<Boolean> responses, double rate, Thresholds limits) {
        List<Boolean> recent = last(responses, RESPONSE_WINDOW);
        if (recent.isEmpty()) {
            return Optional.empty();
        }
        long answered = recent.stream().filter(b -> b).count();
        HealthState severity = rate < limits.responseAtRiskBelow()
                ? HealthState.AT_RISK
                : rate < limits.responseWatchBelow() ? HealthState.WATCH : null;
        if (severity == null) {
            return Optional.empty();
        }
        return Optional.of(new Reason(
                "RESPONSE_RATE",
                severity,
                Text.of(
                        "health.reason.response-rate",
                        "answered",
                        answered,
                        "asked",
                        recent.size(),
                        "rate",
                        Math.round(rate * 100),
                        "threshold",
                        Math.round((severity == HealthState.AT_RISK
                                        ? limits.responseAtRiskBelow()
                                        : limits.responseWatchBelow())
                                * 100),
                        "state",
                        label(severity))));
    }

    private static Optional<Reason> meetingReason(long weeks, int threshold) {
        HealthState severity = weeks >= (long) MEETING_AT_RISK_FACTOR * threshold
                ? HealthState.AT_RISK
                : weeks >= threshold ? HealthState.WATCH : null;
        if (severity == null) {
            return Optional.empty();
        }
        return Optional.of(new Reason(
                "NO_MEETING", severity, Text.of("health.reason.no-meeting", "weeks", weeks, "threshold", threshold)));
    }

    static DimensionTrend trend(Dimension d, List<Integer> mentee, List<Integer> mentor) {
        Double menteeLevel = mean(last(mentee, LEVEL_WINDOW));
        Double mentorLevel = mean(last(mentor, LEVEL_WINDOW));
        Double change = null;
        if (mentee.size() >= 2 * LEVEL_WINDOW) {
            List<Integer> earlier = mentee.subList(mentee.size() - 2 * LEVEL_WINDOW, mentee.size() - LEVEL_WINDOW);
            change = menteeLevel - mean(earlier);
        }
        Double gap = menteeLevel == null || mentorLevel == null ? null : Math.abs(menteeLevel - mentorLevel);
        return new DimensionTrend(d, menteeLevel, mentorLevel, change, gap, last(mentee, SPARKLINE_LENGTH));
    }

    static List<Reason> dimensionReasons(DimensionTrend t, Thresholds limits) {
        List<Reason> reasons = new ArrayList<>();
        Text name = dimension(t.dimension());
        String key = t.dimension().name();
        if (t.menteeLevel() != null && t.menteeLevel() <= limits.levelWatchAtMost()) {
            HealthState severity =
                    t.menteeLevel() <= limits.levelAtRiskAtMost() ? HealthState.AT_RISK : HealthState.WATCH;
            reasons.add(new Reason(
                    "LOW_SCORE:" + key,
                    severity,
                    Text.of("health.reason.low-score", "dimension", name, "level", t.menteeLevel())));
        }
        if (t.change() != null && t.change() <= -limits.drop()) {
            double before = t.menteeLevel() - t.change();
            reasons.add(new Reason(
                    "FALLING:" + key,
                    HealthState.WATCH,
                    Text.of("health.reason.falling", "dimension", name, "before", before, "level", t.menteeLevel())));
        }
        if (t.gap() != null && t.gap() >= limits.gap()) {
            reasons.add(new Reason(
                    "GAP:" + key,
                    HealthState.WATCH,
                    Text.of(
                            "health.reason.gap",
                            "dimension",
                            name,
                            "mentee",
                            t.menteeLevel(),
                            "mentor",
                            t.mentorLevel())));
        }
        if (t.mentorLevel() != null && t.mentorLevel() <= MENTOR_LEVEL_WATCH_AT_MOST) {
            reasons.add(new Reason(
                    "MENTOR_LOW:" + key,
                    HealthState.WATCH,
                    Text.of("health.reason.mentor-low", "dimension", name, "level", t.mentorLevel())));
        }
        return reasons;
    }

    /** A state's name as a reason says it: "at risk", "watch". */
    private static Text label(HealthState s) {
        return Text.of("health.state." + s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** A dimension's name in the reader's language. */
    static Text dimension(Dimension d) {
        return d.text();
    }

    private static <T> List<T> last(List<T> list, int n) {
        return list.subList(Math.max(0, list.size() - n), list.size());
    }

    private static Double mean(List<Integer> scores) {
        return scores.isEmpty()
                ? null
                : scores.stream().mapToInt(Integer::intValue).average().orElseThrow();
    }

    private static LocalDate latest(LocalDate... dates) {
        return Stream.of(dates)
                .filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }
}
