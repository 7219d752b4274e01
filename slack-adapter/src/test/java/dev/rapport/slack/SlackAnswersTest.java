package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.SendResult;
import dev.rapport.core.chat.SendResult.Unavailable.Scope;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackAnswersTest {

    @Test
    void slack_errors_that_mean_the_person_cannot_be_reached_mark_them_unreachable() {
        for (String error : List.of("cannot_dm_user", "user_not_found", "user_disabled", "messages_tab_disabled")) {
            assertThat(SlackAnswers.fromError("chat.postMessage", error, true))
                    .as(error)
                    .isEqualTo(new SendResult.Unreachable("Slack chat.postMessage: " + error));
        }
    }

    @Test
    void a_stale_dm_channel_is_retried_and_a_message_slack_will_never_take_is_permanent() {
        for (String error : List.of("channel_not_found", "not_in_channel", "is_archived")) {
            assertThat(SlackAnswers.fromError("chat.postMessage", error, true))
                    .as(error)
                    .isInstanceOf(SendResult.TransientFailure.class);
        }
        assertThat(SlackAnswers.fromError("chat.postMessage", "invalid_blocks", true))
                .isEqualTo(new SendResult.PermanentFailure("Slack chat.postMessage: invalid_blocks"));
    }

    @Test
    void a_rejected_token_makes_the_workspace_unavailable_and_tells_the_operator_what_to_fix() {
        for (String error : List.of("invalid_auth", "token_revoked", "account_inactive", "missing_scope")) {
            assertThat(SlackAnswers.fromError("chat.postMessage", error, true))
                    .as(error)
                    .isInstanceOfSatisfying(SendResult.Unavailable.class, u -> {
                        assertThat(u.scope()).isEqualTo(Scope.WORKSPACE);
                        assertThat(u.mayHaveArrived()).isFalse();
                        assertThat(u.reason()).contains(error, "operator", "RAPPORT_SLACK_BOT_TOKEN");
                    });
        }
    }

    @Test
    void slack_failing_is_an_outage_and_a_post_it_may_have_stored_stays_in_doubt() {
        assertThat(SlackAnswers.fromError("chat.postMessage", "internal_error", true))
                .isEqualTo(new SendResult.Unavailable(Scope.WORKSPACE, "Slack chat.postMessage: internal_error", true));
        assertThat(SlackAnswers.fromError("conversations.open", "internal_error", false))
                .isEqualTo(
                        new SendResult.Unavailable(Scope.WORKSPACE, "Slack conversations.open: internal_error", false));
        assertThat(SlackAnswers.fromError("chat.postMessage", "service_unavailable", true))
                .isEqualTo(new SendResult.Unavailable(
                        Scope.WORKSPACE, "Slack chat.postMessage: service_unavailable", false));
        assertThat(SlackAnswers.fromError("chat.postMessage", "ratelimited", true))
                .isEqualTo(new SendResult.RateLimited(Duration.ofSeconds(1)));
        assertThat(SlackAnswers.fromError("chat.postMessage", "some_new_error", true))
                .isInstanceOf(SendResult.TransientFailure.class);
    }

    @Test
    void a_connection_never_made_posted_nothing_but_a_timeout_may_have() {
        IOException refused = new ConnectException("Connection refused");
        IOException timedOut = new SocketTimeoutException("timeout");
        assertThat(SlackAnswers.network("chat.postMessage", refused, true))
                .isEqualTo(
                        new SendResult.Unavailable(Scope.WORKSPACE, "Slack chat.postMessage: ConnectException", false));
        assertThat(SlackAnswers.network("chat.postMessage", timedOut, true))
                .isEqualTo(new SendResult.Unavailable(Scope.WORKSPACE, "Slack chat.postMessage: timeout", true));
        assertThat(SlackAnswers.network("conversations.open", timedOut, false))
                .isEqualTo(new SendResult.Unavailable(Scope.WORKSPACE, "Slack conversations.open: timeout", false));
    }

    @Test
    void retry_after_is_read_in_whole_seconds_and_defaults_to_one_second() {
        assertThat(SlackAnswers.retryAfter("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SlackAnswers.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SlackAnswers.retryAfter("0")).isEqualTo(Duration.ofSeconds(1));
        assertThat(SlackAnswers.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void the_properties_never_print_the_token() {
        SlackProperties properties =
                SlackProperties.singleWorkspace("local-secret-token-value", URI.create("http://127.0.0.1:1/api"));

        assertThat(properties.toString())
                .doesNotContain("local-secret-token-value")
                .contains("(set)");
        assertThat(properties.methodsUrlPrefix()).isEqualTo("http://127.0.0.1:1/api/");
        assertThat(SlackProperties.singleWorkspace("x", null).methodsUrlPrefix())
                .isEqualTo("https://slack.com/api/");
        assertThat(properties.callTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.historyCheck()).isTrue();
    }
}
