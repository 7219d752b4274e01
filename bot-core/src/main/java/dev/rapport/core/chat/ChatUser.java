package dev.rapport.core.chat;

import java.util.Objects;

/**
 * A person as a platform knows them: the workspace (Slack team or Discord guild) and the user id in it.
 *
 * @param displayName the name the platform shows; may be blank when the adapter does not know it yet
 * @param platformAdmin whether the platform grants this person coordination of the workspace's programmes: on
 *     Discord, the configured coordinator role or "Manage Server". Only honoured where {@link
 *     Platform#coordinatorsByRole()}; adapters of other platforms pass false
 */
public record ChatUser(
        Platform platform, String workspaceId, String userId, String displayName, boolean platformAdmin) {

    public ChatUser {
        Objects.requireNonNull(platform, "platform");
        requireText(workspaceId, "workspaceId");
        requireText(userId, "userId");
        displayName = displayName == null || displayName.isBlank() ? userId : displayName.strip();
    }

    public static ChatUser of(Platform platform, String workspaceId, String userId, String displayName) {
        return new ChatUser(platform, workspaceId, userId, displayName, false);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
