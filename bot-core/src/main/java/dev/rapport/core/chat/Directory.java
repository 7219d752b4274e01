package dev.rapport.core.chat;

import java.time.ZoneId;
import java.util.Optional;

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
     */
    record Profile(String displayName, ZoneId timeZone) {}

    /** The platform could not answer now; the lookup is retried on a later run. */
    class DirectoryUnavailableException extends RuntimeException {
        public DirectoryUnavailableException(String reason) {
            super(reason);
        }
    }
}
