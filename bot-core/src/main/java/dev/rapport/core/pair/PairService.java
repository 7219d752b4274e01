package dev.rapport.core.pair;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.i18n.Text;
import dev.rapport.core.i18n.TextException;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.participant.ParticipantView;
import dev.rapport.core.participant.TimeZoneSource;
import dev.rapport.core.programme.ProgrammeView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adding, pausing and ending pairs. Callers check authorisation; this class keeps the pairs consistent. */
@Service
public class PairService {

    private final PairRepository pairs;
    private final ParticipantService participants;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    PairService(
            PairRepository pairs,
            ParticipantService participants,
            ApplicationEventPublisher events,
            Clock clock,
            JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.pairs = pairs;
        this.participants = participants;
        this.events = events;
        this.clock = clock;
    }

    /** A person to pair, as named by a coordinator: platform identity and, when known, their time zone. */
    public record Person(ChatUser user, ZoneId zone) {}

    /**
     * Adds a pair to a programme, registering and welcoming participants who are new, and schedules its
     * check-ins. Fails with a message fit for the coordinator when the pair cannot be added.
     */
    @Transactional
    public PairView add(ProgrammeView programme, Person mentor, Person mentee, LocalDate startsOn) {
        if (mentor.user().userId().equals(mentee.user().userId())) {
            throw TextException.of("pair.error.same-person");
        }
        ParticipantService.Registration mentorReg = register(mentor, programme);
        ParticipantService.Registration menteeReg = register(mentee, programme);
        for (ParticipantView p : List.of(mentorReg.participant(), menteeReg.participant())) {
            if (p.hasLeft()) {
                throw TextException.of("pair.error.left", "name", p.displayName());
            }
        }
        if (pairs.existsOpen(
                programme.id(),
                mentorReg.participant().id(),
                menteeReg.participant().id())) {
            throw TextException.of(
                    "pair.error.already-paired",
                    "mentor",
                    mentorReg.participant().displayName(),
                    "mentee",
                    menteeReg.participant().displayName(),
                    "programme",
                    programme.name());
        }
        LocalDate start = startsOn != null
                ? startsOn
                : clock.instant().atZone(programme.zone()).toLocalDate();
        Pair pair = pairs.saveAndFlush(new Pair(
                programme.id(),
                mentorReg.participant().id(),
                menteeReg.participant().id(),
                start,
                clock.instant()));
        events.publishEvent(new PairStarted(pair.id));
        participants.welcome(
                mentorReg.participant(),
                programme.name(),
                programme.id(),
                Text.of("welcome.role.mentor", "mentee", menteeReg.participant().displayName()));
        participants.welcome(
                menteeReg.participant(),
                programme.name(),
                programme.id(),
                Text.of("welcome.role.mentee", "mentor", mentorReg.participant().displayName()));
        return PairView.of(pair);
    }

    /** A zone the coordinator gave (an import's column) is the person's choice; otherwise the programme's is assumed. */
    private ParticipantService.Registration register(Person person, ProgrammeView programme) {
        return person.zone() == null
                ? participants.ensure(person.user(), programme.zone(), TimeZoneSource.DEFAULT)
                : participants.ensure(person.user(), person.zone(), TimeZoneSource.CHOSEN);
    }

    public Optional<PairView> find(long pairId) {
        return pairs.findById(pairId).map(PairView::of);
    }

    /** Pairs that have not ended, where the participant is mentor or mentee. */
    public List<PairView> openFor(long participantId) {
        return pairs.findOpenFor(participantId).stream().map(PairView::of).toList();
    }

    /** The names of both sides of a pair. */
    public record PairNames(String mentor, String mentee) {}

    /** The names of every pair of a programme, in one query (overviews list thousands of pairs). */
    public Map<Long, PairNames> namesIn(long programmeId) {
        Map<Long, PairNames> names = new HashMap<>();
        jdbc.query(
                """
                select p.id, mr.display_name as mentor, me.display_name as mentee from pair p
                join participant mr on mr.id = p.mentor_id join participant me on me.id = p.mentee_id
                where p.programme_id = ?""",
                rs -> {
                    names.put(rs.getLong("id"), new PairNames(rs.getString("mentor"), rs.getString("mentee")));
                },
                programmeId);
        return names;
    }

    public List<PairView> openIn(long programmeId) {
        return pairs.findOpenIn(programmeId).stream().map(PairView::of).toList();
    }

    @Transactional
    public PairView end(long pairId) {
        Pair p = pairs.findById(pairId).orElseThrow();
        if (!"ENDED".equals(p.status)) {
            p.status = "ENDED";
            p.endedOn = clock.instant().atZone(programmeZone(p.programmeId)).toLocalDate();
            events.publishEvent(new PairEnded(pairId));
        }
        return PairView.of(p);
    }

    private ZoneId programmeZone(long programmeId) {
        return ZoneId.of(
                jdbc.queryForObject("select time_zone from programme where id = ?", String.class, programmeId));
    }

    /** Pauses a pair's check-ins and reminders up to and including {@code until}; {@code null} resumes it. */
    @Transactional
    public PairView pause(long pairId, LocalDate until) {
        Pair p = pairs.findById(pairId).orElseThrow();
        if (until != null
                && until.isBefore(
                        clock.instant().atZone(programmeZone(p.programmeId)).toLocalDate())) {
            throw TextException.of("pause.error.past", "date", until.toString());
        }
        p.pausedUntil = until;
        return PairView.of(p);
    }
}
