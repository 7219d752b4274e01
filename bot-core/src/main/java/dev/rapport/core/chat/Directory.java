package dev.rapport.core.chat;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * The second way out of the core to a platform: reading who someone is. Implemented by an adapter whose platform
 * can tell (Slack's {@code users.info} gives a display name and an IANA time zone; Discord gives a name and no
 * zone). The core calls it from a background job for people it has just met, never from a request thread.
 */
public interface Directory {

    /** The platform this directory reads. */
    Platform platform();

    /**
     * The person's profile, or empty when the platform does not know them (deleted, never existed).
     *
     * @throws DirectoryUnavailableException when the platform could not answer now (rate limit, outage): the core
     *     asks again later
     */
    Optional<Profile> lookup(String workspaceId, String userId);

    /**
     * What a platform says about a person.
     *
     * @param displayName the name to call them by; blank when the platform has none
     * @param timeZone their IANA time zone, or null when the platform does not say
     * @param roleIds the ids of the roles they hold in the workspace (Discord), empty when they are no longer a member
     *     of it, or null when the platform has no roles or could not say
     * @param locale their language as the platform reports it (Slack's {@code users.info} with {@code include_locale}),
     *     a BCP 47 tag such as {@code fr-FR}; null when the platform does not say (Discord's directory never does)
     */
    record Profile(String displayName, ZoneId timeZone, Set<String> roleIds, String locale) {

        public Profile(String displayName, ZoneId timeZone) {
            this(displayName, timeZone, null, null);
        }

        public Profile(String displayName, ZoneId timeZone, Set<String> roleIds) {
            this(displayName, timeZone, roleIds, null);
        }
    }

    /** The platform could not answer now; the lookup is retried on a later run. */
    class DirectoryUnavailableException extends RuntimeException {
        public DirectoryUnavailableException(String reason) {
            super(reason);
        }
    }
}
