package dev.rapport.localdiscord;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/** Reading component trees (action rows, buttons, labels, inputs), for the recorded messages' helpers. */
final class Components {

    static final int ACTION_ROW = 1;
    static final int BUTTON = 2;
    static final int STRING_SELECT = 3;
    static final int TEXT_INPUT = 4;
    static final int LABEL = 18;
    static final int RADIO_GROUP = 21;
    static final int CHECKBOX_GROUP = 22;
    static final int CHECKBOX = 23;

    private Components() {}

    static JsonArray parse(String json) {
        if (json == null || json.isBlank()) {
            return new JsonArray();
        }
        JsonElement e = JsonParser.parseString(json);
        return e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }

    /** Every component in document order, depth first (rows before their buttons, labels before their inputs). */
    static List<JsonObject> flatten(JsonArray components) {
        List<JsonObject> out = new ArrayList<>();
        walk(components, out);
        return out;
    }

    private static void walk(JsonElement e, List<JsonObject> out) {
        if (e instanceof JsonArray a) {
            for (JsonElement child : a) {
                walk(child, out);
            }
        } else if (e instanceof JsonObject o) {
            if (o.has("type")) {
                out.add(o);
            }
            if (o.has("components")) {
                walk(o.get("components"), out);
            }
            if (o.has("component")) {
                walk(o.get("component"), out);
            }
            if (o.has("accessory")) {
                walk(o.get("accessory"), out);
            }
        }
    }

    static List<String> customIds(String componentsJson) {
        List<String> ids = new ArrayList<>();
        for (JsonObject c : flatten(parse(componentsJson))) {
            String id = Json.string(c, "custom_id");
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    static List<SelectMenu> selectMenus(String componentsJson) {
        List<SelectMenu> menus = new ArrayList<>();
        for (JsonObject c : flatten(parse(componentsJson))) {
            if (Json.integer(c, "type", 0) == STRING_SELECT) {
                List<String> labels = new ArrayList<>();
                List<String> values = new ArrayList<>();
                for (JsonElement o : Json.array(c, "options")) {
                    labels.add(Json.string(o.getAsJsonObject(), "label"));
                    values.add(Json.string(o.getAsJsonObject(), "value"));
                }
                menus.add(new SelectMenu(Json.string(c, "custom_id"), Json.string(c, "placeholder"), labels, values));
            }
        }
        return menus;
    }

    /** Whether a component type is a select menu (string, user, role, mentionable, channel): one fills a whole row. */
    static boolean isSelect(int type) {
        return type == STRING_SELECT || (type >= 5 && type <= 8);
    }

    static List<String> buttonLabels(String componentsJson) {
        List<String> labels = new ArrayList<>();
        for (JsonObject c : flatten(parse(componentsJson))) {
            if (Json.integer(c, "type", 0) == BUTTON && Json.has(c, "label")) {
                labels.add(c.get("label").getAsString());
            }
        }
        return labels;
    }

    /** Gives every component without an {@code id} the next free number, as Discord does when it stores them. */
    static void assignIds(JsonArray components) {
        List<JsonObject> all = flatten(components);
        int next = 1;
        for (JsonObject c : all) {
            if (Json.has(c, "id")) {
                next = Math.max(next, c.get("id").getAsInt() + 1);
            }
        }
        for (JsonObject c : all) {
            if (!Json.has(c, "id")) {
                c.addProperty("id", next++);
            }
        }
    }
}
