package dev.rapport.localslack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.rapport.localkit.Http;
import dev.rapport.localkit.Outage;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Web API methods beyond sending DMs, spoken to with plain HTTP: their answers, limits and errors. */
class WebApiTest {

    private static final String TEAM = LocalSlack.Builder.DEFAULT_TEAM;
    private static final String TOKEN = LocalSlack.Builder.DEFAULT_TOKEN;
    private static final Instant WINTER = Instant.parse("2026-11-24T17:00:00Z");

    private LocalSlack slack;
    private Api api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    private void start(LocalSlack.Builder builder) {
        slack = builder.start();
        api = new Api(slack);
    }

    @Test
    void an_ephemeral_message_is_recorded_and_shown_only_to_the_person_it_names() {
        start(LocalSlack.builder());
        String dm = api.call("conversations.open", TOKEN, Map.of("users", "U0ANA"))
                .json()
                .getAsJsonObject("channel")
                .get("id")
                .getAsString();

        Api.Reply posted =
                api.call("chat.postEphemeral", TOKEN, Map.of("channel", dm, "user", "U0ANA", "text", "Psst"));
        Api.Reply notHers = api.call("chat.postEphemeral", TOKEN, Map.of("channel", dm, "user", "U0BEN", "text", "No"));
        Api.Reply empty = api.call("chat.postEphemeral", TOKEN, Map.of("channel", dm, "user", "U0ANA"));

        assertThat(posted.ok()).isTrue();
        String ts = posted.json().get("message_ts").getAsString();
        assertThat(slack.ephemerals()).containsExactly(new Ephemeral(TEAM, dm, "U0ANA", "Psst", null, ts));
        assertThat(notHers.error()).isEqualTo("user_not_in_channel");
        assertThat(empty.error()).isEqualTo("no_text");
        assertThat(slack.screenOf(TEAM, "U0ANA"))
                .extracting(Seen::kind, Seen::text, Seen::via)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Seen.Kind.EPHEMERAL, "Psst", "chat.postEphemeral"));
        assertThat(slack.screenOf(TEAM, "U0BEN")).isEmpty();
    }

    @Test
    void users_info_answers_the_directory_entry_with_slacks_time_zone_fields_and_user_not_found_for_anyone_else() {
        start(LocalSlack.builder()
                .clock(Clock.fixed(WINTER, ZoneOffset.UTC))
                .workspace(TEAM, TOKEN)
                .workspace("T0OTHER", "local-other-workspace-token-0001")
                .user(TEAM, "U0ANA", "ana", "Ana Lima", "Europe/Paris", true)
                .user("T0OTHER", "U0BEN", "ben", "Ben Okafor", "Asia/Tokyo", false));

        JsonObject ana =
                api.call("users.info", TOKEN, Map.of("user", "U0ANA")).json().getAsJsonObject("user");
        Api.Reply ben = api.call("users.info", TOKEN, Map.of("user", "U0BEN"));
        Api.Reply nobody = api.call("users.info", TOKEN, Map.of("user", "U0NOBODY"));

        assertThat(ana.get("id").getAsString()).isEqualTo("U0ANA");
        assertThat(ana.get("team_id").getAsString()).isEqualTo(TEAM);
        assertThat(ana.get("name").getAsString()).isEqualTo("ana");
        assertThat(ana.get("real_name").getAsString()).isEqualTo("Ana Lima");
        assertThat(ana.getAsJsonObject("profile").get("real_name").getAsString())
                .isEqualTo("Ana Lima");
        assertThat(ana.getAsJsonObject("profile").get("display_name").getAsString())
                .isEmpty();
        assertThat(ana.get("tz").getAsString()).isEqualTo("Europe/Paris");
        assertThat(ana.get("tz_label").getAsString()).isEqualTo("Central European Standard Time");
        assertThat(ana.get("tz_offset").getAsInt()).isEqualTo(3600);
        assertThat(ana.get("is_admin").getAsBoolean()).isTrue();
        assertThat(ana.get("is_owner").getAsBoolean()).isFalse();
        assertThat(ana.get("is_bot").getAsBoolean()).isFalse();
        assertThat(ana.get("deleted").getAsBoolean()).isFalse();
        assertThat(ben.error()).as("another workspace's user").isEqualTo("user_not_found");
        assertThat(nobody.error()).isEqualTo("user_not_found");
    }

    @Test
    void team_info_and_bots_info_describe_the_workspace_and_the_apps_bot() {
        start(LocalSlack.builder().workspaceName(TEAM, "Mentoring School"));

        JsonObject team = api.call("team.info", TOKEN, Map.of()).json().getAsJsonObject("team");
        String botId =
                api.call("auth.test", TOKEN, Map.of()).json().get("bot_id").getAsString();
        JsonObject bot =
                api.call("bots.info", TOKEN, Map.of("bot", botId)).json().getAsJsonObject("bot");

        assertThat(team.get("id").getAsString()).isEqualTo(TEAM);
        assertThat(team.get("name").getAsString()).isEqualTo("Mentoring School");
        assertThat(bot.get("user_id").getAsString()).isEqualTo(slack.botUserId(TEAM));
        assertThat(bot.get("app_id").getAsString()).isEqualTo(slack.appId());
    }

    @Test
    void views_open_takes_a_trigger_issued_with_a_delivery_for_three_seconds_and_once() {
        MutableClock clock = new MutableClock(WINTER);
        start(LocalSlack.builder().clock(clock));
        String first = slack.as(TEAM, "U0ANA").command("/rapport", "comment").triggerId();
        String second = slack.as(TEAM, "U0ANA").command("/rapport", "comment").triggerId();

        Api.Reply bogus = api.call("views.open", TOKEN, Map.of("trigger_id", "1.2.3", "view", modal("Comment")));
        Api.Reply opened = api.call("views.open", TOKEN, Map.of("trigger_id", first, "view", modal("Comment")));
        Api.Reply again = api.call("views.open", TOKEN, Map.of("trigger_id", first, "view", modal("Comment")));
        clock.advance(Duration.ofSeconds(4));
        Api.Reply late = api.call("views.open", TOKEN, Map.of("trigger_id", second, "view", modal("Comment")));

        assertThat(bogus.error()).isEqualTo("invalid_trigger_id");
        assertThat(opened.ok()).isTrue();
        JsonObject view = opened.json().getAsJsonObject("view");
        assertThat(view.get("id").getAsString()).startsWith("V");
        assertThat(view.get("hash").getAsString()).isNotBlank();
        assertThat(view.get("team_id").getAsString()).isEqualTo(TEAM);
        assertThat(again.error()).isEqualTo("exchanged_trigger_id");
        assertThat(late.error()).isEqualTo("expired_trigger_id");
        assertThat(slack.openedViews()).singleElement().satisfies(v -> {
            assertThat(v.userId()).isEqualTo("U0ANA");
            assertThat(v.callbackId()).isEqualTo("comment-form");
            assertThat(v.title()).isEqualTo("Comment");
            assertThat(v.open()).isTrue();
        });
        assertThat(slack.screenOf(TEAM, "U0ANA")).extracting(Seen::kind).containsExactly(Seen.Kind.MODAL);
    }

    @Test
    void a_modal_beyond_slacks_limits_is_refused_naming_the_offending_field() {
        start(LocalSlack.builder());
        JsonObject tooLongTitle = modalJson("A title of twenty-five ch");
        JsonObject tooManyBlocks = modalJson("Comment");
        JsonArray blocks = new JsonArray();
        for (int i = 0; i < 101; i++) {
            blocks.add(section("b" + i));
        }
        tooManyBlocks.add("blocks", blocks);
        JsonObject longMetadata = modalJson("Comment");
        longMetadata.addProperty("private_metadata", "m".repeat(3001));
        JsonObject longCallback = modalJson("Comment");
        longCallback.addProperty("callback_id", "c".repeat(256));
        JsonObject inputsWithoutSubmit = modalJson("Comment");
        inputsWithoutSubmit.remove("submit");
        JsonObject fits = modalJson("A title of twenty-four c");
        fits.addProperty("private_metadata", "m".repeat(3000));

        Map<String, JsonObject> refused = new LinkedHashMap<>();
        refused.put("/view/title/text", tooLongTitle);
        refused.put("/view/blocks", tooManyBlocks);
        refused.put("/view/private_metadata", longMetadata);
        refused.put("/view/callback_id", longCallback);
        refused.put("/view]", inputsWithoutSubmit);
        refused.forEach((pointer, view) -> {
            String trigger = slack.as(TEAM, "U0ANA").command("/rapport", "").triggerId();
            Api.Reply reply = api.call("views.open", TOKEN, Map.of("trigger_id", trigger, "view", view.toString()));
            assertThat(reply.error()).as(pointer).isEqualTo("invalid_arguments");
            assertThat(reply.json().getAsJsonObject("response_metadata").toString())
                    .contains(pointer);
        });
        String trigger = slack.as(TEAM, "U0ANA").command("/rapport", "").triggerId();
        assertThat(api.call("views.open", TOKEN, Map.of("trigger_id", trigger, "view", fits.toString()))
                        .ok())
                .isTrue();
    }

    @Test
    void views_update_changes_a_modal_in_place_and_refuses_a_stale_hash() {
        start(LocalSlack.builder());
        String trigger = slack.as(TEAM, "U0ANA").command("/rapport", "").triggerId();
        JsonObject opened = api.call("views.open", TOKEN, Map.of("trigger_id", trigger, "view", modal("Comment")))
                .json()
                .getAsJsonObject("view");
        String id = opened.get("id").getAsString();
        String hash = opened.get("hash").getAsString();

        Api.Reply updated =
                api.call("views.update", TOKEN, Map.of("view_id", id, "hash", hash, "view", modal("Thanks")));
        Api.Reply stale = api.call("views.update", TOKEN, Map.of("view_id", id, "hash", hash, "view", modal("No")));
        Api.Reply unknown = api.call("views.update", TOKEN, Map.of("view_id", "V0NOPE", "view", modal("No")));

        assertThat(updated.ok()).isTrue();
        assertThat(updated.json().getAsJsonObject("view").get("id").getAsString())
                .isEqualTo(id);
        assertThat(stale.error()).isEqualTo("hash_conflict");
        assertThat(unknown.error()).isEqualTo("not_found");
        assertThat(slack.view(id).orElseThrow()).satisfies(v -> {
            assertThat(v.title()).isEqualTo("Thanks");
            assertThat(v.version()).isEqualTo(2);
        });
        assertThat(slack.screenOf(TEAM, "U0ANA")).singleElement().satisfies(seen -> {
            assertThat(seen.text()).isEqualTo("Thanks");
            assertThat(seen.edited()).isTrue();
        });
    }

    @Test
    void apps_connections_open_takes_only_the_app_level_token_and_that_token_nothing_else() {
        start(LocalSlack.builder().appToken("local-test-app-level-token-0001"));

        Api.Reply withBot = api.call("apps.connections.open", TOKEN, Map.of());
        Api.Reply withApp = api.call("apps.connections.open", "local-test-app-level-token-0001", Map.of());
        Api.Reply appOnAuthTest = api.call("auth.test", "local-test-app-level-token-0001", Map.of());

        assertThat(withBot.error()).isEqualTo("not_allowed_token_type");
        assertThat(withApp.ok()).isTrue();
        assertThat(withApp.json().get("url").getAsString())
                .startsWith(slack.socketModeUrl() + "?ticket=")
                .endsWith("&app_id=" + slack.appId());
        assertThat(appOnAuthTest.error()).isEqualTo("not_allowed_token_type");
    }

    @Test
    void oauth_v2_access_exchanges_a_code_once_for_a_bot_token_that_works_on_every_method() {
        MutableClock clock = new MutableClock(WINTER);
        start(LocalSlack.builder().clock(clock).oauthClient("123.456", "local-test-client-secret"));
        String code = slack.issueOAuthCode("T0NEW", "U0ADMIN");

        Api.Reply wrongSecret = api.call(
                "oauth.v2.access", null, Map.of("client_id", "123.456", "client_secret", "nope", "code", code));
        Api.Reply exchanged = api.send(HttpRequest.newBuilder(URI.create(slack.apiUrl() + "oauth.v2.access"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(
                                                "123.456:local-test-client-secret".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("code=" + Http.encode(code)))
                .build());
        Api.Reply twice = api.call(
                "oauth.v2.access",
                null,
                Map.of("client_id", "123.456", "client_secret", "local-test-client-secret", "code", code));
        String stale = slack.issueOAuthCode("T0NEW", "U0ADMIN");
        clock.advance(Duration.ofMinutes(11));
        Api.Reply expired = api.call(
                "oauth.v2.access",
                null,
                Map.of("client_id", "123.456", "client_secret", "local-test-client-secret", "code", stale));

        assertThat(wrongSecret.error()).isEqualTo("bad_client_secret");
        assertThat(exchanged.ok()).isTrue();
        JsonObject answer = exchanged.json();
        assertThat(answer.get("token_type").getAsString()).isEqualTo("bot");
        assertThat(answer.getAsJsonObject("team").get("id").getAsString()).isEqualTo("T0NEW");
        assertThat(answer.get("bot_user_id").getAsString()).isEqualTo(slack.botUserId("T0NEW"));
        assertThat(answer.get("app_id").getAsString()).isEqualTo(slack.appId());
        assertThat(answer.get("scope").getAsString()).contains("commands", "chat:write");
        assertThat(answer.getAsJsonObject("authed_user").get("id").getAsString())
                .isEqualTo("U0ADMIN");
        assertThat(answer.get("is_enterprise_install").getAsBoolean()).isFalse();
        String botToken = answer.get("access_token").getAsString();
        assertThat(botToken).isEqualTo(slack.installedBotToken("T0NEW").orElseThrow());
        assertThat(twice.error()).isEqualTo("invalid_code");
        assertThat(expired.error()).isEqualTo("invalid_code");
        assertThat(api.call("auth.test", botToken, Map.of())
                        .json()
                        .get("team_id")
                        .getAsString())
                .isEqualTo("T0NEW");
        assertThat(api.call("chat.postMessage", botToken, Map.of("channel", "U0ADMIN", "text", "Installed"))
                        .ok())
                .isTrue();
    }

    @Test
    void a_file_uploaded_in_three_steps_is_held_shared_and_downloadable_only_with_a_bot_token() {
        start(LocalSlack.builder());
        byte[] csv = "mentor_id,mentee_id\nU0ANA,U0BEN\n".getBytes(StandardCharsets.UTF_8);
        String dm = slack.as(TEAM, "U0ANA").dmChannel();

        JsonObject url = api.call(
                        "files.getUploadURLExternal",
                        TOKEN,
                        Map.of("filename", "pairs.csv", "length", Integer.toString(csv.length)))
                .json();
        Api.Reply upload =
                api.send(HttpRequest.newBuilder(URI.create(url.get("upload_url").getAsString()))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                        .build());
        Api.Reply completed = api.call(
                "files.completeUploadExternal",
                TOKEN,
                Map.of(
                        "files",
                        "[{\"id\":\"" + url.get("file_id").getAsString() + "\",\"title\":\"Pairs\"}]",
                        "channel_id",
                        dm));
        Api.Reply unknown = api.call("files.completeUploadExternal", TOKEN, Map.of("files", "[{\"id\":\"F0NOPE\"}]"));

        assertThat(upload.status()).isEqualTo(200);
        assertThat(completed.ok()).isTrue();
        assertThat(unknown.error()).isEqualTo("file_not_found");
        UploadedFile file = slack.files().getFirst();
        assertThat(file.name()).isEqualTo("pairs.csv");
        assertThat(file.title()).isEqualTo("Pairs");
        assertThat(file.bytes()).isEqualTo(csv);
        assertThat(file.channels()).containsExactly(dm);
        assertThat(completed
                        .json()
                        .getAsJsonArray("files")
                        .get(0)
                        .getAsJsonObject()
                        .get("url_private")
                        .getAsString())
                .isEqualTo(file.urlPrivate());
        HttpResponse<byte[]> withToken = api.get(file.urlPrivate(), TOKEN);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).isEqualTo(csv);
        assertThat(api.get(file.urlPrivate(), null).statusCode()).isEqualTo(403);
        assertThat(slack.screenOf(TEAM, "U0ANA"))
                .extracting(Seen::kind, Seen::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Seen.Kind.FILE, "Pairs"));
    }

    @Test
    void auth_test_is_never_rate_limited_because_bolt_calls_it_for_every_request_it_receives() {
        start(LocalSlack.builder().clock(Clock.fixed(WINTER, ZoneOffset.UTC)));

        for (int i = 0; i < 250; i++) {
            assertThat(api.call("auth.test", TOKEN, Map.of()).ok())
                    .as("call %d within one minute", i + 1)
                    .isTrue();
        }
    }

    @Test
    void each_limited_method_answers_429_with_retry_after_in_whole_seconds_past_its_tier() {
        start(LocalSlack.builder()
                .clock(Clock.fixed(WINTER, ZoneOffset.UTC))
                .user(TEAM, "U0ANA", "ana", "Ana", "UTC", false)
                .rateLimit("users.info", 2, 30));

        Api.Reply first = api.call("users.info", TOKEN, Map.of("user", "U0ANA"));
        Api.Reply second = api.call("users.info", TOKEN, Map.of("user", "U0ANA"));
        Api.Reply third = api.call("users.info", TOKEN, Map.of("user", "U0ANA"));
        Api.Reply otherMethod = api.call("team.info", TOKEN, Map.of());

        assertThat(first.ok()).isTrue();
        assertThat(second.ok()).isTrue();
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.retryAfter()).isEqualTo("2");
        assertThat(third.error()).isEqualTo("ratelimited");
        assertThat(otherMethod.ok()).isTrue();
    }

    @Test
    void a_response_url_takes_five_posts_within_thirty_minutes_and_refuses_more() {
        MutableClock clock = new MutableClock(WINTER);
        start(LocalSlack.builder().clock(clock));
        Delivery command = slack.as(TEAM, "U0ANA").command("/rapport", "health");
        Delivery older = slack.as(TEAM, "U0ANA").command("/rapport", "me");

        for (int i = 1; i <= 5; i++) {
            assertThat(api.postJson(command.responseUrl(), text("reply " + i)).status())
                    .isEqualTo(200);
        }
        Api.Reply sixth = api.postJson(command.responseUrl(), text("reply 6"));
        Api.Reply empty = api.postJson(older.responseUrl(), new JsonObject());
        clock.advance(Duration.ofMinutes(31));
        Api.Reply expired = api.postJson(older.responseUrl(), text("too late"));

        assertThat(sixth.status()).isEqualTo(404);
        assertThat(sixth.error()).isEqualTo("used_url");
        assertThat(empty.error()).isEqualTo("no_text");
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.error()).isEqualTo("expired_url");
        assertThat(command.responses()).extracting(ResponsePost::status).containsExactly(200, 200, 200, 200, 200, 404);
        assertThat(slack.screenOf(TEAM, "U0ANA"))
                .extracting(Seen::text)
                .containsExactly("reply 1", "reply 2", "reply 3", "reply 4", "reply 5");
    }

    @Test
    void an_outage_answers_503_or_refuses_connections_and_recovers_on_the_same_urls() {
        start(LocalSlack.builder());
        String apiUrl = slack.apiUrl();

        slack.startOutage(Outage.UNAVAILABLE);
        Api.Reply unavailable = api.call("auth.test", TOKEN, Map.of());
        Delivery duringOutage = slack.as(TEAM, "U0ANA").command("/rapport", "health");
        slack.endOutage();
        Api.Reply back = api.call("auth.test", TOKEN, Map.of());
        slack.startOutage(Outage.REFUSED);
        assertThatThrownBy(() -> api.call("auth.test", TOKEN, Map.of())).isInstanceOf(UncheckedIOException.class);
        slack.endOutage();

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(duringOutage.awaitAck().outcome()).isEqualTo(Ack.Outcome.FAILED);
        assertThat(duringOutage.awaitAck().failure()).isEqualTo("outage");
        assertThat(back.ok()).isTrue();
        assertThat(slack.apiUrl()).isEqualTo(apiUrl);
        assertThat(api.call("auth.test", TOKEN, Map.of()).ok()).isTrue();
    }

    // ---- helpers

    private static String modal(String title) {
        return modalJson(title).toString();
    }

    private static JsonObject modalJson(String title) {
        JsonObject view = new JsonObject();
        view.addProperty("type", "modal");
        view.addProperty("callback_id", "comment-form");
        view.add("title", plain(title));
        view.add("submit", plain("Send"));
        view.add("close", plain("Cancel"));
        JsonArray blocks = new JsonArray();
        JsonObject input = new JsonObject();
        input.addProperty("type", "input");
        input.addProperty("block_id", "comment");
        input.add("label", plain("Comment"));
        JsonObject element = new JsonObject();
        element.addProperty("type", "plain_text_input");
        element.addProperty("action_id", "comment");
        input.add("element", element);
        blocks.add(input);
        view.add("blocks", blocks);
        return view;
    }

    private static JsonObject section(String text) {
        JsonObject block = new JsonObject();
        block.addProperty("type", "section");
        JsonObject t = new JsonObject();
        t.addProperty("type", "mrkdwn");
        t.addProperty("text", text);
        block.add("text", t);
        return block;
    }

    private static JsonObject plain(String text) {
        JsonObject t = new JsonObject();
        t.addProperty("type", "plain_text");
        t.addProperty("text", text);
        return t;
    }

    private static JsonObject text(String text) {
        JsonObject t = new JsonObject();
        t.addProperty("text", text);
        return t;
    }
}
