package dev.rapport.core.outbox;

import dev.rapport.core.database.SqlTime;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: every message leaves the core through here. Enqueueing the same (pair, kind, period,
 * recipient) twice stores one row; the dispatcher sends it.
 */
@Service
public class Outbox {

    static final String INSERT = """
            insert into outbox (pair_id, recipient_id, kind, period, check_in_id, payload, status, next_attempt_at, created_at)
            values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
            on conflict do nothing""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Outbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the message unless an identical one is already there; returns whether it was new. */
    @Transactional
    public boolean enqueue(OutboxMessage m) {
        java.time.OffsetDateTime now = SqlTime.of(clock.instant());
        return jdbc.update(
                        INSERT,
                        m.pairId(),
                        m.recipientId(),
                        m.kind().name(),
                        m.period(),
                        m.checkInId(),
                        m.payload(),
                        m.notBefore() == null ? now : SqlTime.of(m.notBefore()),
                        now)
                == 1;
    }

    /** Stores each message unless already there; returns how many were submitted (a batch cannot tell which were duplicates). */
    @Transactional
    public int enqueueAll(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return 0;
        }
        java.time.OffsetDateTime now = SqlTime.of(clock.instant());
        int[][] counts = jdbc.batchUpdate(INSERT, messages, 500, (ps, m) -> {
            ps.setObject(1, m.pairId());
            ps.setLong(2, m.recipientId());
            ps.setString(3, m.kind().name());
            ps.setString(4, m.period());
            ps.setObject(5, m.checkInId());
            ps.setString(6, m.payload());
            ps.setObject(7, m.notBefore() == null ? now : SqlTime.of(m.notBefore()));
            ps.setObject(8, now);
        });
        int inserted = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                // With rewritten batches the driver may report SUCCESS_NO_INFO (-2); count those as stored.
                inserted += c == java.sql.Statement.SUCCESS_NO_INFO ? 1 : c;
            }
        }
        return inserted;
    }

    /**
     * Cancels everything waiting for a participant (they left). Rows a worker is sending right now are left to it:
     * the dispatcher checks for leavers before each send, and a message that did go out stays recorded as sent.
     */
    @Transactional
    public int cancelAllFor(long recipientId) {
        return jdbc.update(
                "update outbox set status = 'CANCELLED' where recipient_id = ? and status = 'PENDING'", recipientId);
    }

    /** Messages waiting to be sent, for health checks and metrics. */
    public long depth() {
        Long n = jdbc.queryForObject("select count(*) from outbox where status in ('PENDING', 'CLAIMED')", Long.class);
        return n == null ? 0 : n;
    }
}
