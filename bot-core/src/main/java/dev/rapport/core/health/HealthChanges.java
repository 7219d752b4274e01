package dev.rapport.core.health;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the database recorded as changed in a programme since a snapshot: the rows the triggers of
 * {@code health_change} (V16) write in every transaction that changes what health or the overview read, each with
 * that transaction's id, compared with a snapshot taken before a read ({@code pg_visible_in_snapshot}). Whatever was
 * committed before the snapshot is in the read; whatever the snapshot could not see is reported here, whichever
 * instance wrote it.
 */
@Component
public class HealthChanges {

    /**
     * How long {@code health_change} rows are kept. A snapshot is compared only while it is younger than half of it,
     * leaving room for transactions that commit long after writing.
     */
    static final Duration KEPT = Duration.ofHours(1);

    /** The pairs (null: the whole programme) of the rows a snapshot could not see. */
    private static final String INVISIBLE = """
            select pair_ids from health_change
            where programme_id = ? and xid >= pg_snapshot_xmin(?::pg_snapshot)
              and not pg_visible_in_snapshot(xid, ?::pg_snapshot)""";

    /**
     * A database snapshot, as text, and the database's time when it was taken.
     *
     * @param value {@code pg_current_snapshot()}
     * @param at the database's clock, which decides when the rows a snapshot is compared with are deleted
     */
    public record Snapshot(String value, Instant at) {}

    /**
     * The pairs changed since a snapshot.
     *
     * @param whole the programme itself changed (its settings, its skip dates): every pair is concerned
     * @param pairs the pairs whose rows changed
     */
    public record Changes(boolean whole, Set<Long> pairs) {}

    private final JdbcTemplate jdbc;

    HealthChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A snapshot to take before a read, to ask later what changed since. */
    public Snapshot take() {
        return jdbc.queryForObject(
                "select pg_current_snapshot()::text as snapshot, clock_timestamp() as at",
                (rs, i) -> new Snapshot(
                        rs.getString("snapshot"),
                        rs.getObject("at", OffsetDateTime.class).toInstant()));
    }

    /** Whether {@code snapshot} is still recent enough to be compared with ({@link #KEPT}) at {@code now}. */
    public static boolean comparable(Snapshot snapshot, Snapshot now) {
        return now.at().isBefore(snapshot.at().plus(KEPT.dividedBy(2)));
    }

    /**
     * Whether a report read afresh at {@code readAt} may still be used at {@code now}: younger than {@code maxAge}, and
     * not from the future. A background read may finish a moment after a request took its time, so "the future" starts
     * a minute on; a clock moved further back (tests do) means reading afresh.
     */
    public static boolean young(Instant readAt, Instant now, Duration maxAge) {
        return !now.isBefore(readAt.minus(Duration.ofMinutes(1))) && now.isBefore(readAt.plus(maxAge));
    }

    /** Whether anything in the programme changed since {@code snapshot}. */
    public boolean any(long programmeId, Snapshot snapshot) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (" + INVISIBLE + ")", Boolean.class, programmeId, snapshot.value(), snapshot.value()));
    }

    /** What in the programme changed since {@code snapshot}. */
    public Changes since(long programmeId, Snapshot snapshot) {
        Set<Long> pairs = new HashSet<>();
        boolean[] whole = {false};
        jdbc.query(
                INVISIBLE,
                rs -> {
                    java.sql.Array ids = rs.getArray("pair_ids");
                    if (ids == null) {
                        whole[0] = true;
                    } else {
                        for (Object id : (Object[]) ids.getArray()) {
                            pairs.add(((Number) id).longValue());
                        }
                    }
                },
                programmeId,
                snapshot.value(),
                snapshot.value());
        return new Changes(whole[0], pairs);
    }

    /** Deletes the rows no snapshot is compared with any more (the hourly health run). */
    void forgetOld() {
        jdbc.update(
                "delete from health_change where at < clock_timestamp() - ?::interval", KEPT.toSeconds() + " seconds");
    }
}
