package dev.rapport.core.outbox;

import java.time.Duration;
import java.time.Instant;

/** What became of one claimed row in a round of sending, before it is recorded. */
sealed interface Outcome {

    Claimed claimed();

    /**
     * The platform has it.
     *
     * @param resolution for a row that was in doubt: {@code FOUND} (the earlier send had arrived) or {@code RESENT}
     */
    record Sent(Claimed claimed, String messageId, String resolution) implements Outcome {}

    /**
     * Try again at {@code at}.
     *
     * @param countsAttempt whether the send that failed counts towards the row's attempts (only failures of the
     *     message itself do; rate limits, outages and sends never begun do not)
     * @param unknownSince when the send began, if it may have arrived all the same (a timeout): the row is then in doubt
     *     from that instant; null otherwise
     */
    record Retry(Claimed claimed, Instant at, boolean countsAttempt, String reason, Instant unknownSince)
            implements Outcome {}

    /**
     * Never to be delivered.
     *
     * @param unreachable the recipient cannot be messaged at all, not only this message
     * @param newlyUnreachable the platform said so just now (rather than earlier, so the row was not even tried)
     */
    record Failed(Claimed claimed, String reason, boolean unreachable, boolean newlyUnreachable) implements Outcome {

        /** Whether a send was made, which counts as an attempt. */
        boolean attempted() {
            return !unreachable || newlyUnreachable;
        }
    }

    /** Its recipient left: never sent. */
    record Cancelled(Claimed claimed) implements Outcome {}

    /** Pointless now: never sent. */
    record Expired(Claimed claimed, Rendering.Expire why) implements Outcome {}

    /** How long to wait before trying a failed message again: 5 s doubling, at most half an hour. */
    static Duration backoff(int attempts) {
        long seconds = Math.min(30L * 60, 5L * (1L << Math.min(attempts, 20)));
        return Duration.ofSeconds(seconds);
    }
}
