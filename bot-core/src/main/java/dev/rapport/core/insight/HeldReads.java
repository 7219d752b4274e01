package dev.rapport.core.insight;

import dev.rapport.core.health.HealthChanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Programme-wide reads kept in this instance while nothing they depend on changed, so that coordinators asking again,
 * or many at once, do not each read hundreds of thousands of answers.
 *
 * <p>A held read is used only while the database has recorded no change to its programme since the snapshot it was
 * read after: {@code health_change} (V16), written by triggers in every writing transaction (answers, check-ins,
 * meetings, pairs, states, pauses, settings), on whichever instance. Requests for the same read are served one at a
 * time; a request that waited for a read which began after it was asked uses that read as it is, so a burst of
 * requests costs at most two reads however much changes meanwhile. What only the clock changes (the week) is part of
 * the key; anything else is read again after {@code rapport.health.board-max-age}.
 */
@Component
public class HeldReads {

    private final HealthChanges changes;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<Key, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<Key, Held> held = new ConcurrentHashMap<>();

    HeldReads(HealthChanges changes, Clock clock, @Value("${rapport.health.board-max-age:PT10M}") Duration maxAge) {
        this.changes = changes;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** What identifies one read: its kind, its programme and its arguments. */
    private record Key(String kind, long programmeId, List<Object> arguments) {}

    private record Held(long begun, HealthChanges.Snapshot snapshot, Instant readAt, Object value) {}

    /**
     * The value {@code read} returns for this programme and these arguments, read now or held from a read that sees
     * every change committed before this call.
     */
    @SuppressWarnings("unchecked")
    <T> T get(String kind, long programmeId, List<Object> arguments, Supplier<T> read) {
        long asked = System.nanoTime();
        Key key = new Key(kind, programmeId, List.copyOf(arguments));
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            Instant now = clock.instant();
            Held h = held.get(key);
            // Taken before the snapshot, so a read that "began after a request was asked" also saw the database as
            // it was then or later.
            long begun = System.nanoTime();
            HealthChanges.Snapshot snapshot = changes.take();
            if (h != null
                    && (h.begun() - asked >= 0
                            || (usable(h, snapshot, now) && !changes.any(programmeId, h.snapshot())))) {
                return (T) h.value();
            }
            T value = read.get();
            held.merge(key, new Held(begun, snapshot, now, value), HeldReads::later);
            held.entrySet().removeIf(e -> !usable(e.getValue(), snapshot, now));
            return value;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reads the value afresh and holds it, outside the lock: requests meanwhile use what was held (ReportKeeper,
     * ahead of requests).
     */
    <T> void readAfresh(String kind, long programmeId, List<Object> arguments, Supplier<T> read) {
        long begun = System.nanoTime();
        HealthChanges.Snapshot snapshot = changes.take();
        Instant now = clock.instant();
        T value = read.get();
        held.merge(
                new Key(kind, programmeId, List.copyOf(arguments)),
                new Held(begun, snapshot, now, value),
                HeldReads::later);
    }

    /** Whether a read of this kind, programme and arguments is held. */
    boolean holds(String kind, long programmeId, List<Object> arguments) {
        return held.containsKey(new Key(kind, programmeId, List.copyOf(arguments)));
    }

    /** Of two reads of the same thing, the one begun later. */
    private static Held later(Held held, Held candidate) {
        return candidate.begun() - held.begun() < 0 ? held : candidate;
    }

    private boolean usable(Held h, HealthChanges.Snapshot snapshot, Instant now) {
        return HealthChanges.young(h.readAt(), now, maxAge) && HealthChanges.comparable(h.snapshot(), snapshot);
    }
}
