/**
 * The Discord adapter: Rapport on Discord through JDA, on when {@code RAPPORT_DISCORD_TOKEN} is set
 * ({@link dev.rapport.discord.DiscordConfiguration}, settings in {@link dev.rapport.discord.DiscordProperties}).
 *
 * <ul>
 *   <li>{@link dev.rapport.discord.DiscordConnection}: the sharded gateway connection (a JDA shard manager), started
 *       after the web server, retried while Discord cannot be reached, stopped gracefully; its status for a health
 *       endpoint.
 *   <li>{@code DiscordInbound}: {@code /rapport} and its autocomplete, button taps and modal submissions to the core's
 *       use cases, acknowledged within Discord's 3 seconds and answered once the work is done.
 *   <li>{@code DiscordCommands} and {@code DiscordRegistrar}: {@code /rapport} made from the core's grammar, and its
 *       registration, globally or in each server.
 *   <li>{@link dev.rapport.discord.DiscordChatPort}: the core's outbox sends direct messages here, paced to
 *       Discord's global limit and bounded; {@code DiscordDirectory} reads names (Discord tells no time zones).
 *   <li>{@link dev.rapport.discord.DiscordRenderer} and {@link dev.rapport.discord.DiscordModalRenderer}: the core's
 *       messages and forms as Discord payloads (content, buttons, embeds, files, modals) and back.
 * </ul>
 */
package dev.rapport.discord;
