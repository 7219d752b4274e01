package dev.rapport.localslack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rapport.localkit.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends deliveries to the app, over Socket Mode or signed HTTP, and watches them as Slack does: the 3-second deadline,
 * the acknowledgement and its latency, retries of events. What an acknowledgement shows the person is
 * {@link Replies}'s business.
 */
final class Deliverer implements AutoCloseable {

    private static final String USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)";

    private final World world;
    private final Servers servers;
    private final Replies replies;
    private final HttpClient http;
    /** Where HTTP deliveries go (commands, interactivity, events); {@code null}: over Socket Mode. */
    private volatile URI[] httpTargets;

    private final Map<String, Attempt> bySocketEnvelope = new ConcurrentHashMap<>();

    /** One attempt at a delivery, settled once. */
    private static final class Attempt {
        final Delivery delivery;
        final int number;
        final String reason;
        final Delivery.Transport transport;
        final boolean scheduleRetries;
        final AtomicBoolean settled = new AtomicBoolean();
        volatile long startedNanos;
        volatile int connection;

        Attempt(Delivery delivery, int number, String reason, Delivery.Transport transport, boolean scheduleRetries) {
            this.delivery = delivery;
            this.number = number;
            this.reason = reason;
            this.transport = transport;
            this.scheduleRetries = scheduleRetries;
        }

        Duration sinceStart() {
            return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
    }

    Deliverer(World world, Servers servers, Replies replies) {
        this.world = world;
        this.servers = servers;
        this.replies = replies;
        this.http = HttpClient.newBuilder()
                .executor(servers.executor)
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Deliver over HTTP from now on, to the request URLs of commands, interactivity and events; or, with
     * {@code null}, over Socket Mode.
     */
    void deliverOverHttp(URI[] targets) {
        this.httpTargets = targets;
    }

    /** Makes a delivery: recorded, then its first attempt. */
    Delivery deliver(Delivery d) {
        world.delivered(d);
        attempt(d, null, true);
        return d;
    }

    /** Starts an attempt now: the first, a scheduled retry, or a retry a test asked for. */
    void attempt(Delivery d, String retryReason, boolean scheduleRetries) {
        int number = d.startAttempt();
        URI[] targets = httpTargets;
        Delivery.Transport transport = targets == null ? Delivery.Transport.SOCKET_MODE : Delivery.Transport.HTTP;
        Attempt a = new Attempt(d, number, retryReason, transport, scheduleRetries);
        a.startedNanos = System.nanoTime();
        if (servers.outage().isPresent()) {
            settle(a, Ack.Outcome.FAILED, 0, null, null, null, "outage", false);
        } else if (transport == Delivery.Transport.HTTP) {
            http(a, targets);
        } else {
            socket(a);
        }
    }

    // ---- HTTP

    private void http(Attempt a, URI[] targets) {
        Delivery d = a.delivery;
        URI target = switch (d.kind()) {
            case SLASH_COMMAND -> targets[0];
            case BLOCK_ACTIONS, VIEW_SUBMISSION, VIEW_CLOSED -> targets[1];
            case EVENT, URL_VERIFICATION -> targets[2];
        };
        String body;
        String contentType;
        switch (d.kind()) {
            case SLASH_COMMAND -> {
                Map<String, String> fields = new LinkedHashMap<>();
                for (Map.Entry<String, JsonElement> e : d.payload().entrySet()) {
                    fields.put(
                            e.getKey(),
                            e.getValue().isJsonNull() ? "" : e.getValue().getAsString());
                }
                body = Http.formEncode(fields);
                contentType = "application/x-www-form-urlencoded";
            }
            case BLOCK_ACTIONS, VIEW_SUBMISSION, VIEW_CLOSED -> {
                body = "payload=" + Http.encode(d.payload().toString());
                contentType = "application/x-www-form-urlencoded";
            }
            default -> {
                body = d.payload().toString();
                contentType = "application/json";
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        sign(request, body, d.signing);
        if (a.number > 0) {
            request.header("X-Slack-Retry-Num", Integer.toString(a.number));
            request.header("X-Slack-Retry-Reason", a.reason);
        }
        a.startedNanos = System.nanoTime();
        deadline(a);
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error != null) {
                settle(a, Ack.Outcome.FAILED, 0, null, null, null, "connection_failed", false);
                return;
            }
            Duration latency = a.sinceStart();
            int status = response.statusCode();
            String answered = response.body();
            JsonObject payload = httpPayload(response);
            boolean noRetry = response.headers()
                    .firstValue("X-Slack-No-Retry")
                    .map("1"::equals)
                    .orElse(false);
            Ack.Outcome outcome = status / 100 == 2 ? Ack.Outcome.ACKED : Ack.Outcome.REJECTED;
            if (!settle(a, outcome, status, answered, payload, latency, null, noRetry)) {
                a.delivery.late(
                        a.number,
                        new Ack(
                                a.number,
                                a.reason,
                                a.transport,
                                a.connection,
                                Ack.Outcome.TIMED_OUT,
                                status,
                                answered,
                                payload,
                                latency,
                                null));
            }
        });
    }

    /** Signs as Slack does: {@code v0=} hex HMAC-SHA256 of {@code v0:{ts}:{body}}, timestamp from the clock. */
    private void sign(HttpRequest.Builder request, String body, Signing signing) {
        if (signing == Signing.UNSIGNED) {
            return;
        }
        long now = world.clock.instant().getEpochSecond();
        String ts = Long.toString(signing == Signing.STALE_TIMESTAMP ? now - 360 : now);
        String secret =
                signing == Signing.WRONG_SIGNATURE ? world.signingSecret + "-but-not-quite" : world.signingSecret;
        request.header("X-Slack-Request-Timestamp", ts);
        request.header("X-Slack-Signature", signature(secret, ts, body));
    }

    static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** What Slack reads in an HTTP acknowledgement: a JSON body, or a plain-text one as the message's text. */
    private static JsonObject httpPayload(HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.toLowerCase(Locale.ROOT).startsWith("application/json")
                || body.trim().startsWith("{")) {
            try {
                JsonElement json = JsonParser.parseString(body);
                return json.isJsonObject() ? json.getAsJsonObject() : null;
            } catch (RuntimeException notJson) {
                // fall through: Slack shows it as text
            }
        }
        JsonObject text = new JsonObject();
        text.addProperty("text", body);
        return text;
    }

    // ---- Socket Mode

    private void socket(Attempt a) {
        Delivery d = a.delivery;
        if (d.kind() == Delivery.Kind.URL_VERIFICATION) {
            settle(a, Ack.Outcome.FAILED, 0, null, null, null, "url_verification_is_http_only", false);
            return;
        }
        String envelopeId = UUID.randomUUID().toString();
        JsonObject envelope = new JsonObject();
        envelope.addProperty("envelope_id", envelopeId);
        envelope.add("payload", d.payload());
        switch (d.kind()) {
            case SLASH_COMMAND -> {
                envelope.addProperty("type", "slash_commands");
                envelope.addProperty("accepts_response_payload", true);
            }
            case EVENT -> {
                envelope.addProperty("type", "events_api");
                envelope.addProperty("accepts_response_payload", false);
                envelope.addProperty("retry_attempt", a.number);
                envelope.addProperty("retry_reason", a.reason == null ? "" : a.reason);
            }
            default -> {
                envelope.addProperty("type", "interactive");
                // Only a submission's acknowledgement can carry something (a response_action).
                envelope.addProperty("accepts_response_payload", d.kind() == Delivery.Kind.VIEW_SUBMISSION);
            }
        }
        bySocketEnvelope.put(envelopeId, a);
        SocketModeServer server = servers.socketServer();
        a.startedNanos = System.nanoTime();
        a.connection = server == null ? 0 : server.sendToOne(envelope.toString());
        if (a.connection == 0) {
            bySocketEnvelope.remove(envelopeId);
            settle(a, Ack.Outcome.FAILED, 0, null, null, null, "no_socket_connection", false);
            return;
        }
        deadline(a);
    }

    /** An ack frame arrived: {@code {"envelope_id": …, "payload": …}}. */
    void socketAck(String raw, JsonObject frame) {
        Attempt a = bySocketEnvelope.remove(frame.get("envelope_id").getAsString());
        if (a == null) {
            return; // an envelope this Slack never sent, or acked twice: Slack ignores it too
        }
        Duration latency = a.sinceStart();
        JsonElement p = frame.get("payload");
        JsonObject payload =
                p != null && p.isJsonObject() && !p.getAsJsonObject().isEmpty() ? p.getAsJsonObject() : null;
        if (!settle(a, Ack.Outcome.ACKED, 0, raw, payload, latency, null, false)) {
            a.delivery.late(
                    a.number,
                    new Ack(
                            a.number,
                            a.reason,
                            a.transport,
                            a.connection,
                            Ack.Outcome.TIMED_OUT,
                            0,
                            raw,
                            payload,
                            latency,
                            null));
        }
    }

    // ---- settling and retries

    private void deadline(Attempt a) {
        try {
            servers.timer.schedule(
                    () -> settle(a, Ack.Outcome.TIMED_OUT, 0, null, null, null, null, false),
                    world.ackDeadline.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // the local Slack is closing; nothing will be awaited
        }
    }

    private boolean settle(
            Attempt a,
            Ack.Outcome outcome,
            int status,
            String body,
            JsonObject payload,
            Duration latency,
            String failure,
            boolean noRetry) {
        if (!a.settled.compareAndSet(false, true)) {
            return false;
        }
        Delivery d = a.delivery;
        Ack ack = new Ack(
                a.number, a.reason, a.transport, a.connection, outcome, status, body, payload, latency, failure);
        if (outcome == Ack.Outcome.ACKED) {
            try {
                replies.acknowledged(d, ack);
            } catch (RuntimeException e) {
                // What the app answered could not be shown; the acknowledgement still counts.
            }
        }
        d.settle(ack);
        int retry = a.number; // the index of the delay before the next try
        if (d.kind() == Delivery.Kind.EVENT
                && a.scheduleRetries
                && outcome != Ack.Outcome.ACKED
                && !noRetry
                && retry < world.eventRetryDelays.size()) {
            String reason = retryReason(a.transport, outcome);
            try {
                servers.timer.schedule(
                        () -> servers.executor.execute(() -> attempt(d, reason, true)),
                        world.eventRetryDelays.get(retry).toNanos(),
                        TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                d.finish();
            }
        } else {
            d.finish();
        }
        return true;
    }

    private static String retryReason(Delivery.Transport transport, Ack.Outcome outcome) {
        if (transport == Delivery.Transport.SOCKET_MODE) {
            return "timeout";
        }
        return switch (outcome) {
            case TIMED_OUT -> "http_timeout";
            case REJECTED -> "http_error";
            default -> "connection_failed";
        };
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
