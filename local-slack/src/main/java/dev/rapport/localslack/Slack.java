package dev.rapport.localslack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import dev.rapport.localkit.Http;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Slack's conventions on top of the shared HTTP plumbing: a Web API call's arguments (query, form or JSON body), its
 * token, the {@code ok}/{@code error} envelope of every answer, and how Slack reads flags.
 */
final class Slack {

    private Slack() {}

    /**
     * A Web API call's arguments, as Slack reads them: the query string, then the body, form-encoded or a JSON object
     * (non-string JSON values are kept as their JSON text, as Slack takes {@code blocks} either way).
     */
    static Map<String, String> arguments(HttpExchange exchange, byte[] body) {
        Map<String, String> args = Http.query(exchange);
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return args;
        }
        if (Http.isJson(Http.contentType(exchange))) {
            JsonObject json = Http.parseJson(body).getAsJsonObject();
            for (Map.Entry<String, JsonElement> e : json.entrySet()) {
                JsonElement v = e.getValue();
                if (!v.isJsonNull()) {
                    args.put(e.getKey(), v.isJsonPrimitive() ? v.getAsString() : v.toString());
                }
            }
        } else {
            Http.parseForm(new String(body, StandardCharsets.UTF_8), args);
        }
        return args;
    }

    /** The bearer token of a request, or its {@code token} argument. */
    static String token(HttpExchange exchange, Map<String, String> args) {
        String bearer = Http.bearer(exchange);
        return bearer != null ? bearer : args.get("token");
    }

    static JsonObject ok() {
        JsonObject body = new JsonObject();
        body.addProperty("ok", true);
        return body;
    }

    static JsonObject error(String error) {
        JsonObject body = new JsonObject();
        body.addProperty("ok", false);
        body.addProperty("error", error);
        return body;
    }

    /** A warning as Slack attaches one to an answer that is still {@code ok}: at the top and in the metadata. */
    static void warn(JsonObject body, String warning) {
        if (warning == null) {
            return;
        }
        body.addProperty("warning", warning);
        JsonObject meta = new JsonObject();
        JsonArray warnings = new JsonArray();
        warnings.add(warning);
        meta.add("warnings", warnings);
        body.add("response_metadata", meta);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** A boolean argument as Slack takes it: {@code true} or {@code 1}. */
    static boolean flag(String value) {
        return value != null
                && (value.trim().equalsIgnoreCase("true") || value.trim().equals("1"));
    }
}
