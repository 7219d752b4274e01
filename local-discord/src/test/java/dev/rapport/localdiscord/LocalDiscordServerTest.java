package dev.rapport.localdiscord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The standalone local Discord as a child process, started the way a crash test starts it ({@code java -cp} with this
 * test's own class path), driven by JDA and plain HTTP, and read back through its control API.
 */
class LocalDiscordServerTest {

    static final Duration START = Duration.ofSeconds(30);
    static final Duration READY = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newHttpClient();
    private Process process;
    private JDA jda;

    @AfterEach
    void stop() throws Exception {
        if (jda != null) {
            jda.shutdownNow();
            jda.awaitShutdown(Duration.ofSeconds(10));
        }
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        client.close();
    }

    /** Starts the server and reads the one line it prints; its standard error goes to a file, for a failure. */
    private JsonObject startServer(String... options) throws Exception {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        List<String> command = new ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), LocalDiscordServer.class.getName()));
        command.addAll(List.of(options));
        File stderr = Files.createTempFile("local-discord-server", ".log").toFile();
        stderr.deleteOnExit();
        process = new ProcessBuilder(command).redirectError(stderr).start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .get(START.toSeconds(), TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("the server printed nothing: " + Files.readString(stderr.toPath()));
        }
        return JsonParser.parseString(line).getAsJsonObject();
    }

    private JsonObject control(String method, String url, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
            }
            return JsonParser.parseString(r.body()).getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> rest(JsonObject info, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create(info.get("rest_url").getAsString() + path))
                .header("Authorization", "Bot " + info.get("bot_token").getAsString())
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean refuses(String url) {
        URI uri = URI.create(url);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            throw new AssertionError("neither connected nor refused: " + e, e);
        }
    }

    private JDA connect(JsonObject info) {
        String gateway = info.get("gateway_url").getAsString();
        return JDABuilder.createLight(info.get("bot_token").getAsString())
                .setRestConfig(new RestConfig().setBaseUrl(info.get("rest_url").getAsString()))
                .setSessionController(new SessionControllerAdapter() {
                    @Override
                    public String getGateway() {
                        return gateway;
                    }
                })
                .setCompression(Compression.NONE)
                .build();
    }

    private Message dm(long userId, String content, String nonce) {
        return jda.openPrivateChannelById(userId)
                .flatMap(dm -> dm.sendMessage(content).setNonce(nonce))
                .complete();
    }

    @Test
    void the_server_prints_its_urls_serves_jda_survives_a_refused_outage_and_stops_when_its_stdin_closes()
            throws Exception {
        JsonObject info =
                startServer("--members", "3", "--bot-token", "crash-test-token-000000000000", "--nonce-window", "5m");
        String controlUrl = info.get("control_url").getAsString();
        String restUrl = info.get("rest_url").getAsString();
        String gatewayUrl = info.get("gateway_url").getAsString();

        assertThat(restUrl).startsWith("http://127.0.0.1:").endsWith("/api/v10/");
        assertThat(gatewayUrl).startsWith("ws://127.0.0.1:");
        assertThat(controlUrl).startsWith("http://127.0.0.1:").endsWith("/");
        assertThat(info.get("bot_token").getAsString()).isEqualTo("crash-test-token-000000000000");
        assertThat(info.get("application_id").getAsString()).isEqualTo(Json.id(LocalDiscord.DEFAULT_APPLICATION_ID));
        assertThat(info.get("guild_id").getAsString()).isEqualTo(Json.id(LocalDiscord.DEFAULT_GUILD_ID));
        assertThat(info.get("nonce_window_ms").getAsLong()).isEqualTo(300_000);
        JsonArray users = control("GET", controlUrl + "users", null).getAsJsonArray("users");
        assertThat(users).hasSize(3);
        long mentee = users.get(0).getAsJsonObject().get("id").getAsLong();

        jda = connect(info);
        await().atMost(READY).until(() -> jda.getStatus() == JDA.Status.CONNECTED);
        Message sent = dm(mentee, "Did you meet this week?", "outbox-1");
        assertThat(dm(mentee, "Did you meet this week?", "outbox-1").getIdLong())
                .isEqualTo(sent.getIdLong());

        JsonObject dms = control("GET", controlUrl + "dms", null);
        assertThat(dms.get("total").getAsInt()).isEqualTo(1);
        assertThat(dms.get("next_offset").isJsonNull()).isTrue();
        JsonObject first = dms.getAsJsonArray("dms").get(0).getAsJsonObject();
        assertThat(first.get("recipient_id").getAsLong()).isEqualTo(mentee);
        assertThat(first.get("channel_id").getAsLong()).isEqualTo(sent.getChannelIdLong());
        assertThat(first.get("message_id").getAsLong()).isEqualTo(sent.getIdLong());
        assertThat(first.get("nonce").getAsString()).isEqualTo("outbox-1");
        assertThat(first.get("content").getAsString()).isEqualTo("Did you meet this week?");
        assertThat(first.get("deleted").getAsBoolean()).isFalse();

        JsonObject down = control("POST", controlUrl + "outage/start?kind=REFUSED", null);
        assertThat(down.get("outage").getAsString()).isEqualTo("REFUSED");
        assertThat(refuses(restUrl)).isTrue();
        assertThat(refuses(gatewayUrl)).isTrue();
        await().atMost(READY).until(() -> jda.getStatus() != JDA.Status.CONNECTED);
        assertThat(control("GET", controlUrl + "counters", null)
                        .get("direct_messages")
                        .getAsInt())
                .isEqualTo(1);
        JsonObject up = control("POST", controlUrl + "outage/end", null);
        assertThat(up.get("outage").isJsonNull()).isTrue();

        await().atMost(READY).until(() -> jda.getStatus() == JDA.Status.CONNECTED);
        assertThat(dm(mentee, "Did you meet this week?", "outbox-1").getIdLong())
                .isEqualTo(sent.getIdLong());
        JsonArray joined =
                control("POST", controlUrl + "users", "{\"count\":2}").getAsJsonArray("users");
        long newcomer = joined.get(1).getAsJsonObject().get("id").getAsLong();
        control(
                "POST",
                controlUrl + "users",
                "{\"users\":[{\"id\":\"1400000000000000001\",\"username\":\"dora\",\"global_name\":\"Dora\"}]}");
        dm(newcomer, "Welcome to the programme", "outbox-2");
        dm(1_400_000_000_000_000_001L, "Welcome to the programme", "outbox-3");

        JsonObject counters = control("GET", controlUrl + "counters", null);
        assertThat(control("GET", controlUrl + "users", null).get("total").getAsInt())
                .isEqualTo(6);
        assertThat(counters.getAsJsonObject("per_route")
                        .get("POST channels/{channel.id}/messages")
                        .getAsInt())
                .isEqualTo(5);
        assertThat(counters.get("deduplicated_messages").getAsInt()).isEqualTo(2);
        assertThat(counters.get("direct_messages").getAsInt()).isEqualTo(3);
        assertThat(counters.get("rate_limited").getAsInt()).isZero();
        assertThat(counters.get("invalid_requests").getAsInt()).isZero();

        jda.shutdownNow();
        jda.awaitShutdown(Duration.ofSeconds(10));
        jda = null;
        process.getOutputStream().close();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(refuses(restUrl)).isTrue();
    }

    @Test
    void the_control_api_pages_through_ten_thousand_and_one_direct_messages() throws Exception {
        JsonObject info = startServer(
                "--members=1",
                "--global-rate-limit=1000000",
                "--rate-limit",
                "CREATE_MESSAGE=1000000/1s",
                "--rest-port=0",
                "--keep-running");
        String controlUrl = info.get("control_url").getAsString();
        String mentee = control("GET", controlUrl + "users", null)
                .getAsJsonArray("users")
                .get(0)
                .getAsJsonObject()
                .get("id")
                .getAsString();
        String channel = JsonParser.parseString(
                        rest(info, "POST", "users/@me/channels", "{\"recipient_id\":\"" + mentee + "\"}")
                                .body())
                .getAsJsonObject()
                .get("id")
                .getAsString();
        int count = 10_001;
        for (int i = 0; i < count; i++) {
            HttpResponse<String> r = rest(
                    info,
                    "POST",
                    "channels/" + channel + "/messages",
                    "{\"content\":\"check-in " + i + "\",\"nonce\":\"outbox-" + i + "\",\"enforce_nonce\":true}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }

        List<String> nonces = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonElement next = JsonParser.parseString("0");
        int pages = 0;
        while (!next.isJsonNull()) {
            JsonObject page = control("GET", controlUrl + "dms?limit=10000&offset=" + next.getAsInt(), null);
            assertThat(page.get("total").getAsInt()).isEqualTo(count);
            for (JsonElement e : page.getAsJsonArray("dms")) {
                nonces.add(e.getAsJsonObject().get("nonce").getAsString());
                ids.add(e.getAsJsonObject().get("message_id").getAsString());
            }
            next = page.get("next_offset");
            pages++;
        }

        assertThat(pages).isEqualTo(2);
        assertThat(nonces).hasSize(count).first().isEqualTo("outbox-0");
        assertThat(nonces.getLast()).isEqualTo("outbox-10000");
        assertThat(ids).hasSize(count);
        assertThat(control("GET", controlUrl + "dms?offset=10000&limit=5", null).getAsJsonArray("dms"))
                .singleElement()
                .satisfies(e -> assertThat(e.getAsJsonObject().get("content").getAsString())
                        .isEqualTo("check-in 10000"));
    }

    @Test
    void the_control_api_refuses_what_it_does_not_know_and_shuts_the_server_down_when_asked() throws Exception {
        JsonObject info = startServer();
        String controlUrl = info.get("control_url").getAsString();

        assertThat(control("GET", controlUrl, null)).isEqualTo(info);
        assertThat(control("GET", controlUrl + "health", null).get("ok").getAsBoolean())
                .isTrue();
        assertThatThrownBy(() -> control("POST", controlUrl + "outage", "{\"kind\":\"sideways\"}"))
                .hasMessageContaining("400");
        assertThatThrownBy(() -> control("GET", controlUrl + "dms?limit=0", null))
                .hasMessageContaining("400");
        assertThatThrownBy(() -> control("GET", controlUrl + "nothing", null)).hasMessageContaining("404");
        assertThatThrownBy(() -> control("PUT", controlUrl + "users", "{}")).hasMessageContaining("405");
        assertThat(control("POST", controlUrl + "outage", null).get("outage").getAsString())
                .isEqualTo("UNAVAILABLE");
        assertThat(rest(info, "GET", "users/@me", null).statusCode()).isEqualTo(503);
        assertThat(control("DELETE", controlUrl + "outage", null).get("outage").isJsonNull())
                .isTrue();
        assertThat(rest(info, "GET", "users/@me", null).statusCode()).isEqualTo(200);

        assertThat(control("POST", controlUrl + "shutdown", null).get("ok").getAsBoolean())
                .isTrue();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void options_are_read_in_both_spellings_and_a_mistake_says_which_option() {
        LocalDiscordServer.Options o = LocalDiscordServer.Options.parse(
                "--rest-port=8090",
                "--gateway-port",
                "8091",
                "--application-id",
                "1300000000000000000",
                "--guild-id=1300000000000000100",
                "--members",
                "10000",
                "--global-rate-limit",
                "500",
                "--nonce-window",
                "PT3M",
                "--rate-limit",
                "CREATE_DM=1000/1s",
                "--keep-running");

        assertThat(o.restPort()).isEqualTo(8090);
        assertThat(o.gatewayPort()).isEqualTo(8091);
        assertThat(o.applicationId()).isEqualTo(1_300_000_000_000_000_000L);
        assertThat(o.guildId()).isEqualTo(1_300_000_000_000_000_100L);
        assertThat(o.members()).isEqualTo(10_000);
        assertThat(o.globalRateLimit()).isEqualTo(500);
        assertThat(o.nonceWindow()).isEqualTo(Duration.ofMinutes(3));
        assertThat(o.routeLimits().get(Bucket.CREATE_DM)).isEqualTo(new RateLimiter.Limit(1000, Duration.ofSeconds(1)));
        assertThat(o.watchStdin()).isFalse();
        assertThat(LocalDiscordServer.Options.parse().nonceWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(LocalDiscordServer.Options.parse("--nonce-window=500ms").nonceWindow())
                .isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> LocalDiscordServer.Options.parse("--rest-port", "70000"))
                .hasMessageContaining("--rest-port");
        assertThatThrownBy(() -> LocalDiscordServer.Options.parse("--nonce-window", "2"))
                .hasMessageContaining("--nonce-window");
        assertThatThrownBy(() -> LocalDiscordServer.Options.parse("--colour", "blue"))
                .hasMessageContaining("--colour");
        assertThatThrownBy(() -> LocalDiscordServer.Options.parse("--rate-limit", "NOTHING=1/1s"))
                .hasMessageContaining("--rate-limit");
    }
}
