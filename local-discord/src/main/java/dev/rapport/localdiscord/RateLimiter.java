package dev.rapport.localdiscord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Discord's REST limits on an injectable clock: the global limit per bot, fixed-window buckets per route and
 * top-level resource, and the rolling count of invalid requests that gets an IP banned. One lock for all of it, so a
 * request is charged to every limit that applies or to none.
 */
final class RateLimiter {

    /** Discord's window for counting invalid requests. */
    static final Duration INVALID_WINDOW = Duration.ofMinutes(10);

    private final Clock clock;
    private final int globalPerSecond;
    private final Map<Bucket, Limit> limits;
    private final Map<String, Window> windows = new HashMap<>();
    private final Map<Bucket, String> hashes = new EnumMap<>(Bucket.class);
    private final Deque<Instant> invalid = new ArrayDeque<>();
    private Window global;

    record Limit(int limit, Duration window) {
        Limit {
            if (limit < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a rate limit needs at least one request per positive window");
            }
        }
    }

    /** The outcome of charging one request: whether it may go on, and what the headers say. */
    record Charge(boolean allowed, int limit, int remaining, Instant reset, Duration resetAfter, String bucketHash) {

        /** Discord's {@code Retry-After}: whole seconds, rounded up so a client that honours it is not refused again. */
        long retryAfterSeconds() {
            return Math.max(1, (resetAfter.toMillis() + 999) / 1000);
        }
    }

    RateLimiter(Clock clock, int globalPerSecond, Map<Bucket, Limit> limits) {
        this.clock = clock;
        this.globalPerSecond = globalPerSecond;
        this.limits = new EnumMap<>(limits);
        for (Bucket b : Bucket.values()) {
            this.limits.putIfAbsent(b, new Limit(b.defaultLimit(), b.defaultWindow()));
            hashes.put(
                    b,
                    UUID.nameUUIDFromBytes(("local-discord:" + b).getBytes())
                            .toString()
                            .replace("-", ""));
        }
    }

    /** Charges the bot's global limit: zero, or how long until the next request is allowed. */
    synchronized Duration chargeGlobal() {
        Instant now = clock.instant();
        if (global == null || !now.isBefore(global.start.plusSeconds(1))) {
            global = new Window(now);
        }
        if (global.used >= globalPerSecond) {
            return Duration.between(now, global.start.plusSeconds(1));
        }
        global.used++;
        return Duration.ZERO;
    }

    /** Charges one request to a route's bucket for one resource. */
    synchronized Charge charge(Bucket bucket, String resource) {
        Limit limit = limits.get(bucket);
        Instant now = clock.instant();
        String key = bucket + ":" + resource;
        Window w = windows.get(key);
        if (w == null || !now.isBefore(w.start.plus(limit.window))) {
            w = new Window(now);
            windows.put(key, w);
        }
        Instant reset = w.start.plus(limit.window);
        Duration resetAfter = Duration.between(now, reset);
        if (w.used >= limit.limit) {
            return new Charge(false, limit.limit, 0, reset, resetAfter, hashes.get(bucket));
        }
        w.used++;
        return new Charge(true, limit.limit, limit.limit - w.used, reset, resetAfter, hashes.get(bucket));
    }

    /** What a bucket's headers say now, without charging it: for answers that must not count. */
    synchronized Charge peek(Bucket bucket) {
        Limit limit = limits.get(bucket);
        Instant now = clock.instant();
        return new Charge(true, limit.limit, limit.limit, now.plus(limit.window), limit.window, hashes.get(bucket));
    }

    synchronized void recordInvalid() {
        Instant now = clock.instant();
        invalid.addLast(now);
        prune(now);
    }

    synchronized int invalidRequests() {
        prune(clock.instant());
        return invalid.size();
    }

    private void prune(Instant now) {
        Instant cutoff = now.minus(INVALID_WINDOW);
        while (!invalid.isEmpty() && !invalid.peekFirst().isAfter(cutoff)) {
            invalid.removeFirst();
        }
    }

    /** Seconds with millisecond decimals, as Discord writes {@code X-RateLimit-Reset(-After)} and {@code retry_after}. */
    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, d.toMillis()) / 1000d);
    }

    static String epochSeconds(Instant t) {
        return String.format(Locale.ROOT, "%.3f", t.toEpochMilli() / 1000d);
    }

    private static final class Window {
        final Instant start;
        int used;

        Window(Instant start) {
            this.start = start;
        }
    }
}
