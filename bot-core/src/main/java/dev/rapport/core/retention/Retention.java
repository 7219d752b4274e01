package dev.rapport.core.retention;

import dev.rapport.core.database.SqlTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the retention limits ({@link RetentionProperties}): erases the text of messages that are done with, forgets
 * handled platform event ids, and erases ended pairs once their programme's limit has passed. Each kind is removed in
 * bounded batches, each its own short transaction, so a first run on a large database never holds long locks.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** Rows changed per statement: small enough for short locks, large enough that a pass stays a few statements. */
    static final int BATCH = 5_000;

    private static final String CLEAR_PAYLOADS = """
            update outbox set payload = null
            where id in (select id from outbox
                         where status in ('SENT', 'FAILED', 'EXPIRED', 'CANCELLED') and payload is not null
                           and coalesce(sent_at, next_attempt_at) < ?
                         limit ?)""";

    private static final String FORGET_EVENTS = """
            delete from inbound_event
            where (platform, event_id) in (select platform, event_id from inbound_event where received_at < ? limit ?)""";

    private static final String DELETE_AUDIT = """
            delete from audit_event where id in (select id from audit_event where at < ? limit ?)""";

    /** Ended pairs past their programme's limit (or the default), oldest first. */
    private static final String EXPIRED_PAIRS = """
            select p.id from pair p join programme g on g.id = p.programme_id
            where p.status = 'ENDED' and p.ended_on is not null
              and p.ended_on < ?::date - coalesce(g.ended_pair_retention_days, ?::int)
            order by p.ended_on, p.id
            limit ?""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RetentionProperties properties;

    Retention(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, RetentionProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    /** One pass over every limit. */
    public RetentionResult run() {
        Instant now = clock.instant();
        RetentionResult result = new RetentionResult(
                repeat(CLEAR_PAYLOADS, now.minus(properties.sentPayloads())),
                repeat(FORGET_EVENTS, now.minus(properties.inboundEvents())),
                eraseEndedPairs(now.atOffset(ZoneOffset.UTC).toLocalDate()),
                repeat(DELETE_AUDIT, now.minus(properties.audit())));
        if (!result.isEmpty()) {
            log.info(
                    "Retention: erased the text of {} sent message(s), forgot {} platform event id(s), erased {} ended"
                            + " pair(s), deleted {} audit record(s)",
                    result.payloadsCleared(),
                    result.eventsForgotten(),
                    result.pairsErased(),
                    result.auditDeleted());
        }
        return result;
    }

    private int repeat(String sql, Instant before) {
        int total = 0;
        int n;
        do {
            n = jdbc.update(sql, SqlTime.of(before), BATCH);
            total += n;
        } while (n == BATCH);
        return total;
    }

    private int eraseEndedPairs(LocalDate today) {
        int total = 0;
        List<Long> ids;
        do {
            ids = jdbc.queryForList(
                    EXPIRED_PAIRS,
                    Long.class,
                    today,
                    (int) properties.endedPairs().toDays(),
                    BATCH / 10);
            if (!ids.isEmpty()) {
                Long[] batch = ids.toArray(Long[]::new);
                tx.executeWithoutResult(s -> erasePairs(batch));
                total += ids.size();
            }
        } while (ids.size() == BATCH / 10);
        return total;
    }

    /**
     * Erases pairs with what hangs off them: their messages (which have no foreign key), then the pair, whose check-ins,
     * answers, meetings, schedule and health go with it ({@code on delete cascade}). The people stay: they may be in
     * other pairs, and erasing a person is its own act.
     */
    private void erasePairs(Long[] ids) {
        jdbc.update("delete from outbox where pair_id = any(?)", (Object) ids);
        jdbc.update("delete from pair where id = any(?)", (Object) ids);
    }
}
