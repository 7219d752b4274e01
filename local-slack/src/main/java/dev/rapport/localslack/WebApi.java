package dev.rapport.localslack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Web API methods under {@code /api/}, the upload URLs and the {@code url_private} downloads. */
final class WebApi {

    private static final Set<String> METHODS = Set.of(
            "auth.test",
            "conversations.open",
            "conversations.history",
            "chat.postMessage",
            "chat.update",
            "chat.postEphemeral",
            "users.info",
            "team.info",
            "bots.info",
            "views.open",
            "views.update",
            "views.push",
            "apps.connections.open",
            "oauth.v2.access",
            "files.getUploadURLExternal",
            "files.completeUploadExternal");

    /** Slack's documented modal limits. */
    static final int VIEW_TEXT = 24;

    static final int VIEW_BLOCKS = 100;
    static final int CALLBACK_ID = 255;
    static final int PRIVATE_METADATA = 3000;
    static final int MESSAGE_BLOCKS = 50;

    /** {@code conversations.history}'s documented default and maximum {@code limit}. */
    static final int HISTORY_DEFAULT_LIMIT = 100;

    static final int HISTORY_MAX_LIMIT = 999;

    private final LocalSlack s;

    WebApi(LocalSlack slack) {
        this.s = slack;
    }

    private record Answer(int status, JsonObject body, long retryAfterSeconds, Map<String, String> headers) {

        static Answer ok(JsonObject body) {
            return new Answer(200, body, 0, Map.of());
        }

        static Answer error(String error) {
            return new Answer(200, Http.error(error), 0, Map.of());
        }

        static Answer invalid(String... messages) {
            JsonObject body = Http.error("invalid_arguments");
            JsonObject meta = new JsonObject();
            JsonArray list = new JsonArray();
            for (String m : messages) {
                list.add(m);
            }
            meta.add("messages", list);
            body.add("response_metadata", meta);
            return new Answer(200, body, 0, Map.of());
        }

        static Answer status(int status, String error) {
            return new Answer(status, Http.error(error), 0, Map.of());
        }

        static Answer limited(long retryAfter) {
            return new Answer(429, Http.error("ratelimited"), retryAfter, Map.of());
        }

        String error() {
            return body.has("error") ? body.get("error").getAsString() : null;
        }
    }

    void handle(HttpExchange exchange, String method) throws IOException {
        Duration wait = s.delay.get();
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Answer answer;
        try {
            answer = answer(method, exchange);
        } catch (RuntimeException e) {
            answer = Answer.status(500, "fatal_error");
        }
        s.record(new LocalSlack.ApiCall(method, answer.status, answer.error()));
        for (Map.Entry<String, String> h : answer.headers.entrySet()) {
            exchange.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        if (answer.retryAfterSeconds > 0) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(answer.retryAfterSeconds));
        }
        Http.json(exchange, answer.status, answer.body);
    }

    private Answer answer(String method, HttpExchange exchange) throws IOException {
        byte[] body = Http.body(exchange);
        Map<String, String> args;
        try {
            args = Http.arguments(exchange, body);
        } catch (RuntimeException e) {
            return Answer.error("invalid_json");
        }
        if (s.failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Answer.status(s.failureStatus.get(), "service_unavailable");
        }
        if (!METHODS.contains(method)) {
            return Answer.status(404, "unknown_method");
        }
        if (method.equals("oauth.v2.access")) {
            return oauthV2Access(exchange, args);
        }
        String tokenValue = Http.bearer(exchange, args);
        if (tokenValue == null || tokenValue.isBlank()) {
            return Answer.error("not_authed");
        }
        LocalSlack.Token token = s.tokens.get(tokenValue);
        if (token == null) {
            return Answer.error("invalid_auth");
        }
        if (method.equals("apps.connections.open")) {
            if (token.kind() != LocalSlack.Token.Kind.APP) {
                return Answer.error("not_allowed_token_type");
            }
            long retryAfter;
            synchronized (s.connectionsOpenBucket) {
                Duration w = s.connectionsOpenBucket.waitForOne();
                retryAfter = w.isZero() ? 0 : Workspace.seconds(w);
                if (retryAfter == 0) {
                    s.connectionsOpenBucket.take();
                }
            }
            if (retryAfter > 0) {
                return Answer.limited(retryAfter);
            }
            JsonObject ok = Http.ok();
            ok.addProperty("url", s.issueSocketUrl());
            return Answer.ok(ok);
        }
        if (token.kind() == LocalSlack.Token.Kind.APP) {
            // Slack refuses an app-level token on every method but the few made for it.
            return Answer.error("not_allowed_token_type");
        }
        Workspace w = token.workspace();
        Workspace.Limit limit = s.limits.get(method);
        if (limit != null) {
            long retryAfter = w.chargeMethod(method, limit);
            if (retryAfter > 0) {
                return Answer.limited(retryAfter);
            }
        }
        return switch (method) {
            case "auth.test" -> authTest(w, token);
            case "conversations.open" -> conversationsOpen(w, args);
            case "conversations.history" -> conversationsHistory(w, token, args);
            case "chat.postMessage" -> postMessage(w, token, args);
            case "chat.update" -> update(w, token, args);
            case "chat.postEphemeral" -> postEphemeral(w, args);
            case "users.info" -> usersInfo(w, args);
            case "team.info" -> teamInfo(w, args);
            case "bots.info" -> botsInfo(w, args);
            case "views.open" -> viewsOpen(w, args, false);
            case "views.push" -> viewsOpen(w, args, true);
            case "views.update" -> viewsUpdate(w, args);
            case "files.getUploadURLExternal" -> getUploadUrl(w, args);
            case "files.completeUploadExternal" -> completeUpload(w, args);
            default -> Answer.status(404, "unknown_method");
        };
    }

    // ---- auth, conversations, chat

    private Answer authTest(Workspace w, LocalSlack.Token token) {
        JsonObject body = Http.ok();
        body.addProperty("url", "https://" + w.domain + ".slack.local/");
        body.addProperty("team", w.name);
        boolean bot = token.kind() == LocalSlack.Token.Kind.BOT;
        body.addProperty("user", bot ? "rapport" : w.user(token.userId()).name());
        body.addProperty("team_id", w.teamId);
        body.addProperty("user_id", token.userId());
        if (bot) {
            body.addProperty("bot_id", w.botId);
        }
        body.addProperty("is_enterprise_install", false);
        // Bolt reads the token's scopes from this header (Context#getBotScopes), as Slack sends it.
        return new Answer(200, body, 0, Map.of("X-OAuth-Scopes", token.scope()));
    }

    private Answer conversationsOpen(Workspace w, Map<String, String> args) {
        String users = args.get("users");
        if (users == null || users.isBlank()) {
            return args.containsKey("channel")
                    ? Answer.error("method_not_supported_for_channel_type")
                    : Answer.error("users_list_not_supplied");
        }
        if (users.contains(",")) {
            // Rapport only ever opens one-to-one DMs; a group DM is a bug in the caller, so say so plainly.
            return Answer.error("group_dms_not_supported_by_local_slack");
        }
        String user = users.trim();
        String dmError = s.dmErrors.get(user);
        if (dmError != null) {
            return Answer.error(dmError);
        }
        boolean existed = w.dmByUser.containsKey(user);
        String channel = w.dm(user);
        JsonObject body = Http.ok();
        if (existed) {
            body.addProperty("no_op", true);
            body.addProperty("already_open", true);
        }
        JsonObject c = new JsonObject();
        c.addProperty("id", channel);
        body.add("channel", c);
        return Answer.ok(body);
    }

    private Answer postMessage(Workspace w, LocalSlack.Token token, Map<String, String> args) {
        String channel = args.get("channel");
        if (channel == null || channel.isBlank()) {
            return Answer.error("channel_not_found");
        }
        if (channel.startsWith("U") || channel.startsWith("W")) {
            // Slack accepts a user id as the channel of a DM.
            String dmError = s.dmErrors.get(channel);
            if (dmError != null) {
                return Answer.error(dmError);
            }
            channel = w.dm(channel);
        }
        String user = w.userByDm.get(channel);
        if (user == null) {
            return Answer.error("channel_not_found");
        }
        String dmError = s.dmErrors.get(user);
        if (dmError != null) {
            return Answer.error(dmError);
        }
        String text = args.get("text");
        String blocks = args.get("blocks");
        if (isBlank(text) && isBlank(blocks)) {
            return Answer.error("no_text");
        }
        JsonElement parsedBlocks = null;
        if (!isBlank(blocks)) {
            try {
                parsedBlocks = JsonParser.parseString(blocks);
            } catch (RuntimeException e) {
                return Answer.error("invalid_blocks_format");
            }
            if (!parsedBlocks.isJsonArray() || parsedBlocks.getAsJsonArray().size() > MESSAGE_BLOCKS) {
                return Answer.error("invalid_blocks");
            }
        }
        Metadata.Read metadata = readMetadata(token, args);
        if (metadata.error() != null) {
            return Answer.error(metadata.error());
        }
        long retryAfter = w.chargeMessage(channel);
        if (retryAfter > 0) {
            return Answer.limited(retryAfter);
        }
        String ts = s.nextTs();
        PostedMessage posted = new PostedMessage(w.teamId, channel, user, text, blocks, ts, metadata.json());
        s.addMessage(posted);
        s.current.put(channel + "/" + ts, posted);
        s.screens.add(
                w.teamId,
                user,
                Seen.Kind.MESSAGE,
                ts,
                channel,
                w.botUserId,
                text,
                blocks,
                metadata.json(),
                "chat.postMessage");
        JsonObject body = Http.ok();
        body.addProperty("channel", channel);
        body.addProperty("ts", ts);
        body.add("message", message(w, s.appId, text, parsedBlocks, ts, metadata.json()));
        warn(body, metadata.warning());
        return Answer.ok(body);
    }

    /**
     * The {@code metadata} argument as Slack reads it ({@link Metadata}); none when absent. Slack takes metadata from
     * apps only, so a user token that sends some is refused.
     */
    private static Metadata.Read readMetadata(LocalSlack.Token token, Map<String, String> args) {
        String raw = args.get("metadata");
        if (raw == null || raw.isEmpty()) {
            return new Metadata.Read(null, null, null);
        }
        if (token.kind() != LocalSlack.Token.Kind.BOT) {
            return new Metadata.Read(null, "metadata_must_be_sent_from_app", null);
        }
        return Metadata.read(raw);
    }

    /** A warning as Slack attaches one to an answer that is still {@code ok}: at the top and in the metadata. */
    private static void warn(JsonObject body, String warning) {
        if (warning == null) {
            return;
        }
        body.addProperty("warning", warning);
        JsonObject meta = new JsonObject();
        JsonArray warnings = new JsonArray();
        warnings.add(warning);
        meta.add("warnings", warnings);
        body.add("response_metadata", meta);
    }

    private Answer update(Workspace w, LocalSlack.Token token, Map<String, String> args) {
        String channel = args.get("channel");
        String ts = args.get("ts");
        if (channel == null || !w.userByDm.containsKey(channel)) {
            return Answer.error("channel_not_found");
        }
        PostedMessage was = s.current.get(channel + "/" + ts);
        if (was == null) {
            return Answer.error("message_not_found");
        }
        String text = args.get("text");
        String blocks = args.get("blocks");
        JsonElement parsedBlocks = null;
        if (!isBlank(blocks)) {
            try {
                parsedBlocks = JsonParser.parseString(blocks);
            } catch (RuntimeException e) {
                return Answer.error("invalid_blocks_format");
            }
            if (!parsedBlocks.isJsonArray() || parsedBlocks.getAsJsonArray().size() > MESSAGE_BLOCKS) {
                return Answer.error("invalid_blocks");
            }
        }
        boolean metadataGiven =
                args.get("metadata") != null && !args.get("metadata").isEmpty();
        Metadata.Read metadata = readMetadata(token, args);
        if (metadata.error() != null) {
            return Answer.error(metadata.error());
        }
        // Slack keeps what an update leaves out: text or blocks, whichever is not given.
        String newText = text != null ? text : was.text();
        String newBlocks = blocks != null ? blocks : was.blocksJson();
        // chat.update's reference: metadata left out is retained, an empty object removes it. Metadata Slack ignored
        // (the warning) changes nothing either.
        String newMetadata = !metadataGiven || metadata.warning() != null ? was.metadataJson() : metadata.json();
        PostedMessage updated = new PostedMessage(
                w.teamId, channel, w.userByDm.get(channel), text, blocks, ts, metadataGiven ? metadata.json() : null);
        s.updates.add(updated);
        s.current.put(
                channel + "/" + ts,
                new PostedMessage(w.teamId, channel, updated.userId(), newText, newBlocks, ts, newMetadata));
        s.screens.edit(w.teamId, channel, ts, newText, newBlocks, newMetadata);
        JsonObject body = Http.ok();
        body.addProperty("channel", channel);
        body.addProperty("ts", ts);
        body.addProperty("text", text);
        body.add("message", message(w, s.appId, text, parsedBlocks, ts, newMetadata));
        warn(body, metadata.warning());
        return Answer.ok(body);
    }

    private Answer postEphemeral(Workspace w, Map<String, String> args) {
        String channel = args.get("channel");
        String user = args.get("user");
        if (isBlank(channel)) {
            return Answer.error("channel_not_found");
        }
        if (isBlank(user)) {
            return Answer.error("user_not_in_channel");
        }
        String dmUser = w.userByDm.get(channel);
        if (dmUser == null && !(channel.startsWith("C") || channel.startsWith("G"))) {
            return Answer.error("channel_not_found");
        }
        if (dmUser != null && !dmUser.equals(user)) {
            return Answer.error("user_not_in_channel");
        }
        String text = args.get("text");
        String blocks = args.get("blocks");
        if (isBlank(text) && isBlank(blocks)) {
            return Answer.error("no_text");
        }
        if (!isBlank(blocks)) {
            try {
                JsonElement parsed = JsonParser.parseString(blocks);
                if (!parsed.isJsonArray() || parsed.getAsJsonArray().size() > MESSAGE_BLOCKS) {
                    return Answer.error("invalid_blocks");
                }
            } catch (RuntimeException e) {
                return Answer.error("invalid_blocks_format");
            }
        }
        String ts = s.nextTs();
        s.ephemerals.add(new Ephemeral(w.teamId, channel, user, text, blocks, ts));
        s.screens.add(
                w.teamId, user, Seen.Kind.EPHEMERAL, ts, channel, w.botUserId, text, blocks, "chat.postEphemeral");
        JsonObject body = Http.ok();
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

    /**
     * {@code conversations.history}, as its reference on docs.slack.dev describes it: newest first, at most
     * {@code limit} (default 100, at most 999) between {@code oldest} and {@code latest} (excluded unless
     * {@code inclusive}), then a {@code next_cursor} while {@code has_more}. Reading a DM needs {@code im:history};
     * message metadata is returned only when {@code include_all_metadata} asks for it.
     */
    private Answer conversationsHistory(Workspace w, LocalSlack.Token token, Map<String, String> args) {
        String channel = args.get("channel");
        String dmUser = isBlank(channel) ? null : w.userByDm.get(channel);
        // A person's token reads only their own DM with the app: another's is not a conversation they are in.
        if (dmUser == null || (token.kind() == LocalSlack.Token.Kind.USER && !dmUser.equals(token.userId()))) {
            return Answer.error("channel_not_found");
        }
        if (!hasScope(token, "im:history")) {
            JsonObject body = Http.error("missing_scope");
            body.addProperty("needed", "im:history");
            body.addProperty("provided", token.scope());
            return Answer.ok(body);
        }
        BigDecimal oldest;
        BigDecimal latest;
        try {
            oldest = isBlank(args.get("oldest"))
                    ? null
                    : new BigDecimal(args.get("oldest").trim());
        } catch (NumberFormatException e) {
            return Answer.error("invalid_ts_oldest");
        }
        try {
            latest = isBlank(args.get("latest"))
                    ? null
                    : new BigDecimal(args.get("latest").trim());
        } catch (NumberFormatException e) {
            return Answer.error("invalid_ts_latest");
        }
        int limit = HISTORY_DEFAULT_LIMIT;
        if (!isBlank(args.get("limit"))) {
            try {
                limit = Integer.parseInt(args.get("limit").trim());
            } catch (NumberFormatException e) {
                return Answer.invalid("[ERROR] must be an integer [json-pointer:/limit]");
            }
            // Slack documents a default and a maximum but no error for values outside them: taken as the nearest.
            limit = limit < 1 ? HISTORY_DEFAULT_LIMIT : Math.min(limit, HISTORY_MAX_LIMIT);
        }
        // No latest means "now" to Slack, where no message is newer than now; here a test's fixed clock can stamp
        // messages after its "now", so no latest means no upper bound.
        BigDecimal before = null;
        if (!isBlank(args.get("cursor"))) {
            before = cursorTs(args.get("cursor").trim());
            if (before == null) {
                return Answer.error("invalid_cursor");
            }
        }
        boolean inclusive = flag(args.get("inclusive"));
        boolean withMetadata = flag(args.get("include_all_metadata"));
        JsonArray page = new JsonArray();
        boolean more = false;
        String last = null;
        for (Screens.Posted p : s.screens.history(w.teamId, channel)) {
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
        JsonObject body = Http.ok();
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
            return message(w, s.appId, p.text(), blocks, p.ts(), metadata);
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

    private static boolean hasScope(LocalSlack.Token token, String scope) {
        for (String granted : token.scope().split(",")) {
            if (granted.trim().equals(scope)) {
                return true;
            }
        }
        return false;
    }

    /** A boolean argument as Slack takes it: {@code true} or {@code 1}. */
    private static boolean flag(String value) {
        return value != null
                && (value.trim().equalsIgnoreCase("true") || value.trim().equals("1"));
    }

    // ---- users, team, bots

    private Answer usersInfo(Workspace w, Map<String, String> args) {
        String id = args.get("user");
        UserProfile user = id == null ? null : w.users.get(id);
        if (user == null) {
            return Answer.error("user_not_found");
        }
        JsonObject body = Http.ok();
        JsonObject json = userJson(user, w, s.clock.instant());
        if (flag(args.get("include_locale"))) {
            json.addProperty("locale", user.locale()); // Slack gives it only when asked
        }
        body.add("user", json);
        return Answer.ok(body);
    }

    /** A user object as {@code users.info} and {@code user_change} carry it. */
    static JsonObject userJson(UserProfile u, Workspace w, Instant now) {
        JsonObject user = new JsonObject();
        user.addProperty("id", u.id());
        user.addProperty("team_id", u.teamId());
        user.addProperty("name", u.name());
        user.addProperty("deleted", u.deleted());
        user.addProperty("color", "9f69e7");
        user.addProperty("real_name", u.realName());
        user.addProperty("tz", u.tz());
        user.addProperty("tz_label", u.tzLabel(now));
        user.addProperty("tz_offset", u.tzOffset(now));
        JsonObject profile = new JsonObject();
        profile.addProperty("title", "");
        profile.addProperty("phone", "");
        profile.addProperty("skype", "");
        profile.addProperty("real_name", u.realName());
        profile.addProperty("real_name_normalized", u.realName());
        profile.addProperty("display_name", u.displayName());
        profile.addProperty("display_name_normalized", u.displayName());
        profile.addProperty("status_text", "");
        profile.addProperty("status_emoji", "");
        profile.addProperty("avatar_hash", "g0000000000a");
        profile.addProperty("team", u.teamId());
        if (u.isBot() && u.id().equals(w.botUserId)) {
            profile.addProperty("bot_id", w.botId);
        }
        user.add("profile", profile);
        user.addProperty("is_admin", u.isAdmin());
        user.addProperty("is_owner", u.isOwner());
        user.addProperty("is_primary_owner", u.isPrimaryOwner());
        user.addProperty("is_restricted", false);
        user.addProperty("is_ultra_restricted", false);
        user.addProperty("is_bot", u.isBot());
        user.addProperty("is_app_user", false);
        user.addProperty("updated", now.getEpochSecond());
        return user;
    }

    private Answer teamInfo(Workspace w, Map<String, String> args) {
        Workspace team = w;
        String asked = args.get("team");
        if (!isBlank(asked) && !asked.equals(w.teamId)) {
            team = s.workspaces.get(asked);
            if (team == null) {
                return Answer.error("team_not_found");
            }
        }
        JsonObject t = new JsonObject();
        t.addProperty("id", team.teamId);
        t.addProperty("name", team.name);
        t.addProperty("url", "https://" + team.domain + ".slack.local/");
        t.addProperty("domain", team.domain);
        t.addProperty("email_domain", "");
        JsonObject icon = new JsonObject();
        icon.addProperty("image_default", true);
        t.add("icon", icon);
        t.addProperty("is_verified", false);
        JsonObject body = Http.ok();
        body.add("team", t);
        return Answer.ok(body);
    }

    private Answer botsInfo(Workspace w, Map<String, String> args) {
        String bot = args.get("bot");
        if (bot != null && !bot.equals(w.botId)) {
            return Answer.error("bot_not_found");
        }
        JsonObject b = new JsonObject();
        b.addProperty("id", w.botId);
        b.addProperty("deleted", false);
        b.addProperty("name", "rapport");
        b.addProperty("updated", s.clock.instant().getEpochSecond());
        b.addProperty("app_id", s.appId);
        b.addProperty("user_id", w.botUserId);
        b.add("icons", new JsonObject());
        JsonObject body = Http.ok();
        body.add("bot", b);
        return Answer.ok(body);
    }

    // ---- views

    private Answer viewsOpen(Workspace w, Map<String, String> args, boolean push) {
        String triggerId = args.get("trigger_id");
        LocalSlack.Trigger trigger = triggerId == null ? null : s.triggers.get(triggerId);
        if (trigger == null || !trigger.teamId().equals(w.teamId)) {
            return Answer.error("invalid_trigger_id");
        }
        if (trigger.used().get()) {
            return Answer.error("exchanged_trigger_id");
        }
        if (Duration.between(trigger.issued(), s.clock.instant()).compareTo(LocalSlack.TRIGGER_LIFETIME) > 0) {
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
        List<OpenedView> stack = s.views.openOf(w.teamId, trigger.userId());
        if (push && stack.isEmpty()) {
            return Answer.error("not_found"); // views.push needs a modal to push onto
        }
        if (push && stack.size() >= 3) {
            return Answer.error("push_limit_reached"); // Slack stacks at most three views
        }
        String externalId = OpenedView.string(view, "external_id");
        if (!isBlank(externalId) && s.views.byExternalId(w.teamId, externalId).isPresent()) {
            return Answer.error("duplicate_external_id");
        }
        // Each trigger opens one modal: a second call with it is Slack's exchanged_trigger_id.
        if (!trigger.used().compareAndSet(false, true)) {
            return Answer.error("exchanged_trigger_id");
        }
        OpenedView opened = push ? pushed(w, trigger.userId(), view) : opened(w, trigger.userId(), view, null, null);
        JsonObject body = Http.ok();
        body.add("view", opened.view());
        return Answer.ok(body);
    }

    private Answer viewsUpdate(Workspace w, Map<String, String> args) {
        Optional<OpenedView> found = Optional.empty();
        String viewId = args.get("view_id");
        String externalId = args.get("external_id");
        if (!isBlank(viewId)) {
            found = s.views.get(viewId).filter(v -> v.teamId().equals(w.teamId));
        } else if (!isBlank(externalId)) {
            found = s.views.byExternalId(w.teamId, externalId);
        } else {
            return Answer.invalid("[ERROR] either view_id or external_id is required [json-pointer:/view_id]");
        }
        if (found.isEmpty()) {
            return Answer.error("not_found");
        }
        OpenedView was = found.get();
        String hash = args.get("hash");
        if (!isBlank(hash) && !hash.equals(was.hash())) {
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
        JsonObject body = Http.ok();
        body.add("view", updated.view());
        return Answer.ok(body);
    }

    /** A new modal for a person, at the root of a stack or on top of one. */
    private OpenedView opened(Workspace w, String userId, JsonObject view, String rootId, String previousId) {
        String id = String.format("V%010d", s.nextNumber());
        OpenedView opened = stored(w, userId, id, rootId == null ? id : rootId, previousId, view, 1, true, Map.of());
        s.views.put(opened);
        s.screens.modal(opened);
        return opened;
    }

    /** A modal pushed onto the person's open ones ({@code views.push}, {@code response_action: push}). */
    OpenedView pushed(Workspace w, String userId, JsonObject view) {
        List<OpenedView> stack = s.views.openOf(w.teamId, userId);
        if (stack.isEmpty()) {
            return opened(w, userId, view, null, null);
        }
        return opened(w, userId, view, stack.getFirst().id(), stack.getLast().id());
    }

    /** A new version of a modal, kept where it is: {@code views.update} or {@code response_action: update}. */
    OpenedView update(OpenedView was, JsonObject view) {
        Workspace w = s.workspaceOf(was.teamId());
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
        s.views.put(updated);
        s.screens.modal(updated);
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
        String hash = s.clock.instant().getEpochSecond() + "." + s.hex(4);
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
        v.addProperty("app_id", s.appId);
        v.addProperty("app_installed_team_id", w.teamId);
        v.addProperty("bot_id", w.botId);
        return new OpenedView(
                id,
                w.teamId,
                userId,
                emptyToNull(OpenedView.string(v, "callback_id")),
                emptyToNull(OpenedView.string(v, "private_metadata")),
                emptyToNull(OpenedView.string(v, "external_id")),
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

    // ---- files

    private Answer getUploadUrl(Workspace w, Map<String, String> args) {
        String filename = args.get("filename");
        String length = args.get("length");
        if (isBlank(filename) || isBlank(length)) {
            return Answer.invalid("[ERROR] missing required field: " + (isBlank(filename) ? "filename" : "length"));
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Answer.invalid("[ERROR] length must be an integer");
        }
        String fileId = String.format("F%010d", s.nextNumber());
        String secret = s.hex(12);
        s.files.pending(new Files.Pending(fileId, w.teamId, w.botUserId, filename, bytes, secret));
        JsonObject body = Http.ok();
        body.addProperty("upload_url", s.baseUrl() + "/upload/v1/" + secret);
        body.addProperty("file_id", fileId);
        return Answer.ok(body);
    }

    private Answer completeUpload(Workspace w, Map<String, String> args) {
        JsonArray files;
        try {
            files = JsonParser.parseString(args.getOrDefault("files", "")).getAsJsonArray();
        } catch (RuntimeException e) {
            return Answer.invalid("[ERROR] files must be a JSON array of {id, title} [json-pointer:/files]");
        }
        if (files.isEmpty()) {
            return Answer.invalid("[ERROR] files must not be empty [json-pointer:/files]");
        }
        List<String> channels = new ArrayList<>();
        String channelList = args.get("channels");
        String channelId = args.get("channel_id");
        if (!isBlank(channelList)) {
            for (String c : channelList.split(",")) {
                channels.add(c.trim());
            }
        } else if (!isBlank(channelId)) {
            channels.add(channelId.trim());
        }
        for (String c : channels) {
            if (!w.userByDm.containsKey(c) && !(c.startsWith("C") || c.startsWith("G"))) {
                return Answer.error("channel_not_found");
            }
        }
        List<Files.Pending> pending = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (JsonElement f : files) {
            JsonObject detail = f.getAsJsonObject();
            Optional<Files.Pending> p = s.files.pendingById(OpenedView.string(detail, "id"));
            if (p.isEmpty() || !p.get().teamId.equals(w.teamId) || p.get().bytes == null) {
                return Answer.error("file_not_found");
            }
            pending.add(p.get());
            titles.add(OpenedView.string(detail, "title"));
        }
        String comment = args.get("initial_comment");
        JsonArray answered = new JsonArray();
        for (int i = 0; i < pending.size(); i++) {
            Files.Pending p = pending.get(i);
            String title = titles.get(i) == null ? p.filename : titles.get(i);
            UploadedFile file = held(p.fileId, w.teamId, p.userId, p.filename, title, p.bytes, channels, comment);
            s.files.complete(p, file);
            for (String c : channels) {
                String viewer = w.userByDm.get(c);
                if (viewer != null) {
                    s.screens.add(
                            w.teamId,
                            viewer,
                            Seen.Kind.FILE,
                            file.id(),
                            c,
                            p.userId,
                            title,
                            null,
                            "files.completeUploadExternal");
                }
            }
            answered.add(fileJson(file, w, s.clock.instant()));
        }
        JsonObject body = Http.ok();
        body.add("files", answered);
        return Answer.ok(body);
    }

    UploadedFile held(
            String id,
            String teamId,
            String userId,
            String name,
            String title,
            byte[] bytes,
            List<String> channels,
            String comment) {
        String url = s.baseUrl() + "/files-pri/" + teamId + "-" + id + "/"
                + Http.encode(name).replace("+", "%20");
        return new UploadedFile(id, teamId, userId, name, title, Files.typeOf(name)[0], bytes, channels, comment, url);
    }

    /** A file object as Slack's file methods and {@code file_input} values carry it. */
    static JsonObject fileJson(UploadedFile f, Workspace w, Instant now) {
        String[] type = Files.typeOf(f.name());
        JsonObject o = new JsonObject();
        o.addProperty("id", f.id());
        o.addProperty("created", now.getEpochSecond());
        o.addProperty("timestamp", now.getEpochSecond());
        o.addProperty("name", f.name());
        o.addProperty("title", f.title());
        o.addProperty("mimetype", type[0]);
        o.addProperty("filetype", type[1]);
        o.addProperty("pretty_type", type[1].toUpperCase(Locale.ROOT));
        o.addProperty("user", f.userId());
        o.addProperty("user_team", f.teamId());
        o.addProperty("editable", false);
        o.addProperty("size", f.bytes().length);
        o.addProperty("mode", "hosted");
        o.addProperty("is_external", false);
        o.addProperty("external_type", "");
        o.addProperty("is_public", false);
        o.addProperty("public_url_shared", false);
        o.addProperty("display_as_bot", false);
        o.addProperty("username", "");
        o.addProperty("url_private", f.urlPrivate());
        o.addProperty("url_private_download", f.urlPrivate().replaceFirst("/([^/]*)$", "/download/$1"));
        o.addProperty("permalink", "https://" + w.domain + ".slack.local/files/" + f.userId() + "/" + f.id());
        o.addProperty("permalink_public", "https://slack-files.local/" + f.teamId() + "-" + f.id());
        o.addProperty("file_access", "visible");
        JsonArray ims = new JsonArray();
        JsonArray channels = new JsonArray();
        for (String c : f.channels()) {
            (c.startsWith("D") ? ims : channels).add(c);
        }
        o.add("channels", channels);
        o.add("groups", new JsonArray());
        o.add("ims", ims);
        o.addProperty("comments_count", 0);
        return o;
    }

    /** {@code POST <upload_url>}: the bytes of a pending upload, raw or as a multipart form. */
    void upload(HttpExchange exchange) throws IOException {
        if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            Http.text(exchange, 405, "method not allowed");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String secret = path.substring(path.lastIndexOf('/') + 1);
        Optional<Files.Pending> pending = s.files.pendingBySecret(secret);
        byte[] body = Http.body(exchange);
        if (pending.isEmpty()) {
            Http.text(exchange, 404, "upload URL not found");
            return;
        }
        byte[] bytes = Http.uploadedBytes(exchange.getRequestHeaders().getFirst("Content-Type"), body);
        pending.get().bytes = bytes;
        Http.text(exchange, 200, "OK - " + bytes.length);
    }

    /** {@code GET url_private}: the file's bytes, for a bearer token of its workspace. */
    void download(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath(); // /files-pri/T…-F…/[download/]name
        String[] parts = path.substring("/files-pri/".length()).split("/");
        String teamAndId = parts[0];
        int dash = teamAndId.lastIndexOf('-');
        String fileId = dash < 0 ? "" : teamAndId.substring(dash + 1);
        Optional<UploadedFile> file = s.files.get(fileId);
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : null;
        LocalSlack.Token t = token == null ? null : s.tokens.get(token);
        if (file.isEmpty()) {
            Http.text(exchange, 404, "file not found");
            return;
        }
        if (t == null
                || t.workspace() == null
                || !t.workspace().teamId.equals(file.get().teamId())) {
            // Slack answers an unauthenticated download with its sign-in page, never the bytes.
            Http.text(exchange, 403, "sign in to download this file");
            return;
        }
        byte[] bytes = file.get().bytes();
        exchange.getResponseHeaders()
                .set(
                        "Content-Disposition",
                        "attachment; filename=\"" + URLDecoder.decode(parts[parts.length - 1], StandardCharsets.UTF_8)
                                + "\"");
        exchange.getResponseHeaders().set("Content-Type", file.get().mimetype());
        exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    // ---- OAuth

    private Answer oauthV2Access(HttpExchange exchange, Map<String, String> args) {
        String id = args.get("client_id");
        String secret = args.get("client_secret");
        String[] basic = Http.basic(exchange);
        if (basic != null) {
            id = basic[0];
            secret = basic[1];
        }
        if (isBlank(id) || !id.equals(s.clientId)) {
            return Answer.error("invalid_client_id");
        }
        if (!s.clientSecret.equals(secret)) {
            return Answer.error("bad_client_secret");
        }
        if (args.containsKey("grant_type") && !"authorization_code".equals(args.get("grant_type"))) {
            return Answer.error("invalid_grant_type"); // token rotation is not modelled
        }
        String code = args.get("code");
        LocalSlack.OAuthCode grant = code == null ? null : s.codes.get(code);
        if (grant == null
                || Duration.between(grant.issued(), s.clock.instant()).compareTo(LocalSlack.OAUTH_CODE_LIFETIME) > 0) {
            return Answer.error("invalid_code");
        }
        if (grant.redirectUri() != null && !grant.redirectUri().equals(args.get("redirect_uri"))) {
            return Answer.error("bad_redirect_uri");
        }
        if (s.codes.remove(code) == null) {
            return Answer.error("invalid_code"); // exchanged by a concurrent call
        }
        Workspace w = s.workspace(grant.teamId(), null);
        String scope = isBlank(grant.scope()) ? LocalSlack.Builder.DEFAULT_SCOPE : grant.scope();
        String botToken = "local-oauth-bot-token-" + w.teamId + "-" + s.hex(8);
        s.tokens.put(botToken, new LocalSlack.Token(LocalSlack.Token.Kind.BOT, w, w.botUserId, scope));
        w.installedToken = botToken;
        JsonObject body = Http.ok();
        body.addProperty("app_id", s.appId);
        JsonObject authed = new JsonObject();
        authed.addProperty("id", grant.installer());
        if (!isBlank(grant.userScope())) {
            String userToken = "local-oauth-user-token-" + w.teamId + "-" + s.hex(8);
            s.tokens.put(
                    userToken,
                    new LocalSlack.Token(LocalSlack.Token.Kind.USER, w, grant.installer(), grant.userScope()));
            authed.addProperty("scope", grant.userScope());
            authed.addProperty("access_token", userToken);
            authed.addProperty("token_type", "user");
        }
        body.add("authed_user", authed);
        body.addProperty("scope", scope);
        body.addProperty("token_type", "bot");
        body.addProperty("access_token", botToken);
        body.addProperty("bot_user_id", w.botUserId);
        JsonObject team = new JsonObject();
        team.addProperty("id", w.teamId);
        team.addProperty("name", w.name);
        body.add("team", team);
        body.add("enterprise", JsonNull.INSTANCE);
        body.addProperty("is_enterprise_install", false);
        return Answer.ok(body);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
