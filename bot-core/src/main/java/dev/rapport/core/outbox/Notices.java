package dev.rapport.core.outbox;

import dev.rapport.core.i18n.Text;
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
        Text text = Text.of("notice.undeliverable.coordinator", "name", recipientName);
        for (Long coordinator : coordinators) {
            outbox.enqueue(OutboxMessage.of(
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
        Text text = Text.of("notice.unreachable.coordinator", "name", recipientName);
        for (Long programmeId : programmes) {
            for (Long coordinator : jdbc.queryForList(
                    "select participant_id from coordinator where programme_id = ? and participant_id <> ?",
                    Long.class,
                    programmeId,
                    recipientId)) {
                outbox.enqueue(OutboxMessage.of(
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
