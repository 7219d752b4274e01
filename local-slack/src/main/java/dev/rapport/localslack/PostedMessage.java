package dev.rapport.localslack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message the local Slack accepted through {@code chat.postMessage}, or a new version of one through
 * {@code chat.update}.
 *
 * @param teamId the workspace the bot token belongs to
 * @param channel the channel posted to (a {@code D…} DM channel for direct messages)
 * @param userId the user whose DM the channel is, or {@code null} for a channel that is not a DM
 * @param text the {@code text} argument: the notification and fallback text
 * @param blocksJson the {@code blocks} argument exactly as received (a JSON array), or {@code null}
 * @param ts the message's timestamp, Slack's id for it
 * @param metadataJson the message metadata as Slack keeps it ({@code {"event_type":…,"event_payload":{…}}}), or
 *     {@code null}: for a post, what it carried; for an update, what it set ({@code null} when it left the metadata
 *     as it was); for {@link LocalSlack#currentMessage}, what the message carries now
 */
public record PostedMessage(
        String teamId, String channel, String userId, String text, String blocksJson, String ts, String metadataJson) {

    /** A message without metadata. */
    public PostedMessage(String teamId, String channel, String userId, String text, String blocksJson, String ts) {
        this(teamId, channel, userId, text, blocksJson, ts, null);
    }

    /** The message metadata, a copy to read: {@code event_type} and {@code event_payload}. */
    public Optional<JsonObject> metadata() {
        return metadataJson == null
                ? Optional.empty()
                : Optional.of(JsonParser.parseString(metadataJson).getAsJsonObject());
    }

    /** The metadata's {@code event_type}, if the message carries metadata. */
    public Optional<String> metadataEventType() {
        return metadata().map(m -> m.get("event_type").getAsString());
    }

    /** Every {@code action_id} in the blocks, in document order: what a click on the message would hand back. */
    public List<String> actionIds() {
        List<String> ids = new ArrayList<>();
        if (blocksJson != null) {
            collect(JsonParser.parseString(blocksJson), ids);
        }
        return ids;
    }

    /** The blocks' {@code type}s, in order. */
    public List<String> blockTypes() {
        List<String> types = new ArrayList<>();
        if (blocksJson != null) {
            for (JsonElement block : JsonParser.parseString(blocksJson).getAsJsonArray()) {
                types.add(block.getAsJsonObject().get("type").getAsString());
            }
        }
        return types;
    }

    private static void collect(JsonElement element, List<String> ids) {
        if (element instanceof JsonObject object) {
            for (var entry : object.entrySet()) {
                if (entry.getKey().equals("action_id") && entry.getValue().isJsonPrimitive()) {
                    ids.add(entry.getValue().getAsString());
                } else {
                    collect(entry.getValue(), ids);
                }
            }
        } else if (element instanceof JsonArray array) {
            for (JsonElement child : array) {
                collect(child, ids);
            }
        }
    }
}
