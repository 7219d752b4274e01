package dev.rapport.core.test;

import dev.rapport.core.chat.Platform;
import java.time.Instant;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The core alone, as the tests run it: a settable clock and recording chat ports for both platforms. */
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
}
