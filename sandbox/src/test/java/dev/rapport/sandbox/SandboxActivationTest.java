package dev.rapport.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

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
    void forced_on_beside_any_real_credential_it_refuses_to_start_and_starts_nothing() {
        for (var credential : SandboxActivation.CREDENTIALS.entrySet()) {
            StandardEnvironment env = env(Map.of("rapport.sandbox.enabled", "true", credential.getKey(), "x-real"));
            assertThatThrownBy(() -> new SandboxActivation().postProcessEnvironment(env, new SpringApplication()))
                    .isInstanceOf(SandboxRefusedException.class)
                    .hasMessageContaining("never runs with real platform credentials")
                    .hasMessageContaining(credential.getValue())
                    .hasMessageNotContaining("x-real");
            assertThat(env.getProperty(SandboxActivation.ACTIVE)).isNull();
            assertThatThrownBy(SandboxWorld::current)
                    .as("the local platforms were not started")
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void it_refuses_to_start_against_a_configured_database_forced_or_not() {
        String url = "jdbc:postgresql://db.example.org:5432/rapport";
        for (String enabled : new String[] {"true", "auto"}) {
            StandardEnvironment env = env(Map.of("rapport.sandbox.enabled", enabled, "rapport.db.url", url));
            assertThatThrownBy(() -> new SandboxActivation().postProcessEnvironment(env, new SpringApplication()))
                    .as(enabled)
                    .isInstanceOf(SandboxRefusedException.class)
                    .hasMessageContaining("RAPPORT_DB_URL is set");
            assertThat(env.getProperty(SandboxActivation.ACTIVE)).isNull();
        }
        // Configured by the environment variable, as an operator would.
        StandardEnvironment fromVariable = new StandardEnvironment();
        fromVariable
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("env", Map.of("RAPPORT_DB_URL", url)));
        assertThat(SandboxActivation.refusal(fromVariable)).isPresent();
    }

    @Test
    void it_refuses_to_serve_on_an_address_other_machines_reach() {
        for (String address : new String[] {"0.0.0.0", "::", "192.0.2.10", "rapport.invalid"}) {
            for (String setting : new String[] {"server.address", "management.server.address"}) {
                assertThat(SandboxActivation.refusal(env(Map.of(setting, address))))
                        .as(setting + "=" + address)
                        .hasValueSatisfying(r -> assertThat(r.getMessage())
                                .contains("serves this machine only")
                                .contains(address));
            }
        }
        for (String address : new String[] {"127.0.0.1", "::1", "[::1]", "localhost", "127.0.0.2"}) {
            assertThat(SandboxActivation.refusal(env(Map.of("server.address", address))))
                    .as(address)
                    .isEmpty();
        }
    }

    @Test
    void the_refusal_is_reported_as_what_to_set_not_as_a_stack_trace() {
        SandboxRefusedException refused = SandboxActivation.refusal(
                        env(Map.of("rapport.db.url", "jdbc:postgresql://db.example.org/rapport")))
                .orElseThrow();
        FailureAnalysis analysis = new SandboxFailureAnalyzer().analyze(new IllegalStateException("wrapped", refused));
        assertThat(analysis.getDescription()).contains("RAPPORT_DB_URL is set");
        assertThat(analysis.getAction()).contains("Unset RAPPORT_DB_URL").contains("RAPPORT_SANDBOX_ENABLED=false");
    }

    @Test
    void the_guard_knows_this_machine_from_the_rest() {
        assertThat(SandboxGuard.loopbackAddress("127.0.0.1")).isTrue();
        assertThat(SandboxGuard.loopbackAddress("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(SandboxGuard.loopbackAddress("192.0.2.1")).isFalse();
        assertThat(SandboxGuard.loopbackAddress("localhost")).as("never a name").isFalse();
        assertThat(SandboxGuard.loopbackHost("localhost:8080")).isTrue();
        assertThat(SandboxGuard.loopbackHost("127.0.0.1:8080")).isTrue();
        assertThat(SandboxGuard.loopbackHost("[::1]:8080")).isTrue();
        assertThat(SandboxGuard.loopbackHost("rebound.example.org:8080"))
                .as("a name pointed at 127.0.0.1")
                .isFalse();
        assertThat(SandboxGuard.loopbackHost("localhost.example.org")).isFalse();
        assertThat(SandboxGuard.loopbackHost(null)).isFalse();
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
