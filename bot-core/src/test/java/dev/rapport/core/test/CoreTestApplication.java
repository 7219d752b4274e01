package dev.rapport.core.test;

import dev.rapport.core.chat.Directory;
import dev.rapport.core.chat.Platform;
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
