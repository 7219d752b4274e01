package dev.rapport.core.insight;

import dev.rapport.core.health.HealthState;
import dev.rapport.core.pulse.Dimension;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A programme over its latest weeks: what {@code /rapport overview} says and draws.
 *
 * @param weeks the Mondays of the weeks shown, oldest first
 * @param levels each week's mean level per dimension and side (absent where nobody answered)
 * @param states how many pairs were in each state at the end of each week (from the health history)
 * @param answered check-ins answered and sent in the window, per side
 * @param changes the pairs whose state changed in the last seven days, newest first
 * @param notApplicable the statements answered "not applicable" at least once in the window, most often first
 */
public record Overview(
        List<LocalDate> weeks,
        Map<LocalDate, Map<Side, Map<Dimension, Double>>> levels,
        Map<LocalDate, Map<HealthState, Integer>> states,
        Map<Side, Rate> answered,
        List<Change> changes,
        List<NotApplicableShares.Share> notApplicable) {

    /** The weeks an overview shows when the coordinator names none. */
    public static final int DEFAULT_WEEKS = 8;

    /** Mentees' or mentors' answers. */
    public enum Side {
        MENTEE,
        MENTOR
    }

    /** Check-ins answered of those sent. */
    public record Rate(int answered, int sent) {
        public Double share() {
            return sent == 0 ? null : (double) answered / sent;
        }
    }

    /** A pair that changed state recently. */
    public record Change(long pairId, String mentor, String mentee, HealthState previous, HealthState state) {}

    /** A side's mean level of a dimension over the whole window (the mean of its weekly means), or null. */
    public Double level(Side side, Dimension d) {
        return levels.values().stream()
                .map(bySide -> bySide.getOrDefault(side, Map.of()).get(d))
                .filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .average()
                .stream()
                .boxed()
                .findFirst()
                .orElse(null);
    }

    /** The perception gap of a dimension: mentees' level minus mentors', or null where a side has no answer. */
    public Double gap(Dimension d) {
        Double mentee = level(Side.MENTEE, d);
        Double mentor = level(Side.MENTOR, d);
        return mentee == null || mentor == null ? null : mentee - mentor;
    }
}
