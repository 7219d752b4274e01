package dev.rapport.core.schedule;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces sends to a platform's documented rate, per workspace, with a token bucket that allows a short burst.
 * Shared by all dispatch workers of one instance; instances pace independently, and the platform's 429s
 * (honoured through {@link dev.rapport.core.chat.SendResult.RateLimited}) correct for the rest.
 */
final class Pacer {

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Blocks until one send to {@code key} is allowed at {@code perSecond} (0 = unlimited). */
    void acquire(String key, double perSecond) {
        if (perSecond <= 0) {
            return;
        }
        long waitNanos =
                buckets.computeIfAbsent(key, k -> new Bucket(perSecond)).reserve();
        if (waitNanos > 0) {
            LockSupport.parkNanos(waitNanos);
        }
    }

    private static final class Bucket {
        private final double perNano;
        private final double burst;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double perSecond) {
            this.perNano = perSecond / 1_000_000_000d;
            this.burst = Math.max(1, perSecond);
            this.tokens = burst;
        }

        /** Takes a token, going into debt when none is left; returns how long the caller must wait. */
        synchronized long reserve() {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) * perNano);
            last = now;
            tokens -= 1;
            return tokens >= 0 ? 0 : (long) (-tokens / perNano);
        }
    }
}
