package dev.rapport.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Where the key comes from, and what happens without one. */
class SecretsConfigurationTest {

    static final String KEY = "configured-secret-key-of-32-characters!";
    static final String OLD = "the-previous-secret-key-of-32-characters";

    final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(SecretsConfiguration.class);

    @Test
    void without_a_key_rapport_does_not_start_and_says_what_to_set() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).rootCause().isInstanceOf(SecretKeyMissingException.class);
            FailureAnalysis analysis = new SecretKeyFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).contains("RAPPORT_SECRET_KEY is not set");
            assertThat(analysis.getAction()).contains("openssl rand -base64 32");
        });
        runner.withPropertyValues("rapport.secret-key=too-short")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(SecretKeyMissingException.class)
                        .hasMessageContaining("at least 32")
                        .hasMessageNotContaining("too-short"));
    }

    @Test
    void the_key_and_the_previous_ones_come_from_the_environment() {
        runner.withPropertyValues("rapport.secret-key=" + KEY, "rapport.secret-key-previous= " + OLD + " ,")
                .run(context -> {
                    Secrets secrets = context.getBean(Secrets.class);
                    assertThat(secrets.currentKeyId())
                            .isEqualTo(Secrets.of(KEY, List.of()).currentKeyId());
                    String old = Secrets.of(OLD, List.of()).seal(SecretField.MEETING_NOTE, 1L, "n");
                    assertThat(secrets.open(SecretField.MEETING_NOTE, 1L, old)).isEqualTo("n");
                    assertThat(context).hasSingleBean(SecretsAtRestMigration.class);
                });
    }

    @Test
    void the_old_slack_token_key_stands_in_for_the_secret_key() {
        runner.withPropertyValues("rapport.slack.token-key=" + OLD)
                .run(context -> assertThat(context.getBean(Secrets.class).currentKeyId())
                        .isEqualTo(Secrets.of(OLD, List.of()).currentKeyId()));
        runner.withPropertyValues("rapport.slack.token-key=" + OLD, "rapport.secret-key=" + KEY)
                .run(context -> assertThat(context.getBean(Secrets.class).currentKeyId())
                        .as("RAPPORT_SECRET_KEY wins; the old key only reads old tokens during the upgrade")
                        .isEqualTo(Secrets.of(KEY, List.of()).currentKeyId()));
    }

    @Test
    void the_upgrade_reads_old_tokens_with_the_old_key_exactly_as_earlier_versions_used_it() throws Exception {
        String withNewline = OLD + "\n"; // a Kubernetes Secret made from a file keeps the file's last newline
        String token = SecretsUpgradeIT.legacyToken(withNewline, "local-bot-token-old");
        runner.withPropertyValues("rapport.secret-key=" + KEY)
                .withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new org.springframework.core.env.MapPropertySource(
                                "environment", java.util.Map.of("rapport.slack.token-key", withNewline))))
                .run(context -> assertThat(context.getBean(LegacyTokenKey.class).open("SLACK/T1", token))
                        .isEqualTo("local-bot-token-old"));
    }

    @Test
    void only_the_sandbox_on_its_own_database_gets_a_key_for_the_run() {
        runner.withPropertyValues(Secrets.EPHEMERAL_KEY_PROPERTY + "=true")
                .run(context -> assertThat(context).hasSingleBean(Secrets.class));
    }
}
