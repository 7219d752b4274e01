package dev.rapport.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SandboxActivationTest {

    @Test
    void with_no_platform_configured_the_sandbox_runs_and_any_credential_turns_it_off() {
        assertThat(SandboxActivation.shouldRun(env(Map.of()))).isTrue();
        assertThat(SandboxActivation.shouldRun(env(Map.of("rapport.slack.bot-token", "x"))))
                .isFalse();
        assertThat(SandboxActivation.shouldRun(env(Map.of("rapport.slack.client-id", "1.2"))))
                .isFalse();
        assertThat(SandboxActivation.shouldRun(env(Map.of("rapport.discord.token", "x"))))
                .isFalse();
        assertThat(SandboxActivation.shouldRun(env(Map.of("rapport.slack.bot-token", " "))))
                .as("a blank token is no token")
                .isTrue();
    }

    @Test
    void it_can_be_forced_either_way_and_a_wrong_setting_says_what_to_write() {
        assertThat(SandboxActivation.shouldRun(env(Map.of("rapport.sandbox.enabled", "false"))))
                .isFalse();
        assertThat(SandboxActivation.shouldRun(
                        env(Map.of("rapport.sandbox.enabled", "true", "rapport.slack.bot-token", "x"))))
                .isTrue();
        assertThatThrownBy(() -> SandboxActivation.shouldRun(env(Map.of("rapport.sandbox.enabled", "maybe"))))
                .hasMessageContaining("use auto");
    }

    @Test
    void the_sandbox_clock_only_moves_forward() {
        SandboxClock clock = new SandboxClock();
        var before = clock.instant();
        clock.advance(java.time.Duration.ofDays(7));
        assertThat(clock.instant()).isAfterOrEqualTo(before.plus(java.time.Duration.ofDays(7)));
        clock.advanceTo(before);
        assertThat(clock.ahead()).isEqualTo(java.time.Duration.ofDays(7));
        assertThatThrownBy(() -> clock.advance(java.time.Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static StandardEnvironment env(Map<String, Object> values) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(values)));
        return env;
    }
}
