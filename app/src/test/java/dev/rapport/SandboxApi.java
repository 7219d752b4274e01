package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The sandbox page's API as the page calls it over HTTP, for the sandbox's tests: reads answer 200, changes carry the
 * run's token in {@code X-Rapport-Sandbox-Token} as the page does.
 */
final class SandboxApi {

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    SandboxApi(int port) {
        this.port = port;
    }

    /** The demo's state: {@code status}, {@code token}, each person's language … */
    JsonObject state() throws Exception {
        return JsonParser.parseString(get("state")).getAsJsonObject();
    }

    /** What a person's chat client shows, message by message. */
    JsonArray screen(String platform, String user) throws Exception {
        return JsonParser.parseString(get("screen?platform=" + platform + "&user=" + user))
                .getAsJsonArray();
    }

    String get(String path) throws Exception {
        HttpResponse<String> got =
                client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(got.statusCode()).as(path).isEqualTo(200);
        return got.body();
    }

    String post(String token, String path, String body) throws Exception {
        HttpResponse<String> sent = client.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .header("X-Rapport-Sandbox-Token", token)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(path + " " + sent.body()).isEqualTo(200);
        return sent.body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + "/sandbox/api/" + path);
    }
}
