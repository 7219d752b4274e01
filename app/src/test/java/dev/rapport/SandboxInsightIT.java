package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rapport.core.test.FreshDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The sandbox starts with weeks of history behind the Slack programme: the coordinator's weekly digest is waiting in
 * her direct messages, and {@code /rapport overview} run from the page answers with its text and its charts, drawn on
 * the page as images served by the sandbox.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rapport.sandbox.enabled=true", "management.server.port=0"})
@ContextConfiguration(initializers = FreshDatabase.class)
@DirtiesContext
class SandboxInsightIT {

    static final String CORA = "U0CORA";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @LocalServerPort
    int port;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SandboxApi api;

    @BeforeEach
    void thePagesApi() {
        api = new SandboxApi(port);
    }

    @Test
    void the_digest_is_in_the_coordinators_dm_and_the_overview_has_words_and_charts() throws Exception {
        await().atMost(Duration.ofSeconds(90))
                .until(() -> "ready".equals(state().get("status").getAsString()));
        String token = state().get("token").getAsString();

        // The digest: the pair that fell silent is newly at risk, the drifting one newly to watch.
        String digest = await().atMost(Duration.ofSeconds(30))
                .until(() -> texts(screen(CORA)), t -> t.contains("your weekly digest"));
        assertThat(digest)
                .contains("*Residents 2026: your weekly digest*")
                .contains("Dr Omar Haddad & Zoe Adams: newly at risk")
                .contains("Dr Priya Patel & Ben Carter: newly to watch")
                .contains("no meeting for");

        String reply = api.post(
                token, "command", "{\"platform\":\"slack\",\"user\":\"" + CORA + "\",\"text\":\"/rapport overview\"}");
        assertThat(JsonParser.parseString(reply).getAsJsonObject().get("reply").getAsString())
                .isEqualTo("Residents 2026: overview of 8 weeks");
        // The overview in words on Cora's screen: levels per side and dimension, and the response rates.
        assertThat(await().atMost(Duration.ofSeconds(30))
                        .until(() -> texts(screen(CORA)), t -> t.contains("the last 8 weeks")))
                .contains("*Residents 2026* – the last 8 weeks")
                .contains("Pairs now: 1 at risk, 1 to watch, 1 on track")
                .contains("Dimension        Mentees  Mentors  Gap")
                .contains("Zoe Adams: 🟡 watch → 🔴 at risk");

        // The charts: files in Cora's DM, each drawn as an image whose address serves a PNG.
        List<String> images =
                await().atMost(Duration.ofSeconds(30)).until(() -> images(screen(CORA)), found -> found.size() >= 4);
        for (String src : images) {
            HttpResponse<byte[]> png = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + src))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(png.statusCode()).isEqualTo(200);
            assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(Arrays.copyOf(png.body(), 4)).isEqualTo(PNG);
            assertThat(png.body().length).isGreaterThan(1000);
        }
    }

    private JsonArray screen(String user) throws Exception {
        return api.screen("slack", user);
    }

    private JsonObject state() throws Exception {
        return api.state();
    }

    /** The text of every message on a screen, one after the other. */
    private static String texts(JsonArray screen) {
        StringBuilder all = new StringBuilder();
        for (JsonElement item : screen) {
            for (JsonElement p : item.getAsJsonObject().getAsJsonArray("parts")) {
                if (p.getAsJsonObject().has("markdown")) {
                    all.append(p.getAsJsonObject().get("markdown").getAsString())
                            .append('\n');
                }
            }
        }
        return all.toString();
    }

    /** The addresses of the images on a screen. */
    private static List<String> images(JsonArray screen) {
        List<String> found = new ArrayList<>();
        for (JsonElement item : screen) {
            for (JsonElement p : item.getAsJsonObject().getAsJsonArray("parts")) {
                if (p.getAsJsonObject().has("src")) {
                    found.add(p.getAsJsonObject().get("src").getAsString());
                }
            }
        }
        return found;
    }
}
