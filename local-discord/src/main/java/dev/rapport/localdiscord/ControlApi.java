package dev.rapport.localdiscord;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rapport.localkit.Http;
import dev.rapport.localkit.Outage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The standalone server's control API, plain JSON over HTTP on a loopback port of its own, so it answers while the
 * local Discord's REST port refuses connections. Snowflakes are strings, as in Discord's own JSON.
 *
 * <p>The routes are shaped like the local Slack's control API's where they do the same, so one crash test drives both.
 *
 * <ul>
 *   <li>{@code GET /}: the line printed at start. {@code GET /health}: {@code {"ok":true}}.
 *   <li>{@code GET /outage}: {@code {"outage":null}}, or {@code "UNAVAILABLE"} / {@code "REFUSED"}.
 *   <li>{@code POST /outage/start?kind=REFUSED} (or {@code UNAVAILABLE}, the default; or {@code POST /outage} with
 *       {@code {"kind":"refused"}}): begins one ({@link Outage}); answers as {@code GET /outage}.
 *   <li>{@code POST /outage/end} (or {@code DELETE /outage}): ends it; both ports listen again where they did.
 *   <li>{@code GET /dms?offset=0&limit=1000}: the bot's DMs in creation order, {@code {"total":n,"offset":0,
 *       "next_offset":1000 or null,"dms":[{"recipient_id","channel_id","message_id","nonce","content","timestamp",
 *       "deleted"}]}}; {@code limit} is at most 10,000.
 *   <li>{@code GET /users?offset=0&limit=1000}: the users other than the bot, the same way, each {@code {"id",
 *       "username","global_name"}}.
 *   <li>{@code POST /users} with {@code {"count":n}} (generated) or {@code {"users":[{"id","username","global_name"}]}}:
 *       they join the guild; answers {@code {"users":[…]}} with those added.
 *   <li>{@code GET /counters}: {@code {"requests":n,"per_route":{"POST channels/{channel.id}/messages":n,…},
 *       "per_status":{"200":n,…},"rate_limited":n,"invalid_requests":n,"invalid_requests_last_10_minutes":n,
 *       "deduplicated_messages":n,"direct_messages":n}}.
 *   <li>{@code POST /shutdown}: answers, then stops the server (and its process).
 * </ul>
 *
 * <p>Errors answer 400, 404 or 405 with {@code {"error":"…"}}.
 */
final class ControlApi {

    static final int MAX_PAGE = 10_000;
    static final int DEFAULT_PAGE = 1_000;

    private final LocalDiscordServer server;
    private final HttpServer http;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    ControlApi(LocalDiscordServer server, int port) throws IOException {
        this.server = server;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    void stop() {
        http.stop(0);
        executor.shutdownNow();
    }

    /** An answer, and what to do once it has gone out. */
    private record Reply(int status, JsonElement body, Runnable then) {
        Reply(int status, JsonElement body) {
            this(status, body, () -> {});
        }
    }

    private static final class BadRequest extends RuntimeException {
        final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try (exchange) {
            byte[] body = Http.body(exchange);
            try {
                reply = route(
                        exchange.getRequestMethod(), exchange.getRequestURI().getPath(), Http.query(exchange), body);
            } catch (BadRequest e) {
                reply = new Reply(e.status, Json.obj("error", e.getMessage()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                reply = new Reply(400, Json.obj("error", String.valueOf(e.getMessage())));
            }
            Http.json(exchange, reply.status(), Http.JSON, reply.body());
        }
        reply.then().run();
    }

    private Reply route(String method, String path, Map<String, String> query, byte[] body) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return switch (p) {
            case "/" -> {
                only(method, "GET");
                yield ok(server.info());
            }
            case "/health" -> {
                only(method, "GET");
                yield ok(Json.obj("ok", true));
            }
            case "/shutdown" -> {
                only(method, "POST");
                // Once the answer has gone, on a thread of its own: stopping waits for the handlers to finish.
                yield new Reply(
                        200, Json.obj("ok", true), () -> Thread.ofVirtual().start(server::close));
            }
            case "/outage/start" -> {
                only(method, "POST");
                String kind = query.get("kind");
                server.discord().startOutage(kind(kind != null ? kind : Json.string(object(body), "kind")));
                yield ok(outage());
            }
            case "/outage/end" -> {
                only(method, "POST");
                server.discord().endOutage();
                yield ok(outage());
            }
            case "/outage" ->
                switch (method) {
                    case "GET" -> ok(outage());
                    case "POST" -> {
                        server.discord().startOutage(kind(Json.string(object(body), "kind")));
                        yield ok(outage());
                    }
                    case "DELETE" -> {
                        server.discord().endOutage();
                        yield ok(outage());
                    }
                    default -> throw new BadRequest(405, method + " /outage: use GET, POST or DELETE");
                };
            case "/dms" -> {
                only(method, "GET");
                yield ok(dms(query));
            }
            case "/users" ->
                switch (method) {
                    case "GET" -> ok(users(query));
                    case "POST" -> ok(addUsers(object(body)));
                    default -> throw new BadRequest(405, method + " /users: use GET or POST");
                };
            case "/counters" -> {
                only(method, "GET");
                yield ok(counters());
            }
            default ->
                throw new BadRequest(404, "no " + path + " here: see GET /, /health, /outage, /dms, /users, /counters");
        };
    }

    private static Reply ok(JsonElement body) {
        return new Reply(200, body);
    }

    private static void only(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new BadRequest(405, "only " + allowed + " here");
        }
    }

    private JsonObject outage() {
        return Json.obj("outage", server.discord().outage().map(Enum::name).orElse(null));
    }

    private static Outage kind(String kind) {
        if (kind == null) {
            return Outage.UNAVAILABLE;
        }
        try {
            return Outage.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "kind is \"unavailable\" or \"refused\", not \"" + kind + "\"");
        }
    }

    private JsonObject dms(Map<String, String> query) {
        LocalDiscord d = server.discord();
        int offset = intParam(query, "offset", 0, Integer.MAX_VALUE, 0);
        int limit = intParam(query, "limit", 1, MAX_PAGE, DEFAULT_PAGE);
        int total = d.directMessageCount();
        List<SentDirectMessage> page = d.directMessages(offset, limit);
        JsonArray out = new JsonArray();
        for (SentDirectMessage m : page) {
            out.add(Json.obj(
                    "recipient_id",
                    Json.id(m.recipientId()),
                    "channel_id",
                    Json.id(m.channelId()),
                    "message_id",
                    Json.id(m.messageId()),
                    "nonce",
                    m.nonce(),
                    "content",
                    m.content(),
                    "timestamp",
                    World.iso(m.timestamp()),
                    "deleted",
                    m.deleted()));
        }
        return page(total, offset, page.size(), "dms", out);
    }

    private JsonObject users(Map<String, String> query) {
        int offset = intParam(query, "offset", 0, Integer.MAX_VALUE, 0);
        int limit = intParam(query, "limit", 1, MAX_PAGE, DEFAULT_PAGE);
        List<DiscordUser> all =
                server.discord().users().stream().filter(u -> !u.bot()).toList();
        int from = Math.min(offset, all.size());
        int to = (int) Math.min(all.size(), (long) from + limit);
        JsonArray out = new JsonArray();
        all.subList(from, to).forEach(u -> out.add(user(u)));
        return page(all.size(), offset, to - from, "users", out);
    }

    private static JsonObject page(int total, int offset, int size, String key, JsonArray items) {
        long next = (long) offset + size;
        JsonObject o = Json.obj("total", total, "offset", offset, "next_offset", next < total ? next : null);
        o.add(key, items);
        return o;
    }

    private JsonObject addUsers(JsonObject body) {
        List<DiscordUser> added;
        if (Json.has(body, "count")) {
            int count = body.get("count").getAsInt();
            if (count < 1 || count > 100_000) {
                throw new BadRequest(400, "count is between 1 and 100000");
            }
            added = server.generateMembers(count);
        } else if (Json.has(body, "users")) {
            added = new ArrayList<>();
            for (JsonElement e : Json.array(body, "users")) {
                JsonObject u = e.getAsJsonObject();
                long id = Json.snowflake(u, "id");
                String username = Json.string(u, "username");
                if (id == 0 || username == null || username.isBlank()) {
                    throw new BadRequest(400, "each user needs an \"id\" and a \"username\"");
                }
                added.add(new DiscordUser(id, username, Json.string(u, "global_name"), false));
            }
            server.discord().addMembers(server.guildId(), added);
        } else {
            throw new BadRequest(400, "send {\"count\":n} or {\"users\":[{\"id\",\"username\",\"global_name\"}]}");
        }
        JsonArray out = new JsonArray();
        added.forEach(u -> out.add(user(u)));
        return Json.obj("users", out);
    }

    private static JsonObject user(DiscordUser u) {
        return Json.obj("id", Json.id(u.id()), "username", u.username(), "global_name", u.globalName());
    }

    private JsonObject counters() {
        LocalDiscord d = server.discord();
        RequestCounters c = d.counters();
        JsonObject routes = new JsonObject();
        c.perRoute().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> routes.addProperty(e.getKey(), e.getValue()));
        JsonObject statuses = new JsonObject();
        c.perStatus().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> statuses.addProperty(Integer.toString(e.getKey()), e.getValue()));
        return Json.obj(
                "requests",
                c.requests(),
                "per_route",
                routes,
                "per_status",
                statuses,
                "rate_limited",
                c.rateLimited(),
                "invalid_requests",
                c.invalid(),
                "invalid_requests_last_10_minutes",
                c.invalidLastTenMinutes(),
                "deduplicated_messages",
                c.deduplicatedMessages(),
                "direct_messages",
                d.directMessageCount());
    }

    private static JsonObject object(byte[] body) {
        if (body.length == 0) {
            return new JsonObject();
        }
        try {
            JsonElement e = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (e.isJsonNull()) {
                return new JsonObject();
            }
            return e.getAsJsonObject();
        } catch (RuntimeException e) {
            throw new BadRequest(400, "the body is not a JSON object");
        }
    }

    private static int intParam(Map<String, String> query, String name, int min, int max, int otherwise) {
        String v = query.get(name);
        if (v == null || v.isEmpty()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new BadRequest(400, name + " is between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(400, name + " is not a number: " + v);
        }
    }
}
