package dev.rapport.core.programme;

import dev.rapport.core.calendar.Cadence;
import dev.rapport.core.chat.Platform;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;

/**
 * A programme as the rest of the core sees it.
 *
 * @param coordinatorRoleId the platform role (Discord role id) whose current holders coordinate it, or null
 */
public record ProgrammeView(
        long id,
        Platform platform,
        String workspaceId,
        String name,
        ZoneId zone,
        Cadence cadence,
        int meetingReminderWeeks,
        Duration reminderAfter,
        Duration grace,
        String coordinatorRoleId) {

    static ProgrammeView of(Programme p) {
        return new ProgrammeView(
                p.id,
                p.platform,
                p.workspaceId,
                p.name,
                ZoneId.of(p.timeZone),
                new Cadence(DayOfWeek.of(p.cadenceDay), p.cadenceTime, p.cadenceWeeks),
                p.meetingReminderWeeks,
                Duration.ofHours(p.reminderAfterHours),
                Duration.ofHours(p.graceHours),
                p.coordinatorRoleId);
    }
}
