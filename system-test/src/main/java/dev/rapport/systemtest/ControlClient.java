package dev.rapport.systemtest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads a local platform's control API ({@code control_url}): JSON over HTTP on the loopback interface. */
final class ControlClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final int PAGE = 10_000;

    private final String base;

    ControlClient(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    JsonObject get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    JsonObject post(String path, JsonObject body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Every item of a paged list ({@code GET /dms}, {@code GET /users}), oldest first. */
    List<JsonObject> all(String path, String key) {
        List<JsonObject> items = new ArrayList<>();
        each(path, key, items::add);
        return items;
    }

    void each(String path, String key, Consumer<JsonObject> item) {
        int offset = 0;
        while (true) {
            JsonObject page = get(path + "?offset=" + offset + "&limit=" + PAGE);
            for (JsonElement e : page.getAsJsonArray(key)) {
                item.accept(e.getAsJsonObject());
            }
            JsonElement next = page.get("next_offset");
            if (next == null || next.isJsonNull()) {
                return;
            }
            offset = next.getAsInt();
        }
    }

    /** The {@code total} of a paged list, reading one item. */
    long total(String path) {
        return get(path + "?offset=0&limit=1").get("total").getAsLong();
    }

    private static JsonObject send(HttpRequest.Builder request) {
        HttpRequest r = request.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> answer = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(
                        r.method() + " " + r.uri() + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return JsonParser.parseString(answer.body()).getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalStateException(r.method() + " " + r.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
