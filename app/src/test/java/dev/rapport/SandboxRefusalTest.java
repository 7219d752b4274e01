package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The application, started as its {@code main} starts it, refuses to run the sandbox where it could touch or show
 * something real: the start fails before any bean (or local platform, or database connection) exists, with a report
 * that says what to set, and the process stops.
 */
@ExtendWith(OutputCaptureExtension.class)
class SandboxRefusalTest {

    @Test
    void forced_on_with_a_real_credential_the_application_does_not_start(CapturedOutput output) {
        assertRefused(
                output,
                "never runs with real platform credentials",
                "--rapport.slack.bot-token=operator-supplied-bot-token");
        assertThat(output.getAll()).doesNotContain("operator-supplied-bot-token");
    }

    @Test
    void against_a_configured_database_the_application_does_not_start(CapturedOutput output) {
        assertRefused(output, "RAPPORT_DB_URL is set", "--rapport.db.url=jdbc:postgresql://127.0.0.1:5432/rapport");
    }

    @Test
    void on_an_address_other_machines_reach_the_application_does_not_start(CapturedOutput output) {
        assertRefused(output, "SERVER_ADDRESS is 0.0.0.0", "--server.address=0.0.0.0");
    }

    private static void assertRefused(CapturedOutput output, String reason, String setting) {
        assertThatThrownBy(() -> SpringApplication.run(
                        RapportApplication.class,
                        "--rapport.sandbox.enabled=true",
                        "--server.port=0",
                        "--management.server.port=0",
                        setting))
                .hasMessageContaining(reason);
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains(reason)
                .contains("RAPPORT_SANDBOX_ENABLED=false")
                .doesNotContain("Rapport sandbox: open");
    }
}
