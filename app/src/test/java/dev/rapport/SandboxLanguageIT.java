package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rapport.core.test.FreshDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The sandbox lets its visitor switch a person's language and see it: the page's language control sets what the
 * person reads, as {@code /rapport language} would, and their next check-in arrives in it: Ana's (Slack) in French,
 * Mia's (Discord) in Spanish, while Ben, whose language nobody switched, still reads English.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rapport.sandbox.enabled=true", "management.server.port=0"})
@ContextConfiguration(initializers = FreshDatabase.class)
@DirtiesContext
class SandboxLanguageIT {

    static final String ANA = "U0ANA";
    static final String BEN = "U0BEN";
    static final String MIA = "1300000000000000203";

    @LocalServerPort
    int port;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void switching_a_persons_language_on_the_page_brings_their_next_messages_in_it() throws Exception {
        await().atMost(Duration.ofSeconds(90))
                .until(() -> "ready".equals(state().get("status").getAsString()));
        assertThat(state().getAsJsonObject("languages").get(ANA).getAsString()).isEqualTo("en");

        assertThat(post("language", "{\"platform\":\"slack\",\"user\":\"" + ANA + "\",\"language\":\"fr\"}")
                        .get("language")
                        .getAsString())
                .isEqualTo("fr");
        post("language", "{\"platform\":\"discord\",\"user\":\"" + MIA + "\",\"language\":\"es\"}");
        assertThat(state().getAsJsonObject("languages").get(ANA).getAsString()).isEqualTo("fr");
        assertThat(state().getAsJsonObject("languages").get(MIA).getAsString()).isEqualTo("es");
        assertThat(state().getAsJsonObject("languages").get(BEN).getAsString()).isEqualTo("en");

        HttpResponse<String> unknown =
                send("language", "{\"platform\":\"slack\",\"user\":\"" + ANA + "\",\"language\":\"de\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Rapport speaks en, fr and es").doesNotContain("Exception");

        // The check-ins go out (Mia's may come at a later minute than Ana's: the clock moves to the next one each
        // time).
        post("clock", "{\"advance\":\"next-check-in\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> screen("slack", ANA).contains("l’heure du point de suivi"));
        assertThat(screen("slack", BEN)).contains("it's check-in time");
        if (!screen("discord", MIA).contains("es la hora del seguimiento")) {
            post("clock", "{\"advance\":\"next-check-in\"}");
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> screen("discord", MIA).contains("es la hora del seguimiento"));
    }

    private JsonObject state() throws Exception {
        HttpResponse<String> got =
                client.send(HttpRequest.newBuilder(uri("state")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(got.statusCode()).isEqualTo(200);
        return JsonParser.parseString(got.body()).getAsJsonObject();
    }

    /** Everything on a person's screen, as one text. */
    private String screen(String platform, String user) throws Exception {
        HttpResponse<String> got = client.send(
                HttpRequest.newBuilder(uri("screen?platform=" + platform + "&user=" + user))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(got.statusCode()).isEqualTo(200);
        return got.body();
    }

    private JsonObject post(String path, String body) throws Exception {
        HttpResponse<String> got = send(path, body);
        assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
        return JsonParser.parseString(got.body()).getAsJsonObject();
    }

    private HttpResponse<String> send(String path, String body) throws Exception {
        String token = state().get("token").getAsString();
        return client.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .header("X-Rapport-Sandbox-Token", token)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + "/sandbox/api/" + path);
    }
}
