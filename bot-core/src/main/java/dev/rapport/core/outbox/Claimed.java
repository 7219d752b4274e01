package dev.rapport.core.outbox;

import java.time.Instant;

/**
 * A row a worker holds.
 *
 * @param attempts sends of it begun so far, before this worker's
 * @param unknownSince when an earlier send began whose outcome is unknown (its sender died or timed out), or null
 */
record Claimed(OutboxRow row, int attempts, Instant unknownSince) {

    long id() {
        return row.id();
    }
}
