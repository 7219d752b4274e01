package dev.rapport.core.privacy;

import dev.rapport.core.database.SqlTime;
import dev.rapport.core.i18n.Text;
import dev.rapport.core.outbox.Outbox;
import dev.rapport.core.outbox.OutboxKind;
import dev.rapport.core.outbox.OutboxMessage;
import dev.rapport.core.pair.PairEnded;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasing a person: at their own request, everywhere; or by a coordinator, from one programme.
 *
 * <p>What goes: the person's check-ins with their answers and comments (answers are deleted, not kept "anonymised": in
 * a pair of two, anyone who knows the partner knows whose answers they were), the notes of their pairs' meetings, every
 * message addressed to them, the text of every message about their pairs or naming them, and their coordinator roles.
 * Their open pairs end, and the partner and the programme's coordinators are told in neutral words that name nobody.
 *
 * <p>When nothing of the person is left anywhere else, their profile becomes an anonymous shell (no name, no platform
 * id, no time zone): the partner's own answers in the ended pair stay theirs and keep a pair to belong to.
 */
@Service
public class Erasure {

    /** The display name of an erased person's shell, which the partner's history shows. */
    public static final String ERASED_NAME = "Erased participant";

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Erasure(JdbcTemplate jdbc, Outbox outbox, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What an erasure did.
     *
     * @param pairsEnded pairs that were open and have ended
     * @param profileErased whether the person's profile itself was erased (nothing of them was left elsewhere)
     */
    public record Result(int pairsEnded, boolean profileErased) {}

    /** Erases everything about the people {@code participantIds} (one person, as each server knows them). */
    @Transactional
    public Result erasePerson(List<Long> participantIds) {
        return erase(participantIds, null);
    }

    /**
     * Erases a person from {@code programmeId}: their pairs there and everything about those pairs that is theirs, and
     * their coordination of it. If they take part in nothing else, their profile is erased as well.
     */
    @Transactional
    public Result eraseFromProgramme(long participantId, long programmeId) {
        return erase(List.of(participantId), programmeId);
    }

    /** Whether the participant is in a pair of the programme (open or ended) or coordinates it. */
    public boolean takesPart(long participantId, long programmeId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                """
                select exists (select 1 from pair where programme_id = ? and (mentor_id = ? or mentee_id = ?))
                    or exists (select 1 from coordinator where programme_id = ? and participant_id = ?)""", Boolean.class, programmeId, participantId, participantId, programmeId, participantId));
    }

    private Result erase(List<Long> people, Long programmeId) {
        Long[] ids = people.toArray(Long[]::new);
        Instant now = clock.instant();
        List<Map<String, Object>> pairs = jdbc.queryForList("""
                select p.id, p.programme_id, p.status, g.name as programme, g.time_zone,
                       case when p.mentor_id = any(?) then p.mentee_id else p.mentor_id end as partner_id
                from pair p join programme g on g.id = p.programme_id
                where (p.mentor_id = any(?) or p.mentee_id = any(?)) and (?::bigint is null or p.programme_id = ?)
                order by p.id""", ids, ids, ids, programmeId, programmeId);
        Long[] pairIds =
                pairs.stream().map(p -> ((Number) p.get("id")).longValue()).toArray(Long[]::new);
        List<String> names = jdbc.queryForList(
                "select distinct display_name from participant where id = any(?)", String.class, (Object) ids);
        List<String> userIds = jdbc.queryForList(
                "select distinct platform_user_id from participant where id = any(?)", String.class, (Object) ids);

        // A person who takes part in another programme keeps their profile and what is theirs there; anyone else is
        // erased whole, and so is every message that names them.
        boolean elsewhere = programmeId != null
                && Boolean.TRUE.equals(
                        jdbc.queryForObject("""
                        select exists (select 1 from pair where (mentor_id = any(?) or mentee_id = any(?))
                                                          and programme_id <> ?)
                            or exists (select 1 from coordinator where participant_id = any(?) and programme_id <> ?)""", Boolean.class, ids, ids, programmeId, ids, programmeId));

        int ended = endPairs(pairs, now);
        jdbc.update("delete from check_in where pair_id = any(?) and participant_id = any(?)", pairIds, ids);
        jdbc.update("update meeting set note = null where pair_id = any(?)", (Object) pairIds);
        // Coordinators' notes on the person's pairs may name them or say what happened to them; the pairs' health and
        // its history quote scores computed from their answers, which go.
        jdbc.update("delete from coordinator_note where pair_id = any(?)", (Object) pairIds);
        jdbc.update("delete from pair_state_change where pair_id = any(?)", (Object) pairIds);
        jdbc.update("delete from pair_health where pair_id = any(?)", (Object) pairIds);
        forgetMessages(
                ids,
                pairIds,
                elsewhere
                        ? List.of()
                        : Stream.concat(names.stream(), userIds.stream()).toList(),
                elsewhere);
        jdbc.update(
                "delete from coordinator where participant_id = any(?) and (?::bigint is null or programme_id = ?)",
                ids,
                programmeId,
                programmeId);
        if (!elsewhere) {
            eraseProfiles(ids, userIds, now);
        }
        tell(pairs, ids, now);
        return new Result(ended, !elsewhere);
    }

    private int endPairs(List<Map<String, Object>> pairs, Instant now) {
        int ended = 0;
        for (Map<String, Object> pair : pairs) {
            if ("ENDED".equals(pair.get("status"))) {
                continue;
            }
            long id = ((Number) pair.get("id")).longValue();
            LocalDate today =
                    now.atZone(ZoneId.of((String) pair.get("time_zone"))).toLocalDate();
            jdbc.update("update pair set status = 'ENDED', ended_on = ?, paused_until = null where id = ?", today, id);
            events.publishEvent(new PairEnded(id));
            ended++;
        }
        return ended;
    }

    /**
     * Messages: those to the person are deleted (only those about {@code pairIds} when {@code onlyThesePairs}: the person
     * stays elsewhere); of those about these pairs or naming the person (any of {@code mentions}, matched as whole words), the
     * ones still to be sent are deleted and the text of the others erased (the rows stay, so they are never sent
     * again).
     */
    private void forgetMessages(Long[] people, Long[] pairIds, List<String> mentions, boolean onlyThesePairs) {
        String[] regexes =
                mentions.stream().map(m -> "\\m" + regexQuote(m) + "\\M").toArray(String[]::new);
        jdbc.update(
                "delete from outbox where recipient_id = any(?) and (not ? or pair_id = any(?))",
                people,
                onlyThesePairs,
                pairIds);
        String about = " and (pair_id = any(?) or exists (select 1 from unnest(?::text[]) r where payload ~* r))";
        jdbc.update("delete from outbox where status in ('PENDING', 'CLAIMED')" + about, pairIds, regexes);
        jdbc.update("update outbox set payload = null where payload is not null" + about, pairIds, regexes);
    }

    /** Each person's profile becomes a shell with no name, platform id or settings of theirs. */
    private void eraseProfiles(Long[] ids, List<String> userIds, Instant now) {
        jdbc.update("""
                update participant set display_name = ?, platform_user_id = 'erased-' || id, time_zone = 'UTC',
                       time_zone_source = 'DEFAULT', quiet_start = null, quiet_end = null, paused_until = null,
                       language = null, platform_locale = null, research_consent = false, research_consent_at = null,
                       left_at = coalesce(left_at, ?), unreachable_since = ?, profile_checked_at = ?
                where id = any(?)""", ERASED_NAME, SqlTime.of(now), SqlTime.of(now), SqlTime.of(now), ids);
        jdbc.update("update installation set installer_user_id = null where installer_user_id = any(?)", (Object)
                userIds.toArray(String[]::new));
    }

    /** The partners of ended pairs and the programmes' coordinators are told, in words that name nobody. */
    private void tell(List<Map<String, Object>> pairs, Long[] people, Instant now) {
        Set<Long> programmes = new LinkedHashSet<>();
        for (Map<String, Object> pair : pairs) {
            long programme = ((Number) pair.get("programme_id")).longValue();
            programmes.add(programme);
            if ("ENDED".equals(pair.get("status"))) {
                continue;
            }
            long pairId = ((Number) pair.get("id")).longValue();
            outbox.enqueue(OutboxMessage.of(
                    pairId,
                    ((Number) pair.get("partner_id")).longValue(),
                    OutboxKind.NOTICE,
                    "pair-ended:" + pairId,
                    Text.of("notice.erased.partner", "programme", pair.get("programme")),
                    null));
        }
        for (Long programme : programmes) {
            String name = jdbc.queryForObject("select name from programme where id = ?", String.class, programme);
            List<String> ended = pairs.stream()
                    .filter(p -> ((Number) p.get("programme_id")).longValue() == programme)
                    .map(p -> "#" + p.get("id"))
                    .toList();
            List<Long> coordinators = jdbc.queryForList(
                    "select participant_id from coordinator where programme_id = ? and participant_id <> all(?)",
                    Long.class,
                    programme,
                    people);
            for (Long coordinator : coordinators) {
                outbox.enqueue(OutboxMessage.of(
                        null,
                        coordinator,
                        OutboxKind.NOTICE,
                        "erased:" + people[0] + ":" + programme,
                        Text.of("notice.erased.coordinator", "programme", name, "pairs", String.join(", ", ended)),
                        null));
            }
        }
    }

    /** {@code text} as a PostgreSQL regular expression that matches it literally. */
    private static String regexQuote(String text) {
        return text.replaceAll("([\\\\.^$|?*+()\\[\\]{}-])", "\\\\$1");
    }
}
