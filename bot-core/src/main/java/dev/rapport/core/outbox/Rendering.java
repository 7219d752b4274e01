package dev.rapport.core.outbox;

import dev.rapport.core.chat.ChatMessage;

/** What a {@link OutboxHandler} makes of a row at send time: the message to send, or why it is no longer worth it. */
public sealed interface Rendering {

    static Rendering send(ChatMessage message) {
        return new Send(message);
    }

    static Rendering expire(String code, String detail) {
        return new Expire(code, detail);
    }

    /** Send this. */
    record Send(ChatMessage message) implements Rendering {}

    /**
     * Do not send: the message became pointless while it waited (a newer check-in superseded it, it was answered,
     * the pair was paused or ended). Recorded on the row as {@code EXPIRED} with {@code code: detail}, never sent.
     *
     * @param code a short upper-case reason the handler can act on when it hears of the expiry
     * @param detail the same in words, for the record
     */
    record Expire(String code, String detail) implements Rendering {}
}
