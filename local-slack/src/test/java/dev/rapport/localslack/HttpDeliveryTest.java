package dev.rapport.localslack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.SlackSignature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rapport.localkit.Http;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries over HTTP, to a small app endpoint that checks each request with the Slack SDK's own signature verifier
 * (what Bolt's request verification uses), as Slack's request URLs are called.
 */
class HttpDeliveryTest {

    private static final String TEAM = LocalSlack.Builder.DEFAULT_TEAM;
    private static final String SECRET = "local-http-delivery-test-secret";

    /** One request the endpoint received, and whether the SDK's verifier accepted it. */
    private record Received(Map<String, String> headers, String body, boolean verified) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** What the endpoint answers: a status, a content type and a body. */
    private record Answer(int status, String contentType, String body, Map<String, String> headers) {
        static Answer ok() {
            return new Answer(200, "text/plain", "", Map.of());
        }

        static Answer json(String body) {
            return new Answer(200, "application/json", body, Map.of());
        }
    }

    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final SlackSignature.Verifier verifier = new SlackSignature.Verifier(new SlackSignature.Generator(SECRET));
    private volatile Function<Received, Answer> app =
            r -> r.verified ? Answer.ok() : new Answer(401, "text/plain", "", Map.of());
    private HttpServer endpoint;
    private LocalSlack slack;
    private Api api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        if (slack != null) {
            slack.close();
        }
        if (endpoint != null) {
            endpoint.stop(0);
        }
        executor.shutdownNow();
    }

    private void start(LocalSlack.Builder builder) throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.setExecutor(executor);
        endpoint.createContext("/slack/events", this::handle);
        endpoint.start();
        slack = builder.signingSecret(SECRET).start();
        slack.deliverOverHttp(
                URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/slack/events"));
        api = new Api(slack);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
            boolean verified =
                    verifier.isValid(headers.get("x-slack-request-timestamp"), body, headers.get("x-slack-signature"));
            Received r = new Received(headers, body, verified);
            received.add(r);
            Answer answer = app.apply(r);
            answer.headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            byte[] bytes = answer.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType);
            exchange.sendResponseHeaders(answer.status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private Received next() throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        assertThat(r).as("a request within 10 s").isNotNull();
        return r;
    }

    @Test
    void a_slash_command_arrives_form_encoded_and_signed_and_the_answer_body_is_its_acknowledgement() throws Exception {
        start(LocalSlack.builder().user(TEAM, "U0ANA", "ana", "Ana Lima", "Europe/Paris", false));
        app = r -> r.verified
                ? Answer.json("{\"response_type\":\"ephemeral\",\"text\":\"Health: all fine\"}")
                : new Answer(401, "text/plain", "", Map.of());

        Delivery command = slack.as(TEAM, "U0ANA").command("/rapport", "health");
        Received request = next();
        Ack ack = command.awaitAck();

        assertThat(request.verified).isTrue();
        assertThat(request.header("content-type")).isEqualTo("application/x-www-form-urlencoded");
        Map<String, String> form = Http.form(request.body);
        assertThat(form)
                .containsEntry("command", "/rapport")
                .containsEntry("text", "health")
                .containsEntry("team_id", TEAM)
                .containsEntry("user_id", "U0ANA")
                .containsEntry("user_name", "ana")
                .containsEntry("channel_name", "directmessage")
                .containsEntry("api_app_id", slack.appId())
                .containsEntry("is_enterprise_install", "false")
                .containsEntry("response_url", command.responseUrl())
                .containsEntry("trigger_id", command.triggerId())
                .containsKeys("token", "team_domain", "channel_id");
        assertThat(ack.outcome()).isEqualTo(Ack.Outcome.ACKED);
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.transport()).isEqualTo(Delivery.Transport.HTTP);
        assertThat(ack.latency()).isLessThan(LocalSlack.ACK_DEADLINE);
        assertThat(slack.screenOf(TEAM, "U0ANA"))
                .extracting(Seen::kind, Seen::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Seen.Kind.EPHEMERAL, "Health: all fine"));
    }

    @Test
    void a_button_click_arrives_as_a_signed_payload_field_naming_the_message_and_the_action() throws Exception {
        start(LocalSlack.builder());
        String blocks = "[{\"type\":\"actions\",\"block_id\":\"r0-actions\",\"elements\":[{\"type\":\"button\","
                + "\"action_id\":\"checkin:7:meet:yes\",\"value\":\"checkin:7:meet:yes\","
                + "\"text\":{\"type\":\"plain_text\",\"text\":\"Yes\"}}]}]";
        api.call(
                "chat.postMessage",
                LocalSlack.Builder.DEFAULT_TOKEN,
                Map.of("channel", "U0ANA", "text", "Did you meet?", "blocks", blocks));
        PostedMessage message = slack.messages().getFirst();

        Delivery click = slack.as(TEAM, "U0ANA").click(message, "checkin:7:meet:yes");
        Received request = next();

        assertThat(request.verified).isTrue();
        JsonObject payload =
                JsonParser.parseString(Http.form(request.body).get("payload")).getAsJsonObject();
        assertThat(payload.get("type").getAsString()).isEqualTo("block_actions");
        assertThat(payload.getAsJsonObject("container").get("message_ts").getAsString())
                .isEqualTo(message.ts());
        assertThat(payload.getAsJsonObject("container").get("channel_id").getAsString())
                .isEqualTo(message.channel());
        assertThat(payload.getAsJsonObject("user").get("id").getAsString()).isEqualTo("U0ANA");
        JsonObject action = payload.getAsJsonArray("actions").get(0).getAsJsonObject();
        assertThat(action.get("action_id").getAsString()).isEqualTo("checkin:7:meet:yes");
        assertThat(action.get("block_id").getAsString()).isEqualTo("r0-actions");
        assertThat(action.get("value").getAsString()).isEqualTo("checkin:7:meet:yes");
        assertThat(payload.getAsJsonObject("message").getAsJsonArray("blocks")).hasSize(1);
        assertThat(click.awaitAck().acknowledged()).isTrue();
    }

    @Test
    void forged_deliveries_are_what_a_verifier_refuses() throws Exception {
        start(LocalSlack.builder());
        SlackUser ana = slack.as(TEAM, "U0ANA");

        Delivery wrong = ana.signed(Signing.WRONG_SIGNATURE).command("/rapport", "health");
        Received wrongRequest = next();
        Delivery stale = ana.signed(Signing.STALE_TIMESTAMP).command("/rapport", "health");
        Received staleRequest = next();
        Delivery unsigned = ana.signed(Signing.UNSIGNED).command("/rapport", "health");
        Received unsignedRequest = next();

        assertThat(wrongRequest.verified).isFalse();
        assertThat(staleRequest.verified).isFalse();
        long age = System.currentTimeMillis() / 1000 - Long.parseLong(staleRequest.header("x-slack-request-timestamp"));
        assertThat(age).isGreaterThan(300);
        assertThat(unsignedRequest.header("x-slack-signature")).isNull();
        assertThat(unsignedRequest.verified).isFalse();
        for (Delivery forged : java.util.List.of(wrong, stale, unsigned)) {
            assertThat(forged.awaitAck().outcome()).isEqualTo(Ack.Outcome.REJECTED);
            assertThat(forged.awaitAck().status()).isEqualTo(401);
        }
    }

    @Test
    void an_event_not_answered_in_time_is_retried_with_slacks_retry_headers_and_the_late_answer_kept()
            throws Exception {
        start(LocalSlack.builder().ackDeadline(Duration.ofMillis(500)).eventRetryDelays(Duration.ZERO));
        CountDownLatch release = new CountDownLatch(1);
        app = r -> {
            if (r.header("x-slack-retry-num") == null) {
                try {
                    release.await(10, TimeUnit.SECONDS); // the app is stuck on the first try
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Answer.ok();
        };
        JsonObject e = new JsonObject();
        e.addProperty("type", "app_home_opened");
        e.addProperty("user", "U0ANA");

        Delivery event = slack.event(TEAM, e);
        Received first = next();
        Received retry = next();
        Ack last = event.awaitFinalAck(Duration.ofSeconds(10));
        release.countDown();

        assertThat(first.header("content-type")).isEqualTo("application/json");
        assertThat(JsonParser.parseString(first.body)
                        .getAsJsonObject()
                        .get("type")
                        .getAsString())
                .isEqualTo("event_callback");
        assertThat(first.verified).isTrue();
        assertThat(retry.header("x-slack-retry-num")).isEqualTo("1");
        assertThat(retry.header("x-slack-retry-reason")).isEqualTo("http_timeout");
        assertThat(retry.body).isEqualTo(first.body);
        assertThat(last.attempt()).isEqualTo(1);
        assertThat(last.acknowledged()).isTrue();
        Ack timedOut = event.acks().getFirst();
        assertThat(timedOut.outcome()).isEqualTo(Ack.Outcome.TIMED_OUT);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(event.acks().getFirst().latency())
                        .as("the late answer, kept for the record")
                        .isGreaterThan(Duration.ofMillis(500)));
    }

    @Test
    void an_event_answered_with_an_error_is_retried_unless_the_app_asks_slack_not_to() throws Exception {
        start(LocalSlack.builder().eventRetryDelays(Duration.ZERO, Duration.ZERO));
        app = r ->
                r.header("x-slack-retry-num") == null ? new Answer(500, "text/plain", "oops", Map.of()) : Answer.ok();
        JsonObject e = new JsonObject();
        e.addProperty("type", "app_home_opened");

        Delivery retried = slack.event(TEAM, e);
        next();
        Received retry = next();
        Ack last = retried.awaitFinalAck(Duration.ofSeconds(10));
        app = r -> new Answer(500, "text/plain", "", Map.of("X-Slack-No-Retry", "1"));
        Delivery notRetried = slack.event(TEAM, e);
        Ack only = notRetried.awaitFinalAck(Duration.ofSeconds(10));

        assertThat(retry.header("x-slack-retry-reason")).isEqualTo("http_error");
        assertThat(last.acknowledged()).isTrue();
        assertThat(retried.acks()).extracting(Ack::status).containsExactly(500, 200);
        assertThat(only.outcome()).isEqualTo(Ack.Outcome.REJECTED);
        assertThat(notRetried.acks()).hasSize(1);
    }

    @Test
    void a_test_can_deliver_a_retry_on_purpose_and_verify_the_url_with_a_challenge() throws Exception {
        start(LocalSlack.builder());
        app = r -> {
            JsonObject body = JsonParser.parseString(r.body).getAsJsonObject();
            return body.get("type").getAsString().equals("url_verification")
                    ? new Answer(200, "text/plain", body.get("challenge").getAsString(), Map.of())
                    : Answer.ok();
        };
        JsonObject e = new JsonObject();
        e.addProperty("type", "app_home_opened");

        Delivery event = slack.event(TEAM, e);
        next();
        event.awaitFinalAck(Duration.ofSeconds(10));
        slack.retry(event, "http_timeout");
        Received retry = next();
        Delivery verification = slack.verifyUrl();
        next();

        assertThat(retry.header("x-slack-retry-num")).isEqualTo("1");
        assertThat(retry.header("x-slack-retry-reason")).isEqualTo("http_timeout");
        assertThat(event.awaitFinalAck(Duration.ofSeconds(10)).attempt()).isEqualTo(1);
        assertThat(verification.awaitAck().body())
                .isEqualTo(verification.payload().get("challenge").getAsString());
    }
}
