package dev.rapport.core.command;

import dev.rapport.core.chat.ChatUser;

/**
 * A {@code /rapport} command as an adapter received it.
 *
 * @param text everything after {@code /rapport}; users are referred to with mention syntax ({@code <@U123>},
 *     {@code <@U123|name>}, {@code <@!123>}), which both platforms produce
 * @param attachment the text of an attached file (a CSV to import), or null
 */
public record CommandRequest(ChatUser actor, String text, String attachment) {

    public CommandRequest(ChatUser actor, String text) {
        this(actor, text, null);
    }
}
