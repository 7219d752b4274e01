package dev.rapport.localslack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import com.slack.api.model.Message;
import dev.rapport.localkit.Http;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Message metadata on {@code chat.postMessage} and {@code chat.update}, as the Slack SDK sends it and as plain HTTP
 * can: kept with the message, handed back where Slack hands it back, refused or ignored as Slack documents.
 */
class MessageMetadataTest {

    private static final String TEAM = LocalSlack.Builder.DEFAULT_TEAM;
    private static final String TOKEN = LocalSlack.Builder.DEFAULT_TOKEN;

    private LocalSlack slack;
    private Slack sdk;
    private MethodsClient methods;
    private Api api;

    @BeforeEach
    void start() {
        slack = LocalSlack.builder()
                .clock(new MutableClock(Instant.parse("2026-07-01T12:00:00Z")))
                .perChannel(100)
                .start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        config.setStatsEnabled(false);
        sdk = Slack.getInstance(config);
        methods = sdk.methods(TOKEN);
        api = new Api(slack);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        sdk.close();
        slack.close();
    }

    @Test
    void metadata_sent_by_the_sdk_is_kept_with_the_message_and_returned_in_the_posted_message() throws Exception {
        ChatPostMessageResponse posted = methods.chatPostMessage(r -> r.channel("U0ANA")
                .text("Time for your check-in")
                .metadata(new Message.Metadata("rapport_outbox", Map.of("outbox_id", "42"))));

        assertThat(posted.isOk()).isTrue();
        assertThat(posted.getWarning()).isNull();
        assertThat(posted.getMessage().getMetadata().getEventType()).isEqualTo("rapport_outbox");
        assertThat(posted.getMessage().getMetadata().getEventPayload()).containsEntry("outbox_id", "42");
        PostedMessage kept = slack.messages().getFirst();
        assertThat(kept.metadataEventType()).contains("rapport_outbox");
        assertThat(kept.metadata().orElseThrow().getAsJsonObject("event_payload"))
                .isEqualTo(JsonParser.parseString("{\"outbox_id\":\"42\"}"));
        assertThat(slack.currentMessage(kept.channel(), kept.ts()).orElseThrow().metadataJson())
                .isEqualTo(kept.metadataJson());
    }

    @Test
    void metadata_in_a_json_body_is_an_object_and_in_a_form_body_a_json_string() {
        JsonObject json = new JsonObject();
        json.addProperty("channel", "U0ANA");
        json.addProperty("text", "From JSON");
        json.add("metadata", JsonParser.parseString("{\"event_type\":\"a\",\"event_payload\":{\"n\":1}}"));

        Api.Reply fromJson = api.callJson("chat.postMessage", TOKEN, json);
        Api.Reply fromForm = api.call(
                "chat.postMessage",
                TOKEN,
                Map.of(
                        "channel",
                        "U0ANA",
                        "text",
                        "From a form",
                        "metadata",
                        "{\"event_type\":\"b\",\"event_payload\":{\"nested\":{\"ok\":true}}}"));

        assertThat(fromJson.ok()).isTrue();
        assertThat(fromForm.ok()).isTrue();
        assertThat(fromJson.json().getAsJsonObject("message").getAsJsonObject("metadata"))
                .isEqualTo(JsonParser.parseString("{\"event_type\":\"a\",\"event_payload\":{\"n\":1}}"));
        assertThat(slack.messages())
                .extracting(m -> m.metadataEventType().orElseThrow())
                .containsExactly("a", "b");
    }

    @Test
    void metadata_that_is_not_a_json_object_is_refused_as_invalid_metadata_format_and_nothing_is_posted() {
        Api.Reply notJson =
                api.call("chat.postMessage", TOKEN, Map.of("channel", "U0ANA", "text", "x", "metadata", "{oops"));
        Api.Reply anArray = api.call(
                "chat.postMessage", TOKEN, Map.of("channel", "U0ANA", "text", "x", "metadata", "[\"event_type\"]"));

        assertThat(notJson.error()).isEqualTo("invalid_metadata_format");
        assertThat(anArray.error()).isEqualTo("invalid_metadata_format");
        assertThat(slack.messages()).isEmpty();
    }

    @Test
    void metadata_without_an_event_type_or_an_object_payload_is_refused_as_invalid_metadata_schema() {
        Api.Reply noType = api.call(
                "chat.postMessage",
                TOKEN,
                Map.of("channel", "U0ANA", "text", "x", "metadata", "{\"event_payload\":{\"id\":1}}"));
        Api.Reply payloadNotObject = api.call(
                "chat.postMessage",
                TOKEN,
                Map.of("channel", "U0ANA", "text", "x", "metadata", "{\"event_type\":\"a\",\"event_payload\":7}"));
        Api.Reply noPayload = api.call(
                "chat.postMessage",
                TOKEN,
                Map.of("channel", "U0ANA", "text", "x", "metadata", "{\"event_type\":\"a\"}"));

        assertThat(noType.error()).isEqualTo("invalid_metadata_schema");
        assertThat(payloadNotObject.error()).isEqualTo("invalid_metadata_schema");
        assertThat(noPayload.error()).isEqualTo("invalid_metadata_schema");
        assertThat(slack.messages()).isEmpty();
    }

    @Test
    void an_event_type_with_punctuation_is_posted_without_its_metadata_and_with_slacks_warning() throws Exception {
        ChatPostMessageResponse posted = methods.chatPostMessage(r -> r.channel("U0ANA")
                .text("Dotted")
                .metadata(new Message.Metadata("rapport.outbox", Map.of("outbox_id", "7"))));

        assertThat(posted.isOk()).isTrue();
        assertThat(posted.getWarning()).isEqualTo("invalid_metadata_schema");
        assertThat(posted.getMessage().getMetadata()).isNull();
        assertThat(slack.messages().getFirst().metadata()).isEmpty();
    }

    @Test
    void chat_update_keeps_metadata_it_is_not_given_replaces_it_when_given_and_an_empty_object_removes_it()
            throws Exception {
        ChatPostMessageResponse posted = methods.chatPostMessage(r -> r.channel("U0ANA")
                .text("v1")
                .metadata(new Message.Metadata("rapport_outbox", Map.of("outbox_id", "1"))));
        String channel = posted.getChannel();
        String ts = posted.getTs();

        ChatUpdateResponse textOnly =
                methods.chatUpdate(r -> r.channel(channel).ts(ts).text("v2"));
        String afterText = slack.currentMessage(channel, ts).orElseThrow().metadataJson();
        methods.chatUpdate(r -> r.channel(channel)
                .ts(ts)
                .text("v3")
                .metadata(new Message.Metadata("rapport_outbox", Map.of("outbox_id", "2"))));
        String afterReplace = slack.currentMessage(channel, ts).orElseThrow().metadataJson();
        Api.Reply removed =
                api.call("chat.update", TOKEN, Map.of("channel", channel, "ts", ts, "text", "v4", "metadata", "{}"));

        assertThat(textOnly.getMessage().getMetadata().getEventPayload()).containsEntry("outbox_id", "1");
        assertThat(afterText).contains("\"outbox_id\":\"1\"");
        assertThat(afterReplace).contains("\"outbox_id\":\"2\"");
        assertThat(removed.ok()).isTrue();
        assertThat(slack.currentMessage(channel, ts).orElseThrow().metadata()).isEmpty();
        assertThat(slack.updates()).extracting(PostedMessage::metadataJson).containsExactly(null, afterReplace, null);
    }

    @Test
    void a_user_token_cannot_post_metadata_since_slack_takes_it_from_apps_only() throws Exception {
        URI redirect = slack.approveInstall(
                "https://slack.com/oauth/v2/authorize?client_id=" + LocalSlack.Builder.DEFAULT_CLIENT_ID
                        + "&scope=chat:write&user_scope=chat:write&state=s-1",
                TEAM,
                "U0ADMIN",
                "https://rapport.local/slack/oauth_redirect");
        String code = Http.form(redirect.getRawQuery()).get("code");
        OAuthV2AccessResponse access = sdk.methods()
                .oauthV2Access(r -> r.clientId(LocalSlack.Builder.DEFAULT_CLIENT_ID)
                        .clientSecret(LocalSlack.Builder.DEFAULT_CLIENT_SECRET)
                        .code(code)
                        .redirectUri("https://rapport.local/slack/oauth_redirect"));
        String userToken = access.getAuthedUser().getAccessToken();

        ChatPostMessageResponse posted = sdk.methods(userToken)
                .chatPostMessage(r -> r.channel("U0ANA")
                        .text("As a person")
                        .metadata(new Message.Metadata("rapport_outbox", Map.of("outbox_id", "9"))));

        assertThat(userToken).isNotBlank();
        assertThat(posted.getError()).isEqualTo("metadata_must_be_sent_from_app");
        assertThat(slack.messages()).isEmpty();
    }
}
