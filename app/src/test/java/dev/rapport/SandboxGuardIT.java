package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.test.FreshDatabase;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The sandbox page's API over real HTTP: its clock (and every other change) moves only for the sandbox's own page on
 * this machine, which sends this run's token; anything else gets 403 and changes nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rapport.sandbox.enabled=true", "management.server.port=0"})
@ContextConfiguration(initializers = FreshDatabase.class)
@DirtiesContext
class SandboxGuardIT {

    static final String HEADER = "X-Rapport-Sandbox-Token";

    @LocalServerPort
    int port;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void the_clock_moves_only_for_a_request_with_this_runs_token() throws Exception {
        Instant before = now();
        assertThat(moveClock(null).statusCode()).as("no token").isEqualTo(403);
        assertThat(moveClock("not-the-token").statusCode()).as("a wrong token").isEqualTo(403);
        String token = field(state(), "token");
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(moveClock(token + "x").statusCode()).as("a longer token").isEqualTo(403);
        assertThat(Duration.between(before, now())).as("nothing moved").isLessThan(Duration.ofHours(1));

        HttpResponse<String> moved = moveClock(token);
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(Duration.between(before, now())).isGreaterThanOrEqualTo(Duration.ofDays(1));
    }

    @Test
    void acting_as_someone_needs_the_token_too() throws Exception {
        HttpResponse<String> command = client.send(
                HttpRequest.newBuilder(uri("command"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"platform\":\"slack\",\"user\":\"U0CORA\",\"text\":\"end-pair #1\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(command.statusCode()).isEqualTo(403);
    }

    @Test
    void a_request_addressed_to_another_name_is_refused_even_with_the_token() throws Exception {
        String token = field(state(), "token");
        String body = "{\"advance\":\"P1D\"}";
        // As a page on a rebinding domain would send it: same token stolen or not, the Host names another site.
        String request = "POST /sandbox/api/clock HTTP/1.1\r\n"
                + "Host: rebound.example.org:" + port + "\r\n"
                + "Content-Type: application/json\r\n"
                + HEADER + ": " + token + "\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "Connection: close\r\n"
                + "\r\n" + body;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 403");
        }
    }

    private HttpResponse<String> moveClock(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("clock"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"advance\":\"P1D\"}"));
        if (token != null) {
            request.header(HEADER, token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String state() throws Exception {
        HttpResponse<String> got =
                client.send(HttpRequest.newBuilder(uri("state")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(got.statusCode()).isEqualTo(200);
        return got.body();
    }

    /** A top-level string field of the state's JSON. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }

    private Instant now() throws Exception {
        return Instant.parse(field(state(), "now"));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + "/sandbox/api/" + path);
    }
}
