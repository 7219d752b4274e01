package dev.rapport.core.pace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.test.CoreTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Limits kept in PostgreSQL are the bot's: instances sharing a database share each limit's turns. */
class SharedRateLimitsIT extends CoreTestSupport {

    @Autowired
    DataSource dataSource;

    @Test
    void two_instances_naming_the_same_limit_together_take_no_more_turns_than_it_allows() throws Exception {
        // Two instances, as two processes would be: each its own RateLimits, one database.
        List<RateLimits> instances = List.of(new PostgresRateLimits(dataSource), new PostgresRateLimits(dataSource));
        Limit limit = new Limit("test:shared", 10, 1);
        long windowNanos = TimeUnit.SECONDS.toNanos(2);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> taken = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                RateLimits mine = instances.get(worker % 2);
                taken.add(pool.submit(() -> {
                    int n = 0;
                    while (System.nanoTime() - start < windowNanos) {
                        long left = windowNanos - (System.nanoTime() - start);
                        if (left > 0 && mine.acquire(limit, Duration.ofNanos(left))) {
                            n++;
                        }
                    }
                    return n;
                }));
            }
            int first = taken.get(0).get() + taken.get(2).get();
            int second = taken.get(1).get() + taken.get(3).get();
            // 10 a second for 2 seconds, plus the one the bucket holds: 21 at most, however many instances ask. Each
            // instance pacing itself would have let 42 through.
            assertThat(first + second).isLessThanOrEqualTo(21);
            assertThat(first).as("the first instance got turns").isPositive();
            assertThat(second).as("the second instance got turns").isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_turn_further_away_than_the_caller_will_wait_is_refused_without_being_used() {
        RateLimits limits = new PostgresRateLimits(dataSource);
        Limit limit = new Limit("test:refused", 1, 1);

        assertThat(limits.acquire(limit, Duration.ZERO)).isTrue();
        assertThat(limits.acquire(limit, Duration.ofMillis(50))).isFalse();
        assertThat(limits.acquire(limit, Duration.ofSeconds(3))).isTrue();
    }

    @Test
    void different_limits_do_not_share_turns() {
        RateLimits limits = new PostgresRateLimits(dataSource);

        assertThat(limits.acquire(new Limit("slack:T1:chat.postMessage", 1, 1), Duration.ZERO))
                .isTrue();
        assertThat(limits.acquire(new Limit("slack:T2:chat.postMessage", 1, 1), Duration.ZERO))
                .isTrue();
    }
}
