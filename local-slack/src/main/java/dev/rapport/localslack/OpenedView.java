package dev.rapport.localslack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A modal as one person sees it at one moment: opened by {@code views.open} (with a trigger the local Slack issued
 * for that person), perhaps changed since by {@code views.update} or a submission's {@code response_action}.
 *
 * @param id the view id ({@code V…})
 * @param teamId the workspace
 * @param userId the person it was opened for
 * @param callbackId the view's {@code callback_id}, or {@code null}
 * @param privateMetadata the view's {@code private_metadata}, or {@code null}
 * @param externalId the view's {@code external_id}, or {@code null}
 * @param hash the current {@code hash}: a {@code views.update} with another one is a {@code hash_conflict}
 * @param viewJson the whole view object as Slack holds it (id, team_id, state, hash …)
 * @param open {@code false} once submitted without errors, closed, or cleared
 * @param errors the field errors of the last {@code response_action: errors}, by block id (empty if none)
 * @param version 1 when opened, one more at each update
 */
public record OpenedView(
        String id,
        String teamId,
        String userId,
        String callbackId,
        String privateMetadata,
        String externalId,
        String hash,
        String viewJson,
        boolean open,
        Map<String, String> errors,
        int version) {

    public OpenedView {
        errors = Map.copyOf(errors);
    }

    /** The view object (a copy). */
    public JsonObject view() {
        return JsonParser.parseString(viewJson).getAsJsonObject();
    }

    /** The title's text. */
    public String title() {
        JsonObject title = view().getAsJsonObject("title");
        return title == null || !title.has("text") ? null : title.get("text").getAsString();
    }

    /** The view's blocks, as JSON text. */
    public String blocksJson() {
        JsonElement blocks = view().get("blocks");
        return blocks == null ? "[]" : blocks.toString();
    }

    /** Every input block's element, in order: what {@link SlackUser#submit} can fill in. */
    public List<Input> inputs() {
        List<Input> inputs = new ArrayList<>();
        JsonElement blocks = view().get("blocks");
        if (blocks == null || !blocks.isJsonArray()) {
            return inputs;
        }
        for (JsonElement b : blocks.getAsJsonArray()) {
            JsonObject block = b.getAsJsonObject();
            if (!"input".equals(string(block, "type")) || !block.has("element")) {
                continue;
            }
            JsonObject element = block.getAsJsonObject("element");
            boolean optional = block.has("optional") && block.get("optional").getAsBoolean();
            inputs.add(new Input(
                    string(block, "block_id"), string(element, "action_id"), string(element, "type"), optional));
        }
        return inputs;
    }

    /** The same version, opened or closed, with these field errors. */
    OpenedView with(boolean nowOpen, Map<String, String> newErrors) {
        return new OpenedView(
                id,
                teamId,
                userId,
                callbackId,
                privateMetadata,
                externalId,
                hash,
                viewJson,
                nowOpen,
                newErrors,
                version);
    }

    static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** One input of a modal. */
    public record Input(String blockId, String actionId, String type, boolean optional) {}
}
