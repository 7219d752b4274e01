package dev.rapport.localslack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rapport.localkit.Http;
import dev.rapport.localkit.Outage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What listens: the HTTP server (the Web API, {@code response_url}s, uploads and file downloads, routed here) and the
 * Socket Mode server, on loopback ports; the outages that stop them answering or listening; the executor and the timer
 * everything else runs on. A refused-connection outage closes both sockets and opens them again on the same ports.
 */
final class Servers implements AutoCloseable {

    final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "local-slack-timer");
        t.setDaemon(true);
        return t;
    });

    private final World world;
    private final Object lifecycle = new Object();
    private WebApi webApi;
    private Deliverer deliverer;
    private Replies replies;
    private FilesMethods files;
    private int httpPort;
    private int socketPort;
    private volatile HttpServer server;
    private volatile SocketModeServer socketServer;
    private volatile Outage outage;

    Servers(World world) {
        this.world = world;
    }

    /** Starts listening, on the given ports or (0) any free ones, with the handlers of what arrives. */
    void start(int apiPort, int socketModePort, WebApi webApi, Deliverer deliverer, Replies replies, FilesMethods files)
            throws IOException {
        this.webApi = webApi;
        this.deliverer = deliverer;
        this.replies = replies;
        this.files = files;
        this.server = httpServer(apiPort);
        this.httpPort = server.getAddress().getPort();
        try {
            this.socketServer = socketServer(socketModePort);
        } catch (IOException | RuntimeException e) {
            server.stop(0);
            throw e;
        }
        this.socketPort = socketServer.getPort();
        world.listening(httpPort, socketPort);
    }

    SocketModeServer socketServer() {
        return socketServer;
    }

    /** Socket Mode connections open and greeted with {@code hello}. */
    int socketModeConnections() {
        SocketModeServer s = socketServer;
        return s == null ? 0 : s.connections();
    }

    /** Drops every Socket Mode connection without a close handshake. */
    void dropConnections() {
        SocketModeServer s = socketServer;
        if (s != null) {
            s.dropAll();
        }
    }

    /** Sends {@code disconnect} on every connection; those still open after the grace are closed. */
    void requestReconnect(String reason) {
        SocketModeServer s = socketServer;
        if (s != null) {
            s.askToDisconnect(reason);
            timer.schedule(s::closeRetiring, world.disconnectGrace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void startOutage(Outage kind) {
        Objects.requireNonNull(kind);
        synchronized (lifecycle) {
            if (outage != null) {
                endOutage();
            }
            outage = kind;
            SocketModeServer s = socketServer;
            switch (kind) {
                case UNAVAILABLE -> {
                    if (s != null) {
                        s.refuse(true);
                        s.dropAll();
                    }
                }
                case REFUSED -> {
                    if (s != null) {
                        s.shutdown();
                    }
                    socketServer = null;
                    server.stop(0);
                }
            }
        }
    }

    void endOutage() {
        synchronized (lifecycle) {
            Outage was = outage;
            if (was == null) {
                return;
            }
            try {
                if (was == Outage.REFUSED) {
                    server = httpServer(httpPort);
                    socketServer = socketServer(socketPort);
                } else if (socketServer != null) {
                    socketServer.refuse(false);
                }
            } catch (IOException e) {
                throw new IllegalStateException("the local Slack could not listen again on its ports", e);
            }
            outage = null;
        }
    }

    Optional<Outage> outage() {
        return Optional.ofNullable(outage);
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            timer.shutdownNow();
            SocketModeServer s = socketServer;
            if (s != null) {
                s.shutdown();
            }
            if (outage != Outage.REFUSED) {
                server.stop(0); // during a REFUSED outage it is stopped already
            }
            deliverer.close();
            executor.shutdownNow();
        }
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpServer httpServer(int port) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        s.setExecutor(executor);
        s.createContext("/", this::route);
        s.start();
        return s;
    }

    private SocketModeServer socketServer(int port) throws IOException {
        return SocketModeServer.start(port, world.appId, world::takeTicket, deliverer::socketAck);
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                dispatch(exchange);
            } catch (RuntimeException e) {
                // A bug in a handler must still answer, as Slack's fatal_error does, not hang the client.
                Http.json(exchange, 500, Slack.error("fatal_error"));
            }
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (outage == Outage.UNAVAILABLE) {
            if (path.startsWith("/api/")) {
                world.record(new LocalSlack.ApiCall(path.substring("/api/".length()), 503, "service_unavailable"));
            }
            Http.json(exchange, 503, Slack.error("service_unavailable"));
        } else if (path.startsWith("/api/")) {
            webApi.handle(exchange, path.substring("/api/".length()));
        } else if (path.startsWith("/commands/") || path.startsWith("/actions/")) {
            replies.responseUrl(exchange);
        } else if (path.startsWith("/upload/")) {
            files.upload(exchange);
        } else if (path.startsWith("/files-pri/")) {
            files.download(exchange);
        } else {
            Http.text(exchange, 404, "not found");
        }
    }
}
