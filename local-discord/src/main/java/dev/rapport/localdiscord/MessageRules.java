package dev.rapport.localdiscord;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Discord's documented limits on message, modal and autocomplete payloads, checked the way Discord answers them: 400
 * with code 50035 and an {@code errors} tree naming each offending field. Only the limits a bot meets in practice.
 */
final class MessageRules {

    static final int MAX_CONTENT = 2000;
    static final int MAX_EMBEDS = 10;
    static final int MAX_EMBED_TOTAL = 6000;
    static final int MAX_ROWS = 5;
    static final int MAX_COMPONENTS_V2 = 40;
    static final int MAX_BUTTONS_PER_ROW = 5;
    static final int MAX_CUSTOM_ID = 100;
    static final int MAX_BUTTON_LABEL = 80;
    /** A select menu's placeholder; its options (1–25), each option's label, value and description. */
    static final int MAX_PLACEHOLDER = 150;

    static final int MAX_SELECT_OPTIONS = 25;
    static final int MAX_OPTION_TEXT = 100;
    static final int MAX_FILES = 10;
    static final int MAX_CHOICES = 25;
    static final int MAX_MODAL_TITLE = 45;
    static final int MAX_MODAL_COMPONENTS = 5;
    static final int MAX_LABEL = 45;
    static final int MAX_LABEL_DESCRIPTION = 100;
    static final int MAX_TEXT_INPUT = 4000;
    /** Create Message: "up to 25 characters". */
    static final int MAX_NONCE = 25;

    private MessageRules() {}

    /** Checks a message body; {@code create} also refuses an empty message (code 50006). */
    static void check(JsonObject data, int files, boolean create) {
        check(data, files, create, new FormErrors());
    }

    /**
     * Checks a {@code POST channels/{id}/messages} body: the message, and the {@code nonce} and {@code enforce_nonce} only
     * that endpoint takes, reported in the same error tree as Discord reports every field at once.
     */
    static void checkChannelMessage(JsonObject data, int files) {
        FormErrors errors = new FormErrors();
        if (Json.has(data, "nonce")) {
            checkNonce(data.get("nonce"), errors);
        }
        if (Json.has(data, "enforce_nonce")) {
            JsonElement enforce = data.get("enforce_nonce");
            if (!enforce.isJsonPrimitive() || !enforce.getAsJsonPrimitive().isBoolean()) {
                errors.add("BASE_TYPE_BOOLEAN", "Must be either true or false.", "enforce_nonce");
            }
        }
        check(data, files, true, errors);
    }

    /**
     * "Integer or string", "up to 25 characters". The codes and messages are the ones Discord answered when a
     * library author tried (discord-api-docs#1158): {@code NONCE_TYPE_INVALID_TYPE} and {@code NONCE_TYPE_TOO_LONG}.
     */
    private static void checkNonce(JsonElement nonce, FormErrors errors) {
        if (!nonce.isJsonPrimitive() || nonce.getAsJsonPrimitive().isBoolean()) {
            errors.add("NONCE_TYPE_INVALID_TYPE", "This field must be a string or integer.", "nonce");
            return;
        }
        JsonPrimitive p = nonce.getAsJsonPrimitive();
        String text;
        if (p.isNumber()) {
            BigInteger integer = integer(p);
            if (integer == null) {
                errors.add("NONCE_TYPE_INVALID_TYPE", "This field must be a string or integer.", "nonce");
                return;
            }
            text = integer.toString();
        } else {
            text = p.getAsString();
        }
        if (text.codePointCount(0, text.length()) > MAX_NONCE) {
            errors.add("NONCE_TYPE_TOO_LONG", "Must be " + MAX_NONCE + " or fewer characters long.", "nonce");
        }
    }

    private static BigInteger integer(JsonPrimitive number) {
        try {
            return new BigDecimal(number.getAsString()).toBigIntegerExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** The body's nonce once checked: a string, or an integer written plainly; {@code null} if none was sent. */
    static JsonPrimitive nonce(JsonObject data) {
        if (!Json.has(data, "nonce")) {
            return null;
        }
        JsonPrimitive p = data.getAsJsonPrimitive("nonce");
        return p.isNumber() ? new JsonPrimitive(integer(p)) : p;
    }

    static boolean enforceNonce(JsonObject data) {
        return Json.has(data, "enforce_nonce") && data.get("enforce_nonce").getAsBoolean();
    }

    private static void check(JsonObject data, int files, boolean create, FormErrors errors) {
        String content = Json.string(data, "content");
        if (content != null && content.length() > MAX_CONTENT) {
            errors.maxLength(MAX_CONTENT, "content");
        }
        JsonArray embeds = Json.array(data, "embeds");
        if (embeds.size() > MAX_EMBEDS) {
            errors.maxLength(MAX_EMBEDS, "embeds");
        }
        checkEmbeds(embeds, errors);
        int flags = Json.integer(data, "flags", 0);
        checkComponents(Json.array(data, "components"), (flags & DiscordMessage.IS_COMPONENTS_V2) != 0, errors);
        if (files > MAX_FILES) {
            errors.maxLength(MAX_FILES, "files");
        }
        errors.throwIfAny();
        if (create
                && (content == null || content.isEmpty())
                && embeds.isEmpty()
                && Json.array(data, "components").isEmpty()
                && files == 0
                && Json.array(data, "sticker_ids").isEmpty()
                && !Json.has(data, "poll")) {
            throw ApiError.of(400, 50006, "Cannot send an empty message");
        }
    }

    private static void checkEmbeds(JsonArray embeds, FormErrors errors) {
        int total = 0;
        for (int i = 0; i < embeds.size(); i++) {
            if (!embeds.get(i).isJsonObject()) {
                errors.add("MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType", "embeds", "" + i);
                continue;
            }
            JsonObject e = embeds.get(i).getAsJsonObject();
            String at = Integer.toString(i);
            total += length(errors, e, "title", 256, "embeds", at, "title");
            total += length(errors, e, "description", 4096, "embeds", at, "description");
            JsonObject footer = Json.object(e, "footer");
            if (footer != null) {
                total += length(errors, footer, "text", 2048, "embeds", at, "footer", "text");
            }
            JsonObject author = Json.object(e, "author");
            if (author != null) {
                total += length(errors, author, "name", 256, "embeds", at, "author", "name");
            }
            JsonArray fields = Json.array(e, "fields");
            if (fields.size() > 25) {
                errors.maxLength(25, "embeds", at, "fields");
            }
            for (int f = 0; f < fields.size(); f++) {
                JsonObject field = fields.get(f).getAsJsonObject();
                String fi = Integer.toString(f);
                total += length(errors, field, "name", 256, "embeds", at, "fields", fi, "name");
                total += length(errors, field, "value", 1024, "embeds", at, "fields", fi, "value");
            }
        }
        if (total > MAX_EMBED_TOTAL) {
            errors.add("MESSAGE_EMBEDS_TOO_LARGE", "Embed size exceeds maximum size of " + MAX_EMBED_TOTAL, "embeds");
        }
    }

    private static int length(FormErrors errors, JsonObject o, String key, int max, String... path) {
        String value = Json.string(o, key);
        if (value == null) {
            return 0;
        }
        if (value.length() > max) {
            errors.maxLength(max, path);
        }
        return value.length();
    }

    private static void checkComponents(JsonArray components, boolean v2, FormErrors errors) {
        if (v2) {
            if (Components.flatten(components).size() > MAX_COMPONENTS_V2) {
                errors.maxLength(MAX_COMPONENTS_V2, "components");
            }
        } else if (components.size() > MAX_ROWS) {
            errors.badLength(1, MAX_ROWS, "components");
        }
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < components.size(); r++) {
            JsonElement row = components.get(r);
            String at = Integer.toString(r);
            if (!row.isJsonObject()) {
                errors.add("MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType", "components", at);
                continue;
            }
            JsonObject rowObject = row.getAsJsonObject();
            int type = Json.integer(rowObject, "type", 0);
            if (!v2 && type != Components.ACTION_ROW) {
                errors.add(
                        "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (1,).", "components", at, "type");
                continue;
            }
            if (type == Components.ACTION_ROW) {
                JsonArray children = Json.array(rowObject, "components");
                if (children.isEmpty() || children.size() > MAX_BUTTONS_PER_ROW) {
                    errors.badLength(1, MAX_BUTTONS_PER_ROW, "components", at, "components");
                }
                // A row holds up to five buttons or a single select menu.
                boolean select = false;
                for (JsonElement child : children) {
                    select |= child.isJsonObject()
                            && Components.isSelect(Json.integer(child.getAsJsonObject(), "type", 0));
                }
                if (select && children.size() > 1) {
                    errors.add(
                            "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                            "The specified component exceeds the maximum width",
                            "components",
                            at,
                            "components");
                }
            }
        }
        List<JsonObject> all = Components.flatten(components);
        for (JsonObject c : all) {
            String customId = Json.string(c, "custom_id");
            if (customId != null) {
                if (customId.isEmpty() || customId.length() > MAX_CUSTOM_ID) {
                    errors.badLength(1, MAX_CUSTOM_ID, "components", "custom_id");
                }
                if (!seen.add(customId)) {
                    errors.add(
                            "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated", "components");
                }
            }
            if (Json.integer(c, "type", 0) == Components.STRING_SELECT) {
                checkStringSelect(c, customId, errors);
            }
            if (Json.integer(c, "type", 0) == Components.BUTTON) {
                int style = Json.integer(c, "style", 0);
                String label = Json.string(c, "label");
                if (label != null && label.length() > MAX_BUTTON_LABEL) {
                    errors.maxLength(MAX_BUTTON_LABEL, "components", "label");
                }
                boolean link = style == 5;
                boolean premium = style == 6;
                if (!link && !premium && customId == null) {
                    errors.required("components", "custom_id");
                }
                if (link && !Json.has(c, "url")) {
                    errors.required("components", "url");
                }
            }
        }
    }

    /**
     * A string select (type 3) in a message, as Discord documents it: a custom id, 1–25 options each with a label and
     * a value of 1–100 characters (a description of up to 100), unique values, a placeholder of up to 150 characters,
     * {@code min_values} 0–25 and {@code max_values} 1–25 (defaults 1), the minimum not above the maximum.
     */
    private static void checkStringSelect(JsonObject c, String customId, FormErrors errors) {
        if (customId == null) {
            errors.required("components", "custom_id");
        }
        String placeholder = Json.string(c, "placeholder");
        if (placeholder != null && placeholder.length() > MAX_PLACEHOLDER) {
            errors.maxLength(MAX_PLACEHOLDER, "components", "placeholder");
        }
        JsonArray options = Json.array(c, "options");
        if (options.isEmpty() || options.size() > MAX_SELECT_OPTIONS) {
            errors.badLength(1, MAX_SELECT_OPTIONS, "components", "options");
        }
        Set<String> values = new HashSet<>();
        for (JsonElement e : options) {
            JsonObject o = e.getAsJsonObject();
            String label = Json.string(o, "label");
            String value = Json.string(o, "value");
            String description = Json.string(o, "description");
            if (label == null || label.isEmpty() || label.length() > MAX_OPTION_TEXT) {
                errors.badLength(1, MAX_OPTION_TEXT, "components", "options", "label");
            }
            if (value == null || value.isEmpty() || value.length() > MAX_OPTION_TEXT) {
                errors.badLength(1, MAX_OPTION_TEXT, "components", "options", "value");
            } else if (!values.add(value)) {
                errors.add(
                        "SELECT_COMPONENT_OPTION_VALUE_DUPLICATED",
                        "Select component option values must be unique",
                        "components",
                        "options");
            }
            if (description != null && description.length() > MAX_OPTION_TEXT) {
                errors.maxLength(MAX_OPTION_TEXT, "components", "options", "description");
            }
        }
        int min = Json.integer(c, "min_values", 1);
        int max = Json.integer(c, "max_values", 1);
        if (min < 0 || min > MAX_SELECT_OPTIONS) {
            errors.add("NUMBER_TYPE_MAX", "int value should be between 0 and 25.", "components", "min_values");
        }
        if (max < 1 || max > MAX_SELECT_OPTIONS || min > max) {
            errors.add("NUMBER_TYPE_MAX", "int value should be between 1 and 25.", "components", "max_values");
        }
    }

    /** Checks a MODAL (type 9) callback's data. */
    static void checkModal(JsonObject data) {
        FormErrors errors = new FormErrors();
        String customId = Json.string(data, "custom_id");
        if (customId == null || customId.isEmpty() || customId.length() > MAX_CUSTOM_ID) {
            errors.badLength(1, MAX_CUSTOM_ID, "data", "custom_id");
        }
        String title = Json.string(data, "title");
        if (title == null || title.isEmpty() || title.length() > MAX_MODAL_TITLE) {
            errors.badLength(1, MAX_MODAL_TITLE, "data", "title");
        }
        JsonArray components = Json.array(data, "components");
        if (components.isEmpty() || components.size() > MAX_MODAL_COMPONENTS) {
            errors.badLength(1, MAX_MODAL_COMPONENTS, "data", "components");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < components.size(); i++) {
            JsonObject top = components.get(i).getAsJsonObject();
            String at = Integer.toString(i);
            if (Json.integer(top, "type", 0) == Components.LABEL) {
                String label = Json.string(top, "label");
                if (label == null || label.isEmpty() || label.length() > MAX_LABEL) {
                    errors.badLength(1, MAX_LABEL, "data", "components", at, "label");
                }
                String description = Json.string(top, "description");
                if (description != null && description.length() > MAX_LABEL_DESCRIPTION) {
                    errors.maxLength(MAX_LABEL_DESCRIPTION, "data", "components", at, "description");
                }
                if (Json.object(top, "component") == null) {
                    errors.required("data", "components", at, "component");
                }
            }
        }
        for (JsonObject c : Components.flatten(components)) {
            String id = Json.string(c, "custom_id");
            if (id != null && !seen.add(id)) {
                errors.add(
                        "COMPONENT_CUSTOM_ID_DUPLICATED",
                        "Component custom id cannot be duplicated",
                        "data",
                        "components");
            }
            if (Json.integer(c, "type", 0) == Components.TEXT_INPUT) {
                int max = Json.integer(c, "max_length", MAX_TEXT_INPUT);
                if (max < 1 || max > MAX_TEXT_INPUT) {
                    errors.add(
                            "NUMBER_TYPE_MAX",
                            "int value should be less than or equal to " + MAX_TEXT_INPUT + ".",
                            "data",
                            "components",
                            "max_length");
                }
            }
        }
        errors.throwIfAny();
    }

    /** Checks an APPLICATION_COMMAND_AUTOCOMPLETE_RESULT (type 8) callback's data. */
    static void checkChoices(JsonObject data) {
        FormErrors errors = new FormErrors();
        JsonArray choices = Json.array(data, "choices");
        if (choices.size() > MAX_CHOICES) {
            errors.maxLength(MAX_CHOICES, "data", "choices");
        }
        for (int i = 0; i < choices.size(); i++) {
            JsonObject c = choices.get(i).getAsJsonObject();
            String name = Json.string(c, "name");
            if (name == null || name.isEmpty() || name.length() > 100) {
                errors.badLength(1, 100, "data", "choices", Integer.toString(i), "name");
            }
        }
        errors.throwIfAny();
    }
}
