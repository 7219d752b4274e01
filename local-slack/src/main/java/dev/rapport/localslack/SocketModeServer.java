package dev.rapport.localslack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rapport.localkit.Http;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode endpoint: the websocket behind the {@code ws://} URL that {@code apps.connections.open} hands
 * out. A connection must present a ticket from that URL (once); it is greeted with {@code hello}, receives envelopes
 * (spread round-robin over the open connections, as Slack spreads them), and answers with ack frames that carry the
 * {@code envelope_id}.
 */
final class SocketModeServer extends WebSocketServer {

    /**
     * Per connection: its number, whether a {@code disconnect} asked it to go (no new envelopes then), and whether it
     * has closed (so that {@link #onOpen} does not list a connection dropped before it got there).
     */
    private static final class Connection {
        final int number;
        volatile boolean retiring;
        volatile boolean closed;

        Connection(int number) {
            this.number = number;
        }
    }

    private final String appId;
    private final Predicate<String> ticketCheck;
    private final BiConsumer<String, JsonObject> onAck;
    private final List<WebSocket> ready = new CopyOnWriteArrayList<>();
    private final AtomicInteger numbers = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch started = new CountDownLatch(1);
    /** Held while {@link #refusing} changes and while a connection is admitted: see {@link #addConnection}. */
    private final Object admission = new Object();

    private volatile boolean refusing;

    private SocketModeServer(
            ServerSocketChannel channel,
            String appId,
            Predicate<String> ticketCheck,
            BiConsumer<String, JsonObject> onAck) {
        super(channel);
        this.appId = appId;
        this.ticketCheck = ticketCheck;
        this.onAck = onAck;
        setReuseAddr(true);
        setDaemon(true);
    }

    /** Listens on the loopback interface, on {@code port} (0 for any free one); returns once it accepts. */
    static SocketModeServer start(
            int port, String appId, Predicate<String> ticketCheck, BiConsumer<String, JsonObject> onAck)
            throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        // The same port again after an outage that closed it: the old socket may still be in TIME_WAIT.
        channel.socket().setReuseAddress(true);
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        SocketModeServer server = new SocketModeServer(channel, appId, ticketCheck, onAck);
        server.start();
        try {
            if (!server.started.await(10, TimeUnit.SECONDS)) {
                throw new IOException("the Socket Mode server did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the Socket Mode server", e);
        }
        return server;
    }

    /** Connections open and greeted. */
    int connections() {
        return ready.size();
    }

    /**
     * While set, new connections are refused at the handshake (an outage), and one whose handshake passed just before
     * is dropped as it opens. Once this returns, {@link #dropAll} reaches every connection that is or will be open.
     */
    void refuse(boolean refuse) {
        synchronized (admission) {
            this.refusing = refuse;
        }
    }

    /**
     * Sends a frame on the next connection in turn, skipping those asked to leave; answers the connection's number,
     * or 0 if none was open. Slack sends each envelope on one of the app's connections, so an app must handle them on
     * any.
     */
    int sendToOne(String frame) {
        for (int tries = 0; tries < ready.size() * 2; tries++) {
            List<WebSocket> open = ready.stream()
                    .filter(WebSocket::isOpen)
                    .filter(c -> !((Connection) c.getAttachment()).retiring)
                    .toList();
            if (open.isEmpty()) {
                return 0;
            }
            WebSocket conn = open.get(Math.floorMod(next.getAndIncrement(), open.size()));
            try {
                conn.send(frame);
                return ((Connection) conn.getAttachment()).number;
            } catch (RuntimeException closedMeanwhile) {
                ready.remove(conn);
            }
        }
        return 0;
    }

    /**
     * Resets every connection, without a close handshake, as a network failure would. The server's set holds each
     * connection from just before {@link #onOpen}, so this also reaches one not greeted yet; each leaves
     * {@link #ready} in {@link #onClose}.
     */
    void dropAll() {
        for (WebSocket conn : getConnections()) {
            drop(conn);
        }
    }

    /**
     * Closes the socket with a TCP reset rather than an orderly FIN. A client may miss an end of stream that arrives
     * while it still handles the frame before: the JDK's websocket client then throws an InternalError inside its
     * selector thread and never tells its listener, leaving its socket in CLOSE_WAIT. A reset fails the client's next
     * read on its error path, which every client reports, whatever it is busy with.
     */
    private static void drop(WebSocket conn) {
        if (conn instanceof WebSocketImpl impl && impl.getChannel() instanceof SocketChannel channel) {
            try {
                // With no linger the close discards what is unsent and resets; it happens when the selector lets go
                // of the channel, which closeConnection wakes it for.
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException closedAlready) {
                // nothing to reset: the connection is gone already
            }
        }
        conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the local Slack");
    }

    /**
     * Sends Slack's {@code disconnect} message ({@code refresh_requested}, {@code warning}, {@code link_disabled}) to
     * every connection: the client should open a new connection and leave this one. No new envelope goes to it.
     */
    void askToDisconnect(String reason) {
        JsonObject message = new JsonObject();
        message.addProperty("type", "disconnect");
        message.addProperty("reason", reason);
        message.add("debug_info", debugInfo());
        String frame = message.toString();
        for (WebSocket conn : ready) {
            ((Connection) conn.getAttachment()).retiring = true;
            if (conn.isOpen()) {
                conn.send(frame);
            }
        }
    }

    /** Closes, with a close frame, the connections that were asked to disconnect and are still open. */
    void closeRetiring() {
        for (WebSocket conn : ready) {
            if (((Connection) conn.getAttachment()).retiring && conn.isOpen()) {
                conn.close(CloseFrame.GOING_AWAY, "disconnected by the local Slack");
            }
        }
    }

    /**
     * Stops listening, dropping what is still connected, and returns once the port is free. Refusing first admits no
     * connection after the drop, so stop() finds none left to close with a close frame.
     */
    void shutdown() {
        refuse(true);
        dropAll();
        try {
            // No timeout: the selector thread closes the listening socket and the dropped ones as it ends, and the
            // same port is bound again when a REFUSED outage ends.
            stop(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
            WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
        ServerHandshakeBuilder builder = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        if (refusing) {
            throw new InvalidDataException(CloseFrame.TRY_AGAIN_LATER, "Slack is unavailable");
        }
        String ticket = query(request.getResourceDescriptor()).get("ticket");
        if (ticket == null || !ticketCheck.test(ticket)) {
            // Slack's tickets are single-use: a client must call apps.connections.open for every connection.
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "invalid or used ticket");
        }
        return builder;
    }

    /**
     * The server lists a connection here, after its handshake, just before {@link #onOpen}. A handshake that passed
     * before an outage began may open after {@link #dropAll} ran: under {@link #admission} a connection is either
     * listed before {@link #refuse} returns, so the drop that follows reaches it, or it sees the outage and is
     * dropped here.
     */
    @Override
    protected boolean addConnection(WebSocket conn) {
        synchronized (admission) {
            if (refusing) {
                drop(conn);
                return false; // no onOpen, no hello
            }
            conn.setAttachment(new Connection(numbers.incrementAndGet()));
            return super.addConnection(conn);
        }
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        Connection connection = (Connection) conn.getAttachment();
        ready.add(conn);
        if (connection.closed || !conn.isOpen()) {
            // Dropped between being listed and here: its onClose may have run before the add, so take it out again.
            ready.remove(conn);
            return;
        }
        JsonObject hello = new JsonObject();
        hello.addProperty("type", "hello");
        hello.addProperty("num_connections", ready.size());
        hello.add("debug_info", debugInfo());
        JsonObject info = new JsonObject();
        info.addProperty("app_id", appId);
        hello.add("connection_info", info);
        conn.send(hello.toString());
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        // Only connections listed by addConnection get here, so each carries its Connection.
        ((Connection) conn.getAttachment()).closed = true;
        ready.remove(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        JsonObject frame;
        try {
            frame = JsonParser.parseString(message).getAsJsonObject();
        } catch (RuntimeException notJson) {
            return; // Slack ignores what it cannot read; the delivery then times out
        }
        if (frame.has("envelope_id") && frame.get("envelope_id").isJsonPrimitive()) {
            onAck.accept(message, frame);
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // A connection's error ends in onClose; the server's own (port in use) surfaces in start().
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    private JsonObject debugInfo() {
        JsonObject debug = new JsonObject();
        debug.addProperty("host", "local-slack-" + getPort());
        debug.addProperty("build_number", 1);
        debug.addProperty("approximate_connection_time", 18060);
        return debug;
    }

    private static Map<String, String> query(String resource) {
        try {
            return Http.form(URI.create(resource).getRawQuery());
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }
}
