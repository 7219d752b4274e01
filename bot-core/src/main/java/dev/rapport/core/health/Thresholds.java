package dev.rapport.core.health;

/**
 * A programme's health thresholds, which its coordinators may set ({@code /rapport set}); {@link #DEFAULT} holds the
 * values Rapport uses unless told otherwise, and why.
 *
 * @param responseWatchBelow below this share of the mentee's recent check-ins answered, the pair is to watch (0.75:
 *     missing more than one in four is worth a look before it becomes a habit)
 * @param responseAtRiskBelow below this share, at risk (0.5: the mentee has mostly stopped engaging)
 * @param levelWatchAtMost at or below this mean level, a dimension is to watch (3 of 5: at best neutral)
 * @param levelAtRiskAtMost at or below this, at risk (2 of 5: the mentee disagrees, on average, that it is there)
 * @param drop a fall of at least this much between two pairs of answers is to watch (1.5: a real change, not the
 *     noise of one click)
 * @param gap mentee and mentor at least this far apart is to watch (2 points: they see it differently)
 */
public record Thresholds(
        double responseWatchBelow,
        double responseAtRiskBelow,
        double levelWatchAtMost,
        double levelAtRiskAtMost,
        double drop,
        double gap) {

    public static final Thresholds DEFAULT = new Thresholds(0.75, 0.5, 3.0, 2.0, 1.5, 2.0);
}
