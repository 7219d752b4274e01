package dev.rapport.localslack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A person acting in Slack: what they do is delivered to the app as Slack would deliver it (a slash command, a click
 * on a button, a modal's submission, a DM), each answered by a {@link Delivery} that shows the acknowledgement and the
 * replies. Got from {@link LocalSlack#as(String, String)}; immutable, so {@link #signed(Signing)} gives a copy.
 *
 * <pre>{@code
 * SlackUser ana = slack.as("T0LOCAL", "U0ANA");
 * Delivery health = ana.command("/rapport", "health");
 * assertThat(health.awaitAck().latency()).isLessThan(Duration.ofSeconds(3));
 * PostedMessage checkIn = slack.messages().getLast();
 * ana.click(checkIn, "checkin:42:meet:yes").awaitAck();
 * OpenedView form = ana.openModal().orElseThrow();
 * ana.submit(form, Map.of("comment", "Good week", "share", true)).awaitAck();
 * }</pre>
 */
public final class SlackUser {

    private final World world;
    private final Deliverer deliverer;
    private final Events events;
    private final String teamId;
    private final String userId;
    private final Signing signing;

    SlackUser(World world, Deliverer deliverer, Events events, String teamId, String userId, Signing signing) {
        if (!(userId.startsWith("U") || userId.startsWith("W"))) {
            throw new IllegalArgumentException("a Slack user id starts with U or W");
        }
        this.world = world;
        this.deliverer = deliverer;
        this.events = events;
        this.teamId = teamId;
        this.userId = userId;
        this.signing = signing;
    }

    public String teamId() {
        return teamId;
    }

    public String userId() {
        return userId;
    }

    /** The same person, with HTTP deliveries signed as given (to forge one the app must refuse). */
    public SlackUser signed(Signing how) {
        return new SlackUser(world, deliverer, events, teamId, userId, Objects.requireNonNull(how));
    }

    /** The person's DM with the app (opened now if need be). */
    public String dmChannel() {
        return workspace().dm(userId);
    }

    /** What this person sees: {@link LocalSlack#screenOf}. */
    public List<Seen> screen() {
        return world.screenOf(teamId, userId);
    }

    /** The modal on top of this person's open ones, if any. */
    public Optional<OpenedView> openModal() {
        List<OpenedView> open = world.openViews(teamId, userId);
        return open.isEmpty() ? Optional.empty() : Optional.of(open.getLast());
    }

    // ---- slash commands

    /** Runs a slash command in the person's DM with the app, e.g. {@code command("/rapport", "health")}. */
    public Delivery command(String command, String text) {
        return commandIn(dmChannel(), "directmessage", command, text);
    }

    /** Runs a slash command in a channel ({@code C…}, {@code G…}) or DM. */
    public Delivery commandIn(String channelId, String channelName, String command, String text) {
        if (!command.startsWith("/")) {
            throw new IllegalArgumentException("a slash command starts with /");
        }
        Workspace w = workspace();
        UserProfile me = w.user(userId);
        String responseUrl = world.issueResponseUrl("commands", teamId);
        String trigger = world.issueTrigger(teamId, userId);
        // Slack's fields, in its order; over Socket Mode every value is a string, as Slack sends it.
        JsonObject p = new JsonObject();
        p.addProperty("token", world.verificationToken);
        p.addProperty("team_id", teamId);
        p.addProperty("team_domain", w.domain);
        p.addProperty("channel_id", channelId);
        p.addProperty("channel_name", channelName);
        p.addProperty("user_id", userId);
        p.addProperty("user_name", me.name());
        p.addProperty("command", command);
        p.addProperty("text", text == null ? "" : text);
        p.addProperty("api_app_id", world.appId);
        p.addProperty("is_enterprise_install", "false");
        p.addProperty("response_url", responseUrl);
        p.addProperty("trigger_id", trigger);
        return deliver(
                "command",
                Delivery.Kind.SLASH_COMMAND,
                p,
                trigger,
                responseUrl,
                new Delivery.Source(channelId, null, false, null));
    }

    /** Sends what this person did to the app, signed as this person's deliveries are. */
    private Delivery deliver(
            String name,
            Delivery.Kind kind,
            JsonObject payload,
            String trigger,
            String responseUrl,
            Delivery.Source source) {
        return deliverer.deliver(new Delivery(
                name + "-" + world.nextNumber(), kind, teamId, userId, payload, trigger, responseUrl, signing, source));
    }

    // ---- clicks

    /** Clicks a button on a message the app posted to this person, as the message is now (after its edits). */
    public Delivery click(PostedMessage message, String actionId) {
        PostedMessage now = world.currentMessage(message.channel(), message.ts())
                .orElseThrow(() -> new IllegalArgumentException("not a message the app posted: " + message.ts()));
        if (!userId.equals(now.userId())) {
            throw new IllegalArgumentException("only " + now.userId() + " sees the DM " + now.channel());
        }
        return clickOnMessage(now.channel(), now.ts(), false, now.text(), now.blocksJson(), actionId);
    }

    /**
     * Clicks a button on something on this person's screen: a DM message, an ephemeral message or reply, or a modal.
     */
    public Delivery click(Seen seen, String actionId) {
        return switch (seen.kind()) {
            case MESSAGE -> clickOnMessage(seen.channel(), seen.id(), false, seen.text(), seen.blocksJson(), actionId);
            case EPHEMERAL -> clickOnMessage(seen.channel(), seen.id(), true, seen.text(), seen.blocksJson(), actionId);
            case MODAL ->
                click(
                        world.view(seen.id()).orElseThrow(() -> new IllegalArgumentException("no view " + seen.id())),
                        actionId);
            case FILE -> throw new IllegalArgumentException("a file has no buttons");
        };
    }

    /** Clicks a button in an open modal: a {@code block_actions} with a {@code view} container. */
    public Delivery click(OpenedView view, String actionId) {
        OpenedView now = mine(view);
        JsonObject[] found = find(JsonParser.parseString(now.blocksJson()), actionId);
        JsonObject p = actionsPayload(found[0], found[1]);
        JsonObject container = new JsonObject();
        container.addProperty("type", "view");
        container.addProperty("view_id", now.id());
        p.add("container", container);
        String trigger = world.issueTrigger(teamId, userId);
        p.addProperty("trigger_id", trigger);
        p.add("view", now.view());
        return deliver(
                "action",
                Delivery.Kind.BLOCK_ACTIONS,
                p,
                trigger,
                null,
                new Delivery.Source(null, null, false, now.id()));
    }

    private Delivery clickOnMessage(
            String channel, String ts, boolean ephemeral, String text, String blocksJson, String actionId) {
        if (blocksJson == null) {
            throw new IllegalArgumentException("the message has no blocks, so no buttons");
        }
        Workspace w = workspace();
        JsonArray blocks = JsonParser.parseString(blocksJson).getAsJsonArray();
        JsonObject[] found = find(blocks, actionId);
        JsonObject p = actionsPayload(found[0], found[1]);
        JsonObject container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("message_ts", ts);
        container.addProperty("channel_id", channel);
        container.addProperty("is_ephemeral", ephemeral);
        p.add("container", container);
        String trigger = world.issueTrigger(teamId, userId);
        p.addProperty("trigger_id", trigger);
        JsonObject ch = new JsonObject();
        ch.addProperty("id", channel);
        ch.addProperty("name", w.userByDm.containsKey(channel) ? "directmessage" : channel.toLowerCase(Locale.ROOT));
        p.add("channel", ch);
        if (!ephemeral) {
            // Slack sends the message with a click on it; an ephemeral one is not sent back.
            p.add("message", ChatMethods.message(w, world.appId, text, blocks, ts, null));
        }
        String responseUrl = world.issueResponseUrl("actions", teamId);
        p.addProperty("response_url", responseUrl);
        return deliver(
                "action",
                Delivery.Kind.BLOCK_ACTIONS,
                p,
                trigger,
                responseUrl,
                new Delivery.Source(channel, ts, ephemeral, null));
    }

    /** The fields every {@code block_actions} has, and the one action. */
    private JsonObject actionsPayload(JsonObject block, JsonObject element) {
        String type = OpenedView.string(element, "type");
        if (!"button".equals(type)) {
            throw new IllegalArgumentException("only buttons can be clicked here, not a " + type);
        }
        Workspace w = workspace();
        JsonObject p = new JsonObject();
        p.addProperty("type", "block_actions");
        p.add("user", user(w));
        p.addProperty("api_app_id", world.appId);
        p.addProperty("token", world.verificationToken);
        p.add("team", team(w));
        p.add("enterprise", JsonNull.INSTANCE);
        p.addProperty("is_enterprise_install", false);
        JsonObject state = new JsonObject();
        state.add("values", new JsonObject());
        p.add("state", state);
        JsonObject action = new JsonObject();
        action.addProperty("action_id", OpenedView.string(element, "action_id"));
        action.addProperty("block_id", OpenedView.string(block, "block_id"));
        if (element.has("text")) {
            action.add("text", element.get("text").deepCopy());
        }
        if (element.has("value")) {
            action.addProperty("value", OpenedView.string(element, "value"));
        }
        if (element.has("style")) {
            action.addProperty("style", OpenedView.string(element, "style"));
        }
        action.addProperty("type", "button");
        action.addProperty("action_ts", world.nextTs());
        JsonArray actions = new JsonArray();
        actions.add(action);
        p.add("actions", actions);
        return p;
    }

    /** The block and element with this action id: {@code [block, element]}. */
    private static JsonObject[] find(JsonElement blocks, String actionId) {
        if (blocks.isJsonArray()) {
            for (JsonElement b : blocks.getAsJsonArray()) {
                if (b.isJsonObject()) {
                    JsonObject element = element(b.getAsJsonObject(), actionId);
                    if (element != null) {
                        return new JsonObject[] {b.getAsJsonObject(), element};
                    }
                }
            }
        }
        throw new IllegalArgumentException("no element with action_id " + actionId + " as the person sees it");
    }

    private static JsonObject element(JsonElement node, String actionId) {
        if (node.isJsonObject()) {
            JsonObject o = node.getAsJsonObject();
            if (actionId.equals(OpenedView.string(o, "action_id"))) {
                return o;
            }
            for (Map.Entry<String, JsonElement> e : o.entrySet()) {
                if (!e.getValue().isJsonPrimitive()) {
                    JsonObject found = element(e.getValue(), actionId);
                    if (found != null) {
                        return found;
                    }
                }
            }
        } else if (node.isJsonArray()) {
            for (JsonElement child : node.getAsJsonArray()) {
                JsonObject found = element(child, actionId);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    // ---- modals

    /**
     * Submits an open modal with values keyed by action id (or block id), as the person fills it in: a
     * {@code String} for text inputs, selects and radio buttons (the option's value) and pickers; {@code Boolean}
     * (the first option) or option values ({@code String}, {@code Collection<String>}) for checkboxes; an
     * {@link UploadedFile} or a list of them ({@link #upload}) for a {@code file_input}. Fields left out are empty; a
     * required one left empty, or a key that is no input of the modal, is refused, as Slack's client would not send
     * it.
     */
    public Delivery submit(OpenedView view, Map<String, ?> values) {
        OpenedView now = mine(view);
        Workspace w = workspace();
        Set<String> unused = new HashSet<>(values.keySet());
        JsonObject stateValues = new JsonObject();
        JsonObject v = now.view();
        for (JsonElement b : v.getAsJsonArray("blocks")) {
            JsonObject block = b.getAsJsonObject();
            if (!"input".equals(OpenedView.string(block, "type")) || !block.has("element")) {
                continue;
            }
            JsonObject element = block.getAsJsonObject("element");
            String blockId = OpenedView.string(block, "block_id");
            String actionId = OpenedView.string(element, "action_id");
            Object value = null;
            if (actionId != null && values.containsKey(actionId)) {
                value = values.get(actionId);
                unused.remove(actionId);
            } else if (blockId != null && values.containsKey(blockId)) {
                value = values.get(blockId);
                unused.remove(blockId);
            }
            boolean optional = block.has("optional") && block.get("optional").getAsBoolean();
            JsonObject state = stateOf(element, value);
            if (!optional && isEmpty(state)) {
                throw new IllegalArgumentException(
                        "the required field " + blockId + " is empty: Slack would not let the person submit");
            }
            JsonObject byAction = new JsonObject();
            byAction.add(actionId, state);
            stateValues.add(blockId, byAction);
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("no input in the modal for " + unused);
        }
        JsonObject state = new JsonObject();
        state.add("values", stateValues);
        v.add("state", state);
        JsonObject p = new JsonObject();
        p.addProperty("type", "view_submission");
        p.add("team", team(w));
        p.add("user", user(w));
        p.addProperty("api_app_id", world.appId);
        p.addProperty("token", world.verificationToken);
        String trigger = world.issueTrigger(teamId, userId);
        p.addProperty("trigger_id", trigger);
        p.add("view", v);
        p.add("response_urls", new JsonArray());
        p.add("enterprise", JsonNull.INSTANCE);
        p.addProperty("is_enterprise_install", false);
        return deliver(
                "submission",
                Delivery.Kind.VIEW_SUBMISSION,
                p,
                trigger,
                null,
                new Delivery.Source(null, null, false, now.id()));
    }

    /**
     * Closes an open modal with its Cancel button. Slack tells the app ({@code view_closed}) only when the view asked
     * for it with {@code notify_on_close}.
     */
    public Optional<Delivery> close(OpenedView view) {
        OpenedView now = mine(view);
        world.closeView(now);
        JsonObject v = now.view();
        if (!(v.has("notify_on_close") && v.get("notify_on_close").getAsBoolean())) {
            return Optional.empty();
        }
        Workspace w = workspace();
        JsonObject p = new JsonObject();
        p.addProperty("type", "view_closed");
        p.add("team", team(w));
        p.add("user", user(w));
        p.addProperty("api_app_id", world.appId);
        p.addProperty("token", world.verificationToken);
        p.add("view", v);
        p.addProperty("is_cleared", false);
        p.addProperty("is_enterprise_install", false);
        return Optional.of(deliver(
                "closed", Delivery.Kind.VIEW_CLOSED, p, null, null, new Delivery.Source(null, null, false, now.id())));
    }

    private OpenedView mine(OpenedView view) {
        OpenedView now = world.view(view.id()).orElseThrow(() -> new IllegalArgumentException("no view " + view.id()));
        if (!now.teamId().equals(teamId) || !now.userId().equals(userId)) {
            throw new IllegalArgumentException("the modal " + now.id() + " is " + now.userId() + "'s");
        }
        if (!now.open()) {
            throw new IllegalArgumentException("the modal " + now.id() + " is closed");
        }
        return now;
    }

    /** The {@code view.state.values} entry of one input, as Slack's client fills it in. */
    private JsonObject stateOf(JsonObject element, Object value) {
        String type = OpenedView.string(element, "type");
        JsonObject state = new JsonObject();
        state.addProperty("type", type);
        switch (type == null ? "" : type) {
            case "checkboxes", "multi_static_select" -> {
                JsonArray selected = new JsonArray();
                List<JsonObject> options = options(element);
                if (Boolean.TRUE.equals(value)) {
                    if (options.isEmpty()) {
                        throw new IllegalArgumentException("the checkboxes have no option to tick");
                    }
                    selected.add(options.getFirst());
                } else if (value instanceof String one) {
                    selected.add(option(options, one));
                } else if (value instanceof Collection<?> many) {
                    for (Object o : many) {
                        selected.add(option(options, String.valueOf(o)));
                    }
                } else if (value != null && !Boolean.FALSE.equals(value)) {
                    throw new IllegalArgumentException("checkboxes take a Boolean or option values, not " + value);
                }
                state.add("selected_options", selected);
            }
            case "static_select", "radio_buttons" -> {
                if (value == null) {
                    state.add("selected_option", JsonNull.INSTANCE);
                } else {
                    state.add("selected_option", option(options(element), String.valueOf(value)));
                }
            }
            case "file_input" -> {
                JsonArray files = new JsonArray();
                List<UploadedFile> given = new ArrayList<>();
                if (value instanceof UploadedFile f) {
                    given.add(f);
                } else if (value instanceof Collection<?> many) {
                    for (Object o : many) {
                        given.add((UploadedFile) o);
                    }
                } else if (value != null) {
                    throw new IllegalArgumentException("a file_input takes UploadedFile values (SlackUser#upload)");
                }
                for (UploadedFile f : given) {
                    files.add(FilesMethods.fileJson(f, workspace(), world.clock.instant()));
                }
                state.add("files", files);
            }
            case "datepicker" -> state.addProperty("selected_date", value == null ? null : String.valueOf(value));
            case "timepicker" -> state.addProperty("selected_time", value == null ? null : String.valueOf(value));
            case "users_select" -> state.addProperty("selected_user", value == null ? null : String.valueOf(value));
            case "conversations_select" ->
                state.addProperty("selected_conversation", value == null ? null : String.valueOf(value));
            case "channels_select" ->
                state.addProperty("selected_channel", value == null ? null : String.valueOf(value));
            default -> state.addProperty("value", value == null ? null : String.valueOf(value));
        }
        return state;
    }

    private static boolean isEmpty(JsonObject state) {
        for (Map.Entry<String, JsonElement> e : state.entrySet()) {
            if (e.getKey().equals("type")) {
                continue;
            }
            JsonElement v = e.getValue();
            if (v.isJsonNull()) {
                continue;
            }
            if (v.isJsonArray() && v.getAsJsonArray().isEmpty()) {
                continue;
            }
            if (v.isJsonPrimitive() && v.getAsString().isEmpty()) {
                continue;
            }
            return false;
        }
        return true;
    }

    private static List<JsonObject> options(JsonObject element) {
        List<JsonObject> options = new ArrayList<>();
        JsonElement o = element.get("options");
        if (o != null && o.isJsonArray()) {
            for (JsonElement each : o.getAsJsonArray()) {
                options.add(each.getAsJsonObject());
            }
        }
        return options;
    }

    private static JsonObject option(List<JsonObject> options, String value) {
        for (JsonObject o : options) {
            if (value.equals(OpenedView.string(o, "value"))) {
                JsonObject selected = new JsonObject();
                selected.add("text", o.get("text").deepCopy());
                selected.addProperty("value", value);
                return selected;
            }
        }
        throw new IllegalArgumentException("no option with value " + value);
    }

    // ---- messages and files of their own

    /** Writes a message to the app in their DM: Slack's {@code message} event with {@code channel_type: im}. */
    public Delivery say(String text) {
        Workspace w = workspace();
        String channel = dmChannel();
        String ts = world.nextTs();
        world.seen(teamId, userId, Seen.Kind.MESSAGE, ts, channel, userId, text, null, "user");
        JsonObject event = new JsonObject();
        event.addProperty("type", "message");
        event.addProperty("channel", channel);
        event.addProperty("user", userId);
        event.addProperty("text", text);
        event.addProperty("ts", ts);
        event.addProperty("event_ts", ts);
        event.addProperty("channel_type", "im");
        event.addProperty("team", w.teamId);
        return events.event(teamId, event, signing);
    }

    /**
     * A file this person uploads, as into a modal's {@code file_input}: held by the local Slack, downloadable from
     * its {@code url_private} with a bot token of the workspace, and given to {@link #submit} as a value.
     */
    public UploadedFile upload(String name, byte[] bytes) {
        String id = String.format("F%010d", world.nextNumber());
        UploadedFile file =
                FilesMethods.held(world.baseUrl(), id, teamId, userId, name, name, null, bytes, List.of(), null);
        world.holdFile(file);
        return file;
    }

    // ---- helpers

    private Workspace workspace() {
        return world.workspaceOf(teamId);
    }

    private JsonObject user(Workspace w) {
        UserProfile me = w.user(userId);
        JsonObject u = new JsonObject();
        u.addProperty("id", userId);
        u.addProperty("username", me.name());
        u.addProperty("name", me.name());
        u.addProperty("team_id", teamId);
        return u;
    }

    private static JsonObject team(Workspace w) {
        JsonObject t = new JsonObject();
        t.addProperty("id", w.teamId);
        t.addProperty("domain", w.domain);
        return t;
    }

    @Override
    public String toString() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("team", teamId);
        m.put("user", userId);
        return "SlackUser" + m;
    }
}
