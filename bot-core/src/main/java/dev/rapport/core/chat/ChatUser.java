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

    /**
     * The workspace of someone acting in a direct message on a platform whose user ids are global (Discord): such an
     * interaction carries no server. The core then recognises the person by platform and user id alone.
     */
    public static final String DIRECT_MESSAGE = "@dm";

    /** Whether this is the person {@code other} names: same platform and user, and same workspace where that matters. */
    public boolean isSamePersonAs(ChatUser other) {
        return platform == other.platform
                && userId.equals(other.userId)
                && (platform.userIdsAreGlobal() || workspaceId.equals(other.workspaceId));
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
