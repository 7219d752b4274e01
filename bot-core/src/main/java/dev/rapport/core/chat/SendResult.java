package dev.rapport.core.chat;

import java.time.Duration;

/** What a platform said to one send. The dispatcher turns each into a retry decision. */
public sealed interface SendResult {

    /** Delivered; {@code messageId} is the platform's id for later updates (Slack ts, Discord message id). */
    record Sent(String messageId) implements SendResult {}

    /** The platform asked us to slow down; try again after {@code retryAfter}. Not counted as a failure. */
    record RateLimited(Duration retryAfter) implements SendResult {}

    /** A failure that may pass (5xx, timeout): retried with backoff. */
    record TransientFailure(String reason) implements SendResult {}

    /**
     * A failure that will not pass by retrying (the user closed DMs, left the workspace): recorded,
     * never retried, and the programme's coordinators are told.
     */
    record PermanentFailure(String reason) implements SendResult {}

    /**
     * The person cannot be messaged at all (DMs closed, account deactivated or gone): recorded on the participant,
     * the coordinators are told once, and nothing more is sent to them until they next use Rapport, so a closed
     * DM never becomes a stream of refused requests (Discord bans a bot's IP after 10,000 in 10 minutes).
     */
    record Unreachable(String reason) implements SendResult {}
}
