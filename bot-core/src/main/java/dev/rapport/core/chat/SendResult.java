package dev.rapport.core.chat;

import java.time.Duration;

/**
 * What a platform said to one send. The dispatcher turns each into a decision about the message: recorded as sent,
 * tried again later, or given up on. The distinction that matters most is <em>whose</em> problem a failure is: the
 * platform's (an outage delays every message and fails none) or the recipient's (only that message fails).
 */
public sealed interface SendResult {

    /**
     * Delivered; {@code messageId} is the platform's id for later updates (Slack ts, Discord message id).
     *
     * @param alreadyThere the message was found from an earlier attempt whose outcome was unknown, so nothing new was
     *     posted (Slack: found in the DM by its metadata; Discord: the platform returned the message its nonce named)
     */
    record Sent(String messageId, boolean alreadyThere) implements SendResult {
        public Sent(String messageId) {
            this(messageId, false);
        }
    }

    /**
     * The platform asked us to slow down, or a turn under its limits did not come in time; try again after
     * {@code retryAfter}. Nothing was sent; not a failure.
     */
    record RateLimited(Duration retryAfter) implements SendResult {}

    /**
     * This instance has no connection to the platform right now: not connected yet, reconnecting, or stopping. Nothing
     * was sent, and nothing is wrong with the message or with the platform as far as anyone knows: the message waits
     * as for a short outage of the platform (no attempt spent) and goes out once a probe finds the connection back. Not
     * a rate limit, and not counted as one.
     */
    record NotConnected(String reason) implements SendResult {}

    /**
     * The platform, or Rapport's connection to it, is failing as a whole (5xx, network errors, timeouts, a rejected or
     * revoked token, an app no longer installed). Nothing is wrong with this message: sending to the
     * {@code scope} stops, a probe looks for recovery, and no message uses up an attempt meanwhile.
     *
     * @param mayHaveArrived the request may have reached the platform before the failure (a timeout, a connection
     *     lost mid-answer): the next attempt must first make sure it does not post the message twice
     */
    record Unavailable(Scope scope, String reason, boolean mayHaveArrived) implements SendResult {

        /** What is unavailable: the recipient's workspace only, or every workspace of the platform. */
        public enum Scope {
            WORKSPACE,
            PLATFORM
        }
    }

    /** A failure of this message that may pass (a stale DM channel): retried with backoff, up to the attempt limit. */
    record TransientFailure(String reason) implements SendResult {}

    /**
     * A failure that will not pass by retrying (the platform refuses this message as it is): recorded, never retried,
     * and the programme's coordinators are told.
     */
    record PermanentFailure(String reason) implements SendResult {}

    /**
     * The person cannot be messaged at all (DMs closed, account deactivated or gone): recorded on the participant,
     * the coordinators are told once, and nothing more is sent to them until they next use Rapport, so a closed
     * DM never becomes a stream of refused requests (Discord bans a bot's IP after 10,000 in 10 minutes).
     */
    record Unreachable(String reason) implements SendResult {}
}
