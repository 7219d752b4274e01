package dev.rapport.localslack;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The local Slack on its own, as a separate process: for crash tests that kill the bot's processes while Slack stays
 * up, and for anyone who wants to run Rapport against a Slack on their machine.
 *
 * <pre>{@code
 * java -jar local-slack/target/local-slack.jar --users=20 --post-message-per-minute=6000
 * }</pre>
 *
 * <p>On start it prints exactly one line of JSON to standard output, and nothing else ever goes there:
 *
 * <pre>{@code
 * {"api_url":"http://127.0.0.1:P/api/","socket_mode_url":"ws://127.0.0.1:Q/link/","control_url":"http://127.0.0.1:R/",
 *  "team_id":"T0LOCAL","bot_user_id":"U0LOCALBOT","app_id":"A0LOCAL","pid":1234}
 * }</pre>
 *
 * <p>It runs until it is killed, until {@code POST /shutdown} on the control API, or until its standard input closes:
 * a parent that starts it with a pipe and dies, even by {@code SIGKILL}, takes it down with it. {@code --keep-running}
 * ignores standard input, for a local Slack started by hand in the background. The control API is described in
 * {@link ControlApi}. Options ({@code --name=value} or {@code --name value}):
 *
 * <ul>
 *   <li>{@code --port} the Web API's port (0, the default: any free port); {@code --socket-port}, {@code --control-port}
 *       likewise for Socket Mode and the control API
 *   <li>{@code --team} the workspace's team id (default {@code T0LOCAL}), {@code --team-name} its name
 *   <li>{@code --bot-token}, {@code --app-token}, {@code --signing-secret} (defaults: the builder's)
 *   <li>{@code --im-history} {@code true} (default) or {@code false}: whether the bot token has {@code im:history}
 *   <li>{@code --users} how many people to put in the directory: {@code U00000001}, {@code U00000002} … named
 *       {@code person1} … with IANA time zones taken in turn from {@link #TIME_ZONES}
 *   <li>{@code --post-message-burst}, {@code --post-message-per-minute}: {@code chat.postMessage} per workspace
 *       (default 50, 300); {@code --post-message-channel-burst}, {@code --post-message-channel-per-minute}: per
 *       channel (default 3, 60)
 *   <li>{@code --conversations-open-burst}, {@code --conversations-open-per-minute} (default 50, 50)
 * </ul>
 */
public final class LocalSlackServer implements AutoCloseable {

    /** The time zones generated people get, in turn: both hemispheres, half-hour offsets, the date line. */
    public static final List<String> TIME_ZONES = List.of(
            "America/New_York",
            "Europe/Paris",
            "Asia/Kolkata",
            "Australia/Sydney",
            "America/Sao_Paulo",
            "Africa/Lagos",
            "Asia/Tokyo",
            "America/Los_Angeles",
            "Pacific/Auckland",
            "Europe/London",
            "America/St_Johns",
            "Asia/Kathmandu");

    private final LocalSlack slack;
    private final String teamId;
    private final ControlApi control;
    private final AtomicInteger generated = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private LocalSlackServer(Options o) throws IOException {
        this.teamId = o.team;
        LocalSlack.Builder b = LocalSlack.builder()
                .apiPort(o.port)
                .socketModePort(o.socketPort)
                .appToken(o.appToken)
                .signingSecret(o.signingSecret)
                .perWorkspace(o.postMessageBurst, o.postMessagePerMinute)
                .perChannel(o.channelBurst, o.channelPerMinute)
                .conversationsOpenPerWorkspace(o.openBurst, o.openPerMinute);
        String scope = Arrays.stream(LocalSlack.Builder.DEFAULT_SCOPE.split(","))
                .filter(granted -> o.imHistory || !granted.equals("im:history"))
                .collect(Collectors.joining(","));
        b.workspace(o.team, o.botToken, scope);
        if (o.teamName != null) {
            b.workspaceName(o.team, o.teamName);
        }
        this.slack = b.start();
        addUsers(o.users);
        try {
            this.control = ControlApi.start(this, o.controlPort);
        } catch (IOException | RuntimeException e) {
            slack.close();
            throw e;
        }
    }

    /** Starts a local Slack as the options say (the command line's, without the program name). */
    public static LocalSlackServer start(String... args) throws IOException {
        return new LocalSlackServer(Options.parse(args));
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("local-slack: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.err.println(Options.USAGE);
            return;
        }
        PrintStream stdout = System.out;
        // Standard output carries the one line a parent reads; anything a library prints goes to standard error.
        System.setOut(System.err);
        LocalSlackServer server;
        try {
            server = new LocalSlackServer(options);
        } catch (IOException | RuntimeException e) {
            // Exit at once: a server that did start (the Web API, say, before a taken Socket Mode port) would keep
            // the process alive on its non-daemon threads, and the parent would wait for a line that never comes.
            System.err.println("local-slack: could not start: " + e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "local-slack-shutdown"));
        stdout.println(server.startLine());
        stdout.flush();
        if (!options.keepRunning) {
            Thread watcher = new Thread(() -> closeOnEndOfInput(System.in, server), "local-slack-stdin");
            watcher.setDaemon(true);
            watcher.start();
        }
        server.awaitStop();
        System.exit(0);
    }

    private static void closeOnEndOfInput(InputStream in, LocalSlackServer server) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // whatever the parent writes is ignored; only the end of input matters
            }
        } catch (IOException e) {
            // a broken pipe is an end of input too
        }
        server.close();
    }

    /** The line printed on start: where everything is. */
    public String startLine() {
        JsonObject line = new JsonObject();
        line.addProperty("api_url", slack.apiUrl());
        line.addProperty("socket_mode_url", slack.socketModeUrl());
        line.addProperty("control_url", control.url());
        line.addProperty("team_id", teamId);
        line.addProperty("bot_user_id", slack.botUserId(teamId));
        line.addProperty("app_id", slack.appId());
        line.addProperty("pid", ProcessHandle.current().pid());
        return line.toString();
    }

    public LocalSlack slack() {
        return slack;
    }

    public String teamId() {
        return teamId;
    }

    public String controlUrl() {
        return control.url();
    }

    /** Adds {@code count} generated people to the directory, numbered after those generated before. */
    public List<UserProfile> addUsers(int count) {
        List<UserProfile> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = generated.incrementAndGet();
            UserProfile user = UserProfile.member(
                    teamId,
                    String.format("U%08d", n),
                    "person" + n,
                    "Person " + n,
                    TIME_ZONES.get((n - 1) % TIME_ZONES.size()));
            slack.addUser(user);
            added.add(user);
        }
        return added;
    }

    /** Blocks until {@link #close()}. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        synchronized (this) {
            if (stopped.getCount() == 0) {
                return;
            }
            control.close();
            slack.close();
            stopped.countDown();
        }
    }

    /** The command line. */
    static final class Options {

        static final String USAGE = """
                usage: java -jar local-slack.jar [options]
                  --port=N                          Web API port (0: any free port; default 0)
                  --socket-port=N                   Socket Mode port (default 0)
                  --control-port=N                  control API port (default 0)
                  --team=T...                       team id (default T0LOCAL)
                  --team-name=NAME                  workspace name
                  --bot-token=TOKEN                 bot token (default the builder's)
                  --app-token=TOKEN                 app-level token for Socket Mode
                  --signing-secret=SECRET           secret HTTP deliveries are signed with
                  --im-history=true|false           whether the bot token has im:history (default true)
                  --users=N                         people generated into the directory (default 0)
                  --post-message-burst=N            chat.postMessage per workspace: burst (default 50)
                  --post-message-per-minute=N       chat.postMessage per workspace: per minute (default 300)
                  --post-message-channel-burst=N    chat.postMessage per channel: burst (default 3)
                  --post-message-channel-per-minute=N  chat.postMessage per channel: per minute (default 60)
                  --conversations-open-burst=N      conversations.open per workspace: burst (default 50)
                  --conversations-open-per-minute=N conversations.open per workspace: per minute (default 50)
                  --keep-running                    ignore standard input; run until killed
                  --help                            this text
                prints one line of JSON (api_url, socket_mode_url, control_url, team_id, bot_user_id, app_id, pid)
                and runs until killed or until standard input closes.""";

        int port;
        int socketPort;
        int controlPort;
        String team = LocalSlack.Builder.DEFAULT_TEAM;
        String teamName;
        String botToken = LocalSlack.Builder.DEFAULT_TOKEN;
        String appToken = LocalSlack.Builder.DEFAULT_APP_TOKEN;
        String signingSecret = LocalSlack.Builder.DEFAULT_SIGNING_SECRET;
        boolean imHistory = true;
        int users;
        int postMessageBurst = 50;
        int postMessagePerMinute = 300;
        int channelBurst = 3;
        int channelPerMinute = 60;
        int openBurst = 50;
        int openPerMinute = 50;
        boolean keepRunning;
        boolean help;

        static Options parse(String... args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("not an option: " + arg);
                }
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (name.equals("keep-running") || name.equals("help")) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                given.put(name, value);
            }
            Options o = new Options();
            for (Map.Entry<String, String> e : given.entrySet()) {
                String v = e.getValue();
                switch (e.getKey()) {
                    case "port" -> o.port = port(v);
                    case "socket-port" -> o.socketPort = port(v);
                    case "control-port" -> o.controlPort = port(v);
                    case "team" -> o.team = v;
                    case "team-name" -> o.teamName = v;
                    case "bot-token" -> o.botToken = v;
                    case "app-token" -> o.appToken = v;
                    case "signing-secret" -> o.signingSecret = v;
                    case "im-history" -> o.imHistory = bool(e.getKey(), v);
                    case "users" -> o.users = count(e.getKey(), v, 0);
                    case "post-message-burst" -> o.postMessageBurst = count(e.getKey(), v, 1);
                    case "post-message-per-minute" -> o.postMessagePerMinute = count(e.getKey(), v, 1);
                    case "post-message-channel-burst" -> o.channelBurst = count(e.getKey(), v, 1);
                    case "post-message-channel-per-minute" -> o.channelPerMinute = count(e.getKey(), v, 1);
                    case "conversations-open-burst" -> o.openBurst = count(e.getKey(), v, 1);
                    case "conversations-open-per-minute" -> o.openPerMinute = count(e.getKey(), v, 1);
                    case "keep-running" -> o.keepRunning = bool(e.getKey(), v);
                    case "help" -> o.help = bool(e.getKey(), v);
                    default -> throw new IllegalArgumentException("unknown option --" + e.getKey());
                }
            }
            if (!o.team.startsWith("T") || o.team.length() < 2) {
                throw new IllegalArgumentException("a Slack team id starts with T: " + o.team);
            }
            return o;
        }

        private static int port(String v) {
            int p = count("port", v, 0);
            if (p > 65535) {
                throw new IllegalArgumentException("no such port: " + v);
            }
            return p;
        }

        private static int count(String name, String v, int min) {
            try {
                int n = Integer.parseInt(v.trim());
                if (n < min) {
                    throw new IllegalArgumentException("--" + name + " must be at least " + min + ": " + v);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " takes a whole number: " + v);
            }
        }

        private static boolean bool(String name, String v) {
            return switch (v.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> throw new IllegalArgumentException("--" + name + " takes true or false: " + v);
            };
        }
    }
}
