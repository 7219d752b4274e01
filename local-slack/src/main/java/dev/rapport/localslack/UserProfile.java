package dev.rapport.localslack;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A person in a workspace's directory, as {@code users.info} answers for them.
 *
 * @param teamId the workspace
 * @param id the user id ({@code U…} or {@code W…})
 * @param name the handle ({@code name}, and {@code user_name} in slash commands)
 * @param realName {@code real_name} and {@code profile.real_name}
 * @param displayName {@code profile.display_name} (may be empty, as in Slack)
 * @param tz the IANA time zone, e.g. {@code Europe/Paris}
 * @param isAdmin a workspace admin
 * @param isOwner a workspace owner
 * @param isPrimaryOwner the workspace's primary owner (Slack's {@code is_primary_owner}; there is one per workspace)
 * @param isBot a bot user (the app's own bot user is one)
 * @param deleted a deactivated account
 * @param locale the user's language, e.g. {@code fr-FR}; {@code users.info} gives it only when asked with
 *     {@code include_locale=true}, as Slack does ({@code en-US} unless set)
 */
public record UserProfile(
        String teamId,
        String id,
        String name,
        String realName,
        String displayName,
        String tz,
        boolean isAdmin,
        boolean isOwner,
        boolean isPrimaryOwner,
        boolean isBot,
        boolean deleted,
        String locale) {

    public UserProfile {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(id, "id");
        if (!(id.startsWith("U") || id.startsWith("W"))) {
            throw new IllegalArgumentException("a Slack user id starts with U or W");
        }
        name = name == null ? id.toLowerCase(Locale.ROOT) : name;
        realName = realName == null ? name : realName;
        displayName = displayName == null ? "" : displayName;
        tz = tz == null ? "America/Los_Angeles" : tz;
        ZoneId.of(tz); // fails early on a zone Slack would not know either
        locale = locale == null ? "en-US" : locale;
    }

    /** A person whose language is Slack's default, {@code en-US}. */
    public UserProfile(
            String teamId,
            String id,
            String name,
            String realName,
            String displayName,
            String tz,
            boolean isAdmin,
            boolean isOwner,
            boolean isPrimaryOwner,
            boolean isBot,
            boolean deleted) {
        this(teamId, id, name, realName, displayName, tz, isAdmin, isOwner, isPrimaryOwner, isBot, deleted, null);
    }

    /** A person who is not the primary owner. */
    public UserProfile(
            String teamId,
            String id,
            String name,
            String realName,
            String displayName,
            String tz,
            boolean isAdmin,
            boolean isOwner,
            boolean isBot,
            boolean deleted) {
        this(teamId, id, name, realName, displayName, tz, isAdmin, isOwner, false, isBot, deleted);
    }

    /** An ordinary member: display name empty, not an admin, owner or bot. */
    public static UserProfile member(String teamId, String id, String name, String realName, String tz) {
        return new UserProfile(teamId, id, name, realName, "", tz, false, false, false, false);
    }

    /** The same person with these workspace roles ({@code is_admin}, {@code is_owner}, {@code is_primary_owner}). */
    public UserProfile withRoles(boolean admin, boolean owner, boolean primaryOwner) {
        return new UserProfile(
                teamId, id, name, realName, displayName, tz, admin, owner, primaryOwner, isBot, deleted, locale);
    }

    public UserProfile withName(String newName) {
        return new UserProfile(
                teamId,
                id,
                newName,
                realName,
                displayName,
                tz,
                isAdmin,
                isOwner,
                isPrimaryOwner,
                isBot,
                deleted,
                locale);
    }

    public UserProfile withRealName(String newRealName) {
        return new UserProfile(
                teamId,
                id,
                name,
                newRealName,
                displayName,
                tz,
                isAdmin,
                isOwner,
                isPrimaryOwner,
                isBot,
                deleted,
                locale);
    }

    public UserProfile withDisplayName(String newDisplayName) {
        return new UserProfile(
                teamId,
                id,
                name,
                realName,
                newDisplayName,
                tz,
                isAdmin,
                isOwner,
                isPrimaryOwner,
                isBot,
                deleted,
                locale);
    }

    public UserProfile withTz(String newTz) {
        return new UserProfile(
                teamId,
                id,
                name,
                realName,
                displayName,
                newTz,
                isAdmin,
                isOwner,
                isPrimaryOwner,
                isBot,
                deleted,
                locale);
    }

    public UserProfile withDeleted(boolean nowDeleted) {
        return new UserProfile(
                teamId,
                id,
                name,
                realName,
                displayName,
                tz,
                isAdmin,
                isOwner,
                isPrimaryOwner,
                isBot,
                nowDeleted,
                locale);
    }

    /** The same person with their Slack language set to {@code newLocale} (e.g. {@code fr-FR}). */
    public UserProfile withLocale(String newLocale) {
        return new UserProfile(
                teamId,
                id,
                name,
                realName,
                displayName,
                tz,
                isAdmin,
                isOwner,
                isPrimaryOwner,
                isBot,
                deleted,
                newLocale);
    }

    /** Slack's {@code tz_label} at an instant: the zone's long name, which changes with daylight saving. */
    public String tzLabel(Instant at) {
        return DateTimeFormatter.ofPattern("zzzz", Locale.US).format(ZonedDateTime.ofInstant(at, ZoneId.of(tz)));
    }

    /** Slack's {@code tz_offset} at an instant: seconds east of UTC. */
    public int tzOffset(Instant at) {
        return ZoneId.of(tz).getRules().getOffset(at).getTotalSeconds();
    }
}
