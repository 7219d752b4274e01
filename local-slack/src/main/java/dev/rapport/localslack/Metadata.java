package dev.rapport.localslack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.regex.Pattern;

/**
 * The {@code metadata} argument of {@code chat.postMessage} and {@code chat.update}, read as Slack reads it (Slack's
 * "Using message metadata" guide and the two methods' references on docs.slack.dev):
 *
 * <ul>
 *   <li>not a JSON object: the error {@code invalid_metadata_format};
 *   <li>an object without a string {@code event_type} or without an object {@code event_payload}: the error
 *       {@code invalid_metadata_schema};
 *   <li>an {@code event_type} with anything but letters, digits, underscores and hyphens: posted without the metadata,
 *       and the warning {@code invalid_metadata_schema}, as the guide says such metadata "is ignored";
 *   <li>an empty object: no metadata (for {@code chat.update}, the way to remove what the message had).
 * </ul>
 *
 * <p>Slack keeps {@code event_type} and {@code event_payload}, and hands the metadata back in that shape. No size limit
 * is checked: Slack documents {@code metadata_too_large} but no number.
 */
final class Metadata {

    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * What Slack made of the argument.
     *
     * @param json the metadata to keep, or {@code null} for none
     * @param error the error to answer instead of posting, or {@code null}
     * @param warning the warning to post with, or {@code null}
     */
    record Read(String json, String error, String warning) {}

    private Metadata() {}

    static Read read(String raw) {
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(raw);
        } catch (RuntimeException e) {
            return new Read(null, "invalid_metadata_format", null);
        }
        if (!parsed.isJsonObject()) {
            return new Read(null, "invalid_metadata_format", null);
        }
        JsonObject given = parsed.getAsJsonObject();
        if (given.isEmpty()) {
            return new Read(null, null, null);
        }
        JsonElement type = given.get("event_type");
        JsonElement payload = given.get("event_payload");
        if (type == null
                || !type.isJsonPrimitive()
                || !type.getAsJsonPrimitive().isString()
                || payload == null
                || !payload.isJsonObject()) {
            return new Read(null, "invalid_metadata_schema", null);
        }
        if (!EVENT_TYPE.matcher(type.getAsString()).matches()) {
            return new Read(null, null, "invalid_metadata_schema");
        }
        JsonObject kept = new JsonObject();
        kept.addProperty("event_type", type.getAsString());
        kept.add("event_payload", payload.deepCopy());
        return new Read(kept.toString(), null, null);
    }
}
