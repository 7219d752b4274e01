package dev.rapport.core.participant;

import dev.rapport.core.chat.Directory;
import dev.rapport.core.chat.Platform;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reads the platform profile of people Rapport has just met (a coordinator named them, they ran a command): their
 * display name and, where the platform tells (Slack), their time zone and language. Someone whose zone is still the programme's
 * assumption afterwards (Discord never tells) is asked for it in a direct message, once.
 *
 * <p>Runs from a recurring job, a small batch at a time, so a large import is read at a pace the platform's
 * directory limits allow (Slack's {@code users.info} is Tier 4, 100+ per minute) rather than in one burst.
 */
@Service
public class ProfileRefresh {

    /** Profiles read per run; the job runs every minute, so this stays under Slack's Tier 4 for one workspace. */
    static final int BATCH = 50;

    private static final Logger log = LoggerFactory.getLogger(ProfileRefresh.class);

    private final ParticipantService participants;
    private final Map<Platform, Directory> directories = new EnumMap<>(Platform.class);

    ProfileRefresh(ParticipantService participants, List<Directory> directories) {
        this.participants = participants;
        for (Directory d : directories) {
            this.directories.put(d.platform(), d);
        }
    }

    /** Reads up to one batch of unread profiles; returns how many were read. */
    public int readNewProfiles() {
        int read = 0;
        for (ParticipantView p : participants.withUnreadProfiles(directories.keySet(), BATCH)) {
            Optional<Directory.Profile> profile;
            try {
                profile = directories.get(p.platform()).lookup(p.workspaceId(), p.userId());
            } catch (Directory.DirectoryUnavailableException e) {
                // The platform is busy or down: stop here and pick up where this left off on the next run.
                log.info("Reading {} profiles paused: {}", p.platform(), e.getMessage());
                break;
            }
            ParticipantView after = participants.profileRead(
                    p.id(),
                    profile.map(Directory.Profile::displayName).orElse(null),
                    profile.map(Directory.Profile::timeZone).orElse(null),
                    profile.map(Directory.Profile::locale).orElse(null));
            if (after.zoneSource() == TimeZoneSource.DEFAULT && profile.isPresent()) {
                participants.askTimeZone(after);
            }
            read++;
        }
        return read;
    }
}
