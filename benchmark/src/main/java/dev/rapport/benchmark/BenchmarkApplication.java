package dev.rapport.benchmark;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatPort;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import dev.rapport.core.chat.SendKey;
import dev.rapport.core.chat.SendResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The core's Spring context as the benchmark runs it: everything under {@code dev.rapport.core}, a clock
 * fixed just after the seeded due instant, and a chat port that accepts every message at once, so the
 * figures measure Rapport and PostgreSQL, not a platform.
 */
@SpringBootApplication(scanBasePackages = "dev.rapport.core")
public class BenchmarkApplication {

    /** The benchmark's "now": set by the runner to a moment just after every slot fell due. */
    @Bean
    @Primary
    Clock benchmarkClock(@Value("${bench.now}") String now) {
        return Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
    }

    @Bean
    NoopChatPort slackPort() {
        return new NoopChatPort(Platform.SLACK);
    }

    /** Accepts every message immediately and counts it; never paces. */
    public static final class NoopChatPort implements ChatPort {
        private final Platform platform;
        private final LongAdder sent = new LongAdder();

        NoopChatPort(Platform platform) {
            this.platform = platform;
        }

        @Override
        public Platform platform() {
            return platform;
        }

        @Override
        public SendResult send(Recipient recipient, ChatMessage message, SendKey key) {
            sent.increment();
            return new SendResult.Sent("bench");
        }

        @Override
        public Probe probe(String workspaceId) {
            return Probe.up();
        }

        public long sent() {
            return sent.sum();
        }
    }
}
