package dev.rapport.localdiscord;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Discord's rules for application commands, from its application-commands documentation: names (1–32 characters,
 * lowercase for slash commands, Discord's pattern), descriptions (1–100), at most 25 options, subcommands or choices
 * at each level, subcommands only at the top and inside groups, required options before optional ones, no duplicate
 * names, at most 100 slash commands per scope; and localizations ({@code name_localizations},
 * {@code description_localizations}) on commands and options, keyed by Discord's locales, whose values follow the same
 * rules as the name or description they translate.
 */
final class CommandRules {

    static final int SUB_COMMAND = 1;
    static final int SUB_COMMAND_GROUP = 2;
    static final int STRING = 3;
    static final int INTEGER = 4;
    static final int BOOLEAN = 5;
    static final int USER = 6;
    static final int CHANNEL = 7;
    static final int ROLE = 8;
    static final int MENTIONABLE = 9;
    static final int NUMBER = 10;
    static final int ATTACHMENT = 11;

    static final int CHAT_INPUT = 1;
    static final int MAX_OPTIONS = 25;
    static final int MAX_COMMANDS = 100;

    /** The locales Discord accepts as keys of a localization dictionary (its "Locales" reference). */
    static final Set<String> LOCALES = Set.of(
            "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl",
            "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja", "zh-TW",
            "ko");

    /** The dictionaries of a command or an option that {@code GET …/commands} leaves out unless asked. */
    static final List<String> LOCALIZATIONS = List.of("name_localizations", "description_localizations");

    /** Discord's documented pattern for command and option names. */
    private static final Pattern NAME = Pattern.compile("^[-_'\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}$");

    private CommandRules() {}

    /** Checks a whole scope's commands, as {@code PUT …/commands} sends them. */
    static void checkAll(JsonArray commands) {
        FormErrors errors = new FormErrors();
        Set<String> names = new HashSet<>();
        int chatInput = 0;
        for (int i = 0; i < commands.size(); i++) {
            String at = Integer.toString(i);
            if (!commands.get(i).isJsonObject()) {
                errors.add("MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType", at);
                continue;
            }
            JsonObject command = commands.get(i).getAsJsonObject();
            check(command, errors, at);
            int type = Json.integer(command, "type", CHAT_INPUT);
            if (type == CHAT_INPUT) {
                chatInput++;
            }
            if (!names.add(type + ":" + Json.string(command, "name"))) {
                errors.add(
                        "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique", at, "name");
            }
        }
        if (chatInput > MAX_COMMANDS) {
            errors.maxLength(MAX_COMMANDS);
        }
        errors.throwIfAny();
    }

    /** Checks one command, as {@code POST …/commands} sends it. */
    static void checkOne(JsonObject command) {
        FormErrors errors = new FormErrors();
        check(command, errors);
        errors.throwIfAny();
    }

    private static void check(JsonObject command, FormErrors errors, String... at) {
        int type = Json.integer(command, "type", CHAT_INPUT);
        String name = Json.string(command, "name");
        String description = Json.string(command, "description");
        if (type == CHAT_INPUT) {
            checkName(name, errors, path(at, "name"));
            checkDescription(description, errors, path(at, "description"));
            checkLocalizations(command, errors, at);
            checkOptions(Json.array(command, "options"), 0, errors, path(at, "options"));
        } else {
            if (name == null || name.isEmpty() || name.length() > 32) {
                errors.badLength(1, 32, path(at, "name"));
            }
            if (description != null && !description.isEmpty()) {
                errors.add(
                        "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION",
                        "Context menu commands cannot have description",
                        path(at, "description"));
            }
        }
    }

    private static void checkOptions(JsonArray options, int depth, FormErrors errors, String... at) {
        if (options.size() > MAX_OPTIONS) {
            errors.maxLength(MAX_OPTIONS, at);
        }
        Set<String> names = new HashSet<>();
        boolean optionalSeen = false;
        boolean hasSub = false;
        boolean hasValue = false;
        for (int i = 0; i < options.size(); i++) {
            JsonObject option = options.get(i).getAsJsonObject();
            String[] here = path(at, Integer.toString(i));
            int type = Json.integer(option, "type", 0);
            String name = Json.string(option, "name");
            if (type < SUB_COMMAND || type > ATTACHMENT) {
                errors.add(
                        "BASE_TYPE_CHOICES",
                        "Value must be one of " + "(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).",
                        path(here, "type"));
                continue;
            }
            checkName(name, errors, path(here, "name"));
            checkDescription(Json.string(option, "description"), errors, path(here, "description"));
            checkLocalizations(option, errors, here);
            if (!names.add(String.valueOf(name))) {
                errors.add(
                        "APPLICATION_COMMAND_OPTIONS_DUPLICATE_NAME",
                        "Application command option names must be unique",
                        path(here, "name"));
            }
            boolean sub = type == SUB_COMMAND || type == SUB_COMMAND_GROUP;
            hasSub |= sub;
            hasValue |= !sub;
            if (type == SUB_COMMAND_GROUP && depth != 0) {
                errors.add("APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Subcommand groups cannot be nested", here);
            }
            if (type == SUB_COMMAND && depth > 1) {
                errors.add("APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Subcommands cannot be nested", here);
            }
            if (type == SUB_COMMAND_GROUP) {
                for (JsonElement child : Json.array(option, "options")) {
                    if (Json.integer(child.getAsJsonObject(), "type", 0) != SUB_COMMAND) {
                        errors.add(
                                "APPLICATION_COMMAND_OPTION_TYPE_INVALID",
                                "Subcommand groups can only contain subcommands",
                                path(here, "options"));
                        break;
                    }
                }
            }
            if (sub) {
                checkOptions(Json.array(option, "options"), depth + 1, errors, path(here, "options"));
            } else {
                boolean required =
                        Json.has(option, "required") && option.get("required").getAsBoolean();
                if (required && optionalSeen) {
                    errors.add(
                            "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                            "Required options must be placed before non-required options",
                            path(here, "required"));
                }
                optionalSeen |= !required;
                JsonArray choices = Json.array(option, "choices");
                if (choices.size() > MAX_OPTIONS) {
                    errors.maxLength(MAX_OPTIONS, path(here, "choices"));
                }
                for (int c = 0; c < choices.size(); c++) {
                    String choice = Json.string(choices.get(c).getAsJsonObject(), "name");
                    if (choice == null || choice.isEmpty() || choice.length() > 100) {
                        errors.badLength(1, 100, path(here, "choices", Integer.toString(c), "name"));
                    }
                }
            }
        }
        if (hasSub && hasValue) {
            errors.add(
                    "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                    "Sub-command and sub-command group option types are mutually exclusive to all other types",
                    at);
        }
    }

    private static void checkName(String name, FormErrors errors, String... at) {
        if (name == null || name.isEmpty() || name.length() > 32) {
            errors.badLength(1, 32, at);
        } else if (!NAME.matcher(name).matches() || !name.equals(name.toLowerCase(Locale.ROOT))) {
            errors.add("APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid", at);
        }
    }

    /**
     * A command's or an option's localizations: absent or null, or an object whose keys are Discord's locales and whose
     * values are a name or a description as valid as the one they translate (or null, which removes it).
     */
    private static void checkLocalizations(JsonObject owner, FormErrors errors, String... at) {
        for (String field : LOCALIZATIONS) {
            JsonElement dictionary = owner.get(field);
            if (dictionary == null || dictionary.isJsonNull()) {
                continue;
            }
            if (!dictionary.isJsonObject()) {
                errors.add("DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType", path(at, field));
                continue;
            }
            for (var entry : dictionary.getAsJsonObject().entrySet()) {
                String[] here = path(at, field, entry.getKey());
                if (!LOCALES.contains(entry.getKey())) {
                    errors.add(
                            "BASE_TYPE_CHOICES",
                            "Value must be one of " + LOCALES.stream().sorted().toList() + ".",
                            here);
                    continue;
                }
                if (entry.getValue().isJsonNull()) {
                    continue;
                }
                String value =
                        entry.getValue().isJsonPrimitive() ? entry.getValue().getAsString() : null;
                if (field.equals("name_localizations")) {
                    checkName(value, errors, here);
                } else {
                    checkDescription(value, errors, here);
                }
            }
        }
    }

    /**
     * A command as {@code GET …/commands} lists it without {@code with_localizations=true}: its localization
     * dictionaries, and its options', left out. (Discord puts {@code name_localized} and {@code description_localized}
     * in their place for the locale of the user making the request; the bot's own requests have none.)
     */
    static JsonObject withoutLocalizations(JsonObject command) {
        JsonObject c = command.deepCopy();
        strip(c);
        return c;
    }

    private static void strip(JsonObject owner) {
        LOCALIZATIONS.forEach(owner::remove);
        for (JsonElement option : Json.array(owner, "options")) {
            if (option.isJsonObject()) {
                strip(option.getAsJsonObject());
            }
        }
    }

    private static void checkDescription(String description, FormErrors errors, String... at) {
        if (description == null || description.isEmpty() || description.length() > 100) {
            errors.badLength(1, 100, at);
        }
    }

    private static String[] path(String[] at, String... more) {
        String[] p = new String[at.length + more.length];
        System.arraycopy(at, 0, p, 0, at.length);
        System.arraycopy(more, 0, p, at.length, more.length);
        return p;
    }
}
