package dev.rapport.localkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HttpTest {

    @Test
    void formArgumentsAreDecodedInOrderAndTheLastOfANameWins() {
        Map<String, String> form = Http.form("b=2&a=x+y%26z&flag&&b=3");

        assertThat(form).containsExactly(Map.entry("b", "3"), Map.entry("a", "x y&z"), Map.entry("flag", ""));
        assertThat(Http.form(null)).isEmpty();
    }

    @Test
    void formEncodingIsUndoneByFormParsing() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("text", "héllo & <good> bye=1");
        fields.put("empty", null);

        assertThat(Http.form(Http.formEncode(fields)))
                .containsExactly(Map.entry("text", "héllo & <good> bye=1"), Map.entry("empty", ""));
    }

    @Test
    void jsonContentTypesAreRecognisedWithOrWithoutParameters() {
        assertThat(Http.isJson("application/json")).isTrue();
        assertThat(Http.isJson("Application/JSON; charset=utf-8")).isTrue();
        assertThat(Http.isJson("application/x-www-form-urlencoded")).isFalse();
        assertThat(Http.isJson(null)).isFalse();
    }

    @Test
    void multipartPartsKeepTheirNamesFileNamesTypesAndBytes() {
        String body = "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"payload_json\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + "{\"content\":\"hi\"}\r\n"
                + "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"files[0]\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + "x,y\r\n1,2\r\n"
                + "--XyZ--\r\n";

        List<Multipart.Part> parts =
                Multipart.parse("multipart/form-data; boundary=XyZ", body.getBytes(StandardCharsets.UTF_8));

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("payload_json");
        assertThat(parts.get(0).filename()).isNull();
        assertThat(parts.get(0).text()).isEqualTo("{\"content\":\"hi\"}");
        assertThat(parts.get(1).name()).isEqualTo("files[0]");
        assertThat(parts.get(1).filename()).isEqualTo("a.csv");
        assertThat(parts.get(1).contentType()).isEqualTo("text/csv");
        assertThat(parts.get(1).text()).isEqualTo("x,y\r\n1,2");
        assertThat(Multipart.firstFile(parts)).contains(parts.get(1));
    }

    @Test
    void aMultipartBodyNeedsABoundary() {
        assertThat(Multipart.is("multipart/form-data; boundary=\"q\"")).isTrue();
        assertThat(Multipart.is("text/plain")).isFalse();
        assertThatThrownBy(() -> Multipart.parse("multipart/form-data", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answersCarryTheirStatusContentTypeAndBody() throws Exception {
        AtomicReference<Map<String, String>> query = new AtomicReference<>();
        AtomicReference<String> bearer = new AtomicReference<>();
        AtomicReference<String[]> basic = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/json", exchange -> {
            try (exchange) {
                query.set(Http.query(exchange));
                bearer.set(Http.bearer(exchange));
                JsonObject body = Http.parseJson(Http.body(exchange)).getAsJsonObject();
                body.addProperty("seen", true);
                Http.json(exchange, 201, body);
            }
        });
        server.createContext("/empty", exchange -> {
            try (exchange) {
                basic.set(Http.basic(exchange));
                Http.empty(exchange, 204);
            }
        });
        server.start();
        try (HttpClient client = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            HttpResponse<String> json = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/json?a=1&b=%C3%A9"))
                            .header("Authorization", "Bearer  tok ")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"x\":1}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> empty = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/empty"))
                            .header("Authorization", "Basic dXNlcjpwYTpzcw==")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(json.statusCode()).isEqualTo(201);
            assertThat(json.headers().firstValue("Content-Type")).contains(Http.JSON_UTF8);
            assertThat(json.body()).isEqualTo("{\"x\":1,\"seen\":true}");
            assertThat(query.get()).containsExactly(Map.entry("a", "1"), Map.entry("b", "é"));
            assertThat(bearer.get()).isEqualTo("tok");
            assertThat(empty.statusCode()).isEqualTo(204);
            assertThat(empty.body()).isEmpty();
            assertThat(basic.get()).containsExactly("user", "pa:ss");
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            server.stop(0);
        }
    }
}
