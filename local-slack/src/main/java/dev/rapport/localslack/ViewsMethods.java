package dev.rapport.localslack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code views.open}, {@code views.push} and {@code views.update}, with Slack's documented limits of a modal; also the
 * {@code update} and {@code push} response actions of a submission's acknowledgement, which change modals the same way.
 */
final class ViewsMethods {

    /** Slack's documented modal limits. */
    static final int VIEW_TEXT = 24;

    static final int VIEW_BLOCKS = 100;
    static final int CALLBACK_ID = 255;
    static final int PRIVATE_METADATA = 3000;

    private final World world;

    ViewsMethods(World world) {
        this.world = world;
    }

    Answer open(WebApi.Call call, boolean push) {
        Workspace w = call.workspace();
        Map<String, String> args = call.args();
        String triggerId = args.get("trigger_id");
        World.Trigger trigger = world.trigger(triggerId);
        if (trigger == null || !trigger.teamId.equals(w.teamId)) {
            return Answer.error("invalid_trigger_id");
        }
        if (trigger.used) {
            return Answer.error("exchanged_trigger_id");
        }
        if (Duration.between(trigger.issued, world.clock.instant()).compareTo(LocalSlack.TRIGGER_LIFETIME) > 0) {
            return Answer.error("expired_trigger_id");
        }
        JsonObject view;
        try {
            view = JsonParser.parseString(args.getOrDefault("view", "")).getAsJsonObject();
        } catch (RuntimeException e) {
            return Answer.invalid("[ERROR] failed to parse the view [json-pointer:/view]");
        }
        List<String> problems = viewProblems(view);
        if (!problems.isEmpty()) {
            return Answer.invalid(problems.toArray(String[]::new));
        }
        List<OpenedView> stack = world.openViews(w.teamId, trigger.userId);
        if (push && stack.isEmpty()) {
            return Answer.error("not_found"); // views.push needs a modal to push onto
        }
        if (push && stack.size() >= 3) {
            return Answer.error("push_limit_reached"); // Slack stacks at most three views
        }
        String externalId = OpenedView.string(view, "external_id");
        if (!Slack.blank(externalId)
                && world.viewByExternalId(w.teamId, externalId).isPresent()) {
            return Answer.error("duplicate_external_id");
        }
        // Each trigger opens one modal: a second call with it is Slack's exchanged_trigger_id.
        trigger.used = true;
        OpenedView opened = push ? pushed(w, trigger.userId, view) : opened(w, trigger.userId, view, null, null);
        JsonObject body = Slack.ok();
        body.add("view", opened.view());
        return Answer.ok(body);
    }

    Answer update(WebApi.Call call) {
        Workspace w = call.workspace();
        Map<String, String> args = call.args();
        Optional<OpenedView> found = Optional.empty();
        String viewId = args.get("view_id");
        String externalId = args.get("external_id");
        if (!Slack.blank(viewId)) {
            found = world.view(viewId).filter(v -> v.teamId().equals(w.teamId));
        } else if (!Slack.blank(externalId)) {
            found = world.viewByExternalId(w.teamId, externalId);
        } else {
            return Answer.invalid("[ERROR] either view_id or external_id is required [json-pointer:/view_id]");
        }
        if (found.isEmpty()) {
            return Answer.error("not_found");
        }
        OpenedView was = found.get();
        String hash = args.get("hash");
        if (!Slack.blank(hash) && !hash.equals(was.hash())) {
            return Answer.error("hash_conflict");
        }
        JsonObject view;
        try {
            view = JsonParser.parseString(args.getOrDefault("view", "")).getAsJsonObject();
        } catch (RuntimeException e) {
            return Answer.invalid("[ERROR] failed to parse the view [json-pointer:/view]");
        }
        List<String> problems = viewProblems(view);
        if (!problems.isEmpty()) {
            return Answer.invalid(problems.toArray(String[]::new));
        }
        OpenedView updated = update(was, view);
        JsonObject body = Slack.ok();
        body.add("view", updated.view());
        return Answer.ok(body);
    }

    /** A new modal for a person, at the root of a stack or on top of one. */
    private OpenedView opened(Workspace w, String userId, JsonObject view, String rootId, String previousId) {
        String id = String.format("V%010d", world.nextNumber());
        OpenedView opened = stored(w, userId, id, rootId == null ? id : rootId, previousId, view, 1, true, Map.of());
        world.putView(opened);
        return opened;
    }

    /** A modal pushed onto the person's open ones ({@code views.push}, {@code response_action: push}). */
    OpenedView pushed(Workspace w, String userId, JsonObject view) {
        synchronized (world) {
            List<OpenedView> stack = world.openViews(w.teamId, userId);
            if (stack.isEmpty()) {
                return opened(w, userId, view, null, null);
            }
            return opened(
                    w, userId, view, stack.getFirst().id(), stack.getLast().id());
        }
    }

    /** A new version of a modal, kept where it is: {@code views.update} or {@code response_action: update}. */
    OpenedView update(OpenedView was, JsonObject view) {
        Workspace w = world.workspaceOf(was.teamId());
        JsonObject old = was.view();
        OpenedView updated = stored(
                w,
                was.userId(),
                was.id(),
                OpenedView.string(old, "root_view_id"),
                was.id(),
                view,
                was.version() + 1,
                was.open(),
                Map.of());
        world.putView(updated);
        return updated;
    }

    /** The view as Slack holds it: what the app sent, plus Slack's own fields. */
    private OpenedView stored(
            Workspace w,
            String userId,
            String id,
            String rootId,
            String previousId,
            JsonObject sent,
            int version,
            boolean open,
            Map<String, String> errors) {
        JsonObject v = sent.deepCopy();
        v.addProperty("id", id);
        v.addProperty("team_id", w.teamId);
        if (!v.has("private_metadata")) {
            v.addProperty("private_metadata", "");
        }
        if (!v.has("callback_id")) {
            v.addProperty("callback_id", "");
        }
        if (!v.has("external_id")) {
            v.addProperty("external_id", "");
        }
        JsonObject state = new JsonObject();
        state.add("values", new JsonObject());
        v.add("state", state);
        String hash = world.clock.instant().getEpochSecond() + "." + world.hex(4);
        v.addProperty("hash", hash);
        if (!v.has("clear_on_close")) {
            v.addProperty("clear_on_close", false);
        }
        if (!v.has("notify_on_close")) {
            v.addProperty("notify_on_close", false);
        }
        v.addProperty("root_view_id", rootId);
        if (previousId == null) {
            v.add("previous_view_id", JsonNull.INSTANCE);
        } else {
            v.addProperty("previous_view_id", previousId);
        }
        v.addProperty("app_id", world.appId);
        v.addProperty("app_installed_team_id", w.teamId);
        v.addProperty("bot_id", w.botId);
        return new OpenedView(
                id,
                w.teamId,
                userId,
                Slack.emptyToNull(OpenedView.string(v, "callback_id")),
                Slack.emptyToNull(OpenedView.string(v, "private_metadata")),
                Slack.emptyToNull(OpenedView.string(v, "external_id")),
                hash,
                v.toString(),
                open,
                errors,
                version);
    }

    /** Slack's documented limits of a modal, as {@code invalid_arguments} messages with the offending JSON pointer. */
    static List<String> viewProblems(JsonObject view) {
        List<String> problems = new ArrayList<>();
        if (!"modal".equals(OpenedView.string(view, "type"))) {
            problems.add("[ERROR] must be a modal [json-pointer:/view/type]");
        }
        JsonElement title = view.get("title");
        if (title == null || !title.isJsonObject()) {
            problems.add("[ERROR] missing required field: title [json-pointer:/view/title]");
        } else {
            textWithin(title.getAsJsonObject(), "title", problems);
        }
        for (String key : List.of("submit", "close")) {
            JsonElement text = view.get(key);
            if (text != null && text.isJsonObject()) {
                textWithin(text.getAsJsonObject(), key, problems);
            }
        }
        JsonElement blocks = view.get("blocks");
        if (blocks == null || !blocks.isJsonArray()) {
            problems.add("[ERROR] missing required field: blocks [json-pointer:/view/blocks]");
        } else {
            JsonArray array = blocks.getAsJsonArray();
            if (array.size() > VIEW_BLOCKS) {
                problems.add("[ERROR] no more than " + VIEW_BLOCKS + " items allowed [json-pointer:/view/blocks]");
            }
            Set<String> blockIds = new HashSet<>();
            boolean inputs = false;
            for (int i = 0; i < array.size(); i++) {
                if (!array.get(i).isJsonObject()) {
                    problems.add("[ERROR] a block must be an object [json-pointer:/view/blocks/" + i + "]");
                    continue;
                }
                JsonObject block = array.get(i).getAsJsonObject();
                inputs |= "input".equals(OpenedView.string(block, "type"));
                String blockId = OpenedView.string(block, "block_id");
                if (blockId != null && !blockIds.add(blockId)) {
                    problems.add("[ERROR] block_id must be unique [json-pointer:/view/blocks/" + i + "/block_id]");
                }
                if (blockId != null && blockId.length() > 255) {
                    problems.add(
                            "[ERROR] must be less than 256 characters [json-pointer:/view/blocks/" + i + "/block_id]");
                }
            }
            if (inputs && !view.has("submit")) {
                problems.add("[ERROR] must provide a submit property when using input blocks [json-pointer:/view]");
            }
        }
        within(view, "callback_id", CALLBACK_ID, problems);
        within(view, "external_id", 255, problems);
        within(view, "private_metadata", PRIVATE_METADATA, problems);
        return problems;
    }

    private static void textWithin(JsonObject text, String key, List<String> problems) {
        String t = OpenedView.string(text, "text");
        if (t == null || t.isEmpty()) {
            problems.add("[ERROR] must be more than 0 characters [json-pointer:/view/" + key + "/text]");
        } else if (t.length() > VIEW_TEXT) {
            problems.add("[ERROR] must be less than " + (VIEW_TEXT + 1) + " characters [json-pointer:/view/" + key
                    + "/text]");
        }
        if (!"plain_text".equals(OpenedView.string(text, "type"))) {
            problems.add("[ERROR] must be plain_text [json-pointer:/view/" + key + "/type]");
        }
    }

    private static void within(JsonObject view, String key, int max, List<String> problems) {
        String v = OpenedView.string(view, key);
        if (v != null && v.length() > max) {
            problems.add("[ERROR] must be less than " + (max + 1) + " characters [json-pointer:/view/" + key + "]");
        }
    }
}
