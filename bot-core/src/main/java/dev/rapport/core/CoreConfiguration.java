package dev.rapport.core;

import dev.rapport.core.pulse.QuestionBank;
import dev.rapport.core.pulse.Rotation;
import java.time.Clock;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Beans every part of the core shares, and the core's default settings ({@code rapport-core.properties}),
 * which the application's own configuration and the environment override.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:rapport-core.properties")
// The core owns its persistence: entities and repositories are found here whatever package the application lives in.
@EntityScan(basePackages = "dev.rapport.core")
@EnableJpaRepositories(basePackages = "dev.rapport.core")
public class CoreConfiguration {

    /** All domain time comes from here; tests replace it with a clock they drive. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    QuestionBank questionBank() {
        return QuestionBank.load();
    }

    @Bean
    Rotation rotation(QuestionBank bank) {
        return new Rotation(bank);
    }
}
