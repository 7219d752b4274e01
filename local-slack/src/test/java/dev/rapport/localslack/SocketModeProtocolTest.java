package dev.rapport.localslack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import dev.rapport.localkit.Outage;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Socket Mode as its wire protocol: what a client sees on the websocket, with the JDK's own websocket client. */
class SocketModeProtocolTest {

    private static final String TEAM = LocalSlack.Builder.DEFAULT_TEAM;
    private static final String APP_TOKEN = LocalSlack.Builder.DEFAULT_APP_TOKEN;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<SocketClient> clients = new ArrayList<>();
    private LocalSlack slack;
    private Api api;

    @AfterEach
    void stop() {
        for (SocketClient c : clients) {
            c.close();
        }
        http.close();
        if (api != null) {
            api.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    private void start(LocalSlack.Builder builder) {
        slack = builder.start();
        api = new Api(slack);
    }

    private String socketUrl() {
        return api.call("apps.connections.open", APP_TOKEN, Map.of())
                .json()
                .get("url")
                .getAsString();
    }

    private SocketClient connect(String url) {
        SocketClient client = SocketClient.connect(http, url);
        clients.add(client);
        return client;
    }

    @Test
    void a_connection_with_a_fresh_ticket_is_greeted_with_hello_and_a_used_ticket_is_refused() throws Exception {
        start(LocalSlack.builder().appId("A0RAPPORT"));
        String url = socketUrl();

        SocketClient client = connect(url);
        JsonObject hello = client.next();

        assertThat(hello.get("type").getAsString()).isEqualTo("hello");
        assertThat(hello.get("num_connections").getAsInt()).isEqualTo(1);
        assertThat(hello.getAsJsonObject("connection_info").get("app_id").getAsString())
                .isEqualTo("A0RAPPORT");
        assertThat(hello.getAsJsonObject("debug_info").has("host")).isTrue();
        assertThat(slack.socketModeConnections()).isEqualTo(1);
        assertThatThrownBy(() -> connect(url)).isInstanceOf(CompletionException.class);
    }

    @Test
    void an_envelope_carries_slacks_fields_and_its_ack_frame_is_recorded_with_its_latency() throws Exception {
        start(LocalSlack.builder());
        SocketClient client = connect(socketUrl());
        client.next(); // hello

        Delivery command = slack.as(TEAM, "U0ANA").command("/rapport", "health");
        JsonObject envelope = client.next();
        JsonObject reply = new JsonObject();
        reply.addProperty("text", "On it");
        client.ack(envelope, reply);
        Ack ack = command.awaitAck();

        assertThat(envelope.get("type").getAsString()).isEqualTo("slash_commands");
        assertThat(envelope.get("accepts_response_payload").getAsBoolean()).isTrue();
        JsonObject payload = envelope.getAsJsonObject("payload");
        assertThat(payload.get("command").getAsString()).isEqualTo("/rapport");
        assertThat(payload.get("text").getAsString()).isEqualTo("health");
        assertThat(payload.get("user_id").getAsString()).isEqualTo("U0ANA");
        assertThat(payload.get("response_url").getAsString()).isEqualTo(command.responseUrl());
        assertThat(payload.get("trigger_id").getAsString()).isEqualTo(command.triggerId());
        assertThat(ack.outcome()).isEqualTo(Ack.Outcome.ACKED);
        assertThat(ack.transport()).isEqualTo(Delivery.Transport.SOCKET_MODE);
        assertThat(ack.connection()).isEqualTo(1);
        assertThat(ack.payload().get("text").getAsString()).isEqualTo("On it");
        assertThat(ack.latency()).isPositive().isLessThan(LocalSlack.ACK_DEADLINE);
        assertThat(slack.screenOf(TEAM, "U0ANA"))
                .extracting(Seen::kind, Seen::text, Seen::via)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Seen.Kind.EPHEMERAL, "On it", "ack"));
        assertThat(slack.ackStats().acknowledged()).isEqualTo(1);
    }

    @Test
    void envelopes_are_spread_over_every_open_connection() throws Exception {
        start(LocalSlack.builder());
        SocketClient first = connect(socketUrl());
        first.next();
        SocketClient second = connect(socketUrl());
        assertThat(second.next().get("num_connections").getAsInt()).isEqualTo(2);

        List<Delivery> commands = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            commands.add(slack.as(TEAM, "U0ANA").command("/rapport", "n" + i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> first.frames.size() + second.frames.size() == 4);
        for (SocketClient c : List.of(first, second)) {
            JsonObject envelope;
            while ((envelope = c.frames.poll()) != null) {
                c.ack(envelope, null);
            }
        }

        assertThat(commands).extracting(d -> d.awaitAck().connection()).containsExactlyInAnyOrder(1, 1, 2, 2);
        assertThat(commands).allSatisfy(d -> assertThat(d.awaitAck().payload()).isNull());
    }

    @Test
    void an_event_not_acknowledged_in_time_is_sent_again_with_retry_attempt_and_reason() throws Exception {
        start(LocalSlack.builder().ackDeadline(Duration.ofMillis(300)).eventRetryDelays(Duration.ZERO));
        SocketClient client = connect(socketUrl());
        client.next();
        JsonObject message = new JsonObject();
        message.addProperty("type", "app_home_opened");
        message.addProperty("user", "U0ANA");

        Delivery event = slack.event(TEAM, message);
        JsonObject first = client.next();
        JsonObject retry = client.next();
        client.ack(retry, null);
        Ack last = event.awaitFinalAck(Duration.ofSeconds(10));

        assertThat(first.get("type").getAsString()).isEqualTo("events_api");
        assertThat(first.get("retry_attempt").getAsInt()).isZero();
        assertThat(first.getAsJsonObject("payload").get("type").getAsString()).isEqualTo("event_callback");
        assertThat(retry.get("retry_attempt").getAsInt()).isEqualTo(1);
        assertThat(retry.get("retry_reason").getAsString()).isEqualTo("timeout");
        assertThat(retry.getAsJsonObject("payload").get("event_id"))
                .isEqualTo(first.getAsJsonObject("payload").get("event_id"));
        assertThat(event.acks()).extracting(Ack::outcome).containsExactly(Ack.Outcome.TIMED_OUT, Ack.Outcome.ACKED);
        assertThat(last.attempt()).isEqualTo(1);
    }

    @Test
    void a_disconnect_message_asks_the_client_to_leave_and_no_envelope_goes_to_that_connection() throws Exception {
        start(LocalSlack.builder());
        SocketClient old = connect(socketUrl());
        old.next();

        slack.requestReconnect("refresh_requested");
        JsonObject disconnect = old.next();
        Delivery meanwhile = slack.as(TEAM, "U0ANA").command("/rapport", "health");
        SocketClient fresh = connect(socketUrl());
        fresh.next();
        Delivery after = slack.as(TEAM, "U0ANA").command("/rapport", "health");
        fresh.ack(fresh.next(), null);

        assertThat(disconnect.get("type").getAsString()).isEqualTo("disconnect");
        assertThat(disconnect.get("reason").getAsString()).isEqualTo("refresh_requested");
        assertThat(meanwhile.awaitAck().failure()).isEqualTo("no_socket_connection");
        assertThat(after.awaitAck().connection()).isEqualTo(2);
    }

    @Test
    void dropped_connections_end_without_a_close_frame_and_count_no_more() throws Exception {
        start(LocalSlack.builder());
        SocketClient client = connect(socketUrl());
        client.next();

        slack.dropConnections();

        assertThat(client.ended.get(10, TimeUnit.SECONDS)).isNotEqualTo("closed 1000");
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.socketModeConnections() == 0);
    }

    @Test
    void a_dropped_connection_is_reset_so_the_next_read_fails_instead_of_ending_in_order() throws Exception {
        // An orderly end of stream can be lost by a client busy with the frame before (the JDK's websocket client
        // then never calls its listener); a reset cannot. A plain socket shows which one reaches the wire.
        Map<String, Consumer<LocalSlack>> drops = new LinkedHashMap<>();
        drops.put("dropConnections", LocalSlack::dropConnections);
        drops.put("UNAVAILABLE", s -> s.startOutage(Outage.UNAVAILABLE));
        drops.put("REFUSED", s -> s.startOutage(Outage.REFUSED));
        for (Map.Entry<String, Consumer<LocalSlack>> drop : drops.entrySet()) {
            start(LocalSlack.builder());
            try (Socket socket = openUpToHello(socketUrl())) {
                drop.getValue().accept(slack);

                assertThatThrownBy(() -> socket.getInputStream().read())
                        .as(drop.getKey())
                        .isInstanceOf(SocketException.class)
                        .hasMessageContaining("reset");
            } finally {
                api.close();
                slack.close();
                api = null;
                slack = null;
            }
        }
    }

    @Test
    void during_an_outage_sockets_are_dropped_and_refused_and_afterwards_the_same_url_takes_connections()
            throws Exception {
        start(LocalSlack.builder());
        SocketClient before = connect(socketUrl());
        before.next();
        String unusedTicket = socketUrl();

        slack.startOutage(Outage.UNAVAILABLE);
        String dropped = before.ended.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> connect(unusedTicket))
                .as("refused at the handshake")
                .isInstanceOf(CompletionException.class);
        slack.endOutage();
        SocketClient afterUnavailable = connect(unusedTicket);
        afterUnavailable.next();
        slack.startOutage(Outage.REFUSED);
        afterUnavailable.ended.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> connect(unusedTicket)).as("nothing listens").isInstanceOf(CompletionException.class);
        slack.endOutage();
        SocketClient afterRefused = connect(socketUrl());

        assertThat(dropped).isNotEqualTo("closed 1000");
        assertThat(afterRefused.next().get("type").getAsString()).isEqualTo("hello");
        assertThat(slack.socketModeConnections()).isEqualTo(1);
    }

    /** A websocket opened by hand, read up to the end of the hello frame, so nothing is left unread. */
    private static Socket openUpToHello(String url) throws IOException {
        URI uri = URI.create(url);
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(10_000);
        String key = Base64.getEncoder().encodeToString(new byte[16]);
        String request = "GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        DataInputStream in = new DataInputStream(socket.getInputStream());
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
        in.readUnsignedByte(); // FIN and the text opcode
        int length = in.readUnsignedByte() & 0x7f; // a server's frames are not masked
        if (length == 126) {
            length = in.readUnsignedShort();
        }
        byte[] hello = new byte[length];
        in.readFully(hello);
        assertThat(new String(hello, StandardCharsets.UTF_8)).contains("\"type\":\"hello\"");
        return socket;
    }
}
