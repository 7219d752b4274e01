package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.SendResult;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackChatPortTest {

    @Test
    void slack_errors_that_mean_the_person_cannot_be_reached_mark_them_unreachable() {
        for (String error : List.of("cannot_dm_user", "user_not_found", "user_disabled", "messages_tab_disabled")) {
            assertThat(SlackChatPort.fromError("chat.postMessage", error))
                    .as(error)
                    .isEqualTo(new SendResult.Unreachable("Slack chat.postMessage: " + error));
        }
    }

    @Test
    void a_stale_dm_channel_is_retried_and_a_message_slack_will_never_take_is_permanent() {
        for (String error : List.of("channel_not_found", "not_in_channel", "is_archived")) {
            assertThat(SlackChatPort.fromError("chat.postMessage", error))
                    .as(error)
                    .isInstanceOf(SendResult.TransientFailure.class);
        }
        assertThat(SlackChatPort.fromError("chat.postMessage", "invalid_blocks"))
                .isEqualTo(new SendResult.PermanentFailure("Slack chat.postMessage: invalid_blocks"));
    }

    @Test
    void a_rejected_token_is_transient_and_tells_the_operator_what_to_fix() {
        for (String error : List.of("invalid_auth", "token_revoked", "account_inactive")) {
            assertThat(SlackChatPort.fromError("chat.postMessage", error))
                    .as(error)
                    .isInstanceOfSatisfying(
                            SendResult.TransientFailure.class,
                            f -> assertThat(f.reason()).contains(error, "operator", "RAPPORT_SLACK_BOT_TOKEN"));
        }
    }

    @Test
    void an_unknown_slack_error_is_retried_and_a_ratelimited_error_waits_a_second() {
        assertThat(SlackChatPort.fromError("chat.postMessage", "internal_error"))
                .isEqualTo(new SendResult.TransientFailure("Slack chat.postMessage: internal_error"));
        assertThat(SlackChatPort.fromError("chat.postMessage", "ratelimited"))
                .isEqualTo(new SendResult.RateLimited(Duration.ofSeconds(1)));
    }

    @Test
    void retry_after_is_read_in_whole_seconds_and_defaults_to_one_second() {
        assertThat(SlackChatPort.retryAfter("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SlackChatPort.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SlackChatPort.retryAfter("0")).isEqualTo(Duration.ofSeconds(1));
        assertThat(SlackChatPort.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isEqualTo(Duration.ofSeconds(1));
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
    }
}
