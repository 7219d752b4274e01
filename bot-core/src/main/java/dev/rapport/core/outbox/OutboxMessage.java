package dev.rapport.core.outbox;

import dev.rapport.core.i18n.Text;
import java.time.Instant;

/**
 * One message to put in the outbox.
 *
 * @param pairId the pair it concerns, or null for a personal message (a welcome)
 * @param period what makes it unique for that pair and kind: a check-in's date, an alert's start
 * @param checkInId for check-in kinds, the check-in to render
 * @param payload for other kinds, what to send: a {@link Text} (rendered in the recipient's language when it is sent),
 *     or plain text
 * @param notBefore when it may be sent (outside the recipient's quiet hours)
 */
public record OutboxMessage(
        Long pairId,
        long recipientId,
        OutboxKind kind,
        String period,
        Long checkInId,
        String payload,
        Instant notBefore) {

    public static OutboxMessage text(
            Long pairId, long recipientId, OutboxKind kind, String period, String text, Instant notBefore) {
        return new OutboxMessage(pairId, recipientId, kind, period, null, text, notBefore);
    }

    /** A message from the catalogue, rendered in its recipient's language when it is sent. */
    public static OutboxMessage of(
            Long pairId, long recipientId, OutboxKind kind, String period, Text text, Instant notBefore) {
        return new OutboxMessage(pairId, recipientId, kind, period, null, text.encode(), notBefore);
    }
}
