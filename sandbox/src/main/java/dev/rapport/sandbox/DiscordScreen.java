package dev.rapport.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rapport.localdiscord.DiscordMessage;
import dev.rapport.localdiscord.UploadedFile;
import java.util.ArrayList;
import java.util.List;

/** Discord's JSON as the sandbox page draws it: a message's content, embeds, rows of buttons and select menus, files. */
final class DiscordScreen {

    private DiscordScreen() {}

    static Screen.Item message(DiscordMessage m, String kind) {
        List<Screen.Part> parts = new ArrayList<>();
        if (m.content() != null && !m.content().isBlank()) {
            parts.addAll(texts(m.content()));
        }
        if (m.embedsJson() != null) {
            for (JsonElement e : JsonParser.parseString(m.embedsJson()).getAsJsonArray()) {
                JsonObject embed = e.getAsJsonObject();
                if (embed.has("title")) {
                    parts.add(new Screen.Text("**" + embed.get("title").getAsString() + "**", false));
                }
                if (embed.has("description")) {
                    parts.addAll(texts(embed.get("description").getAsString()));
                }
                if (embed.has("fields")) {
                    for (JsonElement f : embed.getAsJsonArray("fields")) {
                        JsonObject field = f.getAsJsonObject();
                        parts.add(
                                new Screen.Text("**" + string(field, "name") + "**\n" + string(field, "value"), false));
                    }
                }
                if (embed.has("footer")) {
                    parts.add(new Screen.Text(string(embed.getAsJsonObject("footer"), "text"), true));
                }
            }
        }
        parts.addAll(components(m.componentsJson()));
        for (UploadedFile f : m.attachments()) {
            String href = "/sandbox/api/discord/files/" + f.id();
            Screen.Image.of(f.filename(), f.contentType(), href).ifPresent(parts::add);
            parts.add(new Screen.Download(f.filename(), href));
        }
        return new Screen.Item(Long.toString(m.id()), kind, null, parts, m.version() > 0);
    }

    /** A message's rows as the page shows them: a row of buttons, or a select menu named by its placeholder. */
    static List<Screen.Part> components(String componentsJson) {
        List<Screen.Part> parts = new ArrayList<>();
        if (componentsJson == null) {
            return parts;
        }
        for (JsonElement row : JsonParser.parseString(componentsJson).getAsJsonArray()) {
            List<Screen.Button> buttons = new ArrayList<>();
            JsonArray inRow = row.getAsJsonObject().getAsJsonArray("components");
            for (JsonElement c : inRow == null ? new JsonArray() : inRow) {
                JsonObject b = c.getAsJsonObject();
                boolean disabled = b.has("disabled") && b.get("disabled").getAsBoolean();
                int type = b.get("type").getAsInt();
                if (type == 2 && b.has("custom_id") && !disabled) {
                    buttons.add(new Screen.Button(
                            string(b, "label"),
                            b.get("custom_id").getAsString(),
                            b.get("style").getAsInt() == 1));
                } else if (type == 3 && !disabled) {
                    List<Screen.Option> options = new ArrayList<>();
                    for (JsonElement o : b.getAsJsonArray("options")) {
                        options.add(new Screen.Option(
                                string(o.getAsJsonObject(), "label"), string(o.getAsJsonObject(), "value")));
                    }
                    parts.add(new Screen.Select(string(b, "custom_id"), string(b, "placeholder"), options));
                }
            }
            if (!buttons.isEmpty()) {
                parts.add(new Screen.Buttons(buttons));
            }
        }
        return parts;
    }

    /**
     * Discord's Markdown as the page shows it: a line that starts with {@code -# } is subtext (small, grey, without the
     * marker), the lines between stay together as one text.
     */
    static List<Screen.Text> texts(String markdown) {
        List<Screen.Text> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean small = false;
        for (String line : markdown.split("\n", -1)) {
            boolean subtext = line.startsWith("-# ");
            if (subtext != small && !run.isEmpty()) {
                out.add(new Screen.Text(unescape(run.toString()), small));
                run.setLength(0);
            }
            small = subtext;
            if (!run.isEmpty()) {
                run.append('\n');
            }
            run.append(subtext ? line.substring(3) : line);
        }
        if (!run.toString().isBlank()) {
            out.add(new Screen.Text(unescape(run.toString()), small));
        }
        return out;
    }

    /** Discord shows an escaped Markdown character as itself; so does the page. */
    static String unescape(String markdown) {
        return markdown.replaceAll("\\\\([\\\\`*_~|>\\[\\]()#.-])", "$1");
    }

    private static String string(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : "";
    }
}
