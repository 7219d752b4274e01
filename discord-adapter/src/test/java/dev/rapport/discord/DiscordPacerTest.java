package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DiscordPacerTest {

    @Test
    void requests_are_spaced_to_the_rate_after_a_small_burst() {
        DiscordPacer pacer = new DiscordPacer(100);

        long start = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            assertThat(pacer.acquire(Duration.ofSeconds(5))).isTrue();
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        // A burst of 10 (a tenth of a second's worth) goes at once; the other 20 wait 10 ms each.
        assertThat(elapsedMillis).isBetween(180L, 1_000L);
    }

    @Test
    void a_wait_longer_than_allowed_is_refused_without_using_a_slot() {
        DiscordPacer pacer = new DiscordPacer(1);
        assertThat(pacer.acquire(Duration.ZERO)).isTrue();

        assertThat(pacer.acquire(Duration.ofMillis(100))).isFalse();
        assertThat(pacer.backlog()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(pacer.acquire(Duration.ofSeconds(2))).isTrue();
    }
}
