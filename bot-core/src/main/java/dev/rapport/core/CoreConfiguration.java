package dev.rapport.core;

import dev.rapport.core.pulse.QuestionBank;
import dev.rapport.core.pulse.QuestionBanks;
import dev.rapport.core.pulse.Rotation;
import java.time.Clock;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * The question bank, in the language {@code rapport.pulse.language} names ({@code RAPPORT_PULSE_LANGUAGE}, e.g.
     * {@code fr}); English when unset. Translations keep the ids and version, so answers stay comparable.
     */
    @Bean
    QuestionBanks questionBanks(@Value("${rapport.pulse.language:}") String language) {
        return QuestionBanks.load(language.isBlank() ? Locale.ROOT : Locale.forLanguageTag(language));
    }

    /** The bank new check-ins are asked from ({@link QuestionBanks#current}). */
    @Bean
    QuestionBank questionBank(QuestionBanks banks) {
        return banks.current();
    }

    @Bean
    Rotation rotation(QuestionBank bank) {
        return new Rotation(bank);
    }
}
