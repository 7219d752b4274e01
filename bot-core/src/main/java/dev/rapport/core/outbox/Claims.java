package dev.rapport.core.outbox;

import dev.rapport.core.database.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Taking rows to send, and saying which are being sent.
 *
 * <p>A worker claims a batch ({@code CLAIMED}, with a lease) in a short transaction, with {@code FOR UPDATE SKIP
 * LOCKED} so concurrent workers on any instance take different rows. Before each group of sends it writes that group
 * into {@code dispatch_group} (one row per worker, in the transaction that records the previous group's outcomes):
 * only then does a crash leave an outcome unknown, and only for that group. A row found still claimed after its holder
 * is gone is taken again as <em>in doubt</em> ({@code unknown_since}) if it was in the holder's group, so its next send
 * first checks whether the earlier one arrived; any other claimed row was never begun and is simply claimed again.
 */
@Component
class Claims {

    /**
     * Claims due rows. A row still {@code CLAIMED} is one whose holder's lease ran out: if it was in that holder's group
     * being sent, it is in doubt from when the group began.
     */
    private static final String CLAIM = """
            update outbox o set status = 'CLAIMED', claimed_by = ?, claimed_instance = ?, next_attempt_at = ?,
                   unknown_since = case when o.status = 'CLAIMED'
                                        then coalesce(o.unknown_since, (select g.began_at from dispatch_group g
                                                                       where g.worker = o.claimed_by and o.id = any(g.ids)))
                                        else o.unknown_since end
            where o.id = any(array(
                select x.id from outbox x
                where x.status in ('PENDING', 'CLAIMED') and x.next_attempt_at <= ? %s
                order by x.next_attempt_at
                limit ?
                for update skip locked))
            returning o.id, o.pair_id, o.recipient_id, o.kind, o.period, o.check_in_id, o.payload, o.created_at,
                      o.attempts, o.unknown_since""";

    /** Leaves out rows to a platform or workspace that is down: they wait for the probe that finds it back. */
    private static final String NOT_DOWN = """
            and not exists (select 1 from participant p where p.id = x.recipient_id
                            and (p.platform = any(?) or p.platform || '/' || p.workspace_id = any(?)))""";

    /**
     * Records a worker's next group: of the rows it means to send, those it still holds (its lease did not run out, no
     * one released them). The ids are joined from {@code unnest} rather than matched with {@code = any(?)}, which a
     * generic plan may answer by scanning every pending row.
     */
    private static final String BEGIN_GROUP = """
            insert into dispatch_group (worker, instance, began_at, ids)
            select ?, ?, ?, coalesce(array_agg(o.id), '{}')
            from unnest(?::bigint[]) as u(id) join outbox o on o.id = u.id
            where o.claimed_by = ? and o.status = 'CLAIMED'
            on conflict (worker) do update
                set instance = excluded.instance, began_at = excluded.began_at, ids = excluded.ids
            returning ids""";

    /** The rows of a worker's group that it still holds are in doubt: their sends began, their outcomes are unknown. */
    private static final String GROUP_IN_DOUBT = """
            update outbox o set unknown_since = coalesce(o.unknown_since, g.began_at)
            from dispatch_group g
            where g.worker = any(?) and o.id = any(g.ids) and o.claimed_by = g.worker and o.status = 'CLAIMED'""";

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
     * Records the group {@code worker} is about to send, in the caller's transaction, replacing its previous one (whose
     * outcomes the caller records in the same transaction). Returns the ids it may send: a row the worker no longer
     * holds (its lease ran out and another worker took it) is left out and must not be sent. An empty group ends the
     * worker's round.
     */
    Set<Long> begin(String worker, String instance, Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            jdbc.update("delete from dispatch_group where worker = ?", worker);
            return Set.of();
        }
        Long[] held = jdbc.queryForObject(
                BEGIN_GROUP,
                (rs, i) -> (Long[]) rs.getArray("ids").getArray(),
                worker,
                instance,
                SqlTime.of(now),
                ids.toArray(Long[]::new),
                worker);
        return held == null ? Set.of() : new HashSet<>(Arrays.asList(held));
    }

    /**
     * Gives back every row {@code worker} holds, after its batch failed half way: rows not begun wait again as they
     * were, rows of the group it was sending are in doubt. Returns how many.
     */
    int releaseAll(String worker, Instant now) {
        Integer released = tx.execute(s -> {
            jdbc.update(GROUP_IN_DOUBT, (Object) new String[] {worker});
            jdbc.update("delete from dispatch_group where worker = ?", worker);
            return jdbc.update("""
                    update outbox set status = 'PENDING', next_attempt_at = ?, claimed_by = null, claimed_instance = null
                    where claimed_by = ? and status = 'CLAIMED'""", SqlTime.of(now), worker);
        });
        return released == null ? 0 : released;
    }

    /**
     * Releases every row the workers of dead {@code instances} held, at once, in the caller's transaction: the rows of
     * their groups in doubt, the others simply due again. Returns how many.
     */
    int releaseDead(List<String> instances, Instant now) {
        String[] dead = instances.toArray(String[]::new);
        List<String> workers = jdbc.queryForList(
                "select worker from dispatch_group where instance = any(?)", String.class, (Object) dead);
        if (!workers.isEmpty()) {
            jdbc.update(GROUP_IN_DOUBT, (Object) workers.toArray(String[]::new));
            jdbc.update("delete from dispatch_group where instance = any(?)", (Object) dead);
        }
        return jdbc.update("""
                update outbox set status = 'PENDING', next_attempt_at = ?, claimed_by = null, claimed_instance = null
                where status = 'CLAIMED' and claimed_instance = any(?)""", SqlTime.of(now), (Object) dead);
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
