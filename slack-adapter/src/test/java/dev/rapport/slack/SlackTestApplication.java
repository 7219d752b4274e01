package dev.rapport.slack;

import dev.rapport.core.test.MutableClock;
import java.time.Instant;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Primary;

/**
 * The core and the Slack adapter, as the application assembles them, with a clock the tests set: what the Slack
 * end-to-end tests run against the local Slack.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
        basePackages = {"dev.rapport.core", "dev.rapport.slack"},
        // The core's own test application (in its test-jar) brings recording ports; here the real adapter serves.
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.rapport\\.core\\.test\\..*"))
public class SlackTestApplication {

    static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(START);
    }
}
