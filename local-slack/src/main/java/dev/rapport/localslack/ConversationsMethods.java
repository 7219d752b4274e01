package dev.rapport.localslack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code conversations.open} and {@code conversations.history}: the app's DM with a person, and reading it back. */
final class ConversationsMethods {

    /** {@code conversations.history}'s documented default and maximum {@code limit}. */
    static final int HISTORY_DEFAULT_LIMIT = 100;

    static final int HISTORY_MAX_LIMIT = 999;

    private final World world;

    ConversationsMethods(World world) {
        this.world = world;
    }

    Answer open(WebApi.Call call) {
        Workspace w = call.workspace();
        String users = call.arg("users");
        if (users == null || users.isBlank()) {
            return call.args().containsKey("channel")
                    ? Answer.error("method_not_supported_for_channel_type")
                    : Answer.error("users_list_not_supplied");
        }
        if (users.contains(",")) {
            // Rapport only ever opens one-to-one DMs; a group DM is a bug in the caller, so say so plainly.
            return Answer.error("group_dms_not_supported_by_local_slack");
        }
        String user = users.trim();
        String dmError = world.dmError(user);
        if (dmError != null) {
            return Answer.error(dmError);
        }
        boolean existed = w.dmByUser.containsKey(user);
        String channel = w.dm(user);
        JsonObject body = Slack.ok();
        if (existed) {
            body.addProperty("no_op", true);
            body.addProperty("already_open", true);
        }
        JsonObject c = new JsonObject();
        c.addProperty("id", channel);
        body.add("channel", c);
        return Answer.ok(body);
    }

    /**
     * {@code conversations.history}, as its reference on docs.slack.dev describes it: newest first, at most
     * {@code limit} (default 100, at most 999) between {@code oldest} and {@code latest} (excluded unless
     * {@code inclusive}), then a {@code next_cursor} while {@code has_more}. Reading a DM needs {@code im:history};
     * message metadata is returned only when {@code include_all_metadata} asks for it.
     */
    Answer history(WebApi.Call call) {
        Workspace w = call.workspace();
        World.Token token = call.token();
        String channel = call.arg("channel");
        String dmUser = Slack.blank(channel) ? null : w.userByDm.get(channel);
        // A person's token reads only their own DM with the app: another's is not a conversation they are in.
        if (dmUser == null || (token.kind() == World.Token.Kind.USER && !dmUser.equals(token.userId()))) {
            return Answer.error("channel_not_found");
        }
        if (!token.hasScope("im:history")) {
            JsonObject body = Slack.error("missing_scope");
            body.addProperty("needed", "im:history");
            body.addProperty("provided", token.scope());
            return Answer.ok(body);
        }
        BigDecimal oldest;
        BigDecimal latest;
        try {
            oldest = Slack.blank(call.arg("oldest"))
                    ? null
                    : new BigDecimal(call.arg("oldest").trim());
        } catch (NumberFormatException e) {
            return Answer.error("invalid_ts_oldest");
        }
        try {
            latest = Slack.blank(call.arg("latest"))
                    ? null
                    : new BigDecimal(call.arg("latest").trim());
        } catch (NumberFormatException e) {
            return Answer.error("invalid_ts_latest");
        }
        int limit = HISTORY_DEFAULT_LIMIT;
        if (!Slack.blank(call.arg("limit"))) {
            try {
                limit = Integer.parseInt(call.arg("limit").trim());
            } catch (NumberFormatException e) {
                return Answer.invalid("[ERROR] must be an integer [json-pointer:/limit]");
            }
            // Slack documents a default and a maximum but no error for values outside them: taken as the nearest.
            limit = limit < 1 ? HISTORY_DEFAULT_LIMIT : Math.min(limit, HISTORY_MAX_LIMIT);
        }
        // No latest means "now" to Slack, where no message is newer than now; here a test's fixed clock can stamp
        // messages after its "now", so no latest means no upper bound.
        BigDecimal before = null;
        if (!Slack.blank(call.arg("cursor"))) {
            before = cursorTs(call.arg("cursor").trim());
            if (before == null) {
                return Answer.error("invalid_cursor");
            }
        }
        boolean inclusive = Slack.flag(call.arg("inclusive"));
        boolean withMetadata = Slack.flag(call.arg("include_all_metadata"));
        JsonArray page = new JsonArray();
        boolean more = false;
        String last = null;
        for (Screens.Posted p : world.history(w.teamId, channel)) {
            BigDecimal ts = new BigDecimal(p.ts());
            if (before != null && ts.compareTo(before) >= 0) {
                continue;
            }
            if (latest != null && (inclusive ? ts.compareTo(latest) > 0 : ts.compareTo(latest) >= 0)) {
                continue;
            }
            if (oldest != null && (inclusive ? ts.compareTo(oldest) < 0 : ts.compareTo(oldest) <= 0)) {
                break; // newest first: nothing after this is in the range either
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(historyMessage(w, p, withMetadata));
            last = p.ts();
        }
        JsonObject body = Slack.ok();
        body.add("messages", page);
        body.addProperty("has_more", more);
        body.addProperty("pin_count", 0);
        body.add("channel_actions_ts", JsonNull.INSTANCE);
        body.addProperty("channel_actions_count", 0);
        if (more) {
            // An empty, null or missing next_cursor all mean the end in Slack's pagination; it is left out then.
            JsonObject meta = new JsonObject();
            meta.addProperty("next_cursor", cursorOf(last));
            body.add("response_metadata", meta);
        }
        return Answer.ok(body);
    }

    private JsonObject historyMessage(Workspace w, Screens.Posted p, boolean withMetadata) {
        JsonElement blocks = p.blocksJson() == null ? null : JsonParser.parseString(p.blocksJson());
        String metadata = withMetadata ? p.metadataJson() : null;
        if (p.from().equals(w.botUserId)) {
            return ChatMethods.message(w, world.appId, p.text(), blocks, p.ts(), metadata);
        }
        JsonObject m = new JsonObject();
        m.addProperty("type", "message");
        m.addProperty("user", p.from());
        m.addProperty("text", p.text() == null ? "" : p.text());
        m.addProperty("ts", p.ts());
        m.addProperty("team", w.teamId);
        if (blocks != null) {
            m.add("blocks", blocks);
        }
        return m;
    }

    /** The cursor of the page after the message {@code ts}: opaque to clients, as Slack's are. */
    private static String cursorOf(String ts) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("before_ts:" + ts).getBytes(StandardCharsets.UTF_8));
    }

    private static BigDecimal cursorTs(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return decoded.startsWith("before_ts:") ? new BigDecimal(decoded.substring("before_ts:".length())) : null;
        } catch (IllegalArgumentException e) {
            return null; // not base64, or not a number after the prefix
        }
    }
}
