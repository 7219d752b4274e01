package dev.rapport.core.i18n;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A text not rendered yet: a catalogue key and its named arguments. It is what the outbox stores for a message, so the
 * message is rendered in its recipient's language when it is sent ({@link Catalogue#render(java.util.Locale, String)}).
 *
 * <p>An argument is a string, a number, a {@link LocalDate}, another {@code Text} (rendered in the same language
 * first) or a list of them (rendered one a line).
 */
public record Text(String key, Map<String, Object> args) {

    /** What marks a stored payload as a text to render rather than text to send as it is. */
    static final String PREFIX = "rapport-text:";

    private static final ObjectMapper JSON = new ObjectMapper();

    public Text {
        Objects.requireNonNull(key, "key");
        Map<String, Object> copy = new LinkedHashMap<>();
        args.forEach((name, value) -> copy.put(name, checked(name, value)));
        args = Collections.unmodifiableMap(copy);
    }

    /** A text with arguments given as name, value, name, value… */
    public static Text of(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("arguments come as name, value pairs: " + key);
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Text(key, args);
    }

    private static Object checked(String name, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Text)) {
                    throw new IllegalArgumentException("a list argument holds texts: " + name);
                }
            }
            return List.copyOf(list);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue(); // as a stored text reads it back
        }
        if (value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof String
                || value instanceof Long
                || value instanceof Double
                || value instanceof LocalDate
                || value instanceof Text) {
            return value;
        }
        throw new IllegalArgumentException("unsupported argument " + name + ": " + value.getClass());
    }

    /** The same text with one more argument. */
    public Text with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(args);
        more.put(name, value);
        return new Text(key, more);
    }

    /** The form stored in an outbox row's payload. */
    public String encode() {
        return PREFIX + toJson(this);
    }

    /** The text a payload stores, or empty when the payload is plain text (written before catalogues existed). */
    public static Optional<Text> decode(String payload) {
        if (payload == null || !payload.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromJson(JSON.readTree(payload.substring(PREFIX.length()))));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored text: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode toJson(Text text) {
        ObjectNode node = JSON.createObjectNode();
        node.put("key", text.key());
        ObjectNode args = node.putObject("args");
        text.args().forEach((name, value) -> args.set(name, valueToJson(value)));
        return node;
    }

    private static JsonNode valueToJson(Object value) {
        return switch (value) {
            case String s -> JSON.getNodeFactory().textNode(s);
            case Long l -> JSON.getNodeFactory().numberNode(l);
            case Number n -> JSON.getNodeFactory().numberNode(n.doubleValue());
            case LocalDate d -> JSON.createObjectNode().put("date", d.toString());
            case Text t -> JSON.createObjectNode().set("text", toJson(t));
            case List<?> list -> {
                ArrayNode lines = JSON.createArrayNode();
                list.forEach(item -> lines.add(toJson((Text) item)));
                yield JSON.createObjectNode().set("lines", lines);
            }
            default -> throw new IllegalArgumentException("unsupported argument " + value.getClass());
        };
    }

    private static Text fromJson(JsonNode node) {
        Map<String, Object> args = new LinkedHashMap<>();
        node.path("args").properties().forEach(e -> args.put(e.getKey(), valueFromJson(e.getValue())));
        return new Text(node.path("key").asText(), args);
    }

    private static Object valueFromJson(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.has("date")) {
            return LocalDate.parse(value.get("date").asText());
        }
        if (value.has("text")) {
            return fromJson(value.get("text"));
        }
        List<Text> lines = new ArrayList<>();
        value.path("lines").forEach(line -> lines.add(fromJson(line)));
        return lines;
    }
}
