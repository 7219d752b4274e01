package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SlackConfigurationTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(SlackConfiguration.class);

    @Test
    void without_a_bot_token_or_an_oauth_client_slack_stays_off() {
        context.run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c).doesNotHaveBean(SlackApi.class).doesNotHaveBean(SlackChatPort.class);
        });
    }

    @Test
    void a_bot_token_without_a_way_in_stops_the_start_with_what_to_set() {
        context.withPropertyValues("rapport.slack.bot-token=local-configured-token-0001")
                .run(c -> assertThat(c)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("RAPPORT_SLACK_SIGNING_SECRET")
                        .hasMessageContaining("RAPPORT_SLACK_APP_TOKEN"));
    }

    @Test
    void settings_that_cannot_work_are_refused_with_the_variable_to_set() {
        assertThatThrownBy(() -> properties("socket", "local-bot-token-0001", null, null, null, null, null)
                        .validate())
                .hasMessageContaining("RAPPORT_SLACK_APP_TOKEN");
        assertThatThrownBy(() -> properties("carrier-pigeon", "local-bot-token-0001", null, "s", null, null, null)
                        .validate())
                .hasMessageContaining("use socket or http");
        assertThatThrownBy(() -> properties(null, null, null, "secret", "client", null, "k".repeat(32))
                        .validate())
                .hasMessageContaining("RAPPORT_SLACK_CLIENT_SECRET");
        properties(null, "local-bot-token-0001", "local-app-token-0001", null, null, null, null)
                .validate();
        properties(null, null, null, "secret", "client", "client-secret", "k".repeat(32))
                .validate();
        // Bot tokens are sealed under RAPPORT_SECRET_KEY (the core's Secrets): the old token key is no longer needed.
        properties(null, null, null, "secret", "client", "client-secret", null).validate();
    }

    @Test
    void an_app_token_means_socket_mode_unless_http_is_asked_for() {
        assertThat(properties(null, "b", "a", null, null, null, null).socketMode())
                .isTrue();
        assertThat(properties("http", "b", "a", "s", null, null, null).socketMode())
                .isFalse();
        assertThat(properties(null, "b", null, "s", null, null, null).socketMode())
                .isFalse();
    }

    @Test
    void printing_the_settings_shows_no_secret() {
        SlackProperties p = new SlackProperties(
                "socket",
                "local-secret-bot-token",
                "local-secret-app-token",
                "local-secret-signing",
                "client-123",
                "local-secret-client",
                "local-secret-key-local-secret-key",
                URI.create("http://127.0.0.1:1/api/"),
                Duration.ofSeconds(3),
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(p.toString())
                .doesNotContain("local-secret")
                .contains("client-123")
                .contains("(set)");
        assertThat(p.command()).isEqualTo("/rapport");
    }

    private static SlackProperties properties(
            String mode,
            String botToken,
            String appToken,
            String signingSecret,
            String clientId,
            String clientSecret,
            String tokenKey) {
        return new SlackProperties(
                mode,
                botToken,
                appToken,
                signingSecret,
                clientId,
                clientSecret,
                tokenKey,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
