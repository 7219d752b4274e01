package dev.rapport.discord;

import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts and stops Rapport's Discord bot with the application: a JDA {@link ShardManager} that runs this instance's
 * shards (all of them, or {@code shardMin..shardMax} of {@code shardTotal} when several instances split the
 * guilds). If Discord cannot be reached at start, the application still starts and the login is retried every
 * {@link #RETRY} (messages wait in the outbox meanwhile); once logged in, JDA itself reconnects and resumes a shard
 * whose gateway drops. {@link #status()} says how it stands, for a health endpoint.
 *
 * <p>The bot identifies with one intent, {@code GUILDS} (JDA always asks for it; no other is enabled), which is not
 * privileged: interactions (commands, taps,
 * forms) reach a bot whatever its intents, and {@code GUILDS} brings the servers' roles, which say who coordinates.
 * Nothing is cached beyond that ({@code createLight}): no members, no presences, no messages.
 *
 * <p>Stopping first lets the interaction work already acknowledged finish, answers included, while new interactions
 * are told Rapport is restarting; then JDA shuts down, sending what is queued, and only if that takes too long is it
 * stopped outright.
 */
public final class DiscordConnection implements SmartLifecycle {

    static final Duration RETRY = Duration.ofSeconds(30);

    /** How long JDA gets to send what is queued and close its sockets at shutdown. */
    static final Duration SHUTDOWN = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(DiscordConnection.class);

    /** How the connection stands. */
    public enum Status {
        /** Logging in, or the shards are connecting for the first time. */
        STARTING,
        /** Every shard of this instance is connected. */
        CONNECTED,
        /** Logged in, and at least one shard is reconnecting (JDA resumes it). */
        RECONNECTING,
        /** The login failed ({@link #problem()} says why); it is retried every 30 s. */
        RETRYING,
        STOPPED
    }

    private final DiscordProperties properties;
    private final List<Object> listeners;
    private final List<Restartable> work;
    private volatile ScheduledExecutorService starter;
    private volatile ShardManager shards;
    private volatile boolean stopped = true;
    private volatile String problem;

    /**
     * @param listeners JDA event listeners, registered on every shard
     * @param work what handles events and must finish at shutdown before JDA goes, in order
     */
    DiscordConnection(DiscordProperties properties, List<Object> listeners, List<Restartable> work) {
        this.properties = properties;
        this.listeners = List.copyOf(listeners);
        this.work = List.copyOf(work);
    }

    /** Connects in the background: the application starts whether or not Discord answers. */
    @Override
    public synchronized void start() {
        if (!stopped) {
            return;
        }
        work.forEach(Restartable::open);
        shards = null;
        problem = null;
        stopped = false;
        starter = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("discord-connect").daemon().factory());
        starter.execute(this::connect);
    }

    private void connect() {
        if (stopped) {
            return;
        }
        try {
            ShardManager built = builder().build();
            synchronized (this) {
                if (stopped) {
                    // Stopped while logging in: nothing may keep running.
                    built.getShards().forEach(JDA::shutdownNow);
                    built.shutdown();
                    return;
                }
                shards = built;
            }
            problem = null;
            log.info(
                    "Discord logged in: shards {} of {}, /{} registered {}",
                    shardRange(),
                    shards.getShardsTotal(),
                    DiscordCommands.NAME,
                    properties.globalCommands() ? "globally" : "in each server");
        } catch (InvalidTokenException e) {
            retry("Discord rejected the bot token; set a valid RAPPORT_DISCORD_TOKEN");
        } catch (Exception e) {
            // JDA's messages name routes and codes, never the token.
            retry(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private void retry(String why) {
        problem = why;
        log.warn("Discord could not be reached ({}); retrying in {} s", why, RETRY.toSeconds());
        try {
            if (!stopped) {
                starter.schedule(this::connect, RETRY.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (RejectedExecutionException e) {
            // Stopped meanwhile.
        }
    }

    DefaultShardManagerBuilder builder() {
        Duration timeout = properties.callTimeout();
        DefaultShardManagerBuilder b = DefaultShardManagerBuilder.createLight(
                        properties.token(), EnumSet.noneOf(GatewayIntent.class))
                .setEnableShutdownHook(false)
                .setSessionController(new GatewayFromDiscord())
                .setAutoReconnect(true)
                .setMaxReconnectDelay(64)
                .setHttpClientBuilder(new OkHttpClient.Builder()
                        .connectTimeout(timeout)
                        .readTimeout(timeout)
                        .writeTimeout(timeout)
                        .callTimeout(timeout))
                .addEventListeners(listeners.toArray());
        if (properties.localApi()) {
            // The local Discord speaks plain JSON on its gateway; Discord itself gets zlib, JDA's default.
            b.setRestConfig(new RestConfig().setBaseUrl(properties.restBaseUrl()))
                    .setCompression(Compression.NONE);
        }
        if (properties.shardTotal() != null) {
            b.setShardsTotal(properties.shardTotal());
            b.setShards(properties.firstShard(), properties.lastShard());
        }
        return b;
    }

    private String shardRange() {
        ShardManager s = shards;
        if (s == null) {
            return "none";
        }
        if (properties.shardTotal() == null) {
            return "0.." + (s.getShardsTotal() - 1);
        }
        return properties.firstShard() + ".." + properties.lastShard();
    }

    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        starter.shutdownNow();
        for (Restartable w : work) {
            try {
                w.close();
            } catch (RuntimeException e) {
                log.warn("Stopping Discord's work: {}", e.toString());
            }
        }
        ShardManager s = shards;
        if (s == null) {
            return;
        }
        s.shutdown();
        long deadline = System.nanoTime() + SHUTDOWN.toNanos();
        try {
            for (JDA j : s.getShards()) {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                j.awaitShutdown(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!allShutDown(s)) {
            log.warn("Discord shards still open after {} s; closing them now", SHUTDOWN.toSeconds());
            s.getShards().forEach(JDA::shutdownNow);
        }
    }

    private static boolean allShutDown(ShardManager s) {
        return s.getShards().stream().allMatch(j -> j.getStatus() == JDA.Status.SHUTDOWN);
    }

    @Override
    public boolean isRunning() {
        return !stopped;
    }

    /**
     * Starts after the web server is up, and stops after its graceful shutdown but before the server and the
     * database pool go, so work already acknowledged can still answer and write (as the Slack connection does).
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1536;
    }

    /** How the connection stands now. */
    public Status status() {
        if (stopped) {
            return Status.STOPPED;
        }
        ShardManager s = shards;
        if (s == null) {
            return problem == null ? Status.STARTING : Status.RETRYING;
        }
        List<JDA> running = s.getShards();
        if (!running.isEmpty()
                && running.size() == expectedShards(s)
                && running.stream().allMatch(j -> j.getStatus() == JDA.Status.CONNECTED)) {
            return Status.CONNECTED;
        }
        boolean reconnecting = running.stream().anyMatch(j -> RECONNECTING.contains(j.getStatus()));
        return reconnecting ? Status.RECONNECTING : Status.STARTING;
    }

    /** JDA's states of a shard that had a session and is getting it back. */
    private static final EnumSet<JDA.Status> RECONNECTING = EnumSet.of(
            JDA.Status.DISCONNECTED,
            JDA.Status.WAITING_TO_RECONNECT,
            JDA.Status.ATTEMPTING_TO_RECONNECT,
            JDA.Status.RECONNECT_QUEUED);

    private int expectedShards(ShardManager s) {
        return properties.shardTotal() == null
                ? s.getShardsTotal()
                : properties.lastShard() - properties.firstShard() + 1;
    }

    /** Why the last login failed, or null. */
    public String problem() {
        return problem;
    }

    /** Each shard this instance runs and JDA's status of it, e.g. {@code 0 -> CONNECTED}. */
    public Map<Integer, String> shards() {
        Map<Integer, String> out = new TreeMap<>();
        ShardManager s = shards;
        if (s != null) {
            s.getShards()
                    .forEach(j ->
                            out.put(j.getShardInfo().getShardId(), j.getStatus().name()));
        }
        return out;
    }

    /**
     * A JDA instance to make REST calls with, or null before the login: the lowest shard, so every REST call of this
     * instance goes through one JDA and one view of the per-route rate-limit buckets.
     */
    JDA rest() {
        ShardManager s = shards;
        if (s == null || stopped) {
            return null;
        }
        return s.getShards().stream()
                .filter(j -> j.getStatus() != JDA.Status.SHUTDOWN && j.getStatus() != JDA.Status.SHUTTING_DOWN)
                .min(Comparator.comparingInt(j -> j.getShardInfo().getShardId()))
                .orElse(null);
    }

    /** A server by id, if one of this instance's shards has it. */
    Guild guild(long id) {
        ShardManager s = shards;
        return s == null ? null : s.getGuildById(id);
    }

    /** The shard manager, once logged in (tests and tools). */
    public ShardManager shardManager() {
        return shards;
    }
}
