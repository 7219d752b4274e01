package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.app.LogFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class LogFormatTest {

    @Test
    void json_turns_on_spring_boots_structured_console_log_and_text_leaves_it_alone() {
        assertThat(formatFor("json")).isEqualTo("ecs");
        assertThat(formatFor("text")).isNull();
        assertThat(formatFor(null)).isNull();
    }

    @Test
    void an_unknown_format_stops_the_start_with_the_choices() {
        assertThatThrownBy(() -> formatFor("xml"))
                .hasMessageContaining("use json")
                .hasMessageContaining("or text");
    }

    private static String formatFor(String value) {
        StandardEnvironment env = new StandardEnvironment();
        if (value != null) {
            env.getPropertySources().addFirst(new MapPropertySource("test", Map.of("rapport.log-format", value)));
        }
        new LogFormat().postProcessEnvironment(env, new SpringApplication());
        return env.getProperty("logging.structured.format.console");
    }
}
