package dev.rapport.core.outbox;

import dev.rapport.core.database.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Taking rows to send, and saying a send has begun.
 *
 * <p>A worker claims a batch ({@code CLAIMED}, with a lease) in a short transaction, with {@code FOR UPDATE SKIP
 * LOCKED} so concurrent workers on any instance take different rows. Before each group of sends it marks that group
 * {@code SENDING}; only then does a crash leave an outcome unknown, and only for that group. A row found still
 * {@code SENDING} after its holder is gone is taken again as <em>in doubt</em> ({@code unknown_since}), so its next
 * send first checks whether the earlier one arrived. A row still {@code CLAIMED} was never begun and is simply
 * claimed again.
 */
@Component
class Claims {

    private static final String CLAIM = """
            update outbox o set status = 'CLAIMED', claimed_by = ?, claimed_instance = ?, next_attempt_at = ?,
                   unknown_since = case when o.status = 'SENDING' then coalesce(o.unknown_since, o.in_flight_since)
                                        else o.unknown_since end,
                   in_flight_since = null
            where o.id = any(array(
                select x.id from outbox x
                where x.status in ('PENDING', 'CLAIMED', 'SENDING') and x.next_attempt_at <= ? %s
                order by x.next_attempt_at
                limit ?
                for update skip locked))
            returning o.id, o.pair_id, o.recipient_id, o.kind, o.period, o.check_in_id, o.payload, o.created_at,
                      o.attempts, o.unknown_since""";

    /** Leaves out rows to a platform or workspace that is down: they wait for the probe that finds it back. */
    private static final String NOT_DOWN = """
            and not exists (select 1 from participant p where p.id = x.recipient_id
                            and (p.platform = any(?) or p.platform || '/' || p.workspace_id = any(?)))""";

    private static final String MARK_IN_FLIGHT = """
            update outbox set status = 'SENDING', in_flight_since = ?, attempts = attempts + 1
            where id = any(?) and claimed_by = ? and status = 'CLAIMED'
            returning id""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    Claims(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Claims up to {@code limit} rows that are due, oldest first, leaving out those {@code down} names. */
    List<Claimed> claim(String worker, String instance, int limit, Instant now, Duration lease, Outages.Down down) {
        List<Object> args = new ArrayList<>(List.of(worker, instance, SqlTime.of(now.plus(lease)), SqlTime.of(now)));
        if (!down.isEmpty()) {
            args.add(down.platforms());
            args.add(down.workspaces());
        }
        args.add(limit);
        String sql = CLAIM.formatted(down.isEmpty() ? "" : NOT_DOWN);
        List<Claimed> claimed = tx.execute(s -> jdbc.query(sql, Claims::claimed, args.toArray()));
        List<Claimed> sorted = new ArrayList<>(claimed == null ? List.of() : claimed);
        // RETURNING does not keep the claim's order; ids follow creation closely enough for fairness.
        sorted.sort(Comparator.comparingLong(Claimed::id));
        return sorted;
    }

    /**
     * Marks rows as being sent, in the caller's transaction. Returns the ids that were marked: a row this worker no
     * longer holds (its lease ran out and another worker took it) is left out and must not be sent.
     */
    Set<Long> markInFlight(String worker, Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(
                jdbc.queryForList(MARK_IN_FLIGHT, Long.class, SqlTime.of(now), ids.toArray(Long[]::new), worker));
    }

    /**
     * Gives back every row {@code worker} holds, after its batch failed half way: rows not begun wait again as they
     * were, rows it was sending are in doubt. Returns how many.
     */
    int releaseAll(String worker, Instant now) {
        return jdbc.update("""
                update outbox set status = 'PENDING', next_attempt_at = ?, claimed_by = null, claimed_instance = null,
                       unknown_since = case when status = 'SENDING' then coalesce(unknown_since, in_flight_since)
                                            else unknown_since end,
                       in_flight_since = null
                where claimed_by = ? and status in ('CLAIMED', 'SENDING')""", SqlTime.of(now), worker);
    }

    private static Claimed claimed(ResultSet rs, int i) throws SQLException {
        OffsetDateTime unknown = rs.getObject("unknown_since", OffsetDateTime.class);
        return new Claimed(
                new OutboxRow(
                        rs.getLong("id"),
                        (Long) rs.getObject("pair_id"),
                        rs.getLong("recipient_id"),
                        OutboxKind.valueOf(rs.getString("kind")),
                        rs.getString("period"),
                        (Long) rs.getObject("check_in_id"),
                        rs.getString("payload"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()),
                rs.getInt("attempts"),
                unknown == null ? null : unknown.toInstant());
    }
}
