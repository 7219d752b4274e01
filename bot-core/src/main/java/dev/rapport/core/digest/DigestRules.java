package dev.rapport.core.digest;

import dev.rapport.core.health.HealthHistory;
import dev.rapport.core.health.HealthState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who gets a digest now, and what it says: pure functions of {@link DigestFacts}.
 *
 * <ul>
 *   <li>A coordinator is due one on the programme's digest day, from {@link #SEND_FROM} in their own zone, unless they
 *       turned it off; the day names the digest, so it goes once that day (and the outbox keeps one).
 *   <li>It covers what happened since their previous digest of the programme (a week before, for the first): pairs
 *       that turned {@code AT_RISK} or {@code WATCH}, and pairs that recovered, from the recorded state changes; and as
 *       they are now, people silent for {@code silent-after} check-ins or more, people the platform cannot reach, and
 *       pairs whose meeting is overdue.
 *   <li>One line per pair, newly at risk first, then by state (most severe first), then by pair id. A coordinator who
 *       is in a pair never hears of it.
 * </ul>
 */
public final class DigestRules {

    /** The local time from which a coordinator's digest goes out on its day (then held by their quiet hours). */
    public static final LocalTime SEND_FROM = LocalTime.of(9, 0);

    /** How far back the first digest looks. */
    public static final Duration FIRST_WINDOW = Duration.ofDays(7);

    private DigestRules() {}

    /** What a line says of its pair. */
    public enum Kind {
        NEW_AT_RISK,
        NEW_WATCH,
        RECOVERED,
        SILENT,
        UNREACHABLE,
        MEETING_OVERDUE
    }

    /**
     * One thing to say of a pair.
     *
     * @param role {@code mentor} or {@code mentee} for what concerns one person, else null
     * @param count check-ins (SILENT) or weeks (MEETING_OVERDUE), else 0
     */
    public record Item(Kind kind, String role, long count) {}

    /** A pair's line. */
    public record Line(long pairId, String mentor, String mentee, HealthState state, List<Item> items) {
        public Line {
            items = List.copyOf(items);
        }
    }

    /** The day a coordinator's digest is for, when they are due one at {@code now}; empty otherwise. */
    public static Optional<LocalDate> dueDay(DigestFacts f, DigestFacts.Coordinator c) {
        if (c.optedOut()) {
            return Optional.empty();
        }
        ZonedDateTime local = f.now().atZone(c.zone());
        if (local.getDayOfWeek() != f.digestDay() || local.toLocalTime().isBefore(SEND_FROM)) {
            return Optional.empty();
        }
        return Optional.of(local.toLocalDate());
    }

    /** Where a coordinator's digest starts: their previous digest, or a week ago. */
    public static Instant since(DigestFacts f, DigestFacts.Coordinator c) {
        return c.lastDigestAt() != null ? c.lastDigestAt() : f.now().minus(FIRST_WINDOW);
    }

    /** The lines of a coordinator's digest. */
    public static List<Line> lines(DigestFacts f, DigestFacts.Coordinator c) {
        Instant since = since(f, c);
        List<Line> lines = new ArrayList<>();
        for (DigestFacts.Pair p : f.pairs()) {
            if (p.includes(c.id())) {
                continue; // confidentiality: a coordinator in a pair sees nothing of it
            }
            List<Item> items = new ArrayList<>();
            change(p.changes(), since).ifPresent(k -> items.add(new Item(k, null, 0)));
            if (p.mentorSilent() >= f.silentAfter()) {
                items.add(new Item(Kind.SILENT, "mentor", p.mentorSilent()));
            }
            if (p.menteeSilent() >= f.silentAfter()) {
                items.add(new Item(Kind.SILENT, "mentee", p.menteeSilent()));
            }
            if (p.mentorUnreachable()) {
                items.add(new Item(Kind.UNREACHABLE, "mentor", 0));
            }
            if (p.menteeUnreachable()) {
                items.add(new Item(Kind.UNREACHABLE, "mentee", 0));
            }
            if (p.weeksSinceMeeting() != null && p.weeksSinceMeeting() >= f.meetingReminderWeeks()) {
                items.add(new Item(Kind.MEETING_OVERDUE, null, p.weeksSinceMeeting()));
            }
            if (!items.isEmpty()) {
                lines.add(new Line(p.id(), p.mentor(), p.mentee(), p.state(), items));
            }
        }
        lines.sort(Comparator.comparing((Line l) -> l.items().getFirst().kind() != Kind.NEW_AT_RISK)
                .thenComparing(Line::state, HealthState.MOST_SEVERE_FIRST)
                .thenComparingLong(Line::pairId));
        return lines;
    }

    /**
     * What the pair's state did over the window: compared from where it stood before the window (the first change's
     * previous state) to where it ended; nothing when it ended where it began, or changed in no way worth telling.
     */
    static Optional<Kind> change(List<HealthHistory.Change> changes, Instant since) {
        List<HealthHistory.Change> window =
                changes.stream().filter(c -> c.at().isAfter(since)).toList();
        if (window.isEmpty()) {
            return Optional.empty();
        }
        HealthState before = window.getFirst().previous();
        HealthState now = window.getLast().state();
        if (now == before) {
            return Optional.empty();
        }
        if (now == HealthState.AT_RISK) {
            return Optional.of(Kind.NEW_AT_RISK);
        }
        boolean wasWorrying = before == HealthState.AT_RISK || before == HealthState.WATCH;
        if (now == HealthState.WATCH && !wasWorrying) {
            return Optional.of(Kind.NEW_WATCH);
        }
        if (now == HealthState.ON_TRACK && wasWorrying) {
            return Optional.of(Kind.RECOVERED);
        }
        return Optional.empty();
    }
}
