/**
 * The Discord adapter. {@link dev.rapport.discord.DiscordRenderer} renders the core's
 * {@link dev.rapport.core.chat.ChatMessage}s as Discord message payloads (content, buttons, embeds, files) and
 * {@link dev.rapport.discord.DiscordModalRenderer} renders its {@link dev.rapport.core.chat.Form}s as modals and
 * reads submissions back. Both build JDA data only; the gateway, the {@link dev.rapport.core.chat.ChatPort} for
 * Discord and the mapping of interactions to the core's use cases arrive with the rest of the Discord adapter issue.
 */
package dev.rapport.discord;
