package dev.rapport.core.command;

import dev.rapport.core.chat.ChatMessage;

/**
 * The answer to a command.
 *
 * @param ephemeral shown only to the person who ran the command (Slack ephemeral, Discord ephemeral);
 *     everything Rapport answers is private unless a command says otherwise
 */
public record Reply(ChatMessage message, boolean ephemeral) {

    public static Reply privately(String text) {
        return new Reply(ChatMessage.text(text), true);
    }

    public static Reply privately(ChatMessage message) {
        return new Reply(message, true);
    }
}
