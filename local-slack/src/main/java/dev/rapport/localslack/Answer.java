package dev.rapport.localslack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Map;

/** How a Web API method answers: an HTTP status, Slack's JSON body, and the headers that go with them. */
record Answer(int status, JsonObject body, long retryAfterSeconds, Map<String, String> headers) {

    static Answer ok(JsonObject body) {
        return new Answer(200, body, 0, Map.of());
    }

    /** {@code {"ok":false,"error":…}}, which Slack answers with HTTP 200. */
    static Answer error(String error) {
        return new Answer(200, Slack.error(error), 0, Map.of());
    }

    /** Slack's {@code invalid_arguments}, with its messages in {@code response_metadata}. */
    static Answer invalid(String... messages) {
        JsonObject body = Slack.error("invalid_arguments");
        JsonObject meta = new JsonObject();
        JsonArray list = new JsonArray();
        for (String m : messages) {
            list.add(m);
        }
        meta.add("messages", list);
        body.add("response_metadata", meta);
        return new Answer(200, body, 0, Map.of());
    }

    static Answer status(int status, String error) {
        return new Answer(status, Slack.error(error), 0, Map.of());
    }

    /** Over a rate limit: HTTP 429 with {@code Retry-After} in whole seconds. */
    static Answer limited(long retryAfter) {
        return new Answer(429, Slack.error("ratelimited"), retryAfter, Map.of());
    }

    String error() {
        return body.has("error") ? body.get("error").getAsString() : null;
    }
}
