package dev.rapport.core.health;

import java.util.Comparator;

/**
 * How a pair is doing. {@link #TOO_EARLY} means there is not enough to judge yet (fewer than two check-ins sent
 * to the mentee).
 */
public enum HealthState {
    ON_TRACK(0),
    WATCH(2),
    AT_RISK(3),
    TOO_EARLY(1);

    /** Most severe first: AT_RISK, WATCH, TOO_EARLY, ON_TRACK. The order coordinators want to read a list in. */
    public static final Comparator<HealthState> MOST_SEVERE_FIRST =
            Comparator.comparingInt(HealthState::severity).reversed();

    // A pair we cannot judge yet ranks above one that is fine: a coordinator may still want to look at it.
    private final int severity;

    HealthState(int severity) {
        this.severity = severity;
    }

    /** Higher is worse: ON_TRACK 0, TOO_EARLY 1, WATCH 2, AT_RISK 3. */
    public int severity() {
        return severity;
    }

    public boolean isWorseThan(HealthState other) {
        return severity > other.severity;
    }

    /** The worse of the two. */
    public static HealthState worst(HealthState a, HealthState b) {
        return b.isWorseThan(a) ? b : a;
    }
}
