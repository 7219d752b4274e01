package dev.rapport.core.schedule;

/**
 * What one sweep did.
 *
 * @param enqueued check-ins written to the outbox
 * @param missed periods that were due longer ago than the grace window (after downtime): recorded, not sent
 * @param skipped periods skipped for a pause or a programme skip date
 * @param retired slots removed because their pair ended or a participant left
 */
public record SweepResult(int enqueued, int missed, int skipped, int retired) {

    SweepResult plus(SweepResult o) {
        return new SweepResult(enqueued + o.enqueued, missed + o.missed, skipped + o.skipped, retired + o.retired);
    }

    public int total() {
        return enqueued + missed + skipped + retired;
    }
}
