package dev.rapport.core.participant;

import dev.rapport.core.calendar.QuietHours;
import dev.rapport.core.chat.Platform;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A participant as the rest of the core sees it.
 *
 * @param zoneSource where {@code zone} came from: assumed from the programme, read from the platform, or chosen
 * @param unreachableSince when the platform last refused to deliver to this person, or null
 */
public record ParticipantView(
        long id,
        Platform platform,
        String workspaceId,
        String userId,
        String displayName,
        ZoneId zone,
        QuietHours quietHours,
        LocalDate pausedUntil,
        Instant leftAt,
        TimeZoneSource zoneSource,
        Instant unreachableSince) {

    public boolean hasLeft() {
        return leftAt != null;
    }

    /** Whether the platform said this person cannot be messaged; nothing is sent until they use Rapport again. */
    public boolean unreachable() {
        return unreachableSince != null;
    }

    static ParticipantView of(Participant p) {
        return new ParticipantView(
                p.id,
                p.platform,
                p.workspaceId,
                p.platformUserId,
                p.displayName,
                ZoneId.of(p.timeZone),
                QuietHours.ofNullable(p.quietStart, p.quietEnd),
                p.pausedUntil,
                p.leftAt,
                p.timeZoneSource,
                p.unreachableSince);
    }
}
