package dev.rapport.core.participant;

import dev.rapport.core.chat.Platform;
import dev.rapport.core.schedule.QuietHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A participant as the rest of the core sees it. */
public record ParticipantView(
        long id,
        Platform platform,
        String workspaceId,
        String userId,
        String displayName,
        ZoneId zone,
        QuietHours quietHours,
        LocalDate pausedUntil,
        Instant leftAt) {

    public boolean hasLeft() {
        return leftAt != null;
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
                p.leftAt);
    }
}
