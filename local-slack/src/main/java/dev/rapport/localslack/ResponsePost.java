package dev.rapport.localslack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;

/**
 * One POST the app made to a delivery's {@code response_url}, and how the local Slack answered it.
 *
 * @param at when it arrived, on the local Slack's clock
 * @param body the JSON the app sent ({@code text}, {@code blocks}, {@code response_type}, {@code replace_original},
 *     {@code delete_original} …); an empty object if it was not JSON
 * @param status the HTTP status answered: 200, or 404 past Slack's limits (5 uses within 30 minutes), 400 for a body
 *     Slack would refuse
 * @param error the error answered ({@code used_url}, {@code expired_url}, {@code no_text}, {@code invalid_payload}),
 *     or {@code null}
 */
public record ResponsePost(Instant at, JsonObject body, int status, String error) {

    public ResponsePost {
        body = body.deepCopy();
    }

    @Override
    public JsonObject body() {
        return body.deepCopy();
    }

    public boolean accepted() {
        return status == 200;
    }

    public String text() {
        JsonElement t = body.get("text");
        return t == null || t.isJsonNull() ? null : t.getAsString();
    }

    /** The {@code blocks} as JSON text, or {@code null}. */
    public String blocksJson() {
        JsonElement b = body.get("blocks");
        return b == null || b.isJsonNull() ? null : b.toString();
    }

    /** {@code ephemeral} (Slack's default) or {@code in_channel}. */
    public String responseType() {
        JsonElement t = body.get("response_type");
        return t == null || t.isJsonNull() ? "ephemeral" : t.getAsString();
    }

    public boolean replaceOriginal() {
        return flag("replace_original");
    }

    public boolean deleteOriginal() {
        return flag("delete_original");
    }

    private boolean flag(String key) {
        JsonElement v = body.get(key);
        if (v == null || v.isJsonNull() || !v.isJsonPrimitive()) {
            return false;
        }
        return v.getAsJsonPrimitive().isBoolean() ? v.getAsBoolean() : "true".equalsIgnoreCase(v.getAsString());
    }
}
