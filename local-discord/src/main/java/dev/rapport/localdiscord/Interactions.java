package dev.rapport.localdiscord;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds INTERACTION_CREATE payloads in the shapes of Discord's interactions documentation, the way Discord's client
 * would after a user acts: it checks what the client would not let the user do (an unregistered command, a missing
 * required option, a button that is not on the message, a modal the bot never opened) and says so with an
 * {@link IllegalArgumentException}, so a test learns about a mismatch instead of waiting for nothing.
 */
final class Interactions {

    static final int PING = 1;
    static final int APPLICATION_COMMAND = 2;
    static final int MESSAGE_COMPONENT = 3;
    static final int AUTOCOMPLETE = 4;
    static final int MODAL_SUBMIT = 5;

    private final World world;

    Interactions(World world) {
        this.world = world;
    }

    /** A slash command, or with {@code focused} set, an autocomplete request for that option. */
    InteractionState command(
            long guildId,
            long channelId,
            long userId,
            String name,
            String subcommand,
            Map<String, ?> options,
            String focused) {
        synchronized (world) {
            return command0(guildId, channelId, userId, name, subcommand, options, focused);
        }
    }

    private InteractionState command0(
            long guildId,
            long channelId,
            long userId,
            String name,
            String subcommand,
            Map<String, ?> options,
            String focused) {
        World.Channel channel = place(guildId, channelId, userId);
        JsonObject command = world.command(guildId, name)
                .orElseThrow(() -> new IllegalArgumentException("no slash command /" + name + " is registered for "
                        + where(guildId) + ": the bot registers its commands with PUT applications/{id}/commands"));
        checkVisible(command, guildId, userId, name);
        boolean autocomplete = focused != null;
        JsonObject resolved = new JsonObject();
        JsonArray top;
        JsonArray schema = Json.array(command, "options");
        boolean hasSubcommands = schema.asList().stream()
                .anyMatch(o -> Json.integer(o.getAsJsonObject(), "type", 0) <= CommandRules.SUB_COMMAND_GROUP);
        if (hasSubcommands) {
            if (subcommand == null || subcommand.isBlank()) {
                throw new IllegalArgumentException("/" + name + " needs a subcommand, one of " + names(schema));
            }
            String[] path = subcommand.trim().split("\\s+");
            JsonObject first = option(schema, path[0], "/" + name);
            int firstType = Json.integer(first, "type", 0);
            if (firstType == CommandRules.SUB_COMMAND_GROUP) {
                if (path.length != 2) {
                    throw new IllegalArgumentException("/" + name + " " + path[0] + " is a group: name one of its "
                            + "subcommands too, as \"" + path[0] + " <subcommand>\"");
                }
                JsonObject sub = option(Json.array(first, "options"), path[1], "/" + name + " " + path[0]);
                JsonArray values =
                        values(sub, options, focused, resolved, guildId, channelId, "/" + name + " " + subcommand);
                top = Json.arr(Json.obj(
                        "name",
                        path[0],
                        "type",
                        CommandRules.SUB_COMMAND_GROUP,
                        "options",
                        Json.arr(Json.obj("name", path[1], "type", CommandRules.SUB_COMMAND, "options", values))));
            } else if (firstType == CommandRules.SUB_COMMAND && path.length == 1) {
                JsonArray values =
                        values(first, options, focused, resolved, guildId, channelId, "/" + name + " " + subcommand);
                top = Json.arr(Json.obj("name", path[0], "type", CommandRules.SUB_COMMAND, "options", values));
            } else {
                throw new IllegalArgumentException("/" + name + " has no subcommand \"" + subcommand + "\"");
            }
        } else {
            if (subcommand != null) {
                throw new IllegalArgumentException("/" + name + " has no subcommands");
            }
            top = values(command, options, focused, resolved, guildId, channelId, "/" + name);
        }
        JsonObject data = Json.obj(
                "id", command.get("id").getAsString(), "name", name, "type", CommandRules.CHAT_INPUT, "options", top);
        if (Json.has(command, "guild_id")) {
            data.addProperty("guild_id", command.get("guild_id").getAsString());
        }
        if (!resolved.isEmpty()) {
            data.add("resolved", resolved);
        }
        return create(autocomplete ? AUTOCOMPLETE : APPLICATION_COMMAND, data, channel, userId, 0, null);
    }

    /** A click on a button of a message the local Discord holds. */
    InteractionState click(long userId, long messageId, String customId) {
        synchronized (world) {
            return click0(userId, messageId, customId);
        }
    }

    private InteractionState click0(long userId, long messageId, String customId) {
        Target t = target(userId, messageId, customId);
        int type = Json.integer(t.component(), "type", 0);
        if (type != Components.BUTTON) {
            throw new IllegalArgumentException("\"" + customId + "\" is not a button (component type " + type + ")");
        }
        JsonObject data = Json.obj("custom_id", customId, "component_type", Components.BUTTON);
        return create(MESSAGE_COMPONENT, data, t.channel(), userId, t.message().id, world.messageJson(t.message().id));
    }

    /** A choice in a string select menu of a message the local Discord holds: the values picked, by option value. */
    InteractionState select(long userId, long messageId, String customId, List<String> values) {
        synchronized (world) {
            return select0(userId, messageId, customId, values);
        }
    }

    private InteractionState select0(long userId, long messageId, String customId, List<String> values) {
        Target t = target(userId, messageId, customId);
        JsonObject menu = t.component();
        int type = Json.integer(menu, "type", 0);
        if (type != Components.STRING_SELECT) {
            throw new IllegalArgumentException(
                    "\"" + customId + "\" is not a string select (component type " + type + ")");
        }
        int min = Json.integer(menu, "min_values", 1);
        int max = Json.integer(menu, "max_values", 1);
        if (values.size() < min || values.size() > max || new HashSet<>(values).size() != values.size()) {
            throw new IllegalArgumentException(
                    "select \"" + customId + "\" takes " + min + " to " + max + " distinct values, not " + values);
        }
        Set<String> offered = new HashSet<>();
        for (JsonElement o : Json.array(menu, "options")) {
            offered.add(Json.string(o.getAsJsonObject(), "value"));
        }
        for (String v : values) {
            if (!offered.contains(v)) {
                throw new IllegalArgumentException(
                        "select \"" + customId + "\" has no option \"" + v + "\"; it has " + offered);
            }
        }
        JsonArray picked = new JsonArray();
        values.forEach(picked::add);
        JsonObject data = Json.obj("custom_id", customId, "component_type", Components.STRING_SELECT, "values", picked);
        return create(MESSAGE_COMPONENT, data, t.channel(), userId, t.message().id, world.messageJson(t.message().id));
    }

    /** A component of a stored message, found as the client would: the message visible to the user, it enabled. */
    private record Target(StoredMessage message, World.Channel channel, JsonObject component) {}

    private Target target(long userId, long messageId, String customId) {
        StoredMessage m = world.stored(messageId)
                .orElseThrow(() -> new IllegalArgumentException("no message " + Json.id(messageId)));
        if (m.deleted) {
            throw new IllegalArgumentException("message " + Json.id(messageId) + " was deleted");
        }
        World.Channel channel = world.channel(m.channelId);
        if (channel.type() == World.Channel.DM && channel.recipientId() != userId) {
            throw new IllegalArgumentException(
                    "user " + Json.id(userId) + " cannot see a DM to " + Json.id(channel.recipientId()));
        }
        if (channel.type() == World.Channel.GUILD_TEXT) {
            place(channel.guildId(), channel.id(), userId);
        }
        if ((m.flags & DiscordMessage.EPHEMERAL) != 0 && m.interactionId != 0) {
            long owner = world.interaction(m.interactionId).map(s -> s.userId).orElse(userId);
            if (owner != userId) {
                throw new IllegalArgumentException("an ephemeral message is only visible to the user it answered");
            }
        }
        JsonObject component = null;
        for (JsonObject c : Components.flatten(m.components)) {
            if (customId.equals(Json.string(c, "custom_id"))) {
                component = c;
            }
        }
        if (component == null) {
            throw new IllegalArgumentException("message " + Json.id(messageId) + " has no component \"" + customId
                    + "\"; it has " + Components.customIds(m.components.toString()));
        }
        if (Json.has(component, "disabled") && component.get("disabled").getAsBoolean()) {
            throw new IllegalArgumentException("component \"" + customId + "\" is disabled");
        }
        return new Target(m, channel, component);
    }

    /** The submission of the modal the bot opened in answer to {@code opener}. */
    InteractionState submit(long userId, InteractionState opener, Map<String, ?> values) {
        synchronized (world) {
            return submit0(userId, opener, values);
        }
    }

    private InteractionState submit0(long userId, InteractionState opener, Map<String, ?> values) {
        JsonObject modal = opener.modal == null ? null : opener.modal.deepCopy();
        if (modal == null) {
            throw new IllegalArgumentException(
                    "the bot did not open a modal in answer to interaction " + Json.id(opener.id));
        }
        if (opener.userId != userId) {
            throw new IllegalArgumentException("a modal is shown only to the user whose interaction opened it");
        }
        JsonArray layout = Json.array(modal, "components").deepCopy();
        Components.assignIds(layout);
        Set<String> unused = new LinkedHashSet<>(values.keySet());
        JsonArray submitted = new JsonArray();
        for (JsonElement e : layout) {
            JsonObject top = e.getAsJsonObject();
            int type = Json.integer(top, "type", 0);
            if (type == Components.LABEL) {
                JsonObject child = top.getAsJsonObject("component");
                submitted.add(Json.obj(
                        "type", Components.LABEL,
                        "id", top.get("id").getAsInt(),
                        "component", input(child, values, unused, Json.string(top, "label"))));
            } else if (type == Components.ACTION_ROW) {
                JsonArray children = new JsonArray();
                for (JsonElement c : Json.array(top, "components")) {
                    children.add(input(c.getAsJsonObject(), values, unused, Json.string(c.getAsJsonObject(), "label")));
                }
                submitted.add(Json.obj(
                        "type", Components.ACTION_ROW, "id", top.get("id").getAsInt(), "components", children));
            } else {
                submitted.add(Json.obj("type", type, "id", top.get("id").getAsInt()));
            }
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("the modal \"" + Json.string(modal, "custom_id") + "\" has no input "
                    + unused + "; it has " + Components.customIds(layout.toString()));
        }
        JsonObject data = Json.obj("custom_id", Json.string(modal, "custom_id"), "components", submitted);
        World.Channel channel = world.channel(opener.channelId);
        JsonObject message = opener.sourceMessageId == 0 ? null : world.messageJson(opener.sourceMessageId);
        return create(MODAL_SUBMIT, data, channel, userId, opener.sourceMessageId, message);
    }

    private JsonObject input(JsonObject child, Map<String, ?> values, Set<String> unused, String label) {
        String customId = Json.string(child, "custom_id");
        int type = Json.integer(child, "type", 0);
        Object given = values.get(customId);
        unused.remove(customId);
        JsonObject out = Json.obj("type", type, "id", child.get("id").getAsInt(), "custom_id", customId);
        String what = "\"" + (label == null ? customId : label) + "\" (" + customId + ")";
        switch (type) {
            case Components.TEXT_INPUT -> {
                String value =
                        given != null ? given.toString() : Json.has(child, "value") ? Json.string(child, "value") : "";
                boolean required =
                        !Json.has(child, "required") || child.get("required").getAsBoolean();
                if (required && value.isEmpty()) {
                    throw new IllegalArgumentException("Discord will not submit the modal without " + what);
                }
                int min = Json.integer(child, "min_length", 0);
                int max = Json.integer(child, "max_length", MessageRules.MAX_TEXT_INPUT);
                if (!value.isEmpty() && (value.length() < min || value.length() > max)) {
                    throw new IllegalArgumentException(
                            what + " takes " + min + " to " + max + " characters, not " + value.length());
                }
                out.addProperty("value", value);
            }
            case Components.CHECKBOX -> {
                boolean value = given != null
                        ? toBoolean(given)
                        : Json.has(child, "default") && child.get("default").getAsBoolean();
                out.addProperty("value", value);
            }
            case Components.CHECKBOX_GROUP, Components.STRING_SELECT -> {
                List<String> chosen = given != null ? strings(given) : defaults(child);
                Set<String> allowed = new LinkedHashSet<>();
                for (JsonElement o : Json.array(child, "options")) {
                    allowed.add(Json.string(o.getAsJsonObject(), "value"));
                }
                if (!allowed.containsAll(chosen)) {
                    throw new IllegalArgumentException(what + " offers " + allowed + ", not " + chosen);
                }
                boolean required =
                        !Json.has(child, "required") || child.get("required").getAsBoolean();
                int min = Json.integer(child, "min_values", required ? 1 : 0);
                int max = Json.integer(child, "max_values", type == Components.STRING_SELECT ? 1 : allowed.size());
                if (chosen.size() < min || chosen.size() > max) {
                    throw new IllegalArgumentException(what + " takes " + min + " to " + max + " choices");
                }
                JsonArray v = new JsonArray();
                chosen.forEach(v::add);
                out.add("values", v);
            }
            case Components.RADIO_GROUP -> {
                List<String> d = defaults(child);
                String value = given != null ? given.toString() : d.isEmpty() ? null : d.getFirst();
                boolean required =
                        !Json.has(child, "required") || child.get("required").getAsBoolean();
                if (value == null && required) {
                    throw new IllegalArgumentException("Discord will not submit the modal without " + what);
                }
                out.add("value", Json.element(value));
            }
            default -> {
                if (given != null) {
                    throw new IllegalArgumentException(
                            what + " is component type " + type + ", which the local " + "Discord cannot fill in");
                }
                out.add("values", new JsonArray());
            }
        }
        return out;
    }

    private static List<String> defaults(JsonObject child) {
        List<String> out = new ArrayList<>();
        for (JsonElement o : Json.array(child, "options")) {
            JsonObject option = o.getAsJsonObject();
            if (Json.has(option, "default") && option.get("default").getAsBoolean()) {
                out.add(Json.string(option, "value"));
            }
        }
        return out;
    }

    private static List<String> strings(Object given) {
        if (given instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of(given.toString());
    }

    private static boolean toBoolean(Object given) {
        if (given instanceof Boolean b) {
            return b;
        }
        return Boolean.parseBoolean(given.toString());
    }

    // ---- options

    private JsonArray values(
            JsonObject owner,
            Map<String, ?> given,
            String focused,
            JsonObject resolved,
            long guildId,
            long channelId,
            String where) {
        JsonArray schema = Json.array(owner, "options");
        Map<String, JsonObject> byName = new LinkedHashMap<>();
        for (JsonElement e : schema) {
            byName.put(Json.string(e.getAsJsonObject(), "name"), e.getAsJsonObject());
        }
        for (String name : given.keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException(
                        where + " has no option \"" + name + "\"; it has " + byName.keySet());
            }
        }
        if (focused != null && !byName.containsKey(focused)) {
            throw new IllegalArgumentException(where + " has no option \"" + focused + "\" to autocomplete");
        }
        JsonArray out = new JsonArray();
        for (JsonObject option : byName.values()) {
            String name = Json.string(option, "name");
            boolean isFocused = name.equals(focused);
            if (!given.containsKey(name) && !isFocused) {
                boolean required =
                        Json.has(option, "required") && option.get("required").getAsBoolean();
                if (required && focused == null) {
                    throw new IllegalArgumentException(
                            "Discord will not send " + where + " without its required " + "option \"" + name + "\"");
                }
                continue;
            }
            Object value = given.get(name);
            int type = Json.integer(option, "type", CommandRules.STRING);
            JsonObject o = Json.obj("name", name, "type", type);
            if (isFocused) {
                o.addProperty("value", value == null ? "" : value.toString());
                o.addProperty("focused", true);
            } else {
                o.add("value", convert(option, type, value, resolved, guildId, channelId, where + " " + name));
            }
            out.add(o);
        }
        return out;
    }

    private JsonElement convert(
            JsonObject option,
            int type,
            Object value,
            JsonObject resolved,
            long guildId,
            long channelId,
            String where) {
        if (value == null) {
            throw new IllegalArgumentException(where + " has no value");
        }
        JsonElement v = switch (type) {
            case CommandRules.STRING -> Json.element(value.toString());
            case CommandRules.INTEGER -> Json.element(integer(value, where));
            case CommandRules.NUMBER -> Json.element(number(value, where));
            case CommandRules.BOOLEAN -> Json.element(toBoolean(value));
            case CommandRules.USER -> Json.element(Json.id(user(value, resolved, guildId, where)));
            case CommandRules.ROLE -> Json.element(Json.id(role(value, resolved, guildId, where)));
            case CommandRules.CHANNEL -> Json.element(Json.id(channel(value, resolved, where)));
            case CommandRules.MENTIONABLE ->
                Json.element(Json.id(
                        value instanceof Options.Value.Role
                                ? role(value, resolved, guildId, where)
                                : user(value, resolved, guildId, where)));
            case CommandRules.ATTACHMENT -> Json.element(Json.id(attachment(value, resolved, channelId, where)));
            default -> throw new IllegalArgumentException(where + " has option type " + type);
        };
        checkChoice(option, v, where);
        checkRange(option, type, v, where);
        return v;
    }

    private static void checkChoice(JsonObject option, JsonElement v, String where) {
        JsonArray choices = Json.array(option, "choices");
        if (choices.isEmpty()) {
            return;
        }
        for (JsonElement c : choices) {
            JsonElement choice = c.getAsJsonObject().get("value");
            if (choice != null && choice.getAsString().equals(v.getAsString())) {
                return;
            }
        }
        throw new IllegalArgumentException(where + " only takes one of its choices " + choices);
    }

    private static void checkRange(JsonObject option, int type, JsonElement v, String where) {
        if (type == CommandRules.STRING) {
            int length = v.getAsString().length();
            if (length < Json.integer(option, "min_length", 0) || length > Json.integer(option, "max_length", 6000)) {
                throw new IllegalArgumentException(where + " is too short or too long (" + length + " characters)");
            }
        }
        if (type == CommandRules.INTEGER || type == CommandRules.NUMBER) {
            double d = v.getAsDouble();
            if ((Json.has(option, "min_value") && d < option.get("min_value").getAsDouble())
                    || (Json.has(option, "max_value")
                            && d > option.get("max_value").getAsDouble())) {
                throw new IllegalArgumentException(where + " is out of its range: " + v);
            }
        }
    }

    private static long integer(Object value, String where) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " takes a whole number, not \"" + value + "\"");
        }
    }

    private static double number(Object value, String where) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " takes a number, not \"" + value + "\"");
        }
    }

    private static long id(Object value, String where) {
        return switch (value) {
            case Options.Value.User u -> u.id();
            case Options.Value.Role r -> r.id();
            case Options.Value.Channel c -> c.id();
            case Number n -> n.longValue();
            default -> {
                try {
                    yield Long.parseUnsignedLong(
                            value.toString().replaceAll("[<@!&#>]", "").trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + " takes an id, not \"" + value + "\"");
                }
            }
        };
    }

    private long user(Object value, JsonObject resolved, long guildId, String where) {
        long id = id(value, where);
        World.User u = world.user(id).orElseThrow(() -> new IllegalArgumentException(where + ": no user " + id));
        child(resolved, "users").add(Json.id(id), world.userJson(u));
        if (guildId != 0) {
            World.Guild g = world.guild(guildId).orElseThrow();
            World.Member m = g.members().get(id);
            if (m != null) {
                JsonObject member = world.memberJson(g, m, false);
                member.addProperty("permissions", Long.toString(world.permissions(g, id)));
                child(resolved, "members").add(Json.id(id), member);
            }
        }
        return id;
    }

    private long role(Object value, JsonObject resolved, long guildId, String where) {
        long id = id(value, where);
        World.Guild g = world.guild(guildId)
                .orElseThrow(() -> new IllegalArgumentException(where + ": roles exist only in a guild"));
        World.Role r = g.roles().get(id);
        if (r == null) {
            throw new IllegalArgumentException(where + ": guild " + Json.id(guildId) + " has no role " + id);
        }
        child(resolved, "roles").add(Json.id(id), world.roleJson(g, r));
        return id;
    }

    private long channel(Object value, JsonObject resolved, String where) {
        long id = id(value, where);
        World.Channel c = world.channel(id);
        if (c == null) {
            throw new IllegalArgumentException(where + ": no channel " + id);
        }
        child(resolved, "channels").add(Json.id(id), world.channelJson(c));
        return id;
    }

    private long attachment(Object value, JsonObject resolved, long channelId, String where) {
        if (!(value instanceof Options.Value.Attachment a)) {
            throw new IllegalArgumentException(where + " takes Options.attachment(…)");
        }
        UploadedFile f = world.file(channelId, a.filename(), a.contentType(), null, a.bytes());
        child(resolved, "attachments").add(Json.id(f.id()), World.attachmentJson(f, true));
        return f.id();
    }

    private static JsonObject child(JsonObject o, String key) {
        JsonObject c = o.getAsJsonObject(key);
        if (c == null) {
            c = new JsonObject();
            o.add(key, c);
        }
        return c;
    }

    private static JsonObject option(JsonArray options, String name, String where) {
        for (JsonElement e : options) {
            if (name.equals(Json.string(e.getAsJsonObject(), "name"))) {
                return e.getAsJsonObject();
            }
        }
        throw new IllegalArgumentException(where + " has no subcommand \"" + name + "\"; it has " + names(options));
    }

    private static List<String> names(JsonArray options) {
        List<String> out = new ArrayList<>();
        options.forEach(o -> out.add(Json.string(o.getAsJsonObject(), "name")));
        return out;
    }

    // ---- where and who

    /** The channel a user acts in, after checking they could: a guild member in a guild channel, or their DM. */
    private World.Channel place(long guildId, long channelId, long userId) {
        world.user(userId).orElseThrow(() -> new IllegalArgumentException("no user " + Json.id(userId)));
        if (guildId == 0) {
            return world.dmWith(userId);
        }
        World.Guild g =
                world.guild(guildId).orElseThrow(() -> new IllegalArgumentException("no guild " + Json.id(guildId)));
        if (!g.members().containsKey(userId)) {
            throw new IllegalArgumentException("user " + Json.id(userId) + " is not a member of guild " + g.name());
        }
        World.Channel c = channelId == 0
                ? g.channels().values().stream()
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("guild " + g.name() + " has no channel"))
                : g.channels().get(channelId);
        if (c == null) {
            throw new IllegalArgumentException("guild " + g.name() + " has no channel " + Json.id(channelId));
        }
        return c;
    }

    /** Discord hides a command from a user it is not for; a test that tries gets told why. */
    private void checkVisible(JsonObject command, long guildId, long userId, String name) {
        JsonArray contexts = Json.array(command, "contexts");
        int context = guildId == 0 ? 1 : 0;
        if (!contexts.isEmpty()) {
            boolean listed = contexts.asList().stream().anyMatch(c -> c.getAsInt() == context);
            if (!listed) {
                throw new IllegalArgumentException(
                        "/" + name + " is not available in " + where(guildId) + " (its contexts are " + contexts + ")");
            }
        } else if (guildId == 0
                && (Json.has(command, "guild_id")
                        || (Json.has(command, "dm_permission")
                                && !command.get("dm_permission").getAsBoolean()))) {
            throw new IllegalArgumentException("/" + name + " is not available in DMs");
        }
        if (guildId != 0 && Json.has(command, "default_member_permissions")) {
            long required =
                    Long.parseLong(command.get("default_member_permissions").getAsString());
            World.Guild g = world.guild(guildId).orElseThrow();
            long has = world.permissions(g, userId);
            if ((has & required) != required) {
                throw new IllegalArgumentException("Discord does not show /" + name + " to user " + Json.id(userId)
                        + ": it needs permissions " + required + " and they have " + has);
            }
        }
    }

    private static String where(long guildId) {
        return guildId == 0 ? "DMs" : "guild " + Json.id(guildId);
    }

    // ---- the payload

    private InteractionState create(
            int type, JsonObject data, World.Channel channel, long userId, long sourceMessageId, JsonObject message) {
        long id = Snowflakes.next();
        String token = World.newToken();
        World.User user = world.user(userId).orElseThrow();
        JsonObject p = Json.obj(
                "id",
                Json.id(id),
                "application_id",
                Json.id(world.applicationId),
                "type",
                type,
                "data",
                data,
                "token",
                token,
                "version",
                1,
                "locale",
                world.localeOf(userId),
                "entitlements",
                new JsonArray(),
                "attachment_size_limit",
                10 * 1024 * 1024,
                "channel_id",
                Json.id(channel.id()));
        if (channel.type() == World.Channel.DM) {
            // In a bot DM the channel's recipient, seen from the user who acted, is the bot itself.
            p.add(
                    "channel",
                    Json.obj(
                            "id",
                            Json.id(channel.id()),
                            "type",
                            World.Channel.DM,
                            "last_message_id",
                            null,
                            "flags",
                            0,
                            "recipients",
                            Json.arr(world.botJson())));
            p.add("user", world.userJson(user));
            p.addProperty("app_permissions", Long.toString(World.directMessagePermissions()));
            p.addProperty("context", 1);
            p.add("authorizing_integration_owners", Json.obj("0", "0"));
        } else {
            World.Guild g = world.guild(channel.guildId()).orElseThrow();
            long permissions = world.permissions(g, userId);
            JsonObject member = world.memberJson(g, g.members().get(userId), true);
            member.addProperty("permissions", Long.toString(permissions));
            JsonObject ch = world.channelJson(channel);
            ch.addProperty("permissions", Long.toString(permissions));
            p.addProperty("guild_id", Json.id(g.id()));
            p.add("guild", Json.obj("id", Json.id(g.id()), "locale", "en-US", "features", new JsonArray()));
            p.addProperty("guild_locale", "en-US");
            p.add("channel", ch);
            p.add("member", member);
            p.addProperty("app_permissions", Long.toString(world.permissions(g, world.bot.id())));
            p.addProperty("context", 0);
            p.add("authorizing_integration_owners", Json.obj("0", Json.id(g.id())));
        }
        if (message != null) {
            p.add("message", message);
        }
        InteractionState st = new InteractionState(
                id, token, type, p, channel.guildId(), channel.id(), userId, sourceMessageId, world.clock.instant());
        world.register(st);
        return st;
    }
}
