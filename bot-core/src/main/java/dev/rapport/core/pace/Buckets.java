package dev.rapport.core.pace;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/** What both kinds of {@link RateLimits} share: the bucket a {@link Limit} is, and waiting for a turn in it. */
final class Buckets {

    private Buckets() {}

    /**
     * A bucket that holds {@code burst} tokens and refills them evenly ("greedily", a token at a time) at the limit's
     * rate, so requests are spread out rather than let through in bunches at each period's start.
     */
    static BucketConfiguration configuration(Limit limit) {
        long refillNanos = Math.max(1, Math.round(limit.burst() * 1_000_000_000d / limit.perSecond()));
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.burst())
                        .refillGreedy(limit.burst(), Duration.ofNanos(refillNanos))
                        .build())
                .build();
    }

    /**
     * Reserves one token if it becomes available within {@code maxWait} and sleeps until it does. The reservation is
     * made in one step against the bucket, so concurrent callers (and, for a shared bucket, other instances) are
     * given distinct turns rather than all waking for the same one.
     */
    static boolean take(Bucket bucket, Duration maxWait) {
        if (maxWait.isNegative() || maxWait.isZero()) {
            return bucket.tryConsume(1);
        }
        try {
            return bucket.asBlocking().tryConsume(1, maxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
