package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import dev.rapport.core.chat.SendKey;
import dev.rapport.core.chat.SendResult;
import dev.rapport.core.chat.SendResult.Unavailable.Scope;
import dev.rapport.core.pace.RateLimits;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Response;
import org.junit.jupiter.api.Test;

/** What Discord's answers mean for a message; the end-to-end tests show them on the wire. */
class DiscordChatPortTest {

    private static final String ROUTE = "POST channels/{id}/messages";

    /** Discord's answer as JDA reports it: the HTTP status and Discord's JSON error body. */
    private static SendResult refused(int status, ErrorResponse error) {
        okhttp3.Response http = new okhttp3.Response.Builder()
                .request(new okhttp3.Request.Builder()
                        .url("http://127.0.0.1/api/v10/channels/1/messages")
                        .build())
                .protocol(okhttp3.Protocol.HTTP_1_1)
                .code(status)
                .message("refused")
                .body(okhttp3.ResponseBody.create(
                        "{\"message\":\"" + error.getMeaning() + "\",\"code\":" + error.getCode() + "}",
                        okhttp3.MediaType.get("application/json")))
                .build();
        Response response = new Response(http, -1, Set.of());
        return DiscordChatPort.fromError(
                ROUTE,
                ErrorResponseException.create(
                        ErrorResponse.fromJSON(response.optObject().orElseThrow()), response),
                true);
    }

    @Test
    void closed_dms_and_other_refusals_are_unreachable_so_nothing_retries_them() {
        assertThat(refused(403, ErrorResponse.CANNOT_SEND_TO_USER))
                .isInstanceOfSatisfying(
                        SendResult.Unreachable.class,
                        u -> assertThat(u.reason()).contains("50007"));
        assertThat(refused(403, ErrorResponse.MISSING_ACCESS)).isInstanceOf(SendResult.Unreachable.class);
        assertThat(refused(404, ErrorResponse.UNKNOWN_USER)).isInstanceOf(SendResult.Unreachable.class);
    }

    @Test
    void a_body_discord_will_never_accept_fails_for_good_and_a_server_error_is_an_outage() {
        assertThat(refused(400, ErrorResponse.INVALID_FORM_BODY)).isInstanceOf(SendResult.PermanentFailure.class);
        assertThat(refused(500, ErrorResponse.SERVER_ERROR))
                .as("a 500 may come after the message was made")
                .isInstanceOfSatisfying(SendResult.Unavailable.class, u -> {
                    assertThat(u.scope()).isEqualTo(Scope.PLATFORM);
                    assertThat(u.mayHaveArrived()).isTrue();
                });
        assertThat(refused(503, ErrorResponse.SERVER_ERROR))
                .isInstanceOfSatisfying(
                        SendResult.Unavailable.class,
                        u -> assertThat(u.mayHaveArrived()).isFalse());
        assertThat(refused(404, ErrorResponse.UNKNOWN_CHANNEL)).isInstanceOf(SendResult.TransientFailure.class);
    }

    @Test
    void a_rejected_token_makes_discord_unavailable_and_says_which_variable_to_fix() {
        assertThat(refused(401, ErrorResponse.UNAUTHORIZED))
                .isInstanceOfSatisfying(
                        SendResult.Unavailable.class,
                        f -> assertThat(f.reason()).contains("RAPPORT_DISCORD_TOKEN"));
    }

    @Test
    void a_request_still_waiting_for_its_bucket_at_the_deadline_was_never_sent_and_waits_its_turn() {
        assertThat(DiscordChatPort.fromFailure(ROUTE, new Calls.Failure.NotSent(), true))
                .isInstanceOf(SendResult.RateLimited.class);
        assertThat(DiscordChatPort.fromFailure(ROUTE, new Calls.Failure.Stopping(), true))
                .as("JDA refused it while shutting down: not a rate limit")
                .isInstanceOf(SendResult.NotConnected.class);
        assertThat(DiscordChatPort.fromFailure(ROUTE, new Calls.Failure.Unknown(new IOException("reset")), true))
                .as("no answer: the message may have been made")
                .isEqualTo(new SendResult.Unavailable(Scope.PLATFORM, "Discord " + ROUTE + ": IOException", true));
        assertThat(DiscordChatPort.fromFailure(
                        "POST users/@me/channels", new Calls.Failure.Unknown(new IOException("reset")), false))
                .as("opening a DM channel makes no message")
                .isInstanceOfSatisfying(
                        SendResult.Unavailable.class,
                        u -> assertThat(u.mayHaveArrived()).isFalse());
    }

    @Test
    void while_the_bot_is_not_connected_a_send_says_so_and_nothing_is_sent() {
        DiscordChatPort port =
                new DiscordChatPort(() -> null, new DiscordPacer(RateLimits.inMemory(), 45), Duration.ofSeconds(1));

        SendResult r = port.send(
                new Recipient(Platform.DISCORD, "1", "2", "Ana"), ChatMessage.text("Hello"), SendKey.first(1));

        assertThat(r).isEqualTo(new SendResult.NotConnected("Discord: not connected"));
        assertThat(port.probe("1").available()).isFalse();
        assertThat(port.requests()).isZero();
    }

    @Test
    void the_nonce_is_the_outbox_rows_id_within_discords_25_characters() {
        assertThat(DiscordChatPort.nonce(SendKey.first(Long.MAX_VALUE))).isEqualTo("9223372036854775807");
        assertThat(DiscordChatPort.nonce(SendKey.first(Long.MAX_VALUE)).length())
                .isLessThanOrEqualTo(25);
    }
}
