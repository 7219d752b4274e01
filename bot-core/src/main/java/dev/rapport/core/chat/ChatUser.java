package dev.rapport.core.chat;

import java.util.Objects;
import java.util.Set;

/**
 * A person as a platform knows them: the workspace (Slack team or Discord guild) and the user id in it.
 *
 * <p>The last two components are facts the platform reported about the person acting, as the adapter read them from
 * this very request; they grant nothing by themselves: {@code command.Authority} alone decides what they allow. A
 * person named in a command (a mention) has neither.
 *
 * @param displayName the name the platform shows; may be blank when the adapter does not know it yet
 * @param maySetUp whether the workspace lets this person set programmes up: on Slack its admins and owners (or the
 *     configured allowlist) and whoever installed the app; on Discord the Manage Server permission
 * @param roleIds the platform roles the person holds in this workspace now (Discord role ids); empty where the
 *     platform has none; null when the platform did not say (a Discord command run in a direct message, which
 *     carries no server and so no roles)
 * @param locale the person's language as the platform reported it for this request, a BCP 47 tag such as
 *     {@code es-ES} (Discord's interaction {@code locale}, Slack's {@code users.info} {@code locale}); null when it
 *     did not say. The core keeps it as the person's platform locale ({@code i18n.Languages} decides what it means).
 */
public record ChatUser(
        Platform platform,
        String workspaceId,
        String userId,
        String displayName,
        boolean maySetUp,
        Set<String> roleIds,
        String locale) {

    /** A person whose platform said nothing of their language in this request. */
    public ChatUser(
            Platform platform,
            String workspaceId,
            String userId,
            String displayName,
            boolean maySetUp,
            Set<String> roleIds) {
        this(platform, workspaceId, userId, displayName, maySetUp, roleIds, null);
    }

    public ChatUser {
        Objects.requireNonNull(platform, "platform");
        requireText(workspaceId, "workspaceId");
        requireText(userId, "userId");
        displayName = displayName == null || displayName.isBlank() ? userId : displayName.strip();
        roleIds = roleIds == null ? null : Set.copyOf(roleIds);
        locale = locale == null || locale.isBlank() ? null : locale.strip();
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
        return new ChatUser(platform, workspaceId, userId, displayName, false, Set.of());
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
