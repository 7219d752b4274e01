package dev.rapport.core.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logging meetings. Callers check that the person logging belongs to the pair. */
@Service
public class MeetingService {

    static final int MAX_NOTE = 500;

    private final MeetingRepository meetings;
    private final Clock clock;

    MeetingService(MeetingRepository meetings, Clock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    /**
     * Logs a meeting held on {@code heldOn} (the logger's local date). Logging the same date twice keeps one
     * meeting. Fails with a message fit for chat on a future date, a date before the pair began, or a long note.
     */
    @Transactional
    public MeetingView log(
            long pairId, long loggedBy, LocalDate heldOn, LocalDate pairStartedOn, ZoneId loggerZone, String note) {
        LocalDate today = clock.instant().atZone(loggerZone).toLocalDate();
        if (heldOn.isAfter(today)) {
            throw new IllegalArgumentException(
                    "That date (" + heldOn + ") is in the future; log a meeting once it has happened.");
        }
        if (heldOn.isBefore(pairStartedOn)) {
            throw new IllegalArgumentException(
                    "That date (" + heldOn + ") is before the pair started (" + pairStartedOn + ").");
        }
        String cleaned = note == null || note.isBlank() ? null : note.strip();
        if (cleaned != null && cleaned.length() > MAX_NOTE) {
            throw new IllegalArgumentException(
                    "Please keep the note under " + MAX_NOTE + " characters (it has " + cleaned.length() + ").");
        }
        var existing = meetings.findFirstByPairIdAndHeldOn(pairId, heldOn);
        if (existing.isPresent()) {
            Meeting m = existing.get();
            return new MeetingView(m.id, m.pairId, m.heldOn, m.note, true);
        }
        Meeting m = meetings.save(new Meeting(pairId, heldOn, cleaned, loggedBy, clock.instant()));
        return new MeetingView(m.id, m.pairId, m.heldOn, m.note, false);
    }

    /** The clock meetings are dated by (the application's). */
    Clock clock() {
        return clock;
    }

    public List<MeetingView> recent(long pairId) {
        return meetings.findTop10ByPairIdOrderByHeldOnDesc(pairId).stream()
                .map(m -> new MeetingView(m.id, m.pairId, m.heldOn, m.note, false))
                .toList();
    }
}
