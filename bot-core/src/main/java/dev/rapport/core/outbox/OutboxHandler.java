package dev.rapport.core.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a feature knows about the outbox rows of its kinds: how to render them when they are sent, which of them are
 * no longer worth sending, and what to do when their fate is known. Features provide one as a bean (check-ins,
 * meeting reminders, the time-zone question); rows of a kind without a handler are sent as their stored text.
 *
 * <p>Rendering happens at send time, not at enqueue time, so a message waiting out an outage is judged on the facts
 * of the moment it can finally go.
 */
public interface OutboxHandler {

    /** The kinds this handles. */
    Set<OutboxKind> kinds();

    /**
     * What to do with each row, by row id: a {@link Rendering.Send} or a {@link Rendering.Expire}. A row left out of
     * the answer is expired as gone (what it was about no longer exists). Called with many rows at once, so read what
     * they need in a few queries, not one per row.
     */
    Map<Long, Rendering> render(List<OutboxRow> rows, Instant now);

    /**
     * Hears what became of rows of its kinds, in the transaction that records it, so the feature's own records
     * (a check-in's status) commit or roll back with the outbox's. Nothing by default.
     */
    default void settled(List<Settled> rows, Instant at) {}

    /**
     * The fate of a row.
     *
     * @param expiry why it expired, when {@code fate} is {@link Fate#EXPIRED}
     */
    record Settled(OutboxRow row, Fate fate, Rendering.Expire expiry) {}

    /** How a row ended. */
    enum Fate {
        /** The platform accepted it. */
        SENT,
        /** It can never be delivered (the platform refused it, or the person cannot be messaged). */
        UNDELIVERED,
        /** Its recipient left Rapport. */
        CANCELLED,
        /** It became pointless before it could be sent. */
        EXPIRED
    }
}
