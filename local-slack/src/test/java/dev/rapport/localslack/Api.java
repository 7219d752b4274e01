package dev.rapport.localslack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rapport.localkit.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Plain HTTP to the local Slack, as any client would speak it: what the tests without the SDK use. */
final class Api implements AutoCloseable {

    record Reply(int status, String retryAfter, JsonObject json, String body, HttpResponse<String> response) {

        String error() {
            return json != null && json.has("error") ? json.get("error").getAsString() : null;
        }

        boolean ok() {
            return json != null && json.has("ok") && json.get("ok").getAsBoolean();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalSlack slack;

    Api(LocalSlack slack) {
        this.slack = slack;
    }

    /** A Web API call with form arguments and a bearer token (none if {@code null}). */
    Reply call(String method, String token, Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(slack.apiUrl() + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.formEncode(form)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Reply callJson(String method, String token, JsonObject json) {
        return send(HttpRequest.newBuilder(URI.create(slack.apiUrl() + method))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json.toString()))
                .build());
    }

    Reply postJson(String url, JsonObject json) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString()))
                .build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonObject json = null;
            if (r.body().trim().startsWith("{")) {
                json = JsonParser.parseString(r.body()).getAsJsonObject();
            }
            return new Reply(
                    r.statusCode(), r.headers().firstValue("Retry-After").orElse(null), json, r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
