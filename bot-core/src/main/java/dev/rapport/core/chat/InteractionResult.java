package dev.rapport.core.chat;

/**
 * What the adapter should do after a click or a form submission.
 *
 * @param updatedMessage replaces the message that was clicked (null: leave it as it is)
 * @param notice a short private note to the person who clicked (null: none)
 * @param form a form to open (null: none)
 */
public record InteractionResult(ChatMessage updatedMessage, String notice, Form form) {

    public static InteractionResult notice(String text) {
        return new InteractionResult(null, text, null);
    }
}
