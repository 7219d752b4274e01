package dev.rapport.core.health;

import java.util.List;

/**
 * A pair's health at one moment, with the facts it was judged from.
 *
 * @param state the most severe of the reasons; ON_TRACK when there is none
 * @param reasons most severe first; never empty unless the state is ON_TRACK
 * @param responseRate the fraction of the mentee's recent check-ins that got any answer (0 when none counts yet)
 * @param mentorResponseRate the same for the mentor's check-ins, or null before any: shown to coordinators so a
 *     mentor who stops answering is seen, but not judged, as the mentor's side of trust is the mentee's experience
 *     of it and a mentor may be meeting well without answering
 * @param checkInsSent how many check-ins have been sent to the mentee so far
 * @param weeksSinceMeeting whole weeks since the last meeting (or since the pair started), in the programme's zone
 * @param dimensions one entry per trust dimension, in {@link dev.rapport.core.pulse.Dimension} order
 */
public record PairHealth(
        long pairId,
        HealthState state,
        List<Reason> reasons,
        double responseRate,
        Double mentorResponseRate,
        int checkInsSent,
        Long weeksSinceMeeting,
        List<DimensionTrend> dimensions) {

    public PairHealth {
        reasons = List.copyOf(reasons);
        dimensions = List.copyOf(dimensions);
    }
}
