/**
 * The reusable local Discord: a REST server and a gateway on the loopback interface that speak Discord's real
 * protocols (API v10, JSON gateway) closely enough for JDA 6 to run against them unchanged, so the Discord adapter can
 * be tested end to end without reaching Discord, and the sandbox can run a Discord of its own in-process.
 *
 * <p>{@link dev.rapport.localdiscord.LocalDiscord} is the entry point: configure guilds, roles, members and limits
 * with its builder, point JDA at {@code restUrl()} and {@code gatewayUrl()}, act as users with
 * {@link dev.rapport.localdiscord.LocalDiscord#as} ({@link dev.rapport.localdiscord.Actor}: slash commands,
 * autocomplete, clicks, modal submissions), then read what the bot did: messages
 * ({@link dev.rapport.localdiscord.DiscordMessage}), interaction responses
 * ({@link dev.rapport.localdiscord.InteractionResponse}), REST calls ({@link dev.rapport.localdiscord.RestCall}) and
 * gateway logins ({@link dev.rapport.localdiscord.GatewayLogin}). Discord's rules are enforced where a bot can break
 * them: message limits, the 3-second acknowledgement and 15-minute follow-up windows, the global and per-route rate
 * limits with their headers, privileged intents; and faults can be injected (5xx, 429 bursts, slow answers, closed
 * DMs, outages, dropped gateway connections). Rate limits and deadlines run on an injectable {@link java.time.Clock}.
 */
package dev.rapport.localdiscord;
