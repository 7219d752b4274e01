package dev.rapport.core.pair;

import dev.rapport.core.i18n.Text;
import dev.rapport.core.outbox.Outbox;
import dev.rapport.core.outbox.OutboxKind;
import dev.rapport.core.outbox.OutboxMessage;
import dev.rapport.core.participant.ParticipantLeft;
import dev.rapport.core.participant.ParticipantPaused;
import dev.rapport.core.participant.ParticipantRejoined;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the other side of a pair, and its coordinators, when one side leaves, pauses or comes back, in neutral words:
 * what changed and what it means for them, never why. Runs in the transaction of the change.
 */
@Component
class PairNotices {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    PairNotices(JdbcTemplate jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @EventListener
    void on(ParticipantLeft left) {
        if (left.endedPairIds().isEmpty()) {
            return;
        }
        for (Map<String, Object> pair : pairs(left.participantId(), "p.id = any(?)", (Object)
                left.endedPairIds().toArray(Long[]::new))) {
            tell(
                    pair,
                    ((Number) pair.get("partner_id")).longValue(),
                    "left:" + left.participantId(),
                    Text.of("notice.left.partner", "name", pair.get("name"), "programme", pair.get("programme")));
        }
    }

    @EventListener
    void on(ParticipantPaused paused) {
        for (Map<String, Object> pair : pairs(paused.participantId(), "p.status <> 'ENDED'")) {
            Object[] args = {"name", pair.get("name"), "programme", pair.get("programme"), "until", paused.until()};
            String period = "paused:" + paused.participantId() + ":" + paused.until();
            tell(pair, ((Number) pair.get("partner_id")).longValue(), period, Text.of("notice.paused.partner", args));
            for (Long coordinator : jdbc.queryForList(
                    "select participant_id from coordinator where programme_id = ? and participant_id <> ?",
                    Long.class,
                    pair.get("programme_id"),
                    pair.get("partner_id"))) {
                tell(
                        pair,
                        coordinator,
                        period,
                        Text.of("notice.paused.coordinator", args).with("pair", String.valueOf(pair.get("id"))));
            }
        }
    }

    @EventListener
    void on(ParticipantRejoined rejoined) {
        List<Map<String, Object>> programmes =
                jdbc.queryForList("""
                select distinct g.id, g.name as programme, me.display_name as name
                from pair p join programme g on g.id = p.programme_id join participant me on me.id = ?
                where p.mentor_id = ? or p.mentee_id = ?""", rejoined.participantId(), rejoined.participantId(), rejoined.participantId());
        for (Map<String, Object> programme : programmes) {
            for (Long coordinator : jdbc.queryForList(
                    "select participant_id from coordinator where programme_id = ?", Long.class, programme.get("id"))) {
                outbox.enqueue(OutboxMessage.of(
                        null,
                        coordinator,
                        OutboxKind.NOTICE,
                        "rejoined:" + rejoined.participantId() + ":" + programme.get("id"),
                        Text.of(
                                "notice.rejoined.coordinator",
                                "name",
                                programme.get("name"),
                                "programme",
                                programme.get("programme")),
                        null));
            }
        }
    }

    /** The person's pairs matching {@code where}, with the partner, the person's name and the programme. */
    private List<Map<String, Object>> pairs(long participantId, String where, Object... whereArgs) {
        String sql = """
                select p.id, p.programme_id, g.name as programme, me.display_name as name,
                       case when p.mentor_id = ? then p.mentee_id else p.mentor_id end as partner_id
                from pair p join programme g on g.id = p.programme_id join participant me on me.id = ?
                where (p.mentor_id = ? or p.mentee_id = ?)
                """ + " and " + where;
        List<Object> args = new ArrayList<>(List.of(participantId, participantId, participantId, participantId));
        args.addAll(List.of(whereArgs));
        return jdbc.queryForList(sql, args.toArray());
    }

    private void tell(Map<String, Object> pair, long recipient, String period, Text text) {
        outbox.enqueue(OutboxMessage.of(
                ((Number) pair.get("id")).longValue(), recipient, OutboxKind.NOTICE, period, text, null));
    }
}
