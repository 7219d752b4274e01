package dev.rapport.core.schedule;

import dev.rapport.core.chat.ChatMessage;

/**
 * Turns an outbox row of one kind into the message sent, when plain text is not enough (a reminder with buttons).
 * Features provide one as a bean; the dispatcher uses it for its kind and sends other non-check-in rows as text.
 */
public interface OutboxRenderer {

    OutboxKind kind();

    /**
     * The message for a row of {@link #kind()}.
     *
     * @param pairId the pair the row concerns, or null for a personal message
     * @param payload the row's stored text
     */
    ChatMessage render(Long pairId, String payload);
}
