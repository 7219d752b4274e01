package dev.rapport.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rapport.localslack.Delivery;
import dev.rapport.localslack.LocalSlack;
import dev.rapport.localslack.OpenedView;
import dev.rapport.localslack.Seen;
import dev.rapport.localslack.UploadedFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's Slack side: acting as its people on the local Slack (which delivers to the real Bolt app over Socket
 * Mode, exactly as Slack would), and turning what each of them sees there into {@link Screen} items.
 */
final class SlackSandbox {

    private final LocalSlack slack;
    private final SandboxLanguages languages;

    SlackSandbox(LocalSlack slack, SandboxLanguages languages) {
        this.slack = slack;
        this.languages = languages;
    }

    /** Whether the real Slack adapter has connected to the local Slack. */
    boolean connected() {
        return slack.socketModeConnections() > 0;
    }

    /** Runs {@code /rapport text} as someone and waits (briefly) for its reply; returns the reply's text. */
    String command(String userId, String text) {
        Delivery d = slack.as(SandboxWorld.SLACK_TEAM, userId).command("/rapport", text);
        d.awaitAck(Duration.ofSeconds(10));
        try {
            return d.awaitResponses(1, Duration.ofSeconds(30)).getFirst().text();
        } catch (RuntimeException | AssertionError noReply) {
            return ""; // an import opens a form instead; the person's screen shows what came
        }
    }

    void click(String userId, String itemId, String action) {
        Seen seen = slack.screenOf(SandboxWorld.SLACK_TEAM, userId).stream()
                .filter(s -> s.id().equals(itemId))
                .reduce((a, b) -> b)
                .orElseThrow(
                        () -> new IllegalArgumentException(SandboxLanguages.text("sandbox.no-item", "id", itemId)));
        slack.as(SandboxWorld.SLACK_TEAM, userId).click(seen, action).awaitAck(Duration.ofSeconds(10));
    }

    void submit(String userId, String viewId, Map<String, String> values) {
        OpenedView view = slack.view(viewId)
                .orElseThrow(
                        () -> new IllegalArgumentException(SandboxLanguages.text("sandbox.no-view", "id", viewId)));
        Map<String, Object> filled = new HashMap<>();
        for (OpenedView.Input input : view.inputs()) {
            String value = values.get(input.actionId());
            if (value == null) {
                continue;
            }
            if (input.type().equals("checkboxes")) {
                filled.put(input.actionId(), Boolean.parseBoolean(value));
            } else if (!input.type().equals("file_input") && !value.isEmpty()) {
                filled.put(input.actionId(), value);
            }
        }
        slack.as(SandboxWorld.SLACK_TEAM, userId).submit(view, filled).awaitAck(Duration.ofSeconds(10));
    }

    void close(String userId, String viewId) {
        slack.view(viewId)
                .ifPresent(v -> slack.as(SandboxWorld.SLACK_TEAM, userId).close(v));
    }

    Optional<UploadedFile> file(String fileId) {
        return slack.files().stream().filter(f -> f.id().equals(fileId)).findFirst();
    }

    /** What someone sees in Slack, newest last: open forms only, so a submitted one goes away. */
    List<Screen.Item> screen(String userId) {
        List<Screen.Item> items = new ArrayList<>();
        for (Seen s : slack.screenOf(SandboxWorld.SLACK_TEAM, userId)) {
            switch (s.kind()) {
                case MESSAGE -> items.add(message(s, "message"));
                case EPHEMERAL -> items.add(message(s, "note"));
                case MODAL -> {
                    if (s.open()) {
                        items.add(form(s, languages.of(userId)));
                    }
                }
                case FILE -> {
                    String href = "/sandbox/api/slack/files/" + s.id();
                    List<Screen.Part> parts = new ArrayList<>();
                    Screen.Image.of(
                                    s.text(),
                                    file(s.id()).map(UploadedFile::mimetype).orElse(null),
                                    href)
                            .ifPresent(parts::add);
                    parts.add(new Screen.Download(s.text(), href));
                    items.add(new Screen.Item(s.id(), "file", s.text(), parts, false));
                }
            }
        }
        return items;
    }

    private static Screen.Item message(Seen s, String kind) {
        List<Screen.Part> parts = new ArrayList<>();
        if (s.blocksJson() != null) {
            for (JsonElement b : JsonParser.parseString(s.blocksJson()).getAsJsonArray()) {
                block(b.getAsJsonObject(), parts);
            }
        }
        if (parts.isEmpty() && s.text() != null) {
            parts.add(new Screen.Text(s.text(), false));
        }
        return new Screen.Item(s.id(), kind, null, parts, s.edited());
    }

    /** A modal with the buttons Rapport gave it (its submit and close texts), in the person's language. */
    private Screen.Item form(Seen s, Locale language) {
        List<Screen.Part> parts = new ArrayList<>();
        JsonArray blocks = JsonParser.parseString(s.blocksJson()).getAsJsonArray();
        for (JsonElement e : blocks) {
            JsonObject b = e.getAsJsonObject();
            if (!"input".equals(string(b, "type"))) {
                block(b, parts);
                continue;
            }
            JsonObject element = b.getAsJsonObject("element");
            String type = string(element, "type");
            String key = string(element, "action_id");
            String label = text(b.get("label"));
            boolean required = !(b.has("optional") && b.get("optional").getAsBoolean());
            String error = s.errors().get(string(b, "block_id"));
            switch (type == null ? "" : type) {
                case "plain_text_input" -> {
                    boolean multiline =
                            element.has("multiline") && element.get("multiline").getAsBoolean();
                    parts.add(new Screen.Field(key, label, multiline ? "textarea" : "text", required, error));
                }
                case "checkboxes" -> {
                    JsonArray options = element.getAsJsonArray("options");
                    String option = options == null || options.isEmpty()
                            ? label
                            : text(options.get(0).getAsJsonObject().get("text"));
                    parts.add(new Screen.Field(key, option, "checkbox", false, error));
                }
                default ->
                    parts.add(new Screen.Text(
                            SandboxLanguages.text(language, "sandbox.form.unavailable", "label", label), true));
            }
        }
        JsonObject view = slack.view(s.id()).map(OpenedView::view).orElseGet(JsonObject::new);
        parts.add(new Screen.Submit(
                buttonText(view, "submit", SandboxLanguages.text(language, "sandbox.form.submit")),
                buttonText(view, "close", SandboxLanguages.text(language, "sandbox.form.cancel"))));
        return new Screen.Item(s.id(), "form", s.text(), parts, s.edited());
    }

    /** A modal's submit or close text, as Slack shows it, or {@code otherwise} where the view has none. */
    private static String buttonText(JsonObject view, String which, String otherwise) {
        return view.has(which) ? text(view.get(which)) : otherwise;
    }

    private static void block(JsonObject b, List<Screen.Part> parts) {
        switch (string(b, "type") == null ? "" : string(b, "type")) {
            case "section", "header" -> {
                if (b.has("text")) {
                    parts.add(new Screen.Text(text(b.get("text")), false));
                }
                if (b.has("fields")) {
                    for (JsonElement f : b.getAsJsonArray("fields")) {
                        parts.add(new Screen.Text(text(f), false));
                    }
                }
            }
            case "context" -> {
                for (JsonElement e : b.getAsJsonArray("elements")) {
                    if (e.getAsJsonObject().has("text")) {
                        parts.add(new Screen.Text(text(e), true));
                    }
                }
            }
            case "actions" -> {
                List<Screen.Button> buttons = new ArrayList<>();
                for (JsonElement e : b.getAsJsonArray("elements")) {
                    JsonObject el = e.getAsJsonObject();
                    if ("button".equals(string(el, "type"))) {
                        buttons.add(new Screen.Button(
                                text(el.get("text")), string(el, "action_id"), "primary".equals(string(el, "style"))));
                    }
                }
                parts.add(new Screen.Buttons(buttons));
            }
            default -> {}
        }
    }

    /** A Slack text object's text, or the text itself. */
    private static String text(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "";
        }
        if (e.isJsonPrimitive()) {
            // Slack escapes these three in its text; the page escapes for HTML itself.
            return e.getAsString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        }
        JsonObject o = e.getAsJsonObject();
        return o.has("text") ? text(o.get("text")) : "";
    }

    private static String string(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : null;
    }
}
