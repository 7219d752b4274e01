package dev.rapport.core.participant;

import dev.rapport.core.calendar.QuietHours;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.i18n.Text;
import dev.rapport.core.i18n.TextException;
import dev.rapport.core.outbox.Outbox;
import dev.rapport.core.outbox.OutboxKind;
import dev.rapport.core.outbox.OutboxMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Knowing people: registering them, their time zone, quiet hours, pauses, and leaving. */
@Service
public class ParticipantService {

    private final ParticipantRepository participants;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Outbox outbox;
    private final Clock clock;

    ParticipantService(
            ParticipantRepository participants,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Outbox outbox,
            Clock clock) {
        this.participants = participants;
        this.jdbc = jdbc;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What {@link #ensure} found or made. */
    public record Registration(ParticipantView participant, boolean created) {}

    /**
     * Returns the participant for a platform identity, creating them (in {@code defaultZone}) when new, named as
     * {@code user} says until the platform's profile is read. A known participant's name is left as it is: only the
     * platform renames people ({@link #actorNamed}, {@link #profileRead}, {@link #profileChanged}). Someone who left stays left: callers refuse to pair them.
     */
    @Transactional
    public Registration ensure(ChatUser user, ZoneId defaultZone) {
        return ensure(user, defaultZone, TimeZoneSource.DEFAULT);
    }

    /**
     * As {@link #ensure(ChatUser, ZoneId)}, saying where a new participant's zone comes from: a zone a coordinator
     * wrote into an import is {@link TimeZoneSource#CHOSEN}, so the platform's profile does not override it.
     */
    @Transactional
    public Registration ensure(ChatUser user, ZoneId zone, TimeZoneSource source) {
        Optional<Participant> found = participants.findByPlatformAndWorkspaceIdAndPlatformUserId(
                user.platform(), user.workspaceId(), user.userId());
        if (found.isPresent()) {
            // A known person keeps the name the platform gave them: the name here may come from whoever typed the
            // command or wrote the import file, never a source of someone else's name.
            return new Registration(ParticipantView.of(found.get()), false);
        }
        Participant p = participants.saveAndFlush(new Participant(
                user.platform(), user.workspaceId(), user.userId(), user.displayName(), zone.getId(), clock.instant()));
        p.timeZoneSource = source;
        return new Registration(ParticipantView.of(p), true);
    }

    public Optional<ParticipantView> find(long id) {
        return participants.findById(id).map(ParticipantView::of);
    }

    /**
     * Everyone Rapport knows as this person: one participant, or on a platform whose user ids are global (Discord) one
     * per server they take part in, which is how a tap in a direct message (no server) is matched.
     */
    public List<ParticipantView> findEverywhere(ChatUser user) {
        if (!user.platform().userIdsAreGlobal()) {
            return find(user).map(List::of).orElse(List.of());
        }
        return participants.findByPlatformAndPlatformUserIdOrderById(user.platform(), user.userId()).stream()
                .map(ParticipantView::of)
                .toList();
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

    /** Sets the zone the person chose ({@code /rapport timezone}, the onboarding form); the platform never overrides it. */
    @Transactional
    public ParticipantView setTimeZone(long participantId, ZoneId zone) {
        Participant p = participants.findById(participantId).orElseThrow();
        p.timeZone = zone.getId();
        p.timeZoneSource = TimeZoneSource.CHOSEN;
        participants.flush();
        events.publishEvent(new ParticipantTimeChanged(participantId));
        return ParticipantView.of(p);
    }

    /**
     * Records what the platform's profile says about someone: their display name, and their time zone unless they
     * chose one themselves. Replans their check-ins when the zone moves. Marks the profile as read.
     *
     * @param zone the platform's zone for them, or null when the platform does not say
     * @return the participant after the change
     */
    @Transactional
    public ParticipantView profileRead(long participantId, String displayName, ZoneId zone) {
        return profileRead(participantId, displayName, zone, null);
    }

    /**
     * As {@link #profileRead(long, String, ZoneId)}, with the locale the platform reports for them (Slack's
     * {@code users.info} {@code locale}), kept as their platform locale; null changes nothing.
     */
    @Transactional
    public ParticipantView profileRead(long participantId, String displayName, ZoneId zone, String locale) {
        if (locale != null && !locale.isBlank() && locale.length() <= 35) {
            jdbc.update(
                    "update participant set platform_locale = ? where id = ? and platform_locale is distinct from ?",
                    locale.strip(),
                    participantId,
                    locale.strip());
        }
        Participant p = participants.findById(participantId).orElseThrow();
        if (displayName != null
                && !displayName.isBlank()
                && !displayName.strip().equals(p.displayName)) {
            p.displayName = displayName.strip();
        }
        boolean moved = false;
        if (zone != null && p.timeZoneSource != TimeZoneSource.CHOSEN) {
            moved = !zone.getId().equals(p.timeZone);
            p.timeZone = zone.getId();
            p.timeZoneSource = TimeZoneSource.PLATFORM;
        }
        p.profileCheckedAt = clock.instant();
        participants.flush();
        if (moved) {
            events.publishEvent(new ParticipantTimeChanged(participantId));
        }
        return ParticipantView.of(p);
    }

    /**
     * The platform reported a change to someone's profile (Slack's {@code user_change}): applied when Rapport knows
     * them, ignored otherwise.
     */
    @Transactional
    public Optional<ParticipantView> profileChanged(ChatUser user, ZoneId zone) {
        return participants
                .findByPlatformAndWorkspaceIdAndPlatformUserId(user.platform(), user.workspaceId(), user.userId())
                .map(p ->
                        profileRead(p.id, user.displayName().equals(user.userId()) ? null : user.displayName(), zone));
    }

    /** People on these platforms whose profile has not been read yet, oldest first; at most {@code limit}. */
    public List<ParticipantView> withUnreadProfiles(Collection<Platform> platforms, int limit) {
        if (platforms.isEmpty()) {
            return List.of();
        }
        return participants
                .findByProfileCheckedAtIsNullAndLeftAtIsNullAndPlatformInOrderById(platforms, Limit.of(limit))
                .stream()
                .map(ParticipantView::of)
                .toList();
    }

    /**
     * The name the platform gave the person acting in a command, kept if Rapport knows them: the adapter read it from
     * the platform for this request. A name the adapter did not have (it stands in with the user id) changes nothing.
     */
    @Transactional
    public void actorNamed(ChatUser actor) {
        if (actor.displayName().equals(actor.userId())) {
            return;
        }
        jdbc.update(
                "update participant set display_name = ? where platform = ? and workspace_id = ? and platform_user_id = ?"
                        + " and display_name <> ?",
                actor.displayName(),
                actor.platform().name(),
                actor.workspaceId(),
                actor.userId(),
                actor.displayName());
    }

    /**
     * Someone who was unreachable has just used Rapport (run a command), so they can be messaged again: clears the
     * mark. Returns whether they had been marked.
     */
    @Transactional
    public boolean markReachable(ChatUser user) {
        if (user.platform().userIdsAreGlobal()) {
            return jdbc.update(
                            "update participant set unreachable_since = null where platform = ? and platform_user_id = ?"
                                    + " and unreachable_since is not null",
                            user.platform().name(),
                            user.userId())
                    > 0;
        }
        return jdbc.update(
                        "update participant set unreachable_since = null where platform = ? and workspace_id = ?"
                                + " and platform_user_id = ? and unreachable_since is not null",
                        user.platform().name(),
                        user.workspaceId(),
                        user.userId())
                > 0;
    }

    /**
     * Asks someone for their time zone, once: for people on a platform that does not tell (Discord), whose zone is
     * still the programme's assumption.
     */
    public void askTimeZone(ParticipantView participant) {
        Text text = Text.of(
                "timezone.question.body",
                "name",
                participant.displayName(),
                "zone",
                participant.zone().getId());
        outbox.enqueue(
                OutboxMessage.of(null, participant.id(), OutboxKind.TIME_ZONE_QUESTION, "onboarding", text, null));
    }

    @Transactional
    public ParticipantView setQuietHours(long participantId, QuietHours quiet) {
        Participant p = participants.findById(participantId).orElseThrow();
        p.quietStart = quiet == null ? null : quiet.start();
        p.quietEnd = quiet == null ? null : quiet.end();
        participants.flush();
        events.publishEvent(new ParticipantTimeChanged(participantId));
        return ParticipantView.of(p);
    }

    /** Pauses every check-in and reminder to this person up to and including {@code until} (their local date). */
    @Transactional
    public ParticipantView pause(long participantId, LocalDate until) {
        Participant p = participants.findById(participantId).orElseThrow();
        LocalDate today = clock.instant().atZone(ZoneId.of(p.timeZone)).toLocalDate();
        if (until.isBefore(today)) {
            throw TextException.of("pause.error.past", "date", until.toString());
        }
        if (until.isAfter(today.plusYears(1))) {
            throw TextException.of("pause.error.too-long");
        }
        p.pausedUntil = until;
        events.publishEvent(new ParticipantPaused(participantId, until));
        return ParticipantView.of(p);
    }

    /**
     * Undoes {@link #leave}: Rapport may message the person again and coordinators may pair them again (their ended
     * pairs stay ended). Returns false when they had not left.
     */
    @Transactional
    public boolean rejoin(long participantId) {
        Participant p = participants.findById(participantId).orElseThrow();
        if (p.leftAt == null) {
            return false;
        }
        p.leftAt = null;
        p.unreachableSince = null;
        participants.flush();
        events.publishEvent(new ParticipantRejoined(participantId));
        return true;
    }

    @Transactional
    public ParticipantView resume(long participantId) {
        Participant p = participants.findById(participantId).orElseThrow();
        p.pausedUntil = null;
        return ParticipantView.of(p);
    }

    /** Enqueues the welcome message for someone new to a programme (once per programme). */
    public void welcome(ParticipantView participant, String programmeName, long programmeId, Text roleDescription) {
        Text text = Text.of(
                "welcome.body", "programme", programmeName, "name", participant.displayName(), "role", roleDescription);
        outbox.enqueue(
                OutboxMessage.of(null, participant.id(), OutboxKind.WELCOME, "programme:" + programmeId, text, null));
    }

    /** Tells someone they have just been made a coordinator, and where to start. Sent once per programme. */
    public void tellCoordinatorRole(ParticipantView participant, String programmeName, String addedBy) {
        Text text = Text.of("notice.coordinator-added", "programme", programmeName, "addedBy", addedBy);
        outbox.enqueue(OutboxMessage.of(
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
        List<Long> ended = new ArrayList<>();
        for (Map<String, Object> pair : pairs) {
            long pairId = ((Number) pair.get("id")).longValue();
            jdbc.update("update pair set status = 'ENDED', ended_on = ? where id = ?", today, pairId);
            ended.add(pairId);
        }
        events.publishEvent(new ParticipantLeft(participantId, ended));
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
            Text text =
                    Text.of("notice.left.coordinator", "name", p.displayName, "programme", name, "pairs", pairs.size());
            for (Long coordinator : coordinators) {
                outbox.enqueue(OutboxMessage.of(
                        null, coordinator, OutboxKind.NOTICE, "left:" + participantId + ":" + programmeId, text, null));
            }
        }
        jdbc.update("delete from coordinator where participant_id = ?", participantId);
        return pairs.size();
    }
}
