package dev.rapport.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, before Bolt sees a verified request body, whether it is a request Bolt will recognise and Rapport's
 * handlers can read: a slash command, an interaction ({@code payload=} with a JSON object of a known type and the
 * fields the handlers rely on), an Events API callback or URL verification. Anything else is malformed.
 *
 * <p>This matters twice over. A malformed payload made Bolt's parser throw (a 500); and a body Bolt's parser does not
 * recognise is logged by it whole at WARN ({@code com.slack.api.bolt.util.SlackRequestParser}), so no such body may
 * reach it. The reasons returned here are fixed sentences: they never quote the body.
 */
final class SlackPayloads {

    /** What a body is, or why it was refused. */
    sealed interface Verdict {}

    /** For Bolt: a command, an interaction or an event it will recognise. */
    record ForBolt() implements Verdict {}

    /** Slack telling the app it was rate limited ({@code app_rate_limited}): acknowledged, nothing to do. */
    record Informational() implements Verdict {}

    /** Not a request Rapport can read. */
    record Malformed(String reason) implements Verdict {}

    /** The interaction payload types Bolt's parser turns into requests. */
    private static final Set<String> INTERACTION_TYPES = Set.of(
            "block_actions",
            "block_suggestion",
            "interactive_message",
            "message_action",
            "dialog_cancellation",
            "dialog_submission",
            "dialog_suggestion",
            "view_submission",
            "view_closed");

    private SlackPayloads() {}

    static Verdict check(String body) {
        String trimmed = body.strip();
        if (trimmed.isEmpty()) {
            return new Malformed("empty body");
        }
        char first = trimmed.charAt(0);
        if (first == '{' || first == '[') {
            return eventsApi(trimmed);
        }
        Map<String, String> form;
        try {
            form = form(body);
        } catch (IllegalArgumentException e) {
            return new Malformed("not a URL-encoded form");
        }
        if (form.containsKey("payload")) {
            return interaction(form.get("payload"));
        }
        if (form.containsKey("command")) {
            return isSet(form.get("command")) && isSet(form.get("team_id")) && isSet(form.get("user_id"))
                    ? new ForBolt()
                    : new Malformed("a command without its command, team or user");
        }
        if ("1".equals(form.get("ssl_check"))) {
            return new ForBolt();
        }
        return new Malformed("neither a command, an interaction nor an event");
    }

    private static Verdict eventsApi(String json) {
        Optional<JsonObject> parsed = object(json);
        if (parsed.isEmpty()) {
            return new Malformed("the body is not a JSON object");
        }
        JsonObject o = parsed.get();
        return switch (string(o, "type").orElse("")) {
            case "url_verification" ->
                string(o, "challenge").isPresent()
                        ? new ForBolt()
                        : new Malformed("a URL verification without its challenge");
            case "event_callback" ->
                object(o, "event").flatMap(e -> string(e, "type")).isPresent()
                        ? new ForBolt()
                        : new Malformed("an event callback without an event type");
            case "app_rate_limited" -> new Informational();
            default -> new Malformed("a JSON body of no known type");
        };
    }

    private static Verdict interaction(String json) {
        Optional<JsonObject> parsed = object(json);
        if (parsed.isEmpty()) {
            return new Malformed("the interaction payload is not a JSON object");
        }
        JsonObject o = parsed.get();
        String type = string(o, "type").orElse("");
        if (!INTERACTION_TYPES.contains(type)) {
            return new Malformed("an interaction payload of no known type");
        }
        boolean hasUser = object(o, "user").flatMap(u -> string(u, "id")).isPresent();
        return switch (type) {
            case "block_actions" -> {
                JsonElement actions = o.get("actions");
                boolean wellFormed = actions != null
                        && actions.isJsonArray()
                        && !actions.getAsJsonArray().isEmpty()
                        && actions.getAsJsonArray().asList().stream().allMatch(JsonElement::isJsonObject);
                yield wellFormed && hasUser
                        ? new ForBolt()
                        : new Malformed("block actions without their actions or user");
            }
            case "view_submission", "view_closed" ->
                object(o, "view").isPresent() && hasUser
                        ? new ForBolt()
                        : new Malformed("a view payload without its view or user");
            default -> new ForBolt();
        };
    }

    /**
     * An {@code application/x-www-form-urlencoded} body's fields, the first value of each. Each field must be a name
     * and a value with one {@code =} between them (Slack's fields always are, their values being URL-encoded), as
     * Bolt's detectors read them; a field of another shape makes the whole body malformed.
     */
    static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || pair.indexOf('=', eq + 1) >= 0) {
                throw new IllegalArgumentException("a field that is not name=value");
            }
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    /** A JSON object parsed strictly (nothing after it, no comments or unquoted names), if the text is one. */
    private static Optional<JsonObject> object(String json) {
        try {
            JsonReader reader = new JsonReader(new StringReader(json));
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT || !element.isJsonObject()) {
                return Optional.empty();
            }
            return Optional.of(element.getAsJsonObject());
        } catch (JsonParseException | IllegalStateException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<JsonObject> object(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
    }

    private static Optional<String> string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()
                ? Optional.of(e.getAsString())
                : Optional.empty();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
