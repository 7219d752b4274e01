package dev.rapport.core.outbox;

import java.time.Instant;

/**
 * An outbox row as a {@link OutboxHandler} sees it when the row is about to be sent.
 *
 * @param pairId the pair it concerns, or null for a personal message
 * @param checkInId for check-in kinds, the check-in to render
 * @param payload for other kinds, the stored text
 * @param createdAt when it was enqueued
 */
public record OutboxRow(
        long id,
        Long pairId,
        long recipientId,
        OutboxKind kind,
        String period,
        Long checkInId,
        String payload,
        Instant createdAt) {}
