package dev.rapport.app;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code RAPPORT_LOG_FORMAT=json} ({@code rapport.log-format}) writes the console log as one JSON object per line
 * (Elastic Common Schema, Spring Boot's structured logging), for log collectors; {@code text}, the default, is
 * Spring Boot's usual readable line. Decided before the logging system starts, so even the first lines are JSON.
 */
public final class LogFormat implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format =
                environment.getProperty("rapport.log-format", "text").strip().toLowerCase(Locale.ROOT);
        switch (format) {
            case "json" ->
                environment
                        .getPropertySources()
                        .addFirst(new MapPropertySource(
                                "rapport-log-format", Map.of("logging.structured.format.console", "ecs")));
            case "text", "" -> {}
            default ->
                throw new IllegalStateException(
                        "RAPPORT_LOG_FORMAT is \"" + format + "\"; use json (one JSON object per line) or text.");
        }
    }
}
