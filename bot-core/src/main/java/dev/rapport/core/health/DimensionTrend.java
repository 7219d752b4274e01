package dev.rapport.core.health;

import dev.rapport.core.pulse.Dimension;
import java.util.List;

/**
 * One trust dimension of a pair, from both sides.
 *
 * @param menteeLevel mean of the mentee's most recent scores (null if none)
 * @param mentorLevel mean of the mentor's most recent scores (null if none)
 * @param change the mentee's recent mean minus their earlier mean (null if too few scores)
 * @param gap |mentee level - mentor level| (null if one side has no scores)
 * @param menteeScores the mentee's scores, oldest first (the most recent few), for a sparkline
 */
public record DimensionTrend(
        Dimension dimension,
        Double menteeLevel,
        Double mentorLevel,
        Double change,
        Double gap,
        List<Integer> menteeScores) {

    public DimensionTrend {
        menteeScores = List.copyOf(menteeScores);
    }
}
