package dev.rapport.localslack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local Slack Web API on {@code http://127.0.0.1:<free port>/api/}, for the real Slack SDK client to talk to.
 *
 * <p>Methods: {@code auth.test}, {@code conversations.open} (one {@code D…} channel per user, the same one every
 * time), {@code chat.postMessage} (to a DM channel it opened, or to a user id as Slack allows) and
 * {@code chat.update}. Arguments are read from form bodies, JSON bodies and the query string, as the SDK sends
 * them. Every method checks the bot token ({@code Authorization: Bearer …}, or a {@code token} argument) and
 * answers {@code {"ok":false,"error":"invalid_auth"}} to an unknown one, {@code not_authed} to none.
 *
 * <p>Rate limits, from Slack's rate-limit documentation: {@code chat.postMessage} allows about one message per
 * second per channel with short bursts, and "several hundred per minute" per workspace. Both are token buckets
 * here ({@link Builder#perChannel}, {@link Builder#perWorkspace}), and {@code conversations.open} (Tier 3, "50+ per
 * minute" per workspace) is a third ({@link Builder#conversationsOpenPerWorkspace}); over any, the answer is HTTP 429 with
 * {@code Retry-After} in whole seconds and {@code {"ok":false,"error":"ratelimited"}}, and nothing is recorded.
 * The buckets run on the builder's {@link Clock}, so a test with a fixed clock gets a deterministic 429.
 *
 * <p>Faults a test can inject: {@link #failNextCalls} (HTTP 5xx for the next calls, any method),
 * {@link #failDirectMessagesTo} (a user whose DMs fail with a Slack error such as {@code cannot_dm_user}), and
 * {@link #delayResponses} (a slow Slack).
 *
 * <p>Thread-safe. Listens on the loopback interface only. {@link #close()} stops it.
 */
public final class LocalSlack implements AutoCloseable {

    /** Slack's documented steady rate for {@code chat.postMessage} to one channel. */
    public static final double CHANNEL_PER_SECOND = 1;

    private static final Gson GSON = new Gson();
    private static final Set<String> METHODS =
            Set.of("auth.test", "conversations.open", "chat.postMessage", "chat.update");

    private final Clock clock;
    private final Map<String, Workspace> workspacesByToken;
    private final double channelBurst;
    private final double workspaceBurst;
    private final double workspacePerMinute;
    private final double openBurst;
    private final double openPerMinute;
    private final HttpServer server;
    private final ExecutorService executor;

    private final List<PostedMessage> messages = new CopyOnWriteArrayList<>();
    private final List<PostedMessage> updates = new CopyOnWriteArrayList<>();
    private final List<ApiCall> calls = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger failureStatus = new AtomicInteger(503);
    private final Map<String, String> dmErrors = new ConcurrentHashMap<>();
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);

    private LocalSlack(Builder b) throws IOException {
        this.clock = b.clock;
        this.channelBurst = b.channelBurst;
        this.workspaceBurst = b.workspaceBurst;
        this.workspacePerMinute = b.workspacePerMinute;
        this.openBurst = b.openBurst;
        this.openPerMinute = b.openPerMinute;
        Map<String, Workspace> byToken = new HashMap<>();
        for (Map.Entry<String, String> e : b.tokensByTeam.entrySet()) {
            byToken.put(e.getValue(), new Workspace(e.getKey()));
        }
        this.workspacesByToken = Map.copyOf(byToken);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/api/", this::handle);
        server.start();
    }

    /** A local Slack with one workspace, {@link Builder#DEFAULT_TEAM}, reachable with {@link Builder#DEFAULT_TOKEN}. */
    public static LocalSlack start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The Web API's base URL, for {@code SlackConfig#setMethodsEndpointUrlPrefix}: ends with {@code /api/}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** Every message accepted by {@code chat.postMessage}, in the order accepted. */
    public List<PostedMessage> messages() {
        return List.copyOf(messages);
    }

    /** Every new version accepted by {@code chat.update}, in the order accepted. */
    public List<PostedMessage> updates() {
        return List.copyOf(updates);
    }

    /** Every call received, with the HTTP status and Slack error it was answered with. */
    public List<ApiCall> calls() {
        return List.copyOf(calls);
    }

    /** How many calls of one method were received. */
    public long callsTo(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).count();
    }

    /** The next {@code count} calls, whatever the method, answer HTTP {@code status} (a 5xx) before anything else. */
    public void failNextCalls(int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("an outage answers 5xx, not " + status);
        }
        failureStatus.set(status);
        failuresLeft.set(count);
    }

    /**
     * DMs to {@code userId} fail with Slack's {@code error} ({@code cannot_dm_user}, {@code user_not_found},
     * {@code user_disabled} …): {@code conversations.open} for the user and {@code chat.postMessage} to the user's
     * DM channel both answer {@code {"ok":false,"error":error}}.
     */
    public void failDirectMessagesTo(String userId, String error) {
        dmErrors.put(userId, error);
    }

    /** Every answer waits this long before it is sent (a slow Slack); {@link Duration#ZERO} to stop. */
    public void delayResponses(Duration wait) {
        delay.set(Objects.requireNonNull(wait));
    }

    /** The DM channel of a user in a workspace, if {@code conversations.open} has opened one. */
    public String dmChannelOf(String teamId, String userId) {
        return workspacesByToken.values().stream()
                .filter(w -> w.teamId.equals(teamId))
                .findFirst()
                .map(w -> w.dmByUser.get(userId))
                .orElse(null);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the server

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            Duration wait = delay.get();
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
            calls.add(new ApiCall(method, answer.status, answer.error()));
            byte[] body = GSON.toJson(answer.body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            if (answer.retryAfterSeconds > 0) {
                exchange.getResponseHeaders().set("Retry-After", Long.toString(answer.retryAfterSeconds));
            }
            exchange.sendResponseHeaders(answer.status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Answer answer(String method, HttpExchange exchange) throws IOException {
        Map<String, String> args = arguments(exchange);
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Answer.status(failureStatus.get(), "service_unavailable");
        }
        if (!METHODS.contains(method)) {
            return Answer.status(404, "unknown_method");
        }
        String token = bearer(exchange, args);
        if (token == null) {
            return Answer.error("not_authed");
        }
        Workspace workspace = workspacesByToken.get(token);
        if (workspace == null) {
            return Answer.error("invalid_auth");
        }
        return switch (method) {
            case "auth.test" -> authTest(workspace);
            case "conversations.open" -> conversationsOpen(workspace, args);
            case "chat.postMessage" -> postMessage(workspace, args);
            case "chat.update" -> update(workspace, args);
            default -> Answer.status(404, "unknown_method");
        };
    }

    private Answer authTest(Workspace w) {
        JsonObject body = ok();
        body.addProperty("url", "https://" + w.teamId.toLowerCase() + ".slack.local/");
        body.addProperty("team", "Local " + w.teamId);
        body.addProperty("user", "rapport");
        body.addProperty("team_id", w.teamId);
        body.addProperty("user_id", w.botUserId);
        body.addProperty("bot_id", w.botId);
        body.addProperty("is_enterprise_install", false);
        return new Answer(200, body, 0);
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
        String dmError = dmErrors.get(user);
        if (dmError != null) {
            return Answer.error(dmError);
        }
        long retryAfter = w.chargeOpen();
        if (retryAfter > 0) {
            return new Answer(429, errorBody("ratelimited"), retryAfter);
        }
        boolean[] opened = {false};
        String channel = w.dmByUser.computeIfAbsent(user, u -> {
            opened[0] = true;
            String id = String.format("D%08d", sequence.incrementAndGet());
            w.userByDm.put(id, u);
            return id;
        });
        JsonObject body = ok();
        if (!opened[0]) {
            body.addProperty("no_op", true);
            body.addProperty("already_open", true);
        }
        JsonObject c = new JsonObject();
        c.addProperty("id", channel);
        body.add("channel", c);
        return new Answer(200, body, 0);
    }

    private Answer postMessage(Workspace w, Map<String, String> args) {
        String channel = args.get("channel");
        if (channel == null || channel.isBlank()) {
            return Answer.error("channel_not_found");
        }
        if (channel.startsWith("U") || channel.startsWith("W")) {
            // Slack accepts a user id as the channel of a DM.
            String dmError = dmErrors.get(channel);
            if (dmError != null) {
                return Answer.error(dmError);
            }
            String user = channel;
            channel = w.dmByUser.computeIfAbsent(user, u -> {
                String id = String.format("D%08d", sequence.incrementAndGet());
                w.userByDm.put(id, u);
                return id;
            });
        }
        String user = w.userByDm.get(channel);
        if (user == null) {
            return Answer.error("channel_not_found");
        }
        String dmError = dmErrors.get(user);
        if (dmError != null) {
            return Answer.error(dmError);
        }
        String text = args.get("text");
        String blocks = args.get("blocks");
        if ((text == null || text.isBlank()) && (blocks == null || blocks.isBlank())) {
            return Answer.error("no_text");
        }
        JsonElement parsedBlocks = null;
        if (blocks != null && !blocks.isBlank()) {
            try {
                parsedBlocks = JsonParser.parseString(blocks);
            } catch (RuntimeException e) {
                return Answer.error("invalid_blocks_format");
            }
            if (!parsedBlocks.isJsonArray() || parsedBlocks.getAsJsonArray().size() > 50) {
                return Answer.error("invalid_blocks");
            }
        }
        long retryAfter = w.charge(channel);
        if (retryAfter > 0) {
            return new Answer(429, errorBody("ratelimited"), retryAfter);
        }
        String ts = nextTs();
        messages.add(new PostedMessage(w.teamId, channel, user, text, blocks, ts));
        JsonObject body = ok();
        body.addProperty("channel", channel);
        body.addProperty("ts", ts);
        body.add("message", message(w, text, parsedBlocks, ts));
        return new Answer(200, body, 0);
    }

    private Answer update(Workspace w, Map<String, String> args) {
        String channel = args.get("channel");
        String ts = args.get("ts");
        if (channel == null || !w.userByDm.containsKey(channel)) {
            return Answer.error("channel_not_found");
        }
        boolean exists = messages.stream().anyMatch(m -> m.channel().equals(channel) && m.ts().equals(ts));
        if (!exists) {
            return Answer.error("message_not_found");
        }
        String text = args.get("text");
        String blocks = args.get("blocks");
        JsonElement parsedBlocks = null;
        if (blocks != null && !blocks.isBlank()) {
            try {
                parsedBlocks = JsonParser.parseString(blocks);
            } catch (RuntimeException e) {
                return Answer.error("invalid_blocks_format");
            }
        }
        updates.add(new PostedMessage(w.teamId, channel, w.userByDm.get(channel), text, blocks, ts));
        JsonObject body = ok();
        body.addProperty("channel", channel);
        body.addProperty("ts", ts);
        body.addProperty("text", text);
        body.add("message", message(w, text, parsedBlocks, ts));
        return new Answer(200, body, 0);
    }

    private static JsonObject message(Workspace w, String text, JsonElement blocks, String ts) {
        JsonObject m = new JsonObject();
        m.addProperty("type", "message");
        m.addProperty("user", w.botUserId);
        m.addProperty("bot_id", w.botId);
        m.addProperty("team", w.teamId);
        m.addProperty("text", text == null ? "" : text);
        m.addProperty("ts", ts);
        if (blocks != null) {
            m.add("blocks", blocks);
        }
        return m;
    }

    private String nextTs() {
        return clock.instant().getEpochSecond() + "." + String.format("%06d", sequence.incrementAndGet() % 1_000_000);
    }

    private static String bearer(HttpExchange exchange, Map<String, String> args) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return args.get("token");
    }

    /** The call's arguments: query string, then the body (form-encoded or a JSON object). */
    private static Map<String, String> arguments(HttpExchange exchange) throws IOException {
        Map<String, String> args = new LinkedHashMap<>();
        URI uri = exchange.getRequestURI();
        parseForm(uri.getRawQuery(), args);
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (body.isBlank()) {
            return args;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.toLowerCase().startsWith("application/json")) {
            JsonObject json = JsonParser.parseString(body).getAsJsonObject();
            for (Map.Entry<String, JsonElement> e : json.entrySet()) {
                JsonElement v = e.getValue();
                args.put(e.getKey(), v.isJsonPrimitive() ? v.getAsString() : v.toString());
            }
        } else {
            parseForm(body, args);
        }
        return args;
    }

    private static void parseForm(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            into.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }

    private static JsonObject ok() {
        JsonObject body = new JsonObject();
        body.addProperty("ok", true);
        return body;
    }

    private static JsonObject errorBody(String error) {
        JsonObject body = new JsonObject();
        body.addProperty("ok", false);
        body.addProperty("error", error);
        return body;
    }

    /** One call as the local Slack answered it. {@code error} is Slack's error code, or {@code null} if ok. */
    public record ApiCall(String method, int status, String error) {}

    private record Answer(int status, JsonObject body, long retryAfterSeconds) {

        static Answer error(String error) {
            return new Answer(200, errorBody(error), 0);
        }

        static Answer status(int status, String error) {
            return new Answer(status, errorBody(error), 0);
        }

        String error() {
            return body.has("error") ? body.get("error").getAsString() : null;
        }
    }

    /** One workspace: its DM channels and its rate-limit buckets. */
    private final class Workspace {
        final String teamId;
        final String botUserId;
        final String botId;
        final Map<String, String> dmByUser = new ConcurrentHashMap<>();
        final Map<String, String> userByDm = new ConcurrentHashMap<>();
        private final TokenBucket workspaceBucket;
        private final TokenBucket openBucket;
        private final Map<String, TokenBucket> channelBuckets = new HashMap<>();

        Workspace(String teamId) {
            this.teamId = teamId;
            this.botUserId = "U" + teamId.substring(1) + "BOT";
            this.botId = "B" + teamId.substring(1);
            this.workspaceBucket = new TokenBucket(clock, workspaceBurst, workspacePerMinute / 60d);
            this.openBucket = new TokenBucket(clock, openBurst, openPerMinute / 60d);
        }

        /** Charges one message to the channel's and the workspace's bucket: 0, or the seconds to wait (at least 1). */
        synchronized long charge(String channel) {
            TokenBucket channelBucket = channelBuckets.computeIfAbsent(
                    channel, c -> new TokenBucket(clock, channelBurst, CHANNEL_PER_SECOND));
            Duration wait = max(channelBucket.waitForOne(), workspaceBucket.waitForOne());
            if (!wait.isZero()) {
                // Slack's Retry-After is whole seconds; round up so a client that honours it is not refused again.
                return Math.max(1, (wait.toMillis() + 999) / 1000);
            }
            channelBucket.take();
            workspaceBucket.take();
            return 0;
        }

        /** Charges one {@code conversations.open}: 0, or the seconds to wait (at least 1). */
        synchronized long chargeOpen() {
            Duration wait = openBucket.waitForOne();
            if (!wait.isZero()) {
                return Math.max(1, (wait.toMillis() + 999) / 1000);
            }
            openBucket.take();
            return 0;
        }

        private static Duration max(Duration a, Duration b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }

    /** Configures a {@link LocalSlack}. */
    public static final class Builder {

        public static final String DEFAULT_TEAM = "T0LOCAL";
        public static final String DEFAULT_TOKEN = "local-slack-test-bot-token";

        private final Map<String, String> tokensByTeam = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private double channelBurst = 3;
        private double workspaceBurst = 50;
        private double workspacePerMinute = 300;
        private double openBurst = 50;
        private double openPerMinute = 50;

        private Builder() {}

        /** Adds a workspace reachable with a bot token; without any, {@link #DEFAULT_TEAM} with {@link #DEFAULT_TOKEN}. */
        public Builder workspace(String teamId, String botToken) {
            if (!teamId.startsWith("T") || teamId.length() < 2) {
                throw new IllegalArgumentException("a Slack team id starts with T");
            }
            tokensByTeam.put(teamId, Objects.requireNonNull(botToken));
            return this;
        }

        /** The clock the rate limits and message timestamps run on. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** How many messages one channel may take at once before the 1-per-second pace applies (default 3). */
        public Builder perChannel(int burst) {
            this.channelBurst = burst;
            return this;
        }

        /** The workspace-wide {@code chat.postMessage} limit: a burst, then a steady rate (default 50, 300/min). */
        public Builder perWorkspace(int burst, int perMinute) {
            this.workspaceBurst = burst;
            this.workspacePerMinute = perMinute;
            return this;
        }

        /** The workspace-wide {@code conversations.open} limit: a burst, then a steady rate (default 50, 50/min). */
        public Builder conversationsOpenPerWorkspace(int burst, int perMinute) {
            this.openBurst = burst;
            this.openPerMinute = perMinute;
            return this;
        }

        public LocalSlack start() {
            if (tokensByTeam.isEmpty()) {
                tokensByTeam.put(DEFAULT_TEAM, DEFAULT_TOKEN);
            }
            try {
                return new LocalSlack(this);
            } catch (IOException e) {
                throw new IllegalStateException("the local Slack could not listen on the loopback interface", e);
            }
        }
    }
}
