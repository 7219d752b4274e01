package dev.rapport.core.test;

import dev.rapport.core.chat.Directory;
import dev.rapport.core.chat.Platform;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The core alone, as the tests run it: a settable clock, recording chat ports and a scripted directory. */
@SpringBootApplication(scanBasePackages = "dev.rapport.core")
public class CoreTestApplication {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    }

    @Bean
    RecordingChatPort slackPort() {
        return new RecordingChatPort(Platform.SLACK);
    }

    @Bean
    RecordingChatPort discordPort() {
        return new RecordingChatPort(Platform.DISCORD);
    }

    /** Meters the tests can read back (the application's registry is Prometheus's, through Actuator). */
    @Bean
    SimpleMeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    TestDirectory testDirectory() {
        return new TestDirectory();
    }

    @Bean
    Directory slackDirectory(TestDirectory script) {
        return script.of(Platform.SLACK);
    }

    @Bean
    Directory discordDirectory(TestDirectory script) {
        return script.of(Platform.DISCORD);
    }
}
