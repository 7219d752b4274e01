package dev.rapport.core.chat;

/**
 * What the adapter should do after a click or a form submission.
 *
 * @param updatedMessage replaces the message that was clicked (null: leave it as it is)
 * @param notice a short private note to the person who clicked (null: none)
 * @param form a form to open (null: none)
 * @param reply a whole message for the person who clicked alone, shown after the one they clicked, which stays as it
 *     is: what a command would have answered (a digest's "open pair"). Null: none
 */
public record InteractionResult(ChatMessage updatedMessage, String notice, Form form, ChatMessage reply) {

    public InteractionResult(ChatMessage updatedMessage, String notice, Form form) {
        this(updatedMessage, notice, form, null);
    }

    public static InteractionResult notice(String text) {
        return new InteractionResult(null, text, null);
    }

    /** A private message in answer to a tap, the tapped message unchanged. */
    public static InteractionResult reply(ChatMessage message) {
        return new InteractionResult(null, null, null, message);
    }
}
