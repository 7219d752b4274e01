package dev.rapport.slack;

import java.util.Optional;

/**
 * The bot token to use for a workspace: the configured one for a single-workspace install, or the one stored,
 * encrypted, when the workspace installed Rapport through OAuth.
 */
public interface SlackTokens {

    /** The bot token for a Slack team, or empty when Rapport is not installed there. */
    Optional<String> botToken(String teamId);

    /** One configured bot token, whatever the team (the only workspace there is). */
    static SlackTokens single(String botToken) {
        return teamId -> Optional.of(botToken);
    }
}
