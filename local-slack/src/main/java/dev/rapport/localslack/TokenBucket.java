package dev.rapport.localslack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket on an injectable clock: {@code capacity} requests at once (the burst), refilled at
 * {@code perSecond}. Not thread-safe on its own: {@link LocalSlack} takes from its buckets under one lock per
 * workspace, so a request is either charged to every bucket that applies or to none.
 */
final class TokenBucket {

    private final Clock clock;
    private final double capacity;
    private final double perSecond;
    private double tokens;
    private Instant last;

    TokenBucket(Clock clock, double capacity, double perSecond) {
        if (capacity < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("a bucket needs a capacity of at least 1 and a positive rate");
        }
        this.clock = clock;
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.tokens = capacity;
        this.last = clock.instant();
    }

    /** How long until one token is available: zero if one is available now. */
    Duration waitForOne() {
        refill();
        if (tokens >= 1) {
            return Duration.ZERO;
        }
        double seconds = (1 - tokens) / perSecond;
        return Duration.ofNanos((long) Math.ceil(seconds * 1_000_000_000d));
    }

    /** Takes one token; call only after {@link #waitForOne()} answered zero. */
    void take() {
        tokens -= 1;
    }

    private void refill() {
        Instant now = clock.instant();
        if (now.isAfter(last)) {
            double elapsed = Duration.between(last, now).toNanos() / 1_000_000_000d;
            tokens = Math.min(capacity, tokens + elapsed * perSecond);
            last = now;
        }
    }
}
