package dev.rapport.discord;

import dev.rapport.core.test.MutableClock;
import java.time.Instant;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Primary;

/**
 * The core and the Discord adapter as the end-to-end tests run them: everything under {@code dev.rapport.core} and
 * {@code dev.rapport.discord}, a settable clock, and no test doubles of the core's own tests (its recording chat
 * ports and scripted directory): the chat port and the directory here are the real Discord ones.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
        basePackages = {"dev.rapport.core", "dev.rapport.discord"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.rapport\\.core\\.test\\..*"))
class DiscordTestApplication {

    /** Monday 2026-11-23, 08:00 UTC: the core's tests start there too. */
    static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(START);
    }
}
