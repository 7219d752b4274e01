package dev.rapport.localdiscord;

import com.google.gson.JsonObject;
import dev.rapport.localkit.Outage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local Discord as a program of its own, for tests that must kill the bot's process and keep Discord alive (crash
 * tests), and for trying Rapport against a Discord on the same machine:
 *
 * <pre>{@code
 * java -jar local-discord/target/local-discord.jar --members 100 --rest-port 8090 --gateway-port 8091
 * }</pre>
 *
 * <p>One guild with a text channel and {@code --members} generated member users, the bot in it. Once both servers
 * listen it prints exactly one line of JSON to standard output and nothing else ever after:
 *
 * <pre>{@code
 * {"rest_url":"http://127.0.0.1:8090/api/v10/","gateway_url":"ws://127.0.0.1:8091",
 *  "control_url":"http://127.0.0.1:40123/","bot_token":"…","application_id":"…","bot_user_id":"…",
 *  "guild_id":"…","channel_id":"…","members":100,"nonce_window_ms":120000}
 * }</pre>
 *
 * <p>(on one line). It runs until it is killed, or until its standard input reaches end of file: a parent that starts it
 * with a pipe and dies, even by SIGKILL, closes the pipe, so no orphan keeps the ports. {@code --keep-running} ignores
 * standard input, for {@code nohup} or a service. Logs (SLF4J's, if any) go to standard error.
 *
 * <p>The control API listens on a loopback port of its own ({@code control_url}), so it stays reachable while the REST
 * port refuses connections. JSON in and out, snowflakes as strings:
 *
 * <ul>
 *   <li>{@code GET /} the line printed at start; {@code GET /health} {@code {"ok":true}}
 *   <li>{@code GET /outage} {@code {"outage":null|"UNAVAILABLE"|"REFUSED"}}; {@code POST /outage/start?kind=REFUSED}
 *       (or {@code UNAVAILABLE}, the default) and {@code POST /outage/end} ({@link Outage}), which answer the same
 *   <li>{@code GET /dms?offset=0&limit=1000} the bot's DMs, oldest first: {@code {"total":n,"offset":0,
 *       "next_offset":1000|null,"dms":[{"recipient_id","channel_id","message_id","nonce","content","timestamp",
 *       "deleted"}]}}, {@code limit} at most 10,000
 *   <li>{@code GET /users?offset&limit} the users but the bot, paged the same way, each {@code {"id","username",
 *       "global_name"}}; {@code POST /users} with {@code {"count":n}} or {@code {"users":[{"id","username",
 *       "global_name"}]}} adds members to the guild and answers {@code {"users":[…]}}
 *   <li>{@code GET /counters} {@code {"requests","per_route":{"POST channels/{channel.id}/messages":n,…},
 *       "per_status":{"200":n,…},"rate_limited","invalid_requests","invalid_requests_last_10_minutes",
 *       "deduplicated_messages","direct_messages"}}
 *   <li>{@code POST /shutdown} answers, then stops the server and its process
 * </ul>
 */
public final class LocalDiscordServer implements AutoCloseable {

    static final String USAGE = """
            Usage: java -jar local-discord.jar [options]

              --rest-port N           REST API port on 127.0.0.1 (0 = any free port; default 0)
              --gateway-port N        gateway port (0 = any free port; default 0)
              --control-port N        control API port (0 = any free port; default 0)
              --bot-token T           the bot token to accept (default: LocalDiscord.DEFAULT_TOKEN)
              --application-id ID     the application's id, also the bot user's (default 1250000000000000001)
              --guild-id ID           the one guild's id; its text channel is ID+1 (default 1250000000000000100)
              --members N             generated member users in the guild (default 0); list them with GET /users
              --global-rate-limit N   requests per second per bot (default 50, Discord's)
              --nonce-window D        how long enforce_nonce de-duplicates: PT2M, 120s, 500ms, 2m (default 2m)
              --rate-limit B=N/D      a route bucket's limit, repeatable: CREATE_DM=1000/1s (buckets:
                                      CREATE_MESSAGE, EDIT_MESSAGE, CREATE_DM, INTERACTION_CALLBACK, WEBHOOK,
                                      COMMANDS, GUILD, OTHER; defaults as Bucket documents)
              --keep-running          ignore standard input; run until killed (default: stop when it closes)
              --help                  this text

            Prints one line of JSON with rest_url, gateway_url, control_url, bot_token, application_id, guild_id;
            runs until killed or until standard input closes.
            """;

    /**
     * Generated users' ids are snowflakes of consecutive milliseconds from here: stable from run to run, so a test can
     * compute them, and far from the ids the local Discord mints at the real current time.
     */
    static final Instant GENERATED_USERS_FROM = Instant.parse("2025-01-01T00:00:00Z");

    /** The command line, parsed. */
    record Options(
            int restPort,
            int gatewayPort,
            int controlPort,
            String botToken,
            long applicationId,
            long guildId,
            int members,
            int globalRateLimit,
            Duration nonceWindow,
            Map<Bucket, RateLimiter.Limit> routeLimits,
            boolean watchStdin) {

        Options {
            routeLimits = Map.copyOf(routeLimits);
        }

        static Options defaults() {
            return new Options(
                    0,
                    0,
                    0,
                    LocalDiscord.DEFAULT_TOKEN,
                    LocalDiscord.DEFAULT_APPLICATION_ID,
                    LocalDiscord.DEFAULT_GUILD_ID,
                    0,
                    50,
                    LocalDiscord.DEFAULT_NONCE_WINDOW,
                    Map.of(),
                    true);
        }

        /** Parses {@code --name value} and {@code --name=value}; throws {@link IllegalArgumentException} saying what. */
        static Options parse(String... args) {
            Map<String, String> given = new LinkedHashMap<>();
            Map<Bucket, RateLimiter.Limit> routeLimits = new LinkedHashMap<>();
            boolean keepRunning = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument: " + arg);
                }
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
                if (name.equals("keep-running") && eq < 0) {
                    keepRunning = true;
                    continue;
                }
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                if (name.equals("rate-limit")) {
                    routeLimit(value, routeLimits);
                    continue;
                }
                if (given.put(name, value) != null) {
                    throw new IllegalArgumentException("--" + name + " is given twice");
                }
            }
            Options d = defaults();
            Options o = new Options(
                    port(given.remove("rest-port"), d.restPort(), "rest-port"),
                    port(given.remove("gateway-port"), d.gatewayPort(), "gateway-port"),
                    port(given.remove("control-port"), d.controlPort(), "control-port"),
                    given.containsKey("bot-token") ? given.remove("bot-token") : d.botToken(),
                    snowflake(given.remove("application-id"), d.applicationId(), "application-id"),
                    snowflake(given.remove("guild-id"), d.guildId(), "guild-id"),
                    (int) number(given.remove("members"), d.members(), 0, 1_000_000, "members"),
                    (int) number(
                            given.remove("global-rate-limit"), d.globalRateLimit(), 1, 1_000_000, "global-rate-limit"),
                    duration(given.remove("nonce-window"), d.nonceWindow(), "nonce-window"),
                    routeLimits,
                    !keepRunning);
            if (!given.isEmpty()) {
                throw new IllegalArgumentException(
                        "unknown option: --" + given.keySet().iterator().next());
            }
            return o;
        }

        private static int port(String value, int otherwise, String name) {
            return (int) number(value, otherwise, 0, 65_535, name);
        }

        private static long number(String value, long otherwise, long min, long max, String name) {
            if (value == null) {
                return otherwise;
            }
            try {
                long n = Long.parseLong(value.trim());
                if (n < min || n > max) {
                    throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " is not a number: " + value, e);
            }
        }

        private static long snowflake(String value, long otherwise, String name) {
            if (value == null) {
                return otherwise;
            }
            try {
                long id = Long.parseUnsignedLong(value.trim());
                if (id == 0) {
                    throw new IllegalArgumentException("--" + name + " cannot be 0");
                }
                return id;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " is not a snowflake: " + value, e);
            }
        }

        /** {@code CREATE_DM=1000/1s}: the bucket, how many requests, per how long. */
        private static void routeLimit(String value, Map<Bucket, RateLimiter.Limit> into) {
            int eq = value.indexOf('=');
            int slash = value.indexOf('/', eq + 1);
            if (eq < 1 || slash < 0) {
                throw new IllegalArgumentException(
                        "--rate-limit is BUCKET=N/DURATION, e.g. CREATE_DM=1000/1s: " + value);
            }
            Bucket bucket;
            try {
                bucket = Bucket.valueOf(value.substring(0, eq).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--rate-limit names no bucket: " + value, e);
            }
            int limit = (int) number(value.substring(eq + 1, slash), 0, 1, Integer.MAX_VALUE, "rate-limit");
            into.put(bucket, new RateLimiter.Limit(limit, duration(value.substring(slash + 1), null, "rate-limit")));
        }

        /** An ISO-8601 duration ({@code PT2M}) or a number with a unit: {@code 500ms}, {@code 120s}, {@code 2m}, {@code 1h}. */
        static Duration duration(String value, Duration otherwise, String name) {
            if (value == null) {
                return otherwise;
            }
            String v = value.trim().toLowerCase(Locale.ROOT);
            Duration d;
            try {
                if (v.startsWith("pt") || v.startsWith("p")) {
                    d = Duration.parse(v.toUpperCase(Locale.ROOT));
                } else if (v.endsWith("ms")) {
                    d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                } else if (v.endsWith("s")) {
                    d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
                } else if (v.endsWith("m")) {
                    d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
                } else if (v.endsWith("h")) {
                    d = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
                } else {
                    throw new IllegalArgumentException(
                            "--" + name + " needs a unit (ms, s, m, h) or ISO-8601: " + value);
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException("--" + name + " is not a duration: " + value, e);
            }
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("--" + name + " must be positive: " + value);
            }
            return d;
        }
    }

    private final Options options;
    private final LocalDiscord discord;
    private final ControlApi control;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** How many users were generated so far: the next one's number. Guarded by this. */
    private int generated;

    private LocalDiscordServer(Options options) throws IOException {
        this.options = options;
        List<DiscordUser> initial = nextUsers(options.members());
        LocalDiscord.Builder builder = LocalDiscord.builder();
        options.routeLimits().forEach((bucket, limit) -> builder.rateLimit(bucket, limit.limit(), limit.window()));
        this.discord = builder.botToken(options.botToken())
                .application(options.applicationId(), options.applicationId(), "Rapport")
                .globalRateLimit(options.globalRateLimit())
                .nonceWindow(options.nonceWindow())
                .restPort(options.restPort())
                .gatewayPort(options.gatewayPort())
                .guild(options.guildId(), "Local Guild", g -> {
                    g.textChannel(channelId(), "general");
                    for (DiscordUser u : initial) {
                        g.member(u.id(), u.username(), u.globalName());
                    }
                })
                .start();
        try {
            this.control = new ControlApi(this, options.controlPort());
        } catch (IOException | RuntimeException e) {
            discord.close();
            throw e;
        }
    }

    /** Starts the local Discord and its control API as {@code options} say. */
    static LocalDiscordServer start(Options options) throws IOException {
        return new LocalDiscordServer(options);
    }

    public static void main(String[] args) {
        Options options;
        try {
            if (List.of(args).contains("--help")) {
                System.out.print(USAGE);
                return;
            }
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("local-discord: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        LocalDiscordServer server;
        try {
            server = start(options);
        } catch (IOException | RuntimeException e) {
            System.err.println("local-discord could not start: " + e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "local-discord-shutdown"));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println(server.readyLine());
        out.flush();
        if (options.watchStdin()) {
            Thread.ofPlatform().daemon().name("local-discord-stdin").start(() -> {
                drain(System.in);
                server.close();
            });
        }
        server.awaitStop();
        System.exit(0);
    }

    /** Reads until end of file: what tells the server its parent is gone. */
    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) != -1) {
                // What the parent writes means nothing; only the end of the stream does.
            }
        } catch (IOException e) {
            // A broken pipe is a closed one.
        }
    }

    LocalDiscord discord() {
        return discord;
    }

    long guildId() {
        return options.guildId();
    }

    long channelId() {
        return options.guildId() + 1;
    }

    /** The line printed at start, also {@code GET /} of the control API. */
    JsonObject info() {
        return Json.obj(
                "rest_url",
                discord.restUrl(),
                "gateway_url",
                discord.gatewayUrl(),
                "control_url",
                control.url(),
                "bot_token",
                discord.botToken(),
                "application_id",
                Json.id(discord.applicationId()),
                "bot_user_id",
                Json.id(discord.botUserId()),
                "guild_id",
                Json.id(guildId()),
                "channel_id",
                Json.id(channelId()),
                "members",
                options.members(),
                "nonce_window_ms",
                discord.nonceWindow().toMillis());
    }

    String readyLine() {
        return info().toString();
    }

    String controlUrl() {
        return control.url();
    }

    /** Generates {@code count} new member users and adds them to the guild; they are returned in order. */
    synchronized List<DiscordUser> generateMembers(int count) {
        List<DiscordUser> users = nextUsers(count);
        discord.addMembers(guildId(), users);
        return users;
    }

    private synchronized List<DiscordUser> nextUsers(int count) {
        List<DiscordUser> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = generated++;
            long id = Snowflakes.at(GENERATED_USERS_FROM.plusMillis(n), 0);
            // Discord's usernames are lower-case letters, digits, "_" and ".".
            out.add(new DiscordUser(id, "member_" + n, "Member " + n, false));
        }
        return out;
    }

    void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            control.stop();
            discord.close();
        } finally {
            stopped.countDown();
        }
    }
}
