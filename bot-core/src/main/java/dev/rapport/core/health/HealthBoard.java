package dev.rapport.core.health;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every open pair's health, per programme, kept in this instance and brought up to date on each request by re-reading
 * only the pairs whose facts changed since it was last read, instead of every pair of the programme.
 *
 * <p>What changed is recorded by the database itself: the triggers of {@code health_change} (V16) write one row per
 * pair and statement in the writing transaction, with its transaction id. The board keeps, with its assessments, the
 * snapshot it took before reading them ({@code pg_current_snapshot()}); the pairs to re-read are those of rows whose
 * transaction that snapshot could not see. So an answer reflects every change committed before it was asked for,
 * whichever instance made it, and no change is missed between two reads: the snapshot is taken before the facts are
 * read, so anything committed meanwhile is read again next time rather than never.
 *
 * <p>What only the clock changes (a check-in out long enough to count as unanswered, a new day for "weeks since a
 * meeting") is taken into account when the assessment is read afresh: after {@code rapport.health.board-max-age}
 * (10 minutes by default), on the hourly health run, or when most of the programme changed anyway. Requests for one
 * programme are served one at a time, so ten coordinators asking at once cause one full read and nine small ones.
 */
@Component
class HealthBoard {

    /**
     * How long {@code health_change} rows are kept. An assessment older than half of it is read afresh, so it never
     * needs a row already deleted, with room for transactions that commit long after writing.
     */
    static final Duration CHANGES_KEPT = Duration.ofHours(1);

    private static final String NOW = "select pg_current_snapshot()::text as snapshot, clock_timestamp() as at";

    private static final String CHANGED = """
            select distinct pair_id from health_change
            where programme_id = ? and xid >= pg_snapshot_xmin(?::pg_snapshot)
              and not pg_visible_in_snapshot(xid, ?::pg_snapshot)""";

    private static final String OPEN_PAIRS = "select id from pair where programme_id = ? and status <> 'ENDED'";

    /** The share of a programme's pairs past which re-reading them one by one costs more than reading them all. */
    private static final double MOSTLY_CHANGED = 0.5;

    private final JdbcTemplate jdbc;
    private final HealthFactsReader reader;
    private final Duration maxAge;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<Long, Board> boards = new ConcurrentHashMap<>();

    HealthBoard(
            JdbcTemplate jdbc,
            HealthFactsReader reader,
            @Value("${rapport.health.board-max-age:PT10M}") Duration maxAge) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.maxAge = maxAge;
    }

    /**
     * One programme's assessments, read afresh when the clock has moved on too far or {@code afresh} says so.
     *
     * @param afresh read every pair again (the hourly run, which must judge every pair at {@code now})
     * @return every open pair of the programme, in no particular order
     */
    Collection<PairHealth> assess(long programmeId, Instant now, boolean afresh) {
        ReentrantLock lock = locks.computeIfAbsent(programmeId, id -> new ReentrantLock());
        lock.lock();
        try {
            Board board = update(programmeId, boards.get(programmeId), now, afresh);
            boards.put(programmeId, board);
            // Programmes nobody asked about for a while are not kept: they would be read afresh anyway.
            boards.entrySet()
                    .removeIf(e -> e.getKey() != programmeId && stale(e.getValue(), now, board.databaseTime()));
            return board.pairs().values();
        } finally {
            lock.unlock();
        }
    }

    private record Taken(String snapshot, Instant at) {}

    private record Board(String snapshot, Instant readAt, Instant databaseTime, Map<Long, PairHealth> pairs) {}

    private Board update(long programmeId, Board board, Instant now, boolean afresh) {
        Taken taken = jdbc.queryForObject(
                NOW,
                (rs, i) -> new Taken(
                        rs.getString("snapshot"),
                        rs.getObject("at", OffsetDateTime.class).toInstant()));
        String snapshot = taken.snapshot();
        Instant databaseTime = taken.at();
        if (afresh || board == null || stale(board, now, databaseTime)) {
            return full(programmeId, snapshot, now, databaseTime);
        }
        Set<Long> changed = new HashSet<>();
        boolean whole = false;
        for (Long pairId : jdbc.queryForList(CHANGED, Long.class, programmeId, board.snapshot(), board.snapshot())) {
            if (pairId == null) {
                whole = true;
            } else {
                changed.add(pairId);
            }
        }
        if (whole) {
            return full(programmeId, snapshot, now, databaseTime);
        }
        // Pairs that appeared or went without a row of their own (a table emptied with TRUNCATE, which fires no
        // statement trigger) are found by comparing with the programme's open pairs.
        Set<Long> open = new HashSet<>(jdbc.queryForList(OPEN_PAIRS, Long.class, programmeId));
        for (Long pairId : open) {
            if (!board.pairs().containsKey(pairId)) {
                changed.add(pairId);
            }
        }
        changed.retainAll(open);
        if (changed.size() > MOSTLY_CHANGED * open.size()) {
            return full(programmeId, snapshot, now, databaseTime);
        }
        Map<Long, PairHealth> pairs = new HashMap<>(board.pairs());
        pairs.keySet().retainAll(open);
        if (!changed.isEmpty()) {
            changed.forEach(pairs::remove);
            for (HealthFacts facts : reader.read(HealthFactsReader.Scope.openPairs(changed), now)) {
                pairs.put(facts.pairId(), HealthRules.evaluate(facts));
            }
        }
        // The clock-driven parts of the unchanged pairs are as old as the last full read: its time stays.
        return new Board(snapshot, board.readAt(), board.databaseTime(), Map.copyOf(pairs));
    }

    private boolean stale(Board board, Instant now, Instant databaseTime) {
        return now.isBefore(board.readAt())
                || !now.isBefore(board.readAt().plus(maxAge))
                || !databaseTime.isBefore(board.databaseTime().plus(CHANGES_KEPT.dividedBy(2)));
    }

    private Board full(long programmeId, String snapshot, Instant now, Instant databaseTime) {
        Map<Long, PairHealth> pairs = new HashMap<>();
        List<HealthFacts> facts = reader.read(HealthFactsReader.Scope.openPairsOf(programmeId), now);
        facts.forEach(f -> pairs.put(f.pairId(), HealthRules.evaluate(f)));
        return new Board(snapshot, now, databaseTime, Map.copyOf(pairs));
    }
}
