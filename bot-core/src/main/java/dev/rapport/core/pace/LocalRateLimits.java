package dev.rapport.core.pace;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RateLimits} in this process's memory: right for one instance, wrong for several. */
final class LocalRateLimits implements RateLimits {

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public boolean acquire(Limit limit, Duration maxWait) {
        Bucket bucket = buckets.computeIfAbsent(
                limit.key(),
                k -> Bucket.builder()
                        .addLimit(Buckets.configuration(limit).getBandwidths()[0])
                        .build());
        return Buckets.take(bucket, maxWait);
    }
}
