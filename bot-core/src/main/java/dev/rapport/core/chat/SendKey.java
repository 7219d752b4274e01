package dev.rapport.core.chat;

import java.time.Instant;

/**
 * What makes one send recognisable to the platform, so that a retry after an unknown outcome does not post twice.
 *
 * @param outboxId the outbox row's id: unique for ever, carried in the message (Slack metadata, Discord nonce)
 * @param unknownSince when an earlier attempt of this message began whose outcome is unknown (the sender crashed or
 *     timed out after the platform may have accepted it), or null when no attempt is in doubt. A port must then find
 *     out whether that attempt arrived before it posts again, with whatever the platform offers.
 */
public record SendKey(long outboxId, Instant unknownSince) {

    public static SendKey first(long outboxId) {
        return new SendKey(outboxId, null);
    }

    /** Whether an earlier attempt may have arrived. */
    public boolean inDoubt() {
        return unknownSince != null;
    }
}
