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
 * limits with their headers, privileged intents, and {@code nonce} with {@code enforce_nonce} on Create Message (a copy
 * sent within the window gets the first message back and creates nothing, which is what lets a bot resend a message
 * whose outcome it does not know); and faults can be injected (5xx, 429 bursts, slow answers, closed DMs, outages that
 * answer 503 or refuse connections, dropped gateway connections), named as on the local Slack: both implement
 * {@code dev.rapport.localkit.Faults}, whose {@code Outage} kinds they share. Rate limits, deadlines and the nonce
 * window run on an injectable {@link java.time.Clock}.
 *
 * <p>Inside, one state object, {@code World}, holds everything under one lock; {@code RestApi} (routing, the token,
 * rate limits, faults, the record of calls) and {@code Gateway} act on it. The HTTP plumbing (reading requests,
 * query and multipart bodies, writing answers) comes from {@code dev.rapport.localkit}, shared with the local Slack
 * and with nothing else.
 *
 * <p>{@link dev.rapport.localdiscord.LocalDiscordServer} is the same local Discord as a process of its own
 * ({@code java -jar local-discord/target/local-discord.jar}), for crash tests that kill the bot's processes and for
 * trying Rapport by hand: it prints its URLs as one line of JSON, stops when its standard input closes, and has a
 * control API on a port of its own (outages, the DMs sent, users, counters) that answers while Discord is down.
 */
package dev.rapport.localdiscord;
