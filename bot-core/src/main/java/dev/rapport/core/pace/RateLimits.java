package dev.rapport.core.pace;

import java.time.Duration;

/** Turns under platform rate limits. */
public interface RateLimits {

    /**
     * Waits for the right to make one request under {@code limit}, up to {@code maxWait}. Returns false, having used
     * no turn, when the wait would be longer (or the thread is interrupted): the caller then reports "rate limited"
     * rather than queueing without bound.
     */
    boolean acquire(Limit limit, Duration maxWait);

    /**
     * Limits kept in this process only, for tools and tests that run one instance without a database. Production
     * uses {@link PostgresRateLimits}, which every instance shares.
     */
    static RateLimits inMemory() {
        return new LocalRateLimits();
    }
}
