package dev.rapport.core.participant;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.schedule.Outbox;
import dev.rapport.core.schedule.OutboxKind;
import dev.rapport.core.schedule.OutboxMessage;
import dev.rapport.core.schedule.QuietHours;
import dev.rapport.core.schedule.SlotPlanner;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Knowing people: registering them, their time zone, quiet hours, pauses, and leaving. */
@Service
public class ParticipantService {

    private final ParticipantRepository participants;
    private final JdbcTemplate jdbc;
    private final SlotPlanner planner;
    private final Outbox outbox;
    private final Clock clock;

    ParticipantService(
            ParticipantRepository participants, JdbcTemplate jdbc, SlotPlanner planner, Outbox outbox, Clock clock) {
        this.participants = participants;
        this.jdbc = jdbc;
        this.planner = planner;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What {@link #ensure} found or made. */
    public record Registration(ParticipantView participant, boolean created) {}

    /**
     * Returns the participant for a platform identity, creating them (in {@code defaultZone}) when new.
     * A known participant's display name is kept current. Someone who left stays left: callers refuse to pair them.
     */
    @Transactional
    public Registration ensure(ChatUser user, ZoneId defaultZone) {
        Optional<Participant> found = participants.findByPlatformAndWorkspaceIdAndPlatformUserId(
                user.platform(), user.workspaceId(), user.userId());
        if (found.isPresent()) {
            Participant p = found.get();
            if (!user.displayName().equals(user.userId()) && !user.displayName().equals(p.displayName)) {
                p.displayName = user.displayName();
            }
            return new Registration(ParticipantView.of(p), false);
        }
        Participant p = participants.saveAndFlush(new Participant(
                user.platform(),
                user.workspaceId(),
                user.userId(),
                user.displayName(),
                defaultZone.getId(),
                clock.instant()));
        return new Registration(ParticipantView.of(p), true);
    }

    public Optional<ParticipantView> find(long id) {
        return participants.findById(id).map(ParticipantView::of);
    }

    public Optional<ParticipantView> find(ChatUser user) {
        return participants
                .findByPlatformAndWorkspaceIdAndPlatformUserId(user.platform(), user.workspaceId(), user.userId())
                .map(ParticipantView::of);
    }

    /** Updates the name shown for someone (adapters call this when the platform reports a change). */
    @Transactional
    public void rename(long participantId, String displayName) {
        if (displayName != null && !displayName.isBlank()) {
            participants.findById(participantId).orElseThrow().displayName = displayName.strip();
        }
    }

    @Transactional
    public ParticipantView setTimeZone(long participantId, ZoneId zone) {
        Participant p = participants.findById(participantId).orElseThrow();
        p.timeZone = zone.getId();
        participants.flush();
        planner.replanParticipant(participantId);
        return ParticipantView.of(p);
    }

    @Transactional
    public ParticipantView setQuietHours(long participantId, QuietHours quiet) {
        Participant p = participants.findById(participantId).orElseThrow();
        p.quietStart = quiet == null ? null : quiet.start();
        p.quietEnd = quiet == null ? null : quiet.end();
        participants.flush();
        planner.replanParticipant(participantId);
        return ParticipantView.of(p);
    }

    /** Pauses every check-in and reminder to this person up to and including {@code until} (their local date). */
    @Transactional
    public ParticipantView pause(long participantId, LocalDate until) {
        Participant p = participants.findById(participantId).orElseThrow();
        LocalDate today = clock.instant().atZone(ZoneId.of(p.timeZone)).toLocalDate();
        if (until.isBefore(today)) {
            throw new IllegalArgumentException("The pause must end today or later; " + until + " has passed.");
        }
        if (until.isAfter(today.plusYears(1))) {
            throw new IllegalArgumentException("A pause can last up to a year; for longer, leave the programme.");
        }
        p.pausedUntil = until;
        return ParticipantView.of(p);
    }

    @Transactional
    public ParticipantView resume(long participantId) {
        Participant p = participants.findById(participantId).orElseThrow();
        p.pausedUntil = null;
        return ParticipantView.of(p);
    }

    /** Enqueues the welcome message for someone new to a programme (once per programme). */
    public void welcome(ParticipantView participant, String programmeName, long programmeId, String roleDescription) {
        String text = "*Welcome to " + programmeName + ", " + participant.displayName()
                + "!* I'm Rapport, the programme's check-in bot. "
                + roleDescription + "\n\n"
                + "*Who sees what:* your answers are never shown to the other person in your pair. Coordinators see scores and trends,"
                + " and a comment only when you tick \"share with coordinator\".\n"
                + "*Your time:* I write on the programme's check-in day in your time zone ("
                + participant.zone().getId()
                + "); change it with `/rapport timezone Europe/Lisbon`.\n"
                + "*Pause or leave:* `/rapport pause 2026-12-31` pauses everything until that date; `/rapport leave` stops all messages"
                + " and tells the coordinators. `/rapport help` shows everything you can do.";
        outbox.enqueue(
                OutboxMessage.text(null, participant.id(), OutboxKind.WELCOME, "programme:" + programmeId, text, null));
    }

    /** Tells someone they have just been made a coordinator, and where to start. Sent once per programme. */
    public void tellCoordinatorRole(ParticipantView participant, String programmeName, String addedBy) {
        String text = "*You are now a coordinator of " + programmeName + "* (added by " + addedBy + ")."
                + " You'll get an alert, with its reasons, when a pair is at risk. Start with `/rapport health`;"
                + " `/rapport help` lists everything you can do. Mentors' and mentees' answers are confidential:"
                + " you see scores and trends, and a comment only when its author shares it.";
        outbox.enqueue(OutboxMessage.text(
                null, participant.id(), OutboxKind.NOTICE, "coordinator:" + programmeName, text, null));
    }

    /**
     * Leaves every programme: ends the person's pairs, cancels everything queued for them and tells each
     * affected programme's coordinators. Returns the number of pairs ended.
     */
    @Transactional
    public int leave(long participantId) {
        Participant p = participants.findById(participantId).orElseThrow();
        if (p.leftAt != null) {
            return 0;
        }
        p.leftAt = clock.instant();
        participants.flush();
        LocalDate today = clock.instant().atZone(ZoneId.of(p.timeZone)).toLocalDate();
        List<Map<String, Object>> pairs = jdbc.queryForList(
                "select id, programme_id from pair where status <> 'ENDED' and (mentor_id = ? or mentee_id = ?)",
                participantId,
                participantId);
        for (Map<String, Object> pair : pairs) {
            long pairId = ((Number) pair.get("id")).longValue();
            jdbc.update("update pair set status = 'ENDED', ended_on = ? where id = ?", today, pairId);
            planner.retirePair(pairId);
        }
        outbox.cancelAllFor(participantId);
        List<Long> programmes = jdbc.queryForList("""
                select distinct programme_id from pair where mentor_id = ? or mentee_id = ?
                union select programme_id from coordinator where participant_id = ?""", Long.class, participantId, participantId, participantId);
        for (Long programmeId : programmes) {
            String name = jdbc.queryForObject("select name from programme where id = ?", String.class, programmeId);
            List<Long> coordinators = jdbc.queryForList(
                    "select participant_id from coordinator where programme_id = ? and participant_id <> ?",
                    Long.class,
                    programmeId,
                    participantId);
            String text = p.displayName + " has left " + name
                    + " through `/rapport leave`. Rapport will not message them again"
                    + (pairs.isEmpty()
                            ? "."
                            : ", and their pairs have ended. Their past answers stay in the programme's records.");
            for (Long coordinator : coordinators) {
                outbox.enqueue(OutboxMessage.text(
                        null, coordinator, OutboxKind.NOTICE, "left:" + participantId + ":" + programmeId, text, null));
            }
        }
        jdbc.update("delete from coordinator where participant_id = ?", participantId);
        return pairs.size();
    }
}
