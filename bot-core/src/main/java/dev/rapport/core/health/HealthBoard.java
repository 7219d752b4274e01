package dev.rapport.core.health;

import java.time.Duration;
import java.time.Instant;
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

    private static final String OPEN_PAIRS = "select id from pair where programme_id = ? and status <> 'ENDED'";

    /** The share of a programme's pairs past which re-reading them one by one costs more than reading them all. */
    private static final double MOSTLY_CHANGED = 0.5;

    private final JdbcTemplate jdbc;
    private final HealthFactsReader reader;
    private final HealthChanges changes;
    private final Duration maxAge;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<Long, Board> boards = new ConcurrentHashMap<>();

    HealthBoard(
            JdbcTemplate jdbc,
            HealthFactsReader reader,
            HealthChanges changes,
            @Value("${rapport.health.board-max-age:PT10M}") Duration maxAge) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.changes = changes;
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
            HealthChanges.Snapshot snapshot = changes.take();
            Board board = update(programmeId, boards.get(programmeId), snapshot, now, afresh);
            boards.put(programmeId, board);
            // Programmes nobody asked about for a while are not kept: they would be read afresh anyway.
            boards.entrySet().removeIf(e -> e.getKey() != programmeId && stale(e.getValue(), snapshot, now));
            return board.pairs().values();
        } finally {
            lock.unlock();
        }
    }

    /** Each open pair's health as of {@code snapshot}; the clock-driven parts as of {@code readAt}. */
    private record Board(HealthChanges.Snapshot snapshot, Instant readAt, Map<Long, PairHealth> pairs) {}

    private Board update(long programmeId, Board board, HealthChanges.Snapshot snapshot, Instant now, boolean afresh) {
        if (afresh || board == null || stale(board, snapshot, now)) {
            return full(programmeId, snapshot, now);
        }
        HealthChanges.Changes changed = changes.since(programmeId, board.snapshot());
        if (changed.whole()) {
            return full(programmeId, snapshot, now);
        }
        // Pairs that appeared or went without a row of their own (a table emptied with TRUNCATE, which fires no
        // statement trigger) are found by comparing with the programme's open pairs.
        Set<Long> open = new HashSet<>(jdbc.queryForList(OPEN_PAIRS, Long.class, programmeId));
        Set<Long> reread = new HashSet<>(changed.pairs());
        for (Long pairId : open) {
            if (!board.pairs().containsKey(pairId)) {
                reread.add(pairId);
            }
        }
        reread.retainAll(open);
        if (reread.size() > MOSTLY_CHANGED * open.size()) {
            return full(programmeId, snapshot, now);
        }
        Map<Long, PairHealth> pairs = new HashMap<>(board.pairs());
        pairs.keySet().retainAll(open);
        if (!reread.isEmpty()) {
            reread.forEach(pairs::remove);
            for (HealthFacts facts : reader.read(HealthFactsReader.Scope.openPairs(reread), now)) {
                pairs.put(facts.pairId(), HealthRules.evaluate(facts));
            }
        }
        // The clock-driven parts of the unchanged pairs are as old as the last full read: its time stays.
        return new Board(snapshot, board.readAt(), Map.copyOf(pairs));
    }

    private boolean stale(Board board, HealthChanges.Snapshot snapshot, Instant now) {
        return now.isBefore(board.readAt())
                || !now.isBefore(board.readAt().plus(maxAge))
                || !HealthChanges.comparable(board.snapshot(), snapshot);
    }

    private Board full(long programmeId, HealthChanges.Snapshot snapshot, Instant now) {
        Map<Long, PairHealth> pairs = new HashMap<>();
        List<HealthFacts> facts = reader.read(HealthFactsReader.Scope.openPairsOf(programmeId), now);
        facts.forEach(f -> pairs.put(f.pairId(), HealthRules.evaluate(f)));
        return new Board(snapshot, now, Map.copyOf(pairs));
    }
}
