package dev.rapport.localslack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local Slack, spoken to with plain HTTP: what any Slack client would send. */
class LocalSlackTest {

    private static final String TOKEN = LocalSlack.Builder.DEFAULT_TOKEN;
    private static final Clock FROZEN = Clock.fixed(Instant.parse("2026-11-24T17:00:00Z"), ZoneOffset.UTC);

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalSlack slack;

    @AfterEach
    void stop() {
        if (slack != null) {
            slack.close();
        }
        http.close();
    }

    @Test
    void auth_test_answers_the_workspace_of_the_token_and_refuses_an_unknown_or_missing_token() throws Exception {
        slack = LocalSlack.builder()
                .workspace("T0ACME", "local-acme-bot-token-0000000001")
                .start();

        JsonObject ok = call("auth.test", "local-acme-bot-token-0000000001", "").json;
        JsonObject wrong = call("auth.test", "local-someone-else-token-000001", "").json;
        JsonObject none = call("auth.test", null, "").json;

        assertThat(ok.get("ok").getAsBoolean()).isTrue();
        assertThat(ok.get("team_id").getAsString()).isEqualTo("T0ACME");
        assertThat(wrong.get("ok").getAsBoolean()).isFalse();
        assertThat(wrong.get("error").getAsString()).isEqualTo("invalid_auth");
        assertThat(none.get("error").getAsString()).isEqualTo("not_authed");
    }

    @Test
    void conversations_open_gives_each_user_one_dm_channel_whether_asked_in_a_form_or_in_json() throws Exception {
        slack = LocalSlack.start();

        String first = call("conversations.open", TOKEN, "users=U0ANA")
                .json
                .getAsJsonObject("channel")
                .get("id")
                .getAsString();
        JsonObject again = callJson("conversations.open", "{\"users\":\"U0ANA\"}").json;
        String other = call("conversations.open", TOKEN, "users=U0BEN")
                .json
                .getAsJsonObject("channel")
                .get("id")
                .getAsString();

        assertThat(first).startsWith("D").isEqualTo(slack.dmChannelOf(LocalSlack.Builder.DEFAULT_TEAM, "U0ANA"));
        assertThat(again.getAsJsonObject("channel").get("id").getAsString()).isEqualTo(first);
        assertThat(again.get("already_open").getAsBoolean()).isTrue();
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void a_posted_message_is_recorded_with_its_blocks_and_can_be_updated() throws Exception {
        slack = LocalSlack.start();
        String channel = call("conversations.open", TOKEN, "users=U0ANA")
                .json
                .getAsJsonObject("channel")
                .get("id")
                .getAsString();
        String blocks = "[{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"action_id\":\"a:1\"}]}]";

        JsonObject posted =
                call("chat.postMessage", TOKEN, "channel=" + channel + "&text=Hi&blocks=" + encode(blocks)).json;
        String ts = posted.get("ts").getAsString();
        JsonObject updated = call("chat.update", TOKEN, "channel=" + channel + "&ts=" + ts + "&text=Thanks").json;

        assertThat(posted.get("ok").getAsBoolean()).isTrue();
        assertThat(posted.get("channel").getAsString()).isEqualTo(channel);
        assertThat(slack.messages())
                .containsExactly(
                        new PostedMessage(LocalSlack.Builder.DEFAULT_TEAM, channel, "U0ANA", "Hi", blocks, ts));
        assertThat(slack.messages().getFirst().actionIds()).containsExactly("a:1");
        assertThat(updated.get("ok").getAsBoolean()).isTrue();
        assertThat(slack.updates())
                .extracting(PostedMessage::ts, PostedMessage::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ts, "Thanks"));
    }

    @Test
    void posting_to_one_channel_beyond_its_burst_answers_429_with_retry_after_and_records_nothing() throws Exception {
        slack = LocalSlack.builder().clock(FROZEN).perChannel(2).start();

        Reply first = call("chat.postMessage", TOKEN, "channel=U0ANA&text=1");
        Reply second = call("chat.postMessage", TOKEN, "channel=U0ANA&text=2");
        Reply third = call("chat.postMessage", TOKEN, "channel=U0ANA&text=3");
        Reply otherChannel = call("chat.postMessage", TOKEN, "channel=U0BEN&text=4");

        assertThat(first.status).isEqualTo(200);
        assertThat(second.status).isEqualTo(200);
        assertThat(third.status).isEqualTo(429);
        assertThat(third.retryAfter).isEqualTo("1");
        assertThat(third.json.get("error").getAsString()).isEqualTo("ratelimited");
        assertThat(otherChannel.status).isEqualTo(200);
        assertThat(slack.messages()).extracting(PostedMessage::text).containsExactly("1", "2", "4");
    }

    @Test
    void injected_faults_answer_5xx_for_the_next_calls_and_refuse_dms_to_a_chosen_user() throws Exception {
        slack = LocalSlack.start();
        slack.failNextCalls(1, 502);
        slack.closeDirectMessages("U0GONE", "user_not_found");

        Reply outage = call("auth.test", TOKEN, "");
        Reply recovered = call("auth.test", TOKEN, "");
        Reply gone = call("conversations.open", TOKEN, "users=U0GONE");

        assertThat(outage.status).isEqualTo(502);
        assertThat(recovered.json.get("ok").getAsBoolean()).isTrue();
        assertThat(gone.json.get("error").getAsString()).isEqualTo("user_not_found");
        assertThat(slack.calls()).extracting(LocalSlack.ApiCall::status).containsExactly(502, 200, 200);
    }

    @Test
    void closed_direct_messages_fail_with_cannot_dm_user_until_they_are_opened_again() throws Exception {
        slack = LocalSlack.start();
        String channel = call("conversations.open", TOKEN, "users=U0ANA")
                .json
                .getAsJsonObject("channel")
                .get("id")
                .getAsString();
        slack.closeDirectMessages("U0ANA");

        Reply refusedOpen = call("conversations.open", TOKEN, "users=U0ANA");
        Reply refusedPost = call("chat.postMessage", TOKEN, "channel=" + channel + "&text=hi");
        slack.openDirectMessages("U0ANA");
        Reply posted = call("chat.postMessage", TOKEN, "channel=" + channel + "&text=hi");

        assertThat(refusedOpen.json.get("error").getAsString()).isEqualTo(LocalSlack.CANNOT_DM_USER);
        assertThat(refusedPost.json.get("error").getAsString()).isEqualTo(LocalSlack.CANNOT_DM_USER);
        assertThat(posted.json.get("ok").getAsBoolean()).isTrue();
        assertThat(slack.messages()).extracting(PostedMessage::text).containsExactly("hi");
    }

    private record Reply(int status, String retryAfter, JsonObject json) {}

    private Reply call(String method, String token, String form) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(slack.apiUrl() + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private Reply callJson(String method, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(slack.apiUrl() + method))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return reply(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static Reply reply(HttpResponse<String> response) {
        return new Reply(
                response.statusCode(),
                response.headers().firstValue("Retry-After").orElse(null),
                JsonParser.parseString(response.body()).getAsJsonObject());
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
