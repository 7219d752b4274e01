package dev.rapport.localdiscord;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Small helpers for Discord's JSON: snowflakes are strings, absent and {@code null} are alike. */
final class Json {

    private Json() {}

    /** An object from alternating keys and values; a value may be a JSON element, a string, number, boolean or null. */
    static JsonObject obj(Object... keysAndValues) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            o.add((String) keysAndValues[i], element(keysAndValues[i + 1]));
        }
        return o;
    }

    static JsonArray arr(Object... values) {
        JsonArray a = new JsonArray();
        for (Object v : values) {
            a.add(element(v));
        }
        return a;
    }

    static JsonElement element(Object v) {
        return switch (v) {
            case null -> JsonNull.INSTANCE;
            case JsonElement e -> e;
            case String s -> new JsonPrimitive(s);
            case Number n -> new JsonPrimitive(n);
            case Boolean b -> new JsonPrimitive(b);
            default -> throw new IllegalArgumentException("not a JSON value: " + v.getClass());
        };
    }

    static String id(long snowflake) {
        return Long.toUnsignedString(snowflake);
    }

    static boolean has(JsonObject o, String key) {
        return o != null && o.has(key) && !o.get(key).isJsonNull();
    }

    static String string(JsonObject o, String key) {
        return has(o, key) ? o.get(key).getAsString() : null;
    }

    static int integer(JsonObject o, String key, int otherwise) {
        return has(o, key) ? o.get(key).getAsInt() : otherwise;
    }

    static long snowflake(JsonObject o, String key) {
        return has(o, key) ? Long.parseUnsignedLong(o.get(key).getAsString()) : 0L;
    }

    static JsonArray array(JsonObject o, String key) {
        return has(o, key) && o.get(key).isJsonArray() ? o.getAsJsonArray(key) : new JsonArray();
    }

    static JsonObject object(JsonObject o, String key) {
        return has(o, key) && o.get(key).isJsonObject() ? o.getAsJsonObject(key) : null;
    }
}
