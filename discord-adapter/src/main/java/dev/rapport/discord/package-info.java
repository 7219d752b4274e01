/**
 * The Discord adapter: renders the core's {@link dev.rapport.core.chat.ChatMessage}s as Discord components and
 * modals, implements {@link dev.rapport.core.chat.ChatPort} for Discord and maps interactions to the core's use
 * cases. Not built yet (see the Discord adapter issue); until then Rapport has no Discord connection.
 */
package dev.rapport.discord;
