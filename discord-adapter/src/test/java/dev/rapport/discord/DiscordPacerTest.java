package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.pace.RateLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DiscordPacerTest {

    @Test
    void requests_are_spaced_evenly_at_the_pace() {
        DiscordPacer pacer = new DiscordPacer(RateLimits.inMemory(), 100);

        long start = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            assertThat(pacer.acquire(Duration.ofSeconds(5))).isTrue();
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        // A bucket of one: the first goes at once, the other 29 wait 10 ms each.
        assertThat(elapsedMillis).isBetween(270L, 1_500L);
    }

    @Test
    void a_wait_longer_than_allowed_is_refused_without_using_a_turn() {
        DiscordPacer pacer = new DiscordPacer(RateLimits.inMemory(), 1);
        assertThat(pacer.acquire(Duration.ZERO)).isTrue();

        assertThat(pacer.acquire(Duration.ofMillis(100))).isFalse();
        assertThat(pacer.acquire(Duration.ofSeconds(2))).isTrue();
    }
}
