package dev.rapport.localslack;

/**
 * A message only one person sees: accepted by {@code chat.postEphemeral}.
 *
 * @param teamId the workspace
 * @param channel the channel it is shown in
 * @param userId the only person who sees it
 * @param text the {@code text} argument
 * @param blocksJson the {@code blocks} argument as received, or {@code null}
 * @param ts its {@code message_ts}
 */
public record Ephemeral(String teamId, String channel, String userId, String text, String blocksJson, String ts) {}
