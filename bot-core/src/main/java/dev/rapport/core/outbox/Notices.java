package dev.rapport.core.outbox;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What coordinators are told when a message cannot reach someone: once per person and cause, through the outbox like
 * any message. Only the recipient's own refusals are told; a platform outage is never a coordinator's business.
 */
@Component
class Notices {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    Notices(JdbcTemplate jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** A message about a pair that the platform refused for good is reported to the pair's coordinators once. */
    void undeliverable(OutboxRow row, String recipientName) {
        if (row.pairId() == null || row.kind() == OutboxKind.ALERT || row.kind() == OutboxKind.NOTICE) {
            return;
        }
        List<Long> coordinators = jdbc.queryForList(
                "select c.participant_id from coordinator c join pair p on p.programme_id = c.programme_id where p.id = ?",
                Long.class,
                row.pairId());
        String text = "Rapport could not deliver a message to " + recipientName
                + ": the platform refused it, or kept failing until Rapport gave up (for example, they do not accept direct"
                + " messages)."
                + " Please ask them to allow direct messages from the Rapport app, or contact them another way.";
        for (Long coordinator : coordinators) {
            outbox.enqueue(OutboxMessage.text(
                    row.pairId(), coordinator, OutboxKind.NOTICE, "undeliverable:" + row.recipientId(), text, null));
        }
    }

    /**
     * Someone the platform says cannot be messaged at all: their coordinators are told once per episode (until the
     * person uses Rapport again and is marked reachable), with what to do about it.
     */
    void unreachable(long recipientId, String recipientName) {
        // The episode is named by the participant's unreachable_since, which only the first worker to hear the
        // refusal sets: two workers hearing it at once enqueue the same notice, and the outbox keeps one.
        OffsetDateTime since = jdbc.queryForObject(
                "select unreachable_since from participant where id = ?", OffsetDateTime.class, recipientId);
        List<Long> programmes = jdbc.queryForList("""
                select distinct programme_id from pair where (mentor_id = ? or mentee_id = ?) and status <> 'ENDED'
                """, Long.class, recipientId, recipientId);
        String text = "Rapport cannot send direct messages to " + recipientName
                + ": the platform refused them (their direct messages are closed, or their account is deactivated)."
                + " Rapport will not try again until they use Rapport themselves. Please ask them to allow direct"
                + " messages from the Rapport app (on Discord: the server's privacy settings, \"Direct Messages\"),"
                + " then to run `/rapport me`.";
        for (Long programmeId : programmes) {
            for (Long coordinator : jdbc.queryForList(
                    "select participant_id from coordinator where programme_id = ? and participant_id <> ?",
                    Long.class,
                    programmeId,
                    recipientId)) {
                outbox.enqueue(OutboxMessage.text(
                        null,
                        coordinator,
                        OutboxKind.NOTICE,
                        "unreachable:" + recipientId + ":" + (since == null ? 0 : since.toEpochSecond()),
                        text,
                        null));
            }
        }
    }
}
