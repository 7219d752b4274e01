package dev.rapport.localdiscord;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rapport.localkit.Http;
import dev.rapport.localkit.Multipart;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Discord's REST API, version 10, on the JDK's HTTP server: routing, the bot token, the global and per-route rate
 * limits with Discord's headers, injected faults, and the recording of every call. What each route does is the
 * {@link World}'s business. The listening socket can be closed and opened again on the same port (a refused-connection
 * outage); the executor and everything recorded outlive it.
 */
final class RestApi {

    static final String API = "/api/v10/";

    private final World world;
    private final RateLimiter limits;
    private final Gateway gateway;
    private final int invalidBanThreshold;
    private final Object lifecycle = new Object();
    /** Null while nothing listens. */
    private volatile HttpServer server;
    /** The port asked for until the first bind, then the port bound, which a restart binds again. */
    private volatile int port;

    private final ExecutorService executor;
    // Appended to on every call for as long as the sandbox runs: a copy-on-write list would make that quadratic.
    private final List<RestCall> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    // Counted as calls are answered, so a long-running standalone server reads them without walking every call.
    private final Map<String, LongAdder> perRoute = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> perStatus = new ConcurrentHashMap<>();
    private final LongAdder answered = new LongAdder();
    private final LongAdder invalid = new LongAdder();

    // Faults, set by tests.
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger failureStatus = new AtomicInteger(503);
    private final AtomicReference<Endpoint> failureEndpoint = new AtomicReference<>();
    private final AtomicInteger rateLimitedLeft = new AtomicInteger();
    private final AtomicReference<Duration> rateLimitedFor = new AtomicReference<>(Duration.ofSeconds(1));
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private volatile boolean outage;

    RestApi(World world, RateLimiter limits, Gateway gateway, int invalidBanThreshold, int port) throws IOException {
        this.world = world;
        this.limits = limits;
        this.gateway = gateway;
        this.invalidBanThreshold = invalidBanThreshold;
        this.port = port;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            listen();
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
    }

    private void listen() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        s.setExecutor(executor);
        s.createContext("/api/", this::handle);
        s.createContext("/attachments/", this::cdn);
        s.start();
        port = s.getAddress().getPort();
        server = s;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Closes the listening socket and every open connection: connecting is refused until {@link #listenAgain()}. */
    void stopListening() {
        synchronized (lifecycle) {
            HttpServer s = server;
            server = null;
            if (s != null) {
                s.stop(0);
            }
        }
    }

    /** Listens again on the same port, so every URL handed out before works again. */
    void listenAgain() throws IOException {
        synchronized (lifecycle) {
            if (server == null) {
                listen();
            }
        }
    }

    RequestCounters counters(int invalidLastTenMinutes, long deduplicated) {
        Map<String, Long> routes = new TreeMap<>();
        perRoute.forEach((k, v) -> routes.put(k, v.sum()));
        Map<Integer, Long> statuses = new TreeMap<>();
        perStatus.forEach((k, v) -> statuses.put(k, v.sum()));
        long limited = statuses.getOrDefault(429, 0L);
        return new RequestCounters(
                answered.sum(), routes, statuses, limited, invalid.sum(), invalidLastTenMinutes, deduplicated);
    }

    List<RestCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    void failNext(int count, int status, Endpoint endpoint) {
        failureEndpoint.set(endpoint);
        failureStatus.set(status);
        failuresLeft.set(count);
    }

    void rateLimitNextMessages(int count, Duration retryAfter) {
        rateLimitedFor.set(retryAfter);
        rateLimitedLeft.set(count);
    }

    void delay(Duration wait) {
        delay.set(wait);
    }

    void outage(boolean on) {
        outage = on;
    }

    void stop() {
        stopListening();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- one request

    private record Request(
            String method,
            Endpoint endpoint,
            Map<String, String> params,
            Map<String, String> query,
            JsonElement json,
            List<Multipart.Part> parts) {

        JsonObject object() {
            return json != null && json.isJsonObject() ? json.getAsJsonObject() : new JsonObject();
        }

        long id(String name) {
            try {
                return Long.parseUnsignedLong(params.get(name));
            } catch (NumberFormatException e) {
                new FormErrors()
                        .add("NUMBER_TYPE_COERCE", "Value \"" + params.get(name) + "\" is not snowflake.", name)
                        .throwIfAny();
                throw e;
            }
        }
    }

    private record Answer(int status, JsonElement body, Map<String, String> headers, int errorCode) {
        Answer(int status, JsonElement body, Map<String, String> headers) {
            this(status, body, headers, 0);
        }

        static Answer ok(JsonElement body) {
            return new Answer(200, body, new HashMap<>());
        }

        static Answer noContent() {
            return new Answer(204, null, new HashMap<>());
        }

        static Answer error(ApiError e) {
            return new Answer(e.status, e.body(), new HashMap<>(), e.code);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            String path = rawPath.startsWith(API) ? rawPath.substring(API.length()) : rawPath.substring(5);
            byte[] body = Http.body(exchange);
            Duration wait = delay.get();
            if (!wait.isZero()) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Match match = match(method, path);
            Answer answer;
            try {
                answer = answer(exchange, method, rawPath, match, body);
            } catch (ApiError e) {
                answer = Answer.error(e);
            } catch (RuntimeException e) {
                answer = new Answer(500, Json.obj("message", "500: Internal Server Error", "code", 0), new HashMap<>());
            }
            if (answer.status == 401 || answer.status == 403 || answer.status == 429) {
                limits.recordInvalid();
                invalid.increment();
            }
            answered.increment();
            perRoute.computeIfAbsent(
                            match == null ? RequestCounters.UNMATCHED : match.endpoint.toString(), k -> new LongAdder())
                    .increment();
            perStatus.computeIfAbsent(answer.status, k -> new LongAdder()).increment();
            calls.add(new RestCall(
                    method,
                    redact(path, match),
                    match == null ? null : match.endpoint,
                    answer.status,
                    answer.errorCode,
                    world.clock.instant()));
            write(exchange, answer);
        }
    }

    private Answer answer(HttpExchange exchange, String method, String rawPath, Match match, byte[] body) {
        if (limits.invalidRequests() >= invalidBanThreshold) {
            // What Cloudflare answers to an IP that made too many invalid requests: no Via, no JSON.
            Map<String, String> h = new HashMap<>();
            h.put("Retry-After", "3600");
            h.put("X-Local-Discord-Ban", "invalid-requests");
            h.put("Content-Type", "text/html");
            return new Answer(429, null, h);
        }
        if (outage) {
            return new Answer(503, Json.obj("message", "503: Service Unavailable", "code", 0), new HashMap<>());
        }
        if (!rawPath.startsWith(API)) {
            throw ApiError.notFound();
        }
        Endpoint endpoint = match == null ? null : match.endpoint;
        if (failuresLeft.get() > 0) {
            Endpoint target = failureEndpoint.get();
            if ((target == null || target == endpoint) && failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                int status = failureStatus.get();
                return new Answer(status, Json.obj("message", status + ": Server Error", "code", 0), new HashMap<>());
            }
        }
        if (match == null) {
            throw ApiError.notFound();
        }
        if (!endpoint.interactionToken()) {
            if (!("Bot " + world.botToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                throw ApiError.unauthorized();
            }
            Duration globalWait = limits.chargeGlobal();
            if (!globalWait.isZero()) {
                long seconds = Math.max(1, (globalWait.toMillis() + 999) / 1000);
                Map<String, String> h = new HashMap<>();
                h.put("Retry-After", Long.toString(seconds));
                h.put("X-RateLimit-Global", "true");
                h.put("X-RateLimit-Scope", "global");
                return new Answer(
                        429,
                        Json.obj(
                                "message",
                                "You are being rate limited.",
                                "retry_after",
                                globalWait.toMillis() / 1000d,
                                "global",
                                true),
                        h);
            }
        }
        if (endpoint == Endpoint.CREATE_MESSAGE && rateLimitedLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            Duration retry = rateLimitedFor.get();
            RateLimiter.Charge peek = limits.peek(endpoint.bucket());
            RateLimiter.Charge limited = new RateLimiter.Charge(
                    false, peek.limit(), 0, world.clock.instant().plus(retry), retry, peek.bucketHash());
            return rateLimited(limited);
        }
        RateLimiter.Charge charge = limits.charge(endpoint.bucket(), endpoint + ":" + resource(match));
        if (!charge.allowed()) {
            return rateLimited(charge);
        }
        Answer answer;
        try {
            answer = route(request(exchange, method, match, body));
        } catch (ApiError e) {
            answer = Answer.error(e);
        }
        bucketHeaders(answer.headers, charge);
        return answer;
    }

    private Answer rateLimited(RateLimiter.Charge charge) {
        Map<String, String> h = new HashMap<>();
        bucketHeaders(h, charge);
        h.put("Retry-After", Long.toString(charge.retryAfterSeconds()));
        h.put("X-RateLimit-Scope", "user");
        return new Answer(
                429,
                Json.obj(
                        "message",
                        "You are being rate limited.",
                        "retry_after",
                        Double.parseDouble(RateLimiter.seconds(charge.resetAfter())),
                        "global",
                        false),
                h);
    }

    private static void bucketHeaders(Map<String, String> h, RateLimiter.Charge charge) {
        h.put("X-RateLimit-Limit", Integer.toString(charge.limit()));
        h.put("X-RateLimit-Remaining", Integer.toString(charge.remaining()));
        h.put("X-RateLimit-Reset", RateLimiter.epochSeconds(charge.reset()));
        h.put("X-RateLimit-Reset-After", RateLimiter.seconds(charge.resetAfter()));
        h.put("X-RateLimit-Bucket", charge.bucketHash());
    }

    /** Discord's top-level resource of a route: what its bucket is counted per. */
    private static String resource(Match m) {
        Map<String, String> p = m.params;
        if (p.containsKey("channel.id")) {
            return p.get("channel.id");
        }
        if (p.containsKey("interaction.token")) {
            return Integer.toHexString(p.get("interaction.token").hashCode());
        }
        if (p.containsKey("guild.id")) {
            return p.get("guild.id");
        }
        return "-";
    }

    private Answer route(Request r) {
        return switch (r.endpoint) {
            case GET_CURRENT_USER -> Answer.ok(world.selfJson());
            case GET_USER ->
                Answer.ok("@me".equals(r.params.get("user.id")) ? world.selfJson() : world.userById(r.id("user.id")));
            case GET_GATEWAY -> Answer.ok(Json.obj("url", gateway.url()));
            case GET_GATEWAY_BOT ->
                Answer.ok(Json.obj(
                        "url",
                        gateway.url(),
                        "shards",
                        world.shardCount,
                        "session_start_limit",
                        Json.obj(
                                "total",
                                1000,
                                "remaining",
                                gateway.sessionStartsLeft(),
                                "reset_after",
                                86_400_000,
                                "max_concurrency",
                                world.maxConcurrency)));
            case CREATE_DM -> Answer.ok(world.openDm(recipient(r.object())));
            case GET_CHANNEL -> Answer.ok(world.channelById(r.id("channel.id")));
            case CREATE_MESSAGE -> Answer.ok(world.createMessage(r.id("channel.id"), r.object(), r.parts));
            case GET_MESSAGE -> Answer.ok(world.getMessage(r.id("channel.id"), r.id("message.id")));
            case EDIT_MESSAGE ->
                Answer.ok(world.editMessage(r.id("channel.id"), r.id("message.id"), r.object(), r.parts));
            case DELETE_MESSAGE -> {
                world.deleteMessage(r.id("channel.id"), r.id("message.id"));
                yield Answer.noContent();
            }
            case CREATE_INTERACTION_RESPONSE -> {
                JsonObject result =
                        world.callback(r.id("interaction.id"), r.params.get("interaction.token"), r.object(), r.parts);
                yield "true".equalsIgnoreCase(r.query.get("with_response")) ? Answer.ok(result) : Answer.noContent();
            }
            case CREATE_FOLLOWUP_MESSAGE ->
                Answer.ok(
                        world.followUp(r.id("application.id"), r.params.get("interaction.token"), r.object(), r.parts));
            case GET_WEBHOOK_MESSAGE ->
                Answer.ok(world.webhookMessage(
                        r.id("application.id"), r.params.get("interaction.token"), r.params.get("message.id")));
            case EDIT_WEBHOOK_MESSAGE ->
                Answer.ok(world.editWebhookMessage(
                        r.id("application.id"),
                        r.params.get("interaction.token"),
                        r.params.get("message.id"),
                        r.object(),
                        r.parts));
            case DELETE_WEBHOOK_MESSAGE -> {
                world.deleteWebhookMessage(
                        r.id("application.id"), r.params.get("interaction.token"), r.params.get("message.id"));
                yield Answer.noContent();
            }
            case GET_GLOBAL_COMMANDS -> Answer.ok(world.commands(application(r, 0), withLocalizations(r)));
            case CREATE_GLOBAL_COMMAND -> Answer.ok(world.createCommand(application(r, 0), r.object()));
            case OVERWRITE_GLOBAL_COMMANDS -> Answer.ok(world.overwriteCommands(application(r, 0), array(r)));
            case DELETE_GLOBAL_COMMAND -> {
                world.deleteCommand(application(r, 0), r.id("command.id"));
                yield Answer.noContent();
            }
            case GET_GUILD_COMMANDS -> Answer.ok(world.commands(application(r, guild(r)), withLocalizations(r)));
            case CREATE_GUILD_COMMAND -> Answer.ok(world.createCommand(application(r, guild(r)), r.object()));
            case OVERWRITE_GUILD_COMMANDS -> Answer.ok(world.overwriteCommands(application(r, guild(r)), array(r)));
            case DELETE_GUILD_COMMAND -> {
                world.deleteCommand(application(r, guild(r)), r.id("command.id"));
                yield Answer.noContent();
            }
            case GET_GUILD -> Answer.ok(world.guildJson(r.id("guild.id")));
            case GET_GUILD_MEMBER -> Answer.ok(world.memberJson(r.id("guild.id"), r.id("user.id")));
            case GET_GUILD_ROLES -> Answer.ok(world.rolesJson(r.id("guild.id")));
        };
    }

    /** Whether {@code GET …/commands} asked for the localization dictionaries ({@code with_localizations=true}). */
    private static boolean withLocalizations(Request r) {
        return "true".equalsIgnoreCase(r.query.get("with_localizations"));
    }

    /** The scope of a command route, after checking it is this bot's application (403 otherwise, as Discord). */
    private long application(Request r, long scope) {
        if (r.id("application.id") != world.applicationId) {
            throw ApiError.of(403, 50001, "Missing Access");
        }
        return scope;
    }

    private long guild(Request r) {
        long id = r.id("guild.id");
        world.guild(id).orElseThrow(() -> ApiError.of(403, 50001, "Missing Access"));
        return id;
    }

    private static JsonArray array(Request r) {
        if (r.json == null || !r.json.isJsonArray()) {
            throw ApiError.invalidForm(
                    Json.obj("_errors", Json.arr(Json.obj("code", "BASE_TYPE_ARRAY", "message", "Must be an array."))));
        }
        return r.json.getAsJsonArray();
    }

    /** JDA posts {@code recipient_id} as a JSON number; Discord's documentation shows a string. Both are fine. */
    private static long recipient(JsonObject body) {
        if (!Json.has(body, "recipient_id")) {
            throw ApiError.invalidForm(Json.obj(
                    "recipient_id",
                    Json.obj(
                            "_errors",
                            Json.arr(Json.obj(
                                    "code", "BASE_TYPE_REQUIRED", "message", "This field is " + "required")))));
        }
        try {
            return Long.parseUnsignedLong(body.get("recipient_id").getAsString());
        } catch (NumberFormatException e) {
            throw ApiError.of(400, 50033, "Invalid Recipient(s)");
        }
    }

    private Request request(HttpExchange exchange, String method, Match match, byte[] body) {
        Map<String, String> query = Http.query(exchange);
        String type = Http.contentType(exchange);
        JsonElement json = null;
        List<Multipart.Part> parts = new ArrayList<>();
        try {
            if (Multipart.is(type)) {
                for (Multipart.Part p : Multipart.parse(type, body)) {
                    if ("payload_json".equals(p.name())) {
                        json = JsonParser.parseString(p.text());
                    } else {
                        parts.add(p);
                    }
                }
            } else if (body.length > 0) {
                json = Http.parseJson(body);
            }
        } catch (RuntimeException e) {
            throw ApiError.of(400, 50109, "The request body contains invalid JSON.");
        }
        return new Request(method, match.endpoint, match.params, query, json, parts);
    }

    // ---- routing

    private record Match(Endpoint endpoint, Map<String, String> params) {}

    private static Match match(String method, String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String[] segments = trimmed.split("/");
        Match best = null;
        for (Endpoint e : Endpoint.values()) {
            if (!e.method().equals(method) || e.segments().size() != segments.length) {
                continue;
            }
            Map<String, String> params = new HashMap<>();
            boolean ok = true;
            boolean exact = true;
            for (int i = 0; i < segments.length && ok; i++) {
                String want = e.segments().get(i);
                String have = Http.decode(segments[i]);
                if (want.startsWith("{")) {
                    params.put(want.substring(1, want.length() - 1), have);
                    exact &= !have.startsWith("@");
                } else {
                    ok = want.equals(have);
                }
            }
            if (ok && (best == null || exact)) {
                // "users/@me" is its own route, not "users/{user.id}" with an id of "@me".
                best = new Match(e, params);
                if (exact) {
                    break;
                }
            }
        }
        if (best != null && best.endpoint == Endpoint.GET_USER && "@me".equals(best.params.get("user.id"))) {
            return new Match(Endpoint.GET_CURRENT_USER, Map.of());
        }
        return best;
    }

    private static String redact(String path, Match match) {
        if (match == null || !match.endpoint.interactionToken()) {
            return path;
        }
        String token = match.params.get("interaction.token");
        return token == null ? path : path.replace(token, "{token}");
    }

    // ---- writing

    private static void write(HttpExchange exchange, Answer answer) throws IOException {
        var headers = exchange.getResponseHeaders();
        // JDA takes a 429 without "Via" for a Cloudflare ban of every route; Discord's answers all carry it.
        if (!answer.headers.containsKey("X-Local-Discord-Ban")) {
            headers.set("Via", "1.1 google");
        }
        answer.headers.forEach((k, v) -> {
            if (!k.equals("X-Local-Discord-Ban")) {
                headers.set(k, v);
            }
        });
        if (answer.body == null) {
            if (answer.status == 204) {
                Http.empty(exchange, 204);
            } else {
                // Cloudflare's ban page, sent as Cloudflare sends it: no JSON, no Discord headers.
                byte[] html = "<html><body>error code: 1015</body></html>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status, html.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(html);
                }
            }
            return;
        }
        Http.json(exchange, answer.status, Http.JSON, answer.body);
    }

    /** Serves the bytes of attachments at the URLs the local Discord hands out, as Discord's CDN does. */
    private void cdn(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getRawPath().split("/");
            UploadedFile f = null;
            if (parts.length >= 4) {
                try {
                    f = world.fileById(Long.parseUnsignedLong(parts[3])).orElse(null);
                } catch (NumberFormatException ignored) {
                    f = null;
                }
            }
            if (f == null || !"GET".equals(exchange.getRequestMethod())) {
                Http.empty(exchange, 404);
                return;
            }
            Http.send(exchange, 200, f.contentType(), f.bytes());
        }
    }
}
