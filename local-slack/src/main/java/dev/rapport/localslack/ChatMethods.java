package dev.rapport.localslack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code chat.postMessage}, {@code chat.update} and {@code chat.postEphemeral}, and the message object they return. */
final class ChatMethods {

    /** Slack's documented limit of blocks in a message. */
    static final int MESSAGE_BLOCKS = 50;

    private final World world;

    ChatMethods(World world) {
        this.world = world;
    }

    /** A message's {@code blocks} as Slack checks them: JSON, an array, at most 50; or the error. */
    private record Blocks(JsonElement parsed, String error) {

        static Blocks of(String blocks) {
            if (Slack.blank(blocks)) {
                return new Blocks(null, null);
            }
            JsonElement parsed;
            try {
                parsed = JsonParser.parseString(blocks);
            } catch (RuntimeException e) {
                return new Blocks(null, "invalid_blocks_format");
            }
            if (!parsed.isJsonArray() || parsed.getAsJsonArray().size() > MESSAGE_BLOCKS) {
                return new Blocks(null, "invalid_blocks");
            }
            return new Blocks(parsed, null);
        }
    }

    Answer postMessage(WebApi.Call call) {
        Workspace w = call.workspace();
        String channel = call.arg("channel");
        if (channel == null || channel.isBlank()) {
            return Answer.error("channel_not_found");
        }
        if (channel.startsWith("U") || channel.startsWith("W")) {
            // Slack accepts a user id as the channel of a DM.
            String dmError = world.dmError(channel);
            if (dmError != null) {
                return Answer.error(dmError);
            }
            channel = w.dm(channel);
        }
        String user = w.userByDm.get(channel);
        if (user == null) {
            return Answer.error("channel_not_found");
        }
        String dmError = world.dmError(user);
        if (dmError != null) {
            return Answer.error(dmError);
        }
        String text = call.arg("text");
        String blocks = call.arg("blocks");
        if (Slack.blank(text) && Slack.blank(blocks)) {
            return Answer.error("no_text");
        }
        Blocks parsed = Blocks.of(blocks);
        if (parsed.error() != null) {
            return Answer.error(parsed.error());
        }
        Metadata.Read metadata = readMetadata(call);
        if (metadata.error() != null) {
            return Answer.error(metadata.error());
        }
        long retryAfter = w.chargeMessage(channel);
        if (retryAfter > 0) {
            return Answer.limited(retryAfter);
        }
        String ts = world.nextTs();
        world.posted(new PostedMessage(w.teamId, channel, user, text, blocks, ts, metadata.json()), w.botUserId);
        JsonObject body = Slack.ok();
        body.addProperty("channel", channel);
        body.addProperty("ts", ts);
        body.add("message", message(w, world.appId, text, parsed.parsed(), ts, metadata.json()));
        Slack.warn(body, metadata.warning());
        return Answer.ok(body);
    }

    /**
     * The {@code metadata} argument as Slack reads it ({@link Metadata}); none when absent. Slack takes metadata from
     * apps only, so a user token that sends some is refused.
     */
    private static Metadata.Read readMetadata(WebApi.Call call) {
        String raw = call.arg("metadata");
        if (raw == null || raw.isEmpty()) {
            return new Metadata.Read(null, null, null);
        }
        if (call.token().kind() != World.Token.Kind.BOT) {
            return new Metadata.Read(null, "metadata_must_be_sent_from_app", null);
        }
        return Metadata.read(raw);
    }

    Answer update(WebApi.Call call) {
        Workspace w = call.workspace();
        String channel = call.arg("channel");
        String ts = call.arg("ts");
        if (channel == null || !w.userByDm.containsKey(channel)) {
            return Answer.error("channel_not_found");
        }
        PostedMessage was = world.currentMessage(channel, ts).orElse(null);
        if (was == null) {
            return Answer.error("message_not_found");
        }
        String text = call.arg("text");
        String blocks = call.arg("blocks");
        Blocks parsed = Blocks.of(blocks);
        if (parsed.error() != null) {
            return Answer.error(parsed.error());
        }
        boolean metadataGiven =
                call.arg("metadata") != null && !call.arg("metadata").isEmpty();
        Metadata.Read metadata = readMetadata(call);
        if (metadata.error() != null) {
            return Answer.error(metadata.error());
        }
        // Slack keeps what an update leaves out: text or blocks, whichever is not given.
        String newText = text != null ? text : was.text();
        String newBlocks = blocks != null ? blocks : was.blocksJson();
        // chat.update's reference: metadata left out is retained, an empty object removes it. Metadata Slack ignored
        // (the warning) changes nothing either.
        String newMetadata = !metadataGiven || metadata.warning() != null ? was.metadataJson() : metadata.json();
        String user = w.userByDm.get(channel);
        PostedMessage updated =
                new PostedMessage(w.teamId, channel, user, text, blocks, ts, metadataGiven ? metadata.json() : null);
        world.updated(updated, new PostedMessage(w.teamId, channel, user, newText, newBlocks, ts, newMetadata));
        JsonObject body = Slack.ok();
        body.addProperty("channel", channel);
        body.addProperty("ts", ts);
        body.addProperty("text", text);
        body.add("message", message(w, world.appId, text, parsed.parsed(), ts, newMetadata));
        Slack.warn(body, metadata.warning());
        return Answer.ok(body);
    }

    Answer postEphemeral(WebApi.Call call) {
        Workspace w = call.workspace();
        String channel = call.arg("channel");
        String user = call.arg("user");
        if (Slack.blank(channel)) {
            return Answer.error("channel_not_found");
        }
        if (Slack.blank(user)) {
            return Answer.error("user_not_in_channel");
        }
        String dmUser = w.userByDm.get(channel);
        if (dmUser == null && !(channel.startsWith("C") || channel.startsWith("G"))) {
            return Answer.error("channel_not_found");
        }
        if (dmUser != null && !dmUser.equals(user)) {
            return Answer.error("user_not_in_channel");
        }
        String text = call.arg("text");
        String blocks = call.arg("blocks");
        if (Slack.blank(text) && Slack.blank(blocks)) {
            return Answer.error("no_text");
        }
        Blocks parsed = Blocks.of(blocks);
        if (parsed.error() != null) {
            return Answer.error(parsed.error());
        }
        String ts = world.nextTs();
        world.ephemeral(new Ephemeral(w.teamId, channel, user, text, blocks, ts), w.botUserId);
        JsonObject body = Slack.ok();
        body.addProperty("message_ts", ts);
        return Answer.ok(body);
    }

    /** A message of the app's bot user, as Slack's message object carries it. */
    static JsonObject message(Workspace w, String appId, String text, JsonElement blocks, String ts, String metadata) {
        JsonObject m = new JsonObject();
        m.addProperty("type", "message");
        m.addProperty("user", w.botUserId);
        m.addProperty("bot_id", w.botId);
        m.addProperty("app_id", appId);
        m.addProperty("team", w.teamId);
        m.addProperty("text", text == null ? "" : text);
        m.addProperty("ts", ts);
        if (blocks != null) {
            m.add("blocks", blocks);
        }
        if (metadata != null) {
            m.add("metadata", JsonParser.parseString(metadata));
        }
        return m;
    }
}
