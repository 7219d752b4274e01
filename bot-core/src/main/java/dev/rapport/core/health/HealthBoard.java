package dev.rapport.core.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
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
 * meeting") is taken into account when the assessment is read afresh: by {@link ReportKeeper} every half
 * {@code rapport.health.board-max-age} (10 minutes by default), on the hourly health run, when most of the programme
 * changed anyway, or by a request that finds nothing held younger than the max age. A read afresh happens outside
 * the programme's lock, so requests go on meanwhile. Requests for one programme are served one at a time, so ten
 * coordinators asking at once cause at most one full read and nine small ones.
 */
@Component
class HealthBoard implements HeldReport {

    /** The share of a programme's pairs past which re-reading them one by one costs more than reading them all. */
    private static final double MOSTLY_CHANGED = 0.5;

    private final HealthFactsReader reader;
    private final HealthChanges changes;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<Long, Board> boards = new ConcurrentHashMap<>();

    HealthBoard(
            HealthFactsReader reader,
            HealthChanges changes,
            Clock clock,
            @Value("${rapport.health.board-max-age:PT10M}") Duration maxAge) {
        this.reader = reader;
        this.changes = changes;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /**
     * One programme's assessments: what is held, with the pairs changed since read again; everything read afresh
     * when nothing is held or what is held is older than the board's max age.
     *
     * @return every open pair of the programme, in no particular order
     */
    Collection<PairHealth> assess(long programmeId, Instant now) {
        ReentrantLock lock = locks.computeIfAbsent(programmeId, id -> new ReentrantLock());
        lock.lock();
        try {
            HealthChanges.Snapshot snapshot = changes.take();
            Board board = update(programmeId, boards.get(programmeId), snapshot, now);
            boards.merge(programmeId, board, HealthBoard::later);
            // Programmes nobody asked about for a while are not kept: they would be read afresh anyway.
            boards.entrySet().removeIf(e -> e.getKey() != programmeId && stale(e.getValue(), snapshot, now));
            return board.pairs().values();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reads every open pair of the programme afresh, outside the programme's lock: requests meanwhile use the board
     * held until now, and the next one goes on from this read's snapshot.
     */
    @Override
    public void readAfresh(long programmeId) {
        readAfresh(programmeId, clock.instant());
    }

    /** {@link #readAfresh(long)} judging every pair at {@code now} (the hourly run's moment). */
    void readAfresh(long programmeId, Instant now) {
        Board fresh = full(programmeId, changes.take(), now);
        boards.merge(programmeId, fresh, HealthBoard::later);
    }

    @Override
    public boolean holds(long programmeId) {
        return boards.containsKey(programmeId);
    }

    /** When the programme's held board was last read afresh, if one is held. */
    Optional<Instant> readAt(long programmeId) {
        return Optional.ofNullable(boards.get(programmeId)).map(Board::readAt);
    }

    /**
     * Of two boards of a programme, the one read afresh later (the newer on a tie). Both are right as of their
     * snapshots; the later full read keeps the clock-driven parts younger, and what changed since its snapshot is
     * read again at the next request.
     */
    private static Board later(Board held, Board candidate) {
        return candidate.readAt().isBefore(held.readAt()) ? held : candidate;
    }

    /** Each open pair's health as of {@code snapshot}; the clock-driven parts as of {@code readAt}. */
    private record Board(HealthChanges.Snapshot snapshot, Instant readAt, Map<Long, PairHealth> pairs) {}

    private Board update(long programmeId, Board board, HealthChanges.Snapshot snapshot, Instant now) {
        if (board == null || stale(board, snapshot, now)) {
            return full(programmeId, snapshot, now);
        }
        HealthChanges.Changes changed = changes.since(programmeId, board.snapshot());
        if (changed.whole()) {
            return full(programmeId, snapshot, now);
        }
        // Every way a pair joins, leaves or changes writes a row (its insert, its update to ENDED, its delete); a table
        // emptied with TRUNCATE, which fires no statement trigger, comes back through programme inserts, each of which
        // marks the whole programme.
        if (changed.pairs().size() > MOSTLY_CHANGED * board.pairs().size()) {
            return full(programmeId, snapshot, now);
        }
        Map<Long, PairHealth> pairs = new HashMap<>(board.pairs());
        if (!changed.pairs().isEmpty()) {
            // A changed pair that is no longer open (ended, deleted) is not read back, so it leaves the board.
            changed.pairs().forEach(pairs::remove);
            for (HealthFacts facts : reader.read(HealthFactsReader.Scope.openPairs(changed.pairs()), now)) {
                pairs.put(facts.pairId(), HealthRules.evaluate(facts));
            }
        }
        // The clock-driven parts of the unchanged pairs are as old as the last full read: its time stays.
        return new Board(snapshot, board.readAt(), Map.copyOf(pairs));
    }

    private boolean stale(Board board, HealthChanges.Snapshot snapshot, Instant now) {
        return !HealthChanges.young(board.readAt(), now, maxAge)
                || !HealthChanges.comparable(board.snapshot(), snapshot);
    }

    private Board full(long programmeId, HealthChanges.Snapshot snapshot, Instant now) {
        Map<Long, PairHealth> pairs = new HashMap<>();
        List<HealthFacts> facts = reader.read(HealthFactsReader.Scope.openPairsOf(programmeId), now);
        facts.forEach(f -> pairs.put(f.pairId(), HealthRules.evaluate(f)));
        return new Board(snapshot, now, Map.copyOf(pairs));
    }
}
