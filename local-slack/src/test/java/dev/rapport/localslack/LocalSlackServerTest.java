package dev.rapport.localslack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Message;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The local Slack on its own ({@link LocalSlackServer}): as a child process a test starts and reads, and in process
 * for its options and its control API.
 */
class LocalSlackServerTest {

    private static final String BOT_TOKEN = "local-slack-standalone-bot-token";

    private final HttpClient http = HttpClient.newHttpClient();
    private Process child;
    private LocalSlackServer server;
    private Slack sdk;

    @AfterEach
    void stop() throws Exception {
        if (sdk != null) {
            sdk.close();
        }
        if (server != null) {
            server.close();
        }
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        http.close();
    }

    @Test
    void as_a_child_process_it_prints_where_it_is_serves_a_dm_survives_a_refused_outage_and_ends_with_its_input()
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalSlackServer.class.getName(),
                        "--team=T0CRASH",
                        "--bot-token=" + BOT_TOKEN,
                        "--users=3")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
        JsonObject started = JsonParser.parseString(line).getAsJsonObject();
        String apiUrl = started.get("api_url").getAsString();
        String control = started.get("control_url").getAsString();
        MethodsClient methods = methods(apiUrl);

        ChatPostMessageResponse posted = methods.chatPostMessage(r -> r.channel("U00000002")
                .text("Your weekly check-in")
                .metadata(new Message.Metadata("rapport_outbox", Map.of("outbox_id", "1001"))));
        JsonObject dms = get(control + "dms?offset=0&limit=10");
        JsonObject refused = post(control + "outage/start?kind=REFUSED");
        JsonObject duringOutage = get(control + "outage");
        assertThatThrownBy(() -> methods.authTest(r -> r)).isInstanceOf(IOException.class);
        int apiPort = URI.create(apiUrl).getPort();
        assertThatThrownBy(() -> new Socket("127.0.0.1", apiPort).close())
                .as("nothing listens on the API port")
                .isInstanceOf(ConnectException.class);
        JsonObject ended = post(control + "outage/end");
        ChatPostMessageResponse afterwards =
                methods.chatPostMessage(r -> r.channel("U00000003").text("Back again"));
        JsonObject counters = get(control + "counters");

        assertThat(started.get("socket_mode_url").getAsString()).startsWith("ws://127.0.0.1:");
        assertThat(started.get("team_id").getAsString()).isEqualTo("T0CRASH");
        assertThat(started.get("pid").getAsLong()).isEqualTo(child.pid());
        assertThat(posted.isOk()).isTrue();
        JsonObject dm = dms.getAsJsonArray("dms").get(0).getAsJsonObject();
        assertThat(dm.get("team").getAsString()).isEqualTo("T0CRASH");
        assertThat(dm.get("user").getAsString()).isEqualTo("U00000002");
        assertThat(dm.get("channel").getAsString()).isEqualTo(posted.getChannel());
        assertThat(dm.get("ts").getAsString()).isEqualTo(posted.getTs());
        assertThat(dm.get("text").getAsString()).isEqualTo("Your weekly check-in");
        assertThat(dm.getAsJsonObject("metadata"))
                .isEqualTo(JsonParser.parseString(
                        "{\"event_type\":\"rapport_outbox\",\"event_payload\":{\"outbox_id\":\"1001\"}}"));
        assertThat(refused.get("outage").getAsString()).isEqualTo("REFUSED");
        assertThat(duringOutage.get("outage").getAsString()).isEqualTo("REFUSED");
        assertThat(ended.get("outage").isJsonNull()).isTrue();
        assertThat(afterwards.isOk()).as("the same API URL answers again").isTrue();
        assertThat(get(control + "dms").get("total").getAsInt()).isEqualTo(2);
        assertThat(counters.getAsJsonObject("calls").get("chat.postMessage").getAsInt())
                .isEqualTo(2);

        child.getOutputStream().close();
        await().atMost(Duration.ofSeconds(30)).until(() -> !child.isAlive());
        assertThat(child.exitValue()).isZero();
        assertThat(out.readLine())
                .as("nothing but the one line on standard output")
                .isNull();
    }

    @Test
    void generated_people_have_ids_names_and_time_zones_and_more_can_be_added_through_the_control_api()
            throws Exception {
        server = LocalSlackServer.start("--users", "13", "--keep-running");
        String control = server.controlUrl();

        JsonObject generated = post(control + "users", "{\"count\":2}");
        JsonObject named =
                post(control + "users", "{\"users\":[{\"id\":\"U0ANA\",\"name\":\"ana\",\"tz\":\"Asia/Tokyo\"}]}");
        JsonObject badZone = post(control + "users", "{\"users\":[{\"id\":\"U0BAD\",\"tz\":\"Mars/Olympus\"}]}");
        JsonArray all = get(control + "users").getAsJsonArray("users");

        assertThat(all).hasSize(16);
        JsonObject first = all.get(0).getAsJsonObject();
        assertThat(first.get("id").getAsString()).isEqualTo("U00000001");
        assertThat(first.get("name").getAsString()).isEqualTo("person1");
        assertThat(first.get("tz").getAsString()).isEqualTo(LocalSlackServer.TIME_ZONES.getFirst());
        assertThat(all.get(12).getAsJsonObject().get("tz").getAsString())
                .isEqualTo(LocalSlackServer.TIME_ZONES.getFirst());
        assertThat(generated
                        .getAsJsonArray("users")
                        .get(1)
                        .getAsJsonObject()
                        .get("id")
                        .getAsString())
                .isEqualTo("U00000015");
        assertThat(named.getAsJsonArray("users")
                        .get(0)
                        .getAsJsonObject()
                        .get("tz")
                        .getAsString())
                .isEqualTo("Asia/Tokyo");
        assertThat(badZone.get("ok").getAsBoolean()).isFalse();
        assertThat(server.slack().user(server.teamId(), "U0ANA")).isPresent();
        MethodsClient methods = methods(server.slack().apiUrl(), LocalSlack.Builder.DEFAULT_TOKEN);
        assertThat(methods.usersInfo(r -> r.user("U00000015")).getUser().getTz())
                .isEqualTo(LocalSlackServer.TIME_ZONES.get(2));
    }

    @Test
    void more_than_ten_thousand_dms_can_be_paged_through_the_control_api() throws Exception {
        server = LocalSlackServer.start(
                "--post-message-burst=20000",
                "--post-message-per-minute=1200000",
                "--post-message-channel-burst=20000",
                "--keep-running");
        int total = 10_050;
        try (Api api = new Api(server.slack());
                ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                String user = String.format("U%08d", 1 + i % 200);
                String text = "dm " + i;
                replies.add(pool.submit(() -> api.call(
                        "chat.postMessage", LocalSlack.Builder.DEFAULT_TOKEN, Map.of("channel", user, "text", text))));
            }
            for (Future<Api.Reply> reply : replies) {
                assertThat(reply.get().ok()).isTrue();
            }
        }

        Set<String> seen = new HashSet<>();
        List<Integer> pageSizes = new ArrayList<>();
        Integer offset = 0;
        while (offset != null) {
            JsonObject page = get(server.controlUrl() + "dms?limit=4000&offset=" + offset);
            assertThat(page.get("total").getAsInt()).isEqualTo(total);
            pageSizes.add(page.getAsJsonArray("dms").size());
            for (JsonElement dm : page.getAsJsonArray("dms")) {
                seen.add(dm.getAsJsonObject().get("ts").getAsString());
            }
            JsonElement next = page.get("next_offset");
            offset = next.isJsonNull() ? null : next.getAsInt();
        }

        assertThat(pageSizes).containsExactly(4000, 4000, 2050);
        assertThat(seen).hasSize(total);
    }

    @Test
    void the_control_api_answers_while_the_web_api_is_unavailable_and_a_token_can_lack_im_history() throws Exception {
        server = LocalSlackServer.start("--im-history=false", "--bot-token=" + BOT_TOKEN, "--keep-running");
        MethodsClient methods = methods(server.slack().apiUrl());
        String dm = methods.conversationsOpen(r -> r.users(List.of("U0ANA")))
                .getChannel()
                .getId();

        String history = methods.conversationsHistory(r -> r.channel(dm)).getError();
        post(server.controlUrl() + "outage/start?kind=UNAVAILABLE");
        HttpResponse<String> down = http.send(
                HttpRequest.newBuilder(URI.create(server.slack().apiUrl() + "auth.test"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject counters = get(server.controlUrl() + "counters");
        post(server.controlUrl() + "outage/end");

        assertThat(history).isEqualTo("missing_scope");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(counters.getAsJsonObject("calls").get("auth.test").getAsInt())
                .isEqualTo(1);
        assertThat(methods.authTest(r -> r).isOk()).isTrue();
    }

    @Test
    void shutdown_through_the_control_api_answers_and_then_stops_the_web_api_and_the_control_api() throws Exception {
        server = LocalSlackServer.start("--keep-running");
        String apiUrl = server.slack().apiUrl();
        String control = server.controlUrl();

        JsonObject answer = post(control + "shutdown");

        assertThat(answer.get("ok").getAsBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThatThrownBy(() -> get(control + "health")).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> post(apiUrl + "auth.test")).isInstanceOf(IOException.class);
        });
    }

    @Test
    void options_it_does_not_know_or_cannot_read_are_refused() {
        assertThatThrownBy(() -> LocalSlackServer.Options.parse("--colour=blue"))
                .hasMessageContaining("--colour");
        assertThatThrownBy(() -> LocalSlackServer.Options.parse("--users=many")).hasMessageContaining("--users");
        assertThatThrownBy(() -> LocalSlackServer.Options.parse("--team=X1")).hasMessageContaining("team id");
        assertThatThrownBy(() -> LocalSlackServer.Options.parse("--port")).hasMessageContaining("needs a value");
    }

    private MethodsClient methods(String apiUrl) {
        return methods(apiUrl, BOT_TOKEN);
    }

    private MethodsClient methods(String apiUrl, String token) {
        if (sdk == null) {
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(apiUrl);
            config.setStatsEnabled(false);
            sdk = Slack.getInstance(config);
        }
        return sdk.methods(token);
    }

    private JsonObject get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private JsonObject post(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private JsonObject post(String url, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private JsonObject send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
