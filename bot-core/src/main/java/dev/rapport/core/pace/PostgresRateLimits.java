package dev.rapport.core.pace;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link RateLimits} shared by every instance: each limit is one row of {@code rate_bucket} (Flyway V4) holding
 * Bucket4j's token-bucket state, read and written under {@code SELECT ... FOR UPDATE}. Taking a turn is one short
 * transaction, so two instances sending to one workspace take turns from one budget and together keep to the limit,
 * where each pacing itself would aim at twice it.
 *
 * <p>Row locks rather than advisory locks: they hold only for the transaction, and a crashed instance's lock goes with
 * its connection. The time in the bucket is the instances' wall clock (Bucket4j's default), which is about real
 * seconds on the wire and so deliberately not the application's {@link java.time.Clock}; instances are assumed to keep
 * their clocks in step (NTP), as the platforms' own limits do.
 */
@Component
public class PostgresRateLimits implements RateLimits {

    private static final Logger log = LoggerFactory.getLogger(PostgresRateLimits.class);

    /** Buckets idle this long (after refilling to full) are deleted: nothing is lost, a full bucket is the default. */
    private static final Duration KEEP_IDLE = Duration.ofMinutes(10);

    private static final long CLEAN_EVERY_NANOS = Duration.ofMinutes(10).toNanos();

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final AtomicLong lastCleaned = new AtomicLong(System.nanoTime());

    public PostgresRateLimits(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_IDLE))
                .build();
    }

    @Override
    public boolean acquire(Limit limit, Duration maxWait) {
        cleanNowAndThen();
        return Buckets.take(buckets.builder().build(limit.key(), () -> Buckets.configuration(limit)), maxWait);
    }

    /** Deletes expired buckets at most every ten minutes per instance, from whichever caller comes first. */
    private void cleanNowAndThen() {
        long last = lastCleaned.get();
        long now = System.nanoTime();
        if (now - last < CLEAN_EVERY_NANOS || !lastCleaned.compareAndSet(last, now)) {
            return;
        }
        try {
            buckets.removeExpired(1000);
        } catch (RuntimeException e) {
            // Only housekeeping: the next round tries again.
            log.debug("Could not remove expired rate-limit buckets: {}", e.toString());
        }
    }
}
