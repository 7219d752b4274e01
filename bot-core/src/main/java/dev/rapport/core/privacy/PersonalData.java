package dev.rapport.core.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.participant.ParticipantLanguages;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.participant.ParticipantView;
import dev.rapport.core.secrets.SecretField;
import dev.rapport.core.secrets.Secrets;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A copy of everything Rapport stores about one person, as JSON (structured and machine-readable, so it can be read,
 * kept or taken elsewhere): their profiles, the programmes they coordinate, their pairs with their own check-ins,
 * answers and comments, the meetings of those pairs (with the notes they wrote themselves), and the messages
 * Rapport sent them. Never the partner's answers or comments: those are the partner's.
 *
 * <p>Rows are copied column by column ({@code select *}), so a column added to these tables later is included
 * without anyone having to remember this class.
 */
@Service
public class PersonalData {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final JdbcTemplate jdbc;
    private final ParticipantService participants;
    private final Clock clock;
    private final Secrets secrets;
    private final ParticipantLanguages languages;

    PersonalData(
            JdbcTemplate jdbc,
            ParticipantService participants,
            Clock clock,
            Secrets secrets,
            ParticipantLanguages languages) {
        this.jdbc = jdbc;
        this.participants = participants;
        this.languages = languages;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** The person's data as a JSON document, or empty when Rapport stores nothing about them. */
    @Transactional(readOnly = true)
    public Optional<byte[]> copyFor(ChatUser user) {
        List<ParticipantView> found = participants.findEverywhere(user);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Long[] ids = found.stream().map(ParticipantView::id).toArray(Long[]::new);
        Map<String, Object> copy = new LinkedHashMap<>();
        // The file's keys and values are data (a stable format); the one sentence in it is in the person's language.
        copy.put(
                "about",
                Catalogue.standard().text(languages.languageOf(found.getFirst().id()), "mydata.about"));
        copy.put("generatedAt", clock.instant().toString());
        copy.put("profiles", rows("select * from participant where id = any(?) order by id", (Object) ids));
        copy.put("coordinates", rows("""
                select g.name as programme, g.platform, g.workspace_id, c.added_at
                from coordinator c join programme g on g.id = c.programme_id
                where c.participant_id = any(?) order by c.added_at""", (Object) ids));
        copy.put("pairs", pairs(ids));
        copy.put("messages", rows("""
                select id, kind, period, status, created_at, sent_at, attempts, payload as text
                from outbox where recipient_id = any(?) order by id""", (Object) ids));
        try {
            return Optional.of(JSON.writeValueAsBytes(copy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a personal data copy as JSON", e);
        }
    }

    private List<Map<String, Object>> pairs(Long[] ids) {
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (Map<String, Object> pair : rows("""
                select p.id, g.name as programme,
                       case when p.mentor_id = any(?) then 'MENTOR' else 'MENTEE' end as your_role,
                       partner.display_name as partner, p.started_on, p.ended_on, p.status, p.paused_until, p.created_at
                from pair p join programme g on g.id = p.programme_id
                join participant partner on partner.id = case when p.mentor_id = any(?) then p.mentee_id
                                                              else p.mentor_id end
                where p.mentor_id = any(?) or p.mentee_id = any(?)
                order by p.id""", ids, ids, ids, ids)) {
            long pairId = ((Number) pair.get("id")).longValue();
            List<Map<String, Object>> checkIns = rows(
                    "select * from check_in where pair_id = ? and participant_id = any(?) order by period",
                    pairId,
                    ids);
            for (Map<String, Object> checkIn : checkIns) {
                // Stored sealed (secrets at rest); the person gets their own words back.
                checkIn.put("comment", secrets.open(SecretField.CHECK_IN_COMMENT, checkIn.get("id"), (String)
                        checkIn.get("comment")));
                checkIn.put(
                        "answers",
                        rows(
                                "select question_id, bank_version, dimension, score, answered_at from answer"
                                        + " where check_in_id = ? order by question_id",
                                ((Number) checkIn.get("id")).longValue()));
            }
            pair.put("checkIns", checkIns);
            List<Map<String, Object>> meetings = rows("""
                    select id, held_on, created_at, logged_by = any(?) as logged_by_you,
                           case when logged_by = any(?) then note end as note
                    from meeting where pair_id = ? order by held_on""", ids, ids, pairId);
            for (Map<String, Object> meeting : meetings) {
                meeting.put("note", secrets.open(SecretField.MEETING_NOTE, meeting.get("id"), (String)
                        meeting.get("note")));
            }
            pair.put("meetings", meetings);
            pairs.add(pair);
        }
        return pairs;
    }

    private List<Map<String, Object>> rows(String sql, Object... args) {
        List<Map<String, Object>> rows = jdbc.queryForList(sql, args);
        List<Map<String, Object>> plain = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new LinkedHashMap<>();
            row.forEach((column, value) -> copy.put(column, plain(value)));
            plain.add(copy);
        }
        return plain;
    }

    /** A value as JSON shows it plainly: numbers, booleans and text as they are, everything else as text. */
    private static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case Number n -> n;
            case Boolean b -> b;
            case String s -> s;
            case Timestamp t -> t.toInstant().toString();
            case OffsetDateTime t -> t.toInstant().toString();
            case Instant i -> i.toString();
            case Array a -> {
                try {
                    yield a.getArray();
                } catch (SQLException e) {
                    yield a.toString();
                }
            }
            default -> value.toString();
        };
    }
}
