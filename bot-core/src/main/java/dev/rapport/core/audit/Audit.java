package dev.rapport.core.audit;

import dev.rapport.core.database.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The record of what coordinators read and changed ({@code audit_event}): written once, by the command layer, for
 * every coordinator command that succeeded; read by participants, who learn how often their pair was looked at.
 */
@Service
public class Audit {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Audit(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that {@code actorId} did {@code action} in {@code programmeId}, to {@code pairId} if it was one pair. */
    public void record(long actorId, long programmeId, Long pairId, String action, AuditKind kind) {
        if (kind == AuditKind.NONE) {
            return;
        }
        jdbc.update(
                "insert into audit_event (at, actor_id, programme_id, pair_id, action, kind) values (?, ?, ?, ?, ?, ?)",
                SqlTime.of(clock.instant()),
                actorId,
                programmeId,
                pairId,
                action,
                kind.name());
    }

    /**
     * How often coordinators read pair-level data that showed one of {@code pairIds} within {@code window}: reads of
     * the pair itself, and reads of its whole programme (which list every pair).
     */
    public int readsOf(Collection<Long> pairIds, Duration window) {
        if (pairIds.isEmpty()) {
            return 0;
        }
        Long[] ids = pairIds.toArray(Long[]::new);
        Integer n = jdbc.queryForObject(
                """
                select count(*) from audit_event a
                where a.kind = 'READ' and a.at >= ?
                  and (a.pair_id = any(?)
                       or (a.pair_id is null and a.programme_id in (select programme_id from pair where id = any(?))))""", Integer.class, SqlTime.of(clock.instant().minus(window)), ids, ids);
        return n == null ? 0 : n;
    }
}
