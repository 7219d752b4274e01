package dev.rapport.localdiscord;

import java.time.Instant;

/**
 * A message the bot created in a user's DM channel with {@code POST channels/{id}/messages}, in its current state: what
 * a crash test reads back to prove each DM reached the user once. Interaction responses in a DM are not among them.
 *
 * @param recipientId the user at the other end of the DM
 * @param channelId the DM channel
 * @param messageId the message's snowflake
 * @param nonce the {@code nonce} the bot sent with it (an integer nonce as its decimal text), or {@code null}
 * @param content the text content, as last edited
 * @param timestamp when it was created (the snowflake's time)
 * @param deleted whether the bot has deleted it since
 */
public record SentDirectMessage(
        long recipientId,
        long channelId,
        long messageId,
        String nonce,
        String content,
        Instant timestamp,
        boolean deleted) {}
