package dev.rapport.core.outbox;

import dev.rapport.core.i18n.Languages;
import java.time.Instant;
import java.util.Locale;

/**
 * An outbox row as a {@link OutboxHandler} sees it when the row is about to be sent.
 *
 * @param pairId the pair it concerns, or null for a personal message
 * @param checkInId for check-in kinds, the check-in to render
 * @param payload for other kinds, the stored text
 * @param createdAt when it was enqueued
 * @param language the language to render it in: its recipient's ({@link Languages#resolve}), known when it is sent
 */
public record OutboxRow(
        long id,
        Long pairId,
        long recipientId,
        OutboxKind kind,
        String period,
        Long checkInId,
        String payload,
        Instant createdAt,
        Locale language) {

    /** A row as claimed, before its recipient's language is known: English until then. */
    public OutboxRow(
            long id,
            Long pairId,
            long recipientId,
            OutboxKind kind,
            String period,
            Long checkInId,
            String payload,
            Instant createdAt) {
        this(id, pairId, recipientId, kind, period, checkInId, payload, createdAt, Languages.ENGLISH);
    }

    /** The same row, to be rendered in {@code language}. */
    public OutboxRow in(Locale language) {
        return new OutboxRow(id, pairId, recipientId, kind, period, checkInId, payload, createdAt, language);
    }
}
