package dev.rapport.localslack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A Socket Mode client on the JDK's websocket: queues the frames it receives, or answers envelopes itself when given
 * an answer ({@link #answering}), acking each with the payload the function returns (none for {@code null}).
 */
final class SocketClient implements WebSocket.Listener, AutoCloseable {

    final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<String> ended = new CompletableFuture<>();
    private final Function<JsonObject, JsonObject> answer;
    private StringBuilder partial = new StringBuilder();
    private WebSocket ws;

    private SocketClient(Function<JsonObject, JsonObject> answer) {
        this.answer = answer;
    }

    static SocketClient connect(HttpClient http, String url) {
        return connect(http, url, null);
    }

    /** A client that acks every envelope at once with {@code answer.apply(envelope)} as the ack's payload. */
    static SocketClient answering(HttpClient http, String url, Function<JsonObject, JsonObject> answer) {
        return connect(http, url, answer);
    }

    private static SocketClient connect(HttpClient http, String url, Function<JsonObject, JsonObject> answer) {
        SocketClient client = new SocketClient(answer);
        client.ws =
                http.newWebSocketBuilder().buildAsync(URI.create(url), client).join();
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonObject frame = JsonParser.parseString(partial.toString()).getAsJsonObject();
            partial = new StringBuilder();
            if (answer != null && frame.has("envelope_id")) {
                ack(frame, answer.apply(frame));
            } else {
                frames.add(frame);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        ended.complete("closed " + statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        ended.complete("error " + error.getClass().getSimpleName());
    }

    JsonObject next() throws InterruptedException {
        JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
        assertThat(frame).as("a frame within 10 s").isNotNull();
        return frame;
    }

    void ack(JsonObject envelope, JsonObject payload) {
        JsonObject ack = new JsonObject();
        ack.add("envelope_id", envelope.get("envelope_id"));
        if (payload != null) {
            ack.add("payload", payload);
        }
        ws.sendText(ack.toString(), true).join();
    }

    @Override
    public void close() {
        ws.abort();
    }
}
