package dev.rapport.core.audit;

import dev.rapport.core.database.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The record of what coordinators read and changed ({@code audit_event}): written once, by the command layer, for
 * every coordinator command that succeeded; read by coordinators ({@code /rapport audit}) and by participants, who learn
 * how often their pair was looked at.
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

    /** One recorded read or change, with the name of the coordinator who made it. */
    public record Entry(Instant at, String actorName, String action, AuditKind kind, Long pairId) {}

    /**
     * The latest {@code limit} entries of a programme, newest first; only those about {@code pairId} (the pair itself)
     * when it is given.
     */
    public List<Entry> latest(long programmeId, Long pairId, int limit) {
        return jdbc.query(
                """
                select a.at, p.display_name, a.action, a.kind, a.pair_id
                from audit_event a join participant p on p.id = a.actor_id
                where a.programme_id = ? and (cast(? as bigint) is null or a.pair_id = ?)
                order by a.at desc, a.id desc
                limit ?""",
                (rs, i) -> new Entry(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        AuditKind.valueOf(rs.getString(4)),
                        rs.getObject(5, Long.class)),
                programmeId,
                pairId,
                pairId,
                limit);
    }

    /** How many entries a programme holds, or a pair when {@code pairId} is given. */
    public int count(long programmeId, Long pairId) {
        Integer n = jdbc.queryForObject(
                "select count(*) from audit_event where programme_id = ? and (cast(? as bigint) is null or pair_id = ?)",
                Integer.class,
                programmeId,
                pairId,
                pairId);
        return n == null ? 0 : n;
    }
}
