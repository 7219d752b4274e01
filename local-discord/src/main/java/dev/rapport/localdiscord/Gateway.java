package dev.rapport.localdiscord;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * Discord's gateway, version 10, JSON text frames, on a loopback websocket: HELLO, IDENTIFY, HEARTBEAT and its ACK,
 * READY and one GUILD_CREATE per guild of the shard, dispatches with sequence numbers, RESUME with replay of what the
 * client missed, RECONNECT and INVALID_SESSION, and the close codes Discord uses for a bad token, shard or intents.
 *
 * <p>A session outlives its connection: dispatches for a session whose connection dropped are kept (up to
 * {@link #MAX_LOG} per session) and replayed when the client resumes, as Discord does. Sessions also outlive the
 * listening socket: a websocket server cannot be started twice, so each period of listening has a {@link Listener} of
 * its own on the same port, and a client can resume after a refused-connection outage.
 */
final class Gateway {

    static final int DISPATCH = 0;
    static final int HEARTBEAT = 1;
    static final int IDENTIFY = 2;
    static final int PRESENCE_UPDATE = 3;
    static final int VOICE_STATE_UPDATE = 4;
    static final int RESUME = 6;
    static final int RECONNECT = 7;
    static final int REQUEST_GUILD_MEMBERS = 8;
    static final int INVALID_SESSION = 9;
    static final int HELLO = 10;
    static final int HEARTBEAT_ACK = 11;

    static final int UNKNOWN_OPCODE = 4001;
    static final int DECODE_ERROR = 4002;
    static final int NOT_AUTHENTICATED = 4003;
    static final int AUTHENTICATION_FAILED = 4004;
    static final int ALREADY_AUTHENTICATED = 4005;
    static final int INVALID_SEQ = 4007;
    static final int INVALID_SHARD = 4010;
    static final int INVALID_API_VERSION = 4012;
    static final int INVALID_INTENTS = 4013;
    static final int DISALLOWED_INTENTS = 4014;

    /** How many dispatches a session keeps for resuming. */
    static final int MAX_LOG = 10_000;

    private static final int APPLICATION_GATEWAY_PRESENCE = 1 << 12;
    private static final int APPLICATION_GATEWAY_GUILD_MEMBERS = 1 << 14;
    private static final int APPLICATION_GATEWAY_MESSAGE_CONTENT = 1 << 18;

    private final World world;
    private final int heartbeatMillis;
    private final Object lifecycle = new Object();
    /** Null while nothing listens (before the start, during a refused-connection outage, after the shutdown). */
    private volatile Listener listener;
    /** The port asked for until the first start, then the port bound, which every later listener binds again. */
    private volatile int port;

    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final List<GatewayLogin> logins = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessionStartsLeft = new AtomicInteger(1000);
    private volatile boolean outage;

    /** One gateway session: its shard, intents, sequence and log of dispatches; its connection may come and go. */
    static final class Session {
        final String id;
        final int shard;
        final int shardCount;
        final int intents;
        final AtomicReference<WebSocket> conn = new AtomicReference<>();
        // Guarded by this.
        private int seq;
        private final Deque<Entry> log = new ArrayDeque<>();
        volatile boolean invalid;

        Session(String id, int shard, int shardCount, int intents) {
            this.id = id;
            this.shard = shard;
            this.shardCount = shardCount;
            this.intents = intents;
        }

        boolean owns(long guildId) {
            return guildId == 0 ? shard == 0 : Snowflakes.shardOf(guildId, shardCount) == shard;
        }

        boolean connected() {
            WebSocket c = conn.get();
            return c != null && c.isOpen();
        }
    }

    private static final class Entry {
        final int seq;
        final String text;
        final Runnable onFirstSend;
        final Runnable onUnsent;
        boolean sent;

        Entry(int seq, String text, Runnable onFirstSend, Runnable onUnsent) {
            this.seq = seq;
            this.text = text;
            this.onFirstSend = onFirstSend;
            this.onUnsent = onUnsent;
        }
    }

    /** What a connection knows about itself. */
    private static final class Conn {
        volatile Session session;
    }

    Gateway(World world, int heartbeatMillis, int port) {
        this.world = world;
        this.heartbeatMillis = heartbeatMillis;
        this.port = port;
    }

    /** Listens on the port (a free one the first time if it was 0, the same one ever after). */
    void startAndWait() {
        synchronized (lifecycle) {
            if (listener != null) {
                return;
            }
            Listener l = new Listener(port);
            l.startAndWait();
            port = l.getPort();
            listener = l;
        }
    }

    /** Stops listening: open connections drop without a close frame, and connecting is refused until restarted. */
    void stopListening() {
        synchronized (lifecycle) {
            Listener l = listener;
            listener = null;
            if (l == null) {
                return;
            }
            dropAllConnections();
            try {
                // Returns once the selector thread has closed the server socket, so the port is free to bind again.
                l.stop(5_000, "local-discord stopped listening");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String url() {
        return "ws://127.0.0.1:" + port;
    }

    int sessionStartsLeft() {
        return sessionStartsLeft.get();
    }

    List<GatewayLogin> logins() {
        return List.copyOf(logins);
    }

    Set<Integer> connectedShards() {
        Set<Integer> out = new TreeSet<>();
        synchronized (sessions) {
            for (Session s : sessions.values()) {
                if (!s.invalid && s.connected()) {
                    out.add(s.shard);
                }
            }
        }
        return out;
    }

    // ---- the websocket

    /** One period of listening on the gateway's port; its callbacks are the gateway's. */
    private final class Listener extends WebSocketServer {

        private final CountDownLatch started = new CountDownLatch(1);
        private final AtomicReference<Exception> startFailure = new AtomicReference<>();

        Listener(int port) {
            super(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2);
            setDaemon(true);
            setReuseAddr(true);
            // Discord watches heartbeats, not websocket pings.
            setConnectionLostTimeout(0);
        }

        void startAndWait() {
            start();
            try {
                if (!started.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the local gateway did not start within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the local gateway started", e);
            }
            if (startFailure.get() != null) {
                throw new IllegalStateException(
                        "the local gateway could not listen on port " + port, startFailure.get());
            }
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
                WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
            if (outage) {
                throw new InvalidDataException(CloseFrame.TRY_AGAIN_LATER, "the local Discord is having an outage");
            }
            return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            opened(conn, handshake);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            closed(conn);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received(conn, message);
        }

        @Override
        public void onMessage(WebSocket conn, java.nio.ByteBuffer message) {
            conn.close(DECODE_ERROR, "local-discord reads JSON text frames only");
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null && started.getCount() > 0) {
                startFailure.set(ex);
                started.countDown();
            }
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    private void opened(WebSocket conn, ClientHandshake handshake) {
        conn.setAttachment(new Conn());
        Map<String, String> query = query(handshake.getResourceDescriptor());
        String version = query.get("v");
        if (version != null && !version.equals("10")) {
            conn.close(INVALID_API_VERSION, "Invalid API version");
            return;
        }
        String encoding = query.getOrDefault("encoding", "json");
        if (!encoding.equals("json") || query.containsKey("compress")) {
            conn.close(
                    INVALID_API_VERSION,
                    "local-discord speaks JSON text frames only: use Compression.NONE and encoding=json");
            return;
        }
        send(conn, Json.obj("op", HELLO, "d", Json.obj("heartbeat_interval", heartbeatMillis), "s", null, "t", null));
    }

    private void closed(WebSocket conn) {
        Conn c = conn.getAttachment();
        if (c != null && c.session != null) {
            c.session.conn.compareAndSet(conn, null);
        }
    }

    private void received(WebSocket conn, String message) {
        Conn c = conn.getAttachment();
        JsonObject frame;
        try {
            JsonElement parsed = JsonParser.parseString(message);
            frame = parsed.getAsJsonObject();
        } catch (RuntimeException e) {
            conn.close(DECODE_ERROR, "Error while decoding payload.");
            return;
        }
        int op = Json.integer(frame, "op", -1);
        JsonObject d = Json.object(frame, "d");
        switch (op) {
            case HEARTBEAT -> send(conn, Json.obj("op", HEARTBEAT_ACK, "d", null, "s", null, "t", null));
            case IDENTIFY -> identify(conn, c, d == null ? new JsonObject() : d);
            case RESUME -> resume(conn, c, d == null ? new JsonObject() : d);
            case PRESENCE_UPDATE, VOICE_STATE_UPDATE -> {
                if (c.session == null) {
                    conn.close(NOT_AUTHENTICATED, "Not authenticated.");
                }
            }
            case REQUEST_GUILD_MEMBERS -> {
                if (c.session == null) {
                    conn.close(NOT_AUTHENTICATED, "Not authenticated.");
                } else {
                    members(c.session, d == null ? new JsonObject() : d);
                }
            }
            default -> conn.close(UNKNOWN_OPCODE, "Unknown opcode.");
        }
    }

    // ---- opcodes

    private void identify(WebSocket conn, Conn c, JsonObject d) {
        if (c.session != null) {
            conn.close(ALREADY_AUTHENTICATED, "Already authenticated.");
            return;
        }
        JsonArray shardArray = Json.array(d, "shard");
        int shard = shardArray.size() == 2 ? shardArray.get(0).getAsInt() : 0;
        int count = shardArray.size() == 2 ? shardArray.get(1).getAsInt() : 1;
        int intents = Json.integer(d, "intents", -1);
        if (!world.botToken.equals(bare(Json.string(d, "token")))) {
            refuse(
                    conn,
                    GatewayLogin.Kind.IDENTIFY,
                    shard,
                    count,
                    intents,
                    AUTHENTICATION_FAILED,
                    "Authentication " + "failed.");
            return;
        }
        if (count < 1 || shard < 0 || shard >= count) {
            refuse(conn, GatewayLogin.Kind.IDENTIFY, shard, count, intents, INVALID_SHARD, "Invalid shard.");
            return;
        }
        if (intents < 0 || intents >= (1 << 26)) {
            refuse(conn, GatewayLogin.Kind.IDENTIFY, shard, count, intents, INVALID_INTENTS, "Invalid intent(s).");
            return;
        }
        if ((intents & Intents.PRIVILEGED & ~world.grantedIntents) != 0) {
            refuse(
                    conn,
                    GatewayLogin.Kind.IDENTIFY,
                    shard,
                    count,
                    intents,
                    DISALLOWED_INTENTS,
                    "Disallowed " + "intent(s).");
            return;
        }
        Session s = new Session(World.newSessionId(), shard, count, intents);
        JsonObject ready = ready(s);
        List<JsonObject> guildCreates = new ArrayList<>();
        boolean allMembers = (intents & Intents.GUILD_MEMBERS) != 0;
        for (World.Guild g : world.guildsOfShard(shard, count)) {
            guildCreates.add(world.guildCreate(g, allMembers));
        }
        synchronized (sessions) {
            // A new session for a shard replaces the old one: Discord routes the shard's events to the new one.
            for (Session old : sessions.values()) {
                if (old.shard == shard && old.shardCount == count) {
                    old.invalid = true;
                }
            }
            sessions.put(s.id, s);
        }
        sessionStartsLeft.updateAndGet(n -> Math.max(0, n - 1));
        logins.add(new GatewayLogin(GatewayLogin.Kind.IDENTIFY, shard, count, intents, s.id, 0, world.clock.instant()));
        c.session = s;
        synchronized (s) {
            s.conn.set(conn);
            dispatch(s, "READY", ready, null);
            for (JsonObject g : guildCreates) {
                dispatch(s, "GUILD_CREATE", g, null);
            }
        }
    }

    private JsonObject ready(Session s) {
        JsonArray guilds = new JsonArray();
        for (World.Guild g : world.guildsOfShard(s.shard, s.shardCount)) {
            guilds.add(Json.obj("id", Json.id(g.id()), "unavailable", true));
        }
        int flags = 0;
        if ((world.grantedIntents & Intents.GUILD_PRESENCES) != 0) {
            flags |= APPLICATION_GATEWAY_PRESENCE;
        }
        if ((world.grantedIntents & Intents.GUILD_MEMBERS) != 0) {
            flags |= APPLICATION_GATEWAY_GUILD_MEMBERS;
        }
        if ((world.grantedIntents & Intents.MESSAGE_CONTENT) != 0) {
            flags |= APPLICATION_GATEWAY_MESSAGE_CONTENT;
        }
        return Json.obj(
                "v",
                10,
                "user",
                world.selfJson(),
                "user_settings",
                new JsonObject(),
                "guilds",
                guilds,
                "session_id",
                s.id,
                "session_type",
                "normal",
                "resume_gateway_url",
                url(),
                "shard",
                Json.arr(s.shard, s.shardCount),
                "application",
                Json.obj("id", Json.id(world.applicationId), "flags", flags),
                "private_channels",
                new JsonArray(),
                "relationships",
                new JsonArray(),
                "presences",
                new JsonArray(),
                "guild_join_requests",
                new JsonArray(),
                "geo_ordered_rtc_regions",
                new JsonArray(),
                "auth",
                new JsonObject(),
                "_trace",
                Json.arr("[\"local-discord\",{\"micros\":0}]"));
    }

    private void resume(WebSocket conn, Conn c, JsonObject d) {
        if (c.session != null) {
            conn.close(ALREADY_AUTHENTICATED, "Already authenticated.");
            return;
        }
        String id = Json.string(d, "session_id");
        int seq = Json.integer(d, "seq", 0);
        Session s;
        synchronized (sessions) {
            s = id == null ? null : sessions.get(id);
        }
        int shard = s == null ? -1 : s.shard;
        int count = s == null ? 0 : s.shardCount;
        int intents = s == null ? 0 : s.intents;
        if (!world.botToken.equals(bare(Json.string(d, "token")))) {
            refuse(
                    conn,
                    GatewayLogin.Kind.RESUME,
                    shard,
                    count,
                    intents,
                    AUTHENTICATION_FAILED,
                    "Authentication " + "failed.");
            return;
        }
        if (s == null || s.invalid) {
            logins.add(new GatewayLogin(
                    GatewayLogin.Kind.RESUME, shard, count, intents, null, INVALID_SESSION, world.clock.instant()));
            send(conn, Json.obj("op", INVALID_SESSION, "d", false, "s", null, "t", null));
            return;
        }
        synchronized (s) {
            Entry oldest = s.log.peekFirst();
            if (seq > s.seq) {
                refuse(conn, GatewayLogin.Kind.RESUME, shard, count, intents, INVALID_SEQ, "Invalid seq.");
                return;
            }
            if (oldest != null && oldest.seq > seq + 1) {
                // What the client missed is no longer kept: Discord answers that the session cannot be resumed.
                logins.add(new GatewayLogin(
                        GatewayLogin.Kind.RESUME, shard, count, intents, null, INVALID_SESSION, world.clock.instant()));
                send(conn, Json.obj("op", INVALID_SESSION, "d", false, "s", null, "t", null));
                return;
            }
            WebSocket previous = s.conn.getAndSet(conn);
            c.session = s;
            if (previous != null && previous != conn) {
                previous.closeConnection(CloseFrame.ABNORMAL_CLOSE, "resumed elsewhere");
            }
            for (Entry e : s.log) {
                if (e.seq > seq) {
                    write(s, e);
                }
            }
            dispatch(s, "RESUMED", Json.obj("_trace", Json.arr("[\"local-discord\",{\"micros\":0}]")), null);
        }
        logins.add(new GatewayLogin(GatewayLogin.Kind.RESUME, shard, count, intents, s.id, 0, world.clock.instant()));
    }

    private void members(Session s, JsonObject d) {
        long guildId = Json.snowflake(d, "guild_id");
        World.Guild g = world.guild(guildId).orElse(null);
        if (g == null || !s.owns(guildId)) {
            return;
        }
        JsonArray wanted = Json.array(d, "user_ids");
        JsonArray members = new JsonArray();
        JsonArray notFound = new JsonArray();
        if (wanted.isEmpty()) {
            g.members().values().forEach(m -> members.add(world.memberJson(g, m, true)));
        } else {
            for (JsonElement e : wanted) {
                World.Member m = g.members().get(Long.parseUnsignedLong(e.getAsString()));
                if (m == null) {
                    notFound.add(e.getAsString());
                } else {
                    members.add(world.memberJson(g, m, true));
                }
            }
        }
        JsonObject chunk = Json.obj(
                "guild_id",
                Json.id(guildId),
                "members",
                members,
                "chunk_index",
                0,
                "chunk_count",
                1,
                "not_found",
                notFound);
        if (Json.has(d, "nonce")) {
            chunk.add("nonce", d.get("nonce"));
        }
        synchronized (s) {
            dispatch(s, "GUILD_MEMBERS_CHUNK", chunk, null);
        }
    }

    // ---- dispatching

    /** The live session that receives events for a guild (0 for DMs, which go to shard 0). */
    Session route(long guildId) {
        synchronized (sessions) {
            List<Session> newestFirst = new ArrayList<>(sessions.values());
            java.util.Collections.reverse(newestFirst);
            for (Session s : newestFirst) {
                if (!s.invalid && s.owns(guildId)) {
                    return s;
                }
            }
        }
        return null;
    }

    /**
     * Sends an event to the session that receives a guild's events (0 for DMs), if that session identified with one of
     * {@code intents}: without the intent Discord sends nothing, and never sends it later.
     */
    void dispatchToSubscribers(long guildId, int intents, String type, JsonObject d) {
        Session s = route(guildId);
        if (s != null && (s.intents & intents) != 0) {
            dispatch(s, type, d, null);
        }
    }

    /**
     * Sends a dispatch to a session (or keeps it for the resume, if its connection is down); {@code onFirstSend} runs
     * when it is first written to a client.
     */
    void dispatch(Session s, String type, JsonObject d, Runnable onFirstSend) {
        dispatch(s, type, d, onFirstSend, null);
    }

    /** As {@link #dispatch(Session, String, JsonObject, Runnable)}; {@code onUnsent} undoes {@code onFirstSend}. */
    void dispatch(Session s, String type, JsonObject d, Runnable onFirstSend, Runnable onUnsent) {
        synchronized (s) {
            s.seq++;
            JsonObject frame = Json.obj("op", DISPATCH, "s", s.seq, "t", type, "d", d);
            Entry e = new Entry(s.seq, frame.toString(), onFirstSend, onUnsent);
            s.log.addLast(e);
            while (s.log.size() > MAX_LOG) {
                s.log.removeFirst();
            }
            write(s, e);
        }
    }

    private void write(Session s, Entry e) {
        WebSocket conn = s.conn.get();
        if (conn == null || outage) {
            return;
        }
        // Marked before the frame is handed to the socket, whose writer thread sends it at once: a bot quick enough to
        // answer before this thread ran on would otherwise find its interaction not yet delivered (10062).
        boolean first = !e.sent;
        if (first) {
            e.sent = true;
            if (e.onFirstSend != null) {
                e.onFirstSend.run();
            }
        }
        try {
            conn.send(e.text);
        } catch (WebsocketNotConnectedException gone) {
            s.conn.compareAndSet(conn, null);
            if (first) {
                e.sent = false;
                if (e.onUnsent != null) {
                    e.onUnsent.run();
                }
            }
        }
    }

    private static void send(WebSocket conn, JsonObject frame) {
        try {
            conn.send(frame.toString());
        } catch (WebsocketNotConnectedException ignored) {
            // The client went away; it will reconnect or not, as it decides.
        }
    }

    private void refuse(
            WebSocket conn, GatewayLogin.Kind kind, int shard, int count, int intents, int code, String reason) {
        logins.add(new GatewayLogin(kind, shard, count, intents, null, code, world.clock.instant()));
        conn.close(code, reason);
    }

    private static String bare(String token) {
        if (token == null) {
            return null;
        }
        return token.regionMatches(true, 0, "Bot ", 0, 4) ? token.substring(4) : token;
    }

    // ---- faults

    private List<Session> liveSessionsOf(int shard) {
        synchronized (sessions) {
            return sessions.values().stream()
                    .filter(s -> !s.invalid && s.shard == shard)
                    .toList();
        }
    }

    /** Drops the shard's connection without a close frame, as a network failure would. */
    boolean drop(int shard) {
        boolean any = false;
        for (Session s : liveSessionsOf(shard)) {
            WebSocket conn = s.conn.getAndSet(null);
            if (conn != null) {
                reset(conn, "local-discord dropped the connection");
                any = true;
            }
        }
        return any;
    }

    /** Closes the shard's connection with a close code, e.g. 4000 (the session may resume) or 4009. */
    boolean close(int shard, int code, String reason) {
        boolean any = false;
        for (Session s : liveSessionsOf(shard)) {
            WebSocket conn = s.conn.getAndSet(null);
            if (conn != null) {
                conn.close(code, reason);
                any = true;
            }
        }
        return any;
    }

    /** Sends op 7 RECONNECT: the client should reconnect and resume. */
    boolean requestReconnect(int shard) {
        boolean any = false;
        for (Session s : liveSessionsOf(shard)) {
            WebSocket conn = s.conn.get();
            if (conn != null) {
                send(conn, Json.obj("op", RECONNECT, "d", null, "s", null, "t", null));
                any = true;
            }
        }
        return any;
    }

    /** Sends op 9 INVALID_SESSION; unless {@code resumable}, the session is gone and the client must identify anew. */
    boolean invalidateSession(int shard, boolean resumable) {
        boolean any = false;
        for (Session s : liveSessionsOf(shard)) {
            if (!resumable) {
                s.invalid = true;
            }
            WebSocket conn = s.conn.get();
            if (conn != null) {
                send(conn, Json.obj("op", INVALID_SESSION, "d", resumable, "s", null, "t", null));
                any = true;
            }
        }
        return any;
    }

    /** During an outage connections are dropped and new ones refused; sessions survive for resuming afterwards. */
    void outage(boolean on) {
        outage = on;
        if (on) {
            dropAllConnections();
        }
    }

    private void dropAllConnections() {
        List<Session> all;
        synchronized (sessions) {
            all = List.copyOf(sessions.values());
        }
        for (Session s : all) {
            WebSocket conn = s.conn.getAndSet(null);
            if (conn != null) {
                reset(conn, "outage");
            }
        }
        Listener l = listener;
        if (l != null) {
            // A connection that has not identified yet belongs to no session.
            for (WebSocket conn : l.getConnections()) {
                reset(conn, "outage");
            }
        }
    }

    /**
     * Drops a connection with a TCP reset rather than an orderly end of stream, as a dying server or network does. A
     * client may miss an orderly end of stream that arrives while it still handles the frame before (the JDK's
     * websocket client then never tells its listener); a reset fails its next read, which every client reports.
     */
    private static void reset(WebSocket conn, String why) {
        if (conn instanceof org.java_websocket.WebSocketImpl impl
                && impl.getChannel() instanceof java.nio.channels.SocketChannel channel) {
            try {
                // With no linger the close discards what is unsent and resets the connection.
                channel.setOption(java.net.StandardSocketOptions.SO_LINGER, 0);
            } catch (java.io.IOException closedAlready) {
                // nothing to reset: the connection is gone already
            }
        }
        conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, why);
    }

    void shutdown() {
        synchronized (lifecycle) {
            Listener l = listener;
            listener = null;
            if (l != null) {
                try {
                    l.stop(500, "local-discord is shutting down");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static Map<String, String> query(String resource) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            String raw = URI.create("http://localhost" + (resource.startsWith("/") ? "" : "/") + resource)
                    .getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int eq = pair.indexOf('=');
                    out.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
                }
            }
        } catch (IllegalArgumentException ignored) {
            // A malformed query is treated as none.
        }
        return out;
    }
}
