package dev.rapport.core.installation;

import dev.rapport.core.chat.Platform;
import java.time.Instant;
import java.util.Objects;

/**
 * One workspace's installation of Rapport.
 *
 * @param botTokenCipher the bot token, sealed by the adapter (see {@code dev.rapport.core.secrets}); never the token itself
 * @param botScopes the scopes the workspace granted, comma-separated as the platform reports them
 */
public record Installation(
        Platform platform,
        String workspaceId,
        String enterpriseId,
        String workspaceName,
        String appId,
        String botUserId,
        String botId,
        String botScopes,
        String botTokenCipher,
        String installerUserId,
        Instant installedAt) {

    public Installation {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(botTokenCipher, "botTokenCipher");
    }

    /** Never prints the (encrypted) token: records print every component. */
    @Override
    public String toString() {
        return "Installation[" + platform + "/" + workspaceId + " " + workspaceName + ", bot " + botUserId + "]";
    }
}
