package dev.rapport.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts and stops Rapport's Slack app with the application: Bolt's {@link App} (its start checks the bot token with
 * {@code auth.test}) and, in Socket Mode, the websocket to Slack. If Slack cannot be reached at start, the
 * application still starts and the connection is retried every {@link #RETRY} (messages wait in the outbox
 * meanwhile); {@link #status()} says how it stands, for the health endpoint.
 *
 * <p>Stopping closes the socket first, so no new envelope arrives, then lets work already acknowledged finish.
 */
public final class SlackConnection implements SmartLifecycle {

    static final Duration RETRY = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(SlackConnection.class);

    /** How the connection stands. */
    public enum Status {
        STARTING,
        CONNECTED,
        RETRYING,
        STOPPED
    }

    private final App app;
    private final SlackProperties properties;
    private final SlackInbound inbound;
    private volatile ScheduledExecutorService starter;
    private volatile SocketModeApp socket;
    private volatile Status status = Status.STOPPED;
    private volatile String problem;

    SlackConnection(App app, SlackProperties properties, SlackInbound inbound) {
        this.app = app;
        this.properties = properties;
        this.inbound = inbound;
    }

    @Override
    public void start() {
        // A stopped context may be started again: each start gets fresh work and a fresh connecting thread.
        inbound.open();
        starter = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("slack-connect").daemon().factory());
        status = Status.STARTING;
        starter.execute(this::connect);
    }

    private void connect() {
        if (status == Status.STOPPED) {
            return;
        }
        try {
            app.start();
            if (properties.socketMode()) {
                SocketModeApp s = new SocketModeApp(properties.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
                s.startAsync();
                socket = s;
            }
            status = Status.CONNECTED;
            problem = null;
            log.info(
                    "Slack connected ({}{})",
                    properties.socketMode() ? "Socket Mode" : "HTTP events at /slack/events",
                    properties.oauth() ? ", installs through /slack/install" : ", one workspace");
        } catch (Exception e) {
            // The SDK's messages name methods and error codes, not tokens.
            problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            status = Status.RETRYING;
            log.warn("Slack could not be reached ({}); retrying in {} s", problem, RETRY.toSeconds());
            starter.schedule(this::connect, RETRY.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Override
    public void stop() {
        status = Status.STOPPED;
        ScheduledExecutorService connecting = starter;
        if (connecting != null) {
            connecting.shutdownNow();
        }
        SocketModeApp s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                log.debug("Closing Slack's socket: {}", e.toString());
            }
        }
        inbound.close();
        app.stop();
    }

    @Override
    public boolean isRunning() {
        return status != Status.STOPPED;
    }

    /**
     * Starts after the web server is up, and stops after its graceful shutdown (phase {@code DEFAULT_PHASE - 1024})
     * has let in-flight HTTP requests finish but before the server and the database pool go, so work already
     * acknowledged can still answer and write.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1536;
    }

    public Status status() {
        return status;
    }

    /** Why the last attempt to connect failed, or null. */
    public String problem() {
        return problem;
    }

    /** Whether Slack delivers through Socket Mode (otherwise over HTTP). */
    public boolean socketMode() {
        return properties.socketMode();
    }
}
