package dev.rapport.core.digest;

import dev.rapport.core.calendar.QuietHours;
import dev.rapport.core.health.HealthHistory;
import dev.rapport.core.health.HealthState;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What one programme's digests are made of, read at one moment.
 *
 * @param digestDay the day of the week the programme's coordinators get it
 * @param silentAfter the programme's {@code silent-after}: from this many unanswered check-ins in a row, a person is
 *     silent
 * @param meetingReminderWeeks weeks without a meeting from which a pair's meeting is overdue
 * @param coordinators every coordinator who could get it (named or through a role), opted out or not
 * @param pairs the programme's open pairs
 */
public record DigestFacts(
        long programmeId,
        String programmeName,
        DayOfWeek digestDay,
        int silentAfter,
        int meetingReminderWeeks,
        Instant now,
        List<Coordinator> coordinators,
        List<Pair> pairs) {

    public DigestFacts {
        coordinators = List.copyOf(coordinators);
        pairs = List.copyOf(pairs);
    }

    /**
     * A coordinator of the programme.
     *
     * @param lastDigestAt when their latest digest of this programme was written, or null before the first
     */
    public record Coordinator(long id, ZoneId zone, QuietHours quiet, Instant lastDigestAt, boolean optedOut) {}

    /**
     * An open pair and what a digest may say of it.
     *
     * @param state its state now
     * @param weeksSinceMeeting whole weeks without a meeting (weeks it could not meet left out), or null
     * @param changes its recorded state changes in the digests' window, oldest first
     * @param mentorSilent the mentor's unanswered check-ins in a row (0: they answer)
     * @param menteeSilent the same for the mentee
     * @param mentorUnreachable whether the platform refused messages to the mentor (DMs closed, failed deliveries)
     * @param menteeUnreachable the same for the mentee
     */
    public record Pair(
            long id,
            long mentorId,
            String mentor,
            long menteeId,
            String mentee,
            HealthState state,
            Long weeksSinceMeeting,
            List<HealthHistory.Change> changes,
            int mentorSilent,
            int menteeSilent,
            boolean mentorUnreachable,
            boolean menteeUnreachable) {

        public Pair {
            changes = List.copyOf(changes);
        }

        boolean includes(long participantId) {
            return mentorId == participantId || menteeId == participantId;
        }
    }
}
