package dev.rapport;

import dev.rapport.core.chat.ChatPort;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** Rapport: the core, the chat adapters that are configured, and the schedule, in one Spring Boot process. */
@SpringBootApplication
// The core's test support (bot-core's test-jar, on the tests' classpath only) has a configuration of its own with
// recording chat ports and a fixed clock: never part of the application, even in the application's tests.
@ComponentScan(
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.rapport\\.core\\.test\\..*")
        })
public class RapportApplication {

    private static final Logger log = LoggerFactory.getLogger(RapportApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(RapportApplication.class, args);
    }

    @Bean
    ApplicationRunner announceConnections(List<ChatPort> ports) {
        return args -> {
            if (ports.isEmpty()) {
                log.warn(
                        "Rapport is running with no chat platform connected: the schedule runs and messages wait in the outbox"
                                + " until a Slack or Discord connection is configured.");
            } else {
                log.info(
                        "Rapport is running; connected to {}",
                        ports.stream().map(ChatPort::platform).toList());
            }
        };
    }
}
