package dev.rapport.localslack;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
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
 * The control API of a {@link LocalSlackServer}: what a test in another process does to the local Slack and reads
 * from it. It listens on a loopback port of its own, so it answers while the Web API is down. Every answer is JSON
 * with {@code ok}; a refusal is {@code {"ok":false,"error":"…"}} with HTTP 400, 404 or 405.
 *
 * <ul>
 *   <li>{@code GET /health}: {@code {"ok":true}}
 *   <li>{@code GET /outage}: {@code {"ok":true,"outage":null|"UNAVAILABLE"|"REFUSED"}}
 *   <li>{@code POST /outage/start?kind=UNAVAILABLE|REFUSED}: starts an outage ({@link Outage}); {@code POST
 *       /outage/end}: ends it, the Web API and Socket Mode listening again on the same ports
 *   <li>{@code GET /dms?offset=0&limit=1000}: the DMs {@code chat.postMessage} accepted, oldest first, as posted:
 *       {@code {"ok":true,"total":N,"offset":0,"next_offset":1000|null,"dms":[{"team","user","channel","ts","text",
 *       "metadata":{…}|null}]}}; {@code limit} at most 10000, {@code next_offset} {@code null} at the end
 *   <li>{@code GET /users}: the directory, {@code {"ok":true,"users":[{"team","id","name","real_name","tz"}]}}
 *   <li>{@code POST /users} with {@code {"count":N}} (more generated people) or {@code {"users":[{"id","name",
 *       "real_name","tz"}]}}: adds people without telling the app; answers the added ones as {@code GET /users} does
 *   <li>{@code GET /counters}: {@code {"ok":true,"calls":{"chat.postMessage":N,…},"rate_limited":{…}}}, calls per
 *       Web API method and those answered HTTP 429
 *   <li>{@code POST /shutdown}: answers, then stops the local Slack (and, started from the command line, its
 *       process)
 * </ul>
 */
final class ControlApi implements AutoCloseable {

    /** Unlike the Web API's answers, these say {@code null} out loud: {@code next_offset} and {@code outage}. */
    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    static final int DEFAULT_PAGE = 1000;
    static final int MAX_PAGE = 10_000;

    private final LocalSlackServer server;
    private final HttpServer http;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private ControlApi(LocalSlackServer server, int port) throws IOException {
        this.server = server;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        http.setExecutor(executor);
        http.createContext("/", this::route);
        http.start();
    }

    static ControlApi start(LocalSlackServer server, int port) throws IOException {
        return new ControlApi(server, port);
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = Http.query(exchange);
            byte[] body = Http.body(exchange);
            try {
                answer(exchange, method, path, query, body);
            } catch (IllegalArgumentException e) {
                json(exchange, 400, Slack.error(e.getMessage()));
            } catch (RuntimeException e) {
                json(exchange, 500, Slack.error("control_failed: " + e));
            }
        }
    }

    private void answer(HttpExchange exchange, String method, String path, Map<String, String> query, byte[] body)
            throws IOException {
        LocalSlack slack = server.slack();
        switch (path) {
            case "/health" -> {
                if (only(exchange, method, "GET")) {
                    json(exchange, 200, Slack.ok());
                }
            }
            case "/outage" -> {
                if (only(exchange, method, "GET")) {
                    json(exchange, 200, outage(slack));
                }
            }
            case "/outage/start" -> {
                if (only(exchange, method, "POST")) {
                    String kind = query.get("kind");
                    if (kind == null && body.length > 0) {
                        kind = string(json(body), "kind");
                    }
                    if (kind == null) {
                        throw new IllegalArgumentException("kind_required: UNAVAILABLE or REFUSED");
                    }
                    Outage outage;
                    try {
                        outage = Outage.valueOf(kind.trim().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("unknown_outage: " + kind);
                    }
                    slack.startOutage(outage);
                    json(exchange, 200, outage(slack));
                }
            }
            case "/outage/end" -> {
                if (only(exchange, method, "POST")) {
                    slack.endOutage();
                    json(exchange, 200, outage(slack));
                }
            }
            case "/dms" -> {
                if (only(exchange, method, "GET")) {
                    json(exchange, 200, dms(slack, query));
                }
            }
            case "/users" -> {
                if (method.equals("GET")) {
                    json(exchange, 200, users(slack.users(server.teamId())));
                } else if (only(exchange, method, "POST")) {
                    json(exchange, 200, users(addUsers(json(body))));
                }
            }
            case "/counters" -> {
                if (only(exchange, method, "GET")) {
                    JsonObject answer = Slack.ok();
                    answer.add("calls", counts(slack.callCounts()));
                    answer.add("rate_limited", counts(slack.rateLimitedCounts()));
                    json(exchange, 200, answer);
                }
            }
            case "/shutdown" -> {
                if (only(exchange, method, "POST")) {
                    json(exchange, 200, Slack.ok());
                    // After the answer has gone: stopping this server from inside its own handler would cut it off.
                    Thread.ofVirtual().start(server::close);
                }
            }
            default -> json(exchange, 404, Slack.error("unknown_path"));
        }
    }

    private static void json(HttpExchange exchange, int status, JsonObject body) throws IOException {
        Http.send(exchange, status, Http.JSON_UTF8, GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean only(HttpExchange exchange, String method, String allowed) throws IOException {
        if (method.equals(allowed)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", allowed);
        json(exchange, 405, Slack.error("method_not_allowed"));
        return false;
    }

    private static JsonObject outage(LocalSlack slack) {
        JsonObject answer = Slack.ok();
        answer.add(
                "outage",
                slack.outage()
                        .<JsonElement>map(o -> new JsonPrimitive(o.name()))
                        .orElse(JsonNull.INSTANCE));
        return answer;
    }

    private static JsonObject dms(LocalSlack slack, Map<String, String> query) {
        int offset = number(query, "offset", 0);
        int limit = Math.min(number(query, "limit", DEFAULT_PAGE), MAX_PAGE);
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("invalid_page: offset from 0, limit from 1");
        }
        List<PostedMessage> page = slack.messages(offset, limit);
        int total = slack.messageCount();
        JsonArray dms = new JsonArray();
        for (PostedMessage m : page) {
            JsonObject dm = new JsonObject();
            dm.addProperty("team", m.teamId());
            dm.addProperty("user", m.userId());
            dm.addProperty("channel", m.channel());
            dm.addProperty("ts", m.ts());
            dm.addProperty("text", m.text());
            dm.add("metadata", m.metadataJson() == null ? JsonNull.INSTANCE : JsonParser.parseString(m.metadataJson()));
            dms.add(dm);
        }
        int next = offset + page.size();
        JsonObject answer = Slack.ok();
        answer.addProperty("total", total);
        answer.addProperty("offset", offset);
        if (page.isEmpty() || next >= total) {
            answer.add("next_offset", JsonNull.INSTANCE);
        } else {
            answer.addProperty("next_offset", next);
        }
        answer.add("dms", dms);
        return answer;
    }

    private List<UserProfile> addUsers(JsonObject request) {
        if (request.has("count")) {
            int count = request.get("count").getAsInt();
            if (count < 1 || count > 100_000) {
                throw new IllegalArgumentException("invalid_count: from 1 to 100000");
            }
            return server.addUsers(count);
        }
        if (!request.has("users") || !request.get("users").isJsonArray()) {
            throw new IllegalArgumentException("users_required: {\"count\":N} or {\"users\":[…]}");
        }
        List<UserProfile> added = new ArrayList<>();
        for (JsonElement e : request.getAsJsonArray("users")) {
            JsonObject u = e.getAsJsonObject();
            String id = string(u, "id");
            if (id == null) {
                throw new IllegalArgumentException("id_required");
            }
            UserProfile user;
            try {
                user = UserProfile.member(
                        server.teamId(), id, string(u, "name"), string(u, "real_name"), string(u, "tz"));
            } catch (RuntimeException bad) {
                throw new IllegalArgumentException("invalid_user: " + bad.getMessage());
            }
            added.add(user);
        }
        added.forEach(server.slack()::addUser);
        return added;
    }

    private static JsonObject users(List<UserProfile> users) {
        JsonArray list = new JsonArray();
        for (UserProfile u : users) {
            JsonObject o = new JsonObject();
            o.addProperty("team", u.teamId());
            o.addProperty("id", u.id());
            o.addProperty("name", u.name());
            o.addProperty("real_name", u.realName());
            o.addProperty("tz", u.tz());
            list.add(o);
        }
        JsonObject answer = Slack.ok();
        answer.add("users", list);
        return answer;
    }

    private static JsonObject counts(Map<String, Long> counts) {
        JsonObject o = new JsonObject();
        counts.forEach(o::addProperty);
        return o;
    }

    private static JsonObject json(byte[] body) {
        try {
            return JsonParser.parseString(new String(body, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid_json");
        }
    }

    private static String string(JsonObject o, String key) {
        JsonElement v = o.get(key);
        return v == null || v.isJsonNull() ? null : v.getAsString();
    }

    private static int number(Map<String, String> query, String key, int otherwise) {
        String v = query.get(key);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid_" + key + ": " + v);
        }
    }
}
