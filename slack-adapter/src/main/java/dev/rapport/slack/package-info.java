/**
 * The Slack adapter: renders the core's {@link dev.rapport.core.chat.ChatMessage}s as Block Kit, implements
 * {@link dev.rapport.core.chat.ChatPort} for Slack and maps slash commands and clicks to the core's use cases.
 * Not built yet (see the Slack adapter issue); until then Rapport has no Slack connection.
 */
package dev.rapport.slack;
