package dev.rapport.localdiscord;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bare gateway client on the JDK's websocket, for testing the protocol frame by frame. */
final class GatewayClient implements AutoCloseable {

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    GatewayClient(String url) {
        StringBuilder partial = new StringBuilder();
        this.socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(
                                    JsonParser.parseString(partial.toString()).getAsJsonObject());
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        closed.complete(1006);
                    }
                })
                .join();
    }

    static GatewayClient connect(LocalDiscord discord) {
        return new GatewayClient(discord.gatewayUrl() + "/?v=10&encoding=json");
    }

    void send(JsonObject frame) {
        socket.sendText(frame.toString(), true).join();
    }

    void identify(String token, int shard, int count, int intents) {
        send(Json.obj(
                "op",
                2,
                "d",
                Json.obj(
                        "token",
                        token,
                        "intents",
                        intents,
                        "shard",
                        Json.arr(shard, count),
                        "properties",
                        Json.obj("os", "linux", "browser", "test", "device", "test"))));
    }

    void resume(String token, String sessionId, int seq) {
        send(Json.obj("op", 6, "d", Json.obj("token", token, "session_id", sessionId, "seq", seq)));
    }

    JsonObject next() {
        try {
            JsonObject f = frames.poll(5, TimeUnit.SECONDS);
            if (f == null) {
                throw new AssertionError("no gateway frame within 5 s");
            }
            return f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next dispatch, skipping other opcodes. */
    JsonObject nextDispatch() {
        while (true) {
            JsonObject f = next();
            if (f.get("op").getAsInt() == 0) {
                return f;
            }
        }
    }

    int awaitClose(Duration timeout) {
        return closed.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        socket.abort();
        http.close();
    }
}
