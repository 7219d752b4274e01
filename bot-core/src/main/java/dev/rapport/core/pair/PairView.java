package dev.rapport.core.pair;

import java.time.LocalDate;

/** A pair as the rest of the core sees it. */
public record PairView(
        long id,
        long programmeId,
        long mentorId,
        long menteeId,
        LocalDate startedOn,
        LocalDate endedOn,
        String status,
        LocalDate pausedUntil) {

    public boolean ended() {
        return "ENDED".equals(status);
    }

    /** The role {@code participantId} plays in this pair, or null when they are not in it. */
    public Role roleOf(long participantId) {
        return participantId == mentorId ? Role.MENTOR : participantId == menteeId ? Role.MENTEE : null;
    }

    public long partnerOf(long participantId) {
        return participantId == mentorId ? menteeId : mentorId;
    }

    static PairView of(Pair p) {
        return new PairView(
                p.id, p.programmeId, p.mentorId, p.menteeId, p.startedOn, p.endedOn, p.status, p.pausedUntil);
    }
}
