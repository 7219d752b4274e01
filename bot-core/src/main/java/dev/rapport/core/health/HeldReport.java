package dev.rapport.core.health;

/**
 * A report an instance holds per programme (the health board, the overview), which {@link ReportKeeper} reads afresh
 * ahead of requests, so that no coordinator waits for a whole programme to be read.
 */
public interface HeldReport {

    /**
     * Reads the programme's report afresh and holds it, without keeping requests for it waiting meanwhile: they go on
     * using what is held until the new read replaces it.
     */
    void readAfresh(long programmeId);

    /** Whether anything of the programme's is held (a programme nobody has read yet, just imported, has nothing). */
    boolean holds(long programmeId);
}
