package dev.rapport.localdiscord;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Plain HTTP against the local Discord's REST API: what any Discord client sends. */
final class Http implements AutoCloseable {

    record Reply(int status, HttpResponse<byte[]> raw) {

        JsonElement json() {
            return JsonParser.parseString(new String(raw.body(), StandardCharsets.UTF_8));
        }

        JsonObject object() {
            return json().getAsJsonObject();
        }

        String header(String name) {
            Optional<String> v = raw.headers().firstValue(name);
            return v.orElse(null);
        }

        String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    Http(LocalDiscord discord) {
        this.base = discord.restUrl();
        this.token = discord.botToken();
    }

    Reply get(String path) {
        return send("GET", path, null, "Bot " + token);
    }

    Reply post(String path, String json) {
        return send("POST", path, json, "Bot " + token);
    }

    Reply send(String method, String path, String json, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return execute(b.build());
    }

    Reply multipart(String method, String path, String payloadJson, String filename, byte[] bytes) {
        String boundary = "local-discord-boundary";
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"payload_json\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + payloadJson + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"files[0]\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[h.length + bytes.length + t.length];
        System.arraycopy(h, 0, body, 0, h.length);
        System.arraycopy(bytes, 0, body, h.length, bytes.length);
        System.arraycopy(t, 0, body, h.length + bytes.length, t.length);
        return execute(HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bot " + token)
                .build());
    }

    /** Registers a global {@code /ping} command, as a bot would at start. */
    static void registerPing(LocalDiscord discord) {
        try (Http http = new Http(discord)) {
            Reply r = http.send(
                    "PUT",
                    "applications/" + Json.id(discord.applicationId()) + "/commands",
                    "[{\"name\":\"ping\",\"description\":\"Are you there?\",\"type\":1}]",
                    "Bot " + discord.botToken());
            if (r.status() != 200) {
                throw new IllegalStateException("could not register /ping: " + r.text());
            }
        }
    }

    Reply absolute(String url) {
        return execute(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private Reply execute(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
