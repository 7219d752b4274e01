package dev.rapport.localslack;

import com.google.gson.JsonObject;
import dev.rapport.localkit.Faults;
import dev.rapport.localkit.Outage;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A local Slack on the loopback interface, for the real Slack SDK and Bolt to talk to, and for tests and the sandbox
 * to act in as Slack users. See the package documentation for the whole picture; in short:
 *
 * <ul>
 *   <li><b>Web API</b> on {@link #apiUrl()} ({@code SlackConfig#setMethodsEndpointUrlPrefix}): {@code auth.test},
 *       {@code conversations.open}, {@code conversations.history}, {@code chat.postMessage}, {@code chat.update},
 *       {@code chat.postEphemeral}, {@code users.info}, {@code team.info}, {@code bots.info}, {@code views.open},
 *       {@code views.update}, {@code views.push}, {@code apps.connections.open}, {@code oauth.v2.access},
 *       {@code files.getUploadURLExternal} and {@code files.completeUploadExternal} (with the upload between them),
 *       plus downloads of {@code url_private}. Arguments from form, JSON and query; bearer or {@code token} auth;
 *       Slack's per-method rate limits as HTTP 429 with {@code Retry-After} in whole seconds. Messages carry Slack's
 *       message metadata ({@link PostedMessage#metadata()}), which {@code conversations.history} hands back with
 *       {@code include_all_metadata}, so an app can find out whether a message it is unsure of was posted; reading
 *       a DM needs {@code im:history}, the one scope enforced.
 *   <li><b>Deliveries</b> to the app, over Socket Mode ({@link #socketModeConnections()}) or signed HTTP
 *       ({@link #deliverOverHttp(URI)}), acted out with {@link #as(String, String)}: slash commands, button clicks,
 *       view submissions, events; each a {@link Delivery} recording its acknowledgement and latency, its
 *       {@code response_url} replies, and for events Slack's retries.
 *   <li><b>What each person sees</b>: {@link #screenOf(String, String)}.
 *   <li><b>Faults</b>, named as on the local Discord ({@link Faults}): {@link #failNextCalls},
 *       {@link #delayResponses}, {@link #closeDirectMessages}/{@link #openDirectMessages},
 *       {@link #dropConnections()}, {@link #startOutage(Outage)}/{@link #endOutage()}; and Slack's own:
 *       {@link #requestReconnect(String)} (the {@code disconnect} message).
 * </ul>
 *
 * <p>Time for rate limits, trigger and {@code response_url} expiry, OAuth codes, timestamps and request signatures
 * comes from the builder's {@link Clock}; acknowledgement latency and the 3-second deadline are real time (they
 * measure the app). Thread-safe. Listens on the loopback interface only. {@link #close()} stops it. To run it as a
 * process of its own, with a control API for another process, see {@link LocalSlackServer}.
 *
 * <p>This class is the facade: the state is one {@code World} under one lock, the Web API's methods are grouped by
 * family ({@code AuthMethods}, {@code ChatMethods}, {@code ViewsMethods} …) behind {@code WebApi}, deliveries go through
 * {@code Deliverer}, and what listens is {@code Servers}.
 */
public final class LocalSlack implements Faults<String>, AutoCloseable {

    /** Slack's documented steady rate for {@code chat.postMessage} to one channel. */
    public static final double CHANNEL_PER_SECOND = 1;

    /** Slack's deadline for acknowledging a delivery. */
    public static final Duration ACK_DEADLINE = Duration.ofSeconds(3);

    /** How long a trigger id can be exchanged for a modal, once. */
    public static final Duration TRIGGER_LIFETIME = Duration.ofSeconds(3);

    /** How long a {@code response_url} accepts posts, and how many. */
    public static final Duration RESPONSE_URL_LIFETIME = Duration.ofMinutes(30);

    public static final int RESPONSE_URL_USES = 5;

    /** How long an OAuth code can be exchanged ({@code oauth.v2.access}), once. */
    public static final Duration OAUTH_CODE_LIFETIME = Duration.ofMinutes(10);

    /** The error DMs to a person fail with after {@link #closeDirectMessages(String)}. */
    public static final String CANNOT_DM_USER = "cannot_dm_user";

    private final World world;
    private final Servers servers;
    private final WebApi webApi;
    private final Deliverer deliverer;
    private final Events events;
    private final OAuthMethods oauth;

    private LocalSlack(Builder b) throws IOException {
        this.world = new World(new World.Config(
                b.clock,
                b.appId,
                b.appToken,
                b.signingSecret,
                b.clientId,
                b.clientSecret,
                b.verificationToken,
                b.limits,
                b.ackDeadline,
                b.eventRetryDelays,
                b.disconnectGrace,
                new Workspace.Limit(b.channelBurst, b.channelPerMinute),
                new Workspace.Limit(b.workspaceBurst, b.workspacePerMinute)));
        for (Map.Entry<String, String> e : b.teamNames.entrySet()) {
            world.workspace(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, List<String>> e : b.tokensByTeam.entrySet()) {
            Workspace w = world.workspace(e.getKey(), null);
            for (String token : e.getValue()) {
                String scope = b.scopeByToken.getOrDefault(token, Builder.DEFAULT_SCOPE);
                world.addToken(token, new World.Token(World.Token.Kind.BOT, w, w.botUserId, scope));
            }
        }
        for (UserProfile user : b.users) {
            world.workspace(user.teamId(), null);
            world.putUser(user);
        }
        ViewsMethods views = new ViewsMethods(world);
        FilesMethods files = new FilesMethods(world);
        this.oauth = new OAuthMethods(world);
        this.servers = new Servers(world);
        this.webApi = new WebApi(world, views, oauth, files);
        Replies replies = new Replies(world, views);
        this.deliverer = new Deliverer(world, servers, replies);
        this.events = new Events(world, deliverer);
        servers.start(b.apiPort, b.socketModePort, webApi, deliverer, replies, files);
    }

    /** A local Slack with one workspace, {@link Builder#DEFAULT_TEAM}, reachable with {@link Builder#DEFAULT_TOKEN}. */
    public static LocalSlack start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ==== addresses and identity

    /** The Web API's base URL, for {@code SlackConfig#setMethodsEndpointUrlPrefix}: ends with {@code /api/}. */
    public String apiUrl() {
        return world.baseUrl() + "/api/";
    }

    /** The Socket Mode endpoint (without a ticket); {@code apps.connections.open} hands out URLs under it. */
    public String socketModeUrl() {
        return world.socketModeUrl();
    }

    public String appId() {
        return world.appId;
    }

    /** The bot user of a workspace ({@code auth.test}'s {@code user_id}). */
    public String botUserId(String teamId) {
        return world.workspaceOf(teamId).botUserId;
    }

    /** The bot token last issued to a workspace by {@code oauth.v2.access}, if any. */
    public Optional<String> installedBotToken(String teamId) {
        return world.workspaceOf(teamId).installedToken();
    }

    // ==== what the app did

    /** Every message accepted by {@code chat.postMessage}, in the order accepted. */
    public List<PostedMessage> messages() {
        return world.messages();
    }

    /** Every new version accepted by {@code chat.update}, in the order accepted. */
    public List<PostedMessage> updates() {
        return world.updates();
    }

    /** A message as it is now: its latest {@code chat.update} or {@code replace_original}, if any. */
    public Optional<PostedMessage> currentMessage(String channel, String ts) {
        return world.currentMessage(channel, ts);
    }

    /** Every message accepted by {@code chat.postEphemeral}, in order. */
    public List<Ephemeral> ephemerals() {
        return world.ephemerals();
    }

    /** Every modal opened (by {@code views.open}, {@code views.push} or a {@code push} response action), as now. */
    public List<OpenedView> openedViews() {
        return world.views();
    }

    /** A modal as it is now. */
    public Optional<OpenedView> view(String viewId) {
        return world.view(viewId);
    }

    /** Every file the local Slack holds, uploaded by the app or by a person, in order. */
    public List<UploadedFile> files() {
        return world.files();
    }

    /** Every call received, with the HTTP status and Slack error it was answered with. */
    public List<ApiCall> calls() {
        return world.calls();
    }

    /** How many calls of one method were received. */
    public long callsTo(String method) {
        return world.callsTo(method);
    }

    /** How many calls each method received, by method name. */
    public Map<String, Long> callCounts() {
        return world.callCounts();
    }

    /** How many calls of each method were answered HTTP 429, by method name. */
    public Map<String, Long> rateLimitedCounts() {
        return world.rateLimitedCounts();
    }

    /** The messages accepted by {@code chat.postMessage}, from the {@code offset}-th (0-based), at most {@code limit}. */
    public List<PostedMessage> messages(int offset, int limit) {
        return world.messages(offset, limit);
    }

    /** How many messages {@code chat.postMessage} has accepted. */
    public int messageCount() {
        return world.messageCount();
    }

    /** Every delivery made to the app, in order. */
    public List<Delivery> deliveries() {
        return world.deliveries();
    }

    /** Acknowledgement figures over every first attempt settled so far. */
    public AckStats ackStats() {
        List<Ack> firsts = new ArrayList<>();
        for (Delivery d : world.deliveries()) {
            d.ack().ifPresent(firsts::add);
        }
        return AckStats.of(firsts);
    }

    /** The DM channel of a user in a workspace, if one has been opened. */
    public String dmChannelOf(String teamId, String userId) {
        return world.findWorkspace(teamId).map(w -> w.dmByUser.get(userId)).orElse(null);
    }

    /**
     * What one person sees, in the order it appeared: the app's DM messages with their edits applied, ephemeral
     * messages, {@code response_url} replies and command acknowledgements that carried a message, modals, shared
     * files, and their own messages.
     */
    public List<Seen> screenOf(String teamId, String userId) {
        return world.screenOf(teamId, userId);
    }

    // ==== people and workspaces

    /** Acts as a person in a workspace: their commands, clicks and submissions are delivered to the app. */
    public SlackUser as(String teamId, String userId) {
        world.workspaceOf(teamId);
        return new SlackUser(world, deliverer, events, teamId, userId, Signing.VALID);
    }

    /** A person's directory entry, as {@code users.info} answers it. */
    public Optional<UserProfile> user(String teamId, String userId) {
        return Optional.ofNullable(world.workspaceOf(teamId).users.get(userId));
    }

    /** A workspace's directory, people only (not the app's bot user), by user id. */
    public List<UserProfile> users(String teamId) {
        return world.people(teamId);
    }

    /** Adds a person to a workspace's directory (or replaces their entry) without telling the app. */
    public void addUser(UserProfile user) {
        world.putUser(user);
    }

    /**
     * Changes a person, as when they edit their profile: {@code users.info} answers the new entry, and the app gets
     * Slack's {@code user_change} event with the whole user object.
     */
    public Delivery changeUser(UserProfile changed) {
        world.putUser(changed);
        return events.userChanged(changed);
    }

    /** Changes a person's name and time zone (either may be {@code null} to keep it) and sends {@code user_change}. */
    public Delivery changeUser(String teamId, String userId, String name, String tz) {
        UserProfile now = user(teamId, userId)
                .orElseThrow(() -> new IllegalArgumentException(userId + " is not in " + teamId + "'s directory"));
        UserProfile changed = now;
        if (name != null) {
            changed = changed.withName(name).withRealName(name);
        }
        if (tz != null) {
            changed = changed.withTz(tz);
        }
        return changeUser(changed);
    }

    // ==== OAuth installs

    /**
     * Issues a code for {@code oauth.v2.access}, as Slack does when a person approves an install: for a workspace
     * the builder described, or a new one. Valid {@link #OAUTH_CODE_LIFETIME}, once.
     */
    public String issueOAuthCode(String teamId, String installerUserId) {
        return world.issueCode(teamId, installerUserId, null, Builder.DEFAULT_SCOPE, "");
    }

    /**
     * Approves an install as the person would on Slack's authorize page: takes the URL Bolt redirected to
     * ({@code https://slack.com/oauth/v2/authorize?client_id=…&scope=…&user_scope=…&state=…[&redirect_uri=…]}),
     * checks its {@code client_id}, and answers where Slack sends the browser next: the redirect URI with
     * {@code code} and {@code state}. The redirect URI is the URL's {@code redirect_uri}, or {@code defaultRedirect}
     * (the app's configured one) when the URL has none.
     */
    public URI approveInstall(String authorizeUrl, String teamId, String installerUserId, String defaultRedirect) {
        return oauth.approveInstall(authorizeUrl, teamId, installerUserId, defaultRedirect);
    }

    /** Where Slack sends the browser when the person cancels the install: the redirect URI with {@code error}. */
    public URI denyInstall(String authorizeUrl, String defaultRedirect) {
        return OAuthMethods.denyInstall(authorizeUrl, defaultRedirect);
    }

    // ==== deliveries

    /** Deliver to the app over HTTP from now on: every kind to one request URL, as Bolt's {@code /slack/events}. */
    public void deliverOverHttp(URI requestUrl) {
        deliverOverHttp(requestUrl, requestUrl, requestUrl);
    }

    /** Deliver over HTTP, to the request URLs of slash commands, interactivity and the Events API. */
    public void deliverOverHttp(URI commands, URI interactivity, URI events) {
        deliverer.deliverOverHttp(new URI[] {
            Objects.requireNonNull(commands), Objects.requireNonNull(interactivity), Objects.requireNonNull(events)
        });
    }

    /** Deliver over Socket Mode (the default): to the app's open connections. */
    public void deliverOverSocketMode() {
        deliverer.deliverOverHttp(null);
    }

    /** Socket Mode connections open and greeted with {@code hello}. */
    public int socketModeConnections() {
        return servers.socketModeConnections();
    }

    /** Sends an Events API event to the app ({@code event_callback}): signed as Slack signs. */
    public Delivery event(String teamId, JsonObject event) {
        return event(teamId, event, Signing.VALID);
    }

    /** Sends an Events API event, signed (over HTTP) as given. */
    public Delivery event(String teamId, JsonObject event, Signing signing) {
        return events.event(teamId, event, signing);
    }

    /**
     * Delivers an event again, as Slack's retry number {@code n} (the attempts so far) with the given reason
     * ({@code http_timeout}, {@code http_error} …): what an app sees when Slack thinks it missed one.
     */
    public Delivery retry(Delivery event, String reason) {
        if (event.kind() != Delivery.Kind.EVENT) {
            throw new IllegalArgumentException("Slack retries events only, not " + event.kind());
        }
        deliverer.attempt(event, Objects.requireNonNull(reason), false);
        return event;
    }

    /** Sends the Events API's {@code url_verification} challenge; the app must answer with the challenge. */
    public Delivery verifyUrl() {
        return events.verifyUrl();
    }

    // ==== faults

    /** The next {@code count} calls, whatever the method, answer HTTP {@code status} (a 5xx) before anything else. */
    @Override
    public void failNextCalls(int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("an outage answers 5xx, not " + status);
        }
        webApi.failNext(count, status);
    }

    /**
     * The person has closed their DMs to the app: {@code conversations.open} for them and {@code chat.postMessage}
     * to their DM channel both answer {@code {"ok":false,"error":"cannot_dm_user"}}.
     */
    @Override
    public void closeDirectMessages(String userId) {
        closeDirectMessages(userId, CANNOT_DM_USER);
    }

    /**
     * DMs to {@code userId} fail with Slack's {@code error} ({@code cannot_dm_user}, {@code user_not_found},
     * {@code user_disabled} …): {@code conversations.open} for the user and {@code chat.postMessage} to the user's
     * DM channel both answer {@code {"ok":false,"error":error}}.
     */
    public void closeDirectMessages(String userId, String error) {
        world.closeDirectMessages(Objects.requireNonNull(userId), Objects.requireNonNull(error));
    }

    /** Undoes {@link #closeDirectMessages}: DMs to the person work again. */
    @Override
    public void openDirectMessages(String userId) {
        world.openDirectMessages(userId);
    }

    /** Every Web API answer waits this long before it is sent (a slow Slack); {@link Duration#ZERO} to stop. */
    @Override
    public void delayResponses(Duration wait) {
        webApi.delay(Objects.requireNonNull(wait));
    }

    /**
     * Drops every Socket Mode connection without a close handshake, as a network failure would: the socket is reset,
     * so the client's next read fails. A client must notice (the SDK's session monitor pings every 5 s) and reconnect
     * through {@code apps.connections.open}.
     */
    @Override
    public void dropConnections() {
        servers.dropConnections();
    }

    /**
     * Sends Slack's {@code disconnect} message ({@code refresh_requested}, {@code warning}) on every connection.
     * No new envelope goes to those connections; any still open after the builder's disconnect grace are closed.
     */
    public void requestReconnect(String reason) {
        servers.requestReconnect(reason);
    }

    /**
     * Slack goes down until {@link #endOutage()}: see {@link Outage}. Deliveries attempted meanwhile fail (events are
     * retried on their schedule, so one may land after recovery).
     */
    @Override
    public void startOutage(Outage kind) {
        servers.startOutage(kind);
    }

    /** An outage that ends by itself after {@code length} of real time. */
    public void startOutage(Outage kind, Duration length) {
        startOutage(kind);
        servers.timer.schedule(this::endOutage, length.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Slack is back: the same URLs answer again. */
    @Override
    public void endOutage() {
        servers.endOutage();
    }

    /** The outage under way, if any. */
    @Override
    public Optional<Outage> outage() {
        return servers.outage();
    }

    @Override
    public void close() {
        servers.close();
    }

    /** One call as the local Slack answered it. {@code error} is Slack's error code, or {@code null} if ok. */
    public record ApiCall(String method, int status, String error) {}

    /** Configures a {@link LocalSlack}. */
    public static final class Builder {

        public static final String DEFAULT_TEAM = "T0LOCAL";
        public static final String DEFAULT_TOKEN = "local-slack-test-bot-token";
        /** The app-level token ({@code connections:write}) that {@code apps.connections.open} takes by default. */
        public static final String DEFAULT_APP_TOKEN = "local-slack-test-app-level-token";

        public static final String DEFAULT_SIGNING_SECRET = "local-slack-test-signing-secret";
        public static final String DEFAULT_APP_ID = "A0LOCAL";
        public static final String DEFAULT_CLIENT_ID = "1111111111.2222222222";
        public static final String DEFAULT_CLIENT_SECRET = "local-slack-test-client-secret";
        /**
         * The scopes a bot token has unless told otherwise: Rapport's manifest. {@code im:history} lets it read back
         * its DMs ({@code conversations.history}), to find out whether a message it is unsure of was posted.
         */
        public static final String DEFAULT_SCOPE =
                "commands,chat:write,im:write,im:history,users:read,files:read,files:write,team:read";

        private final Map<String, List<String>> tokensByTeam = new LinkedHashMap<>();
        private final Map<String, String> scopeByToken = new LinkedHashMap<>();
        private final Map<String, String> teamNames = new LinkedHashMap<>();
        private final List<UserProfile> users = new ArrayList<>();
        private final Map<String, Workspace.Limit> limits = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private double channelBurst = 3;
        private double channelPerMinute = CHANNEL_PER_SECOND * 60;
        private int apiPort;
        private int socketModePort;
        private double workspaceBurst = 50;
        private double workspacePerMinute = 300;
        private String appId = DEFAULT_APP_ID;
        private String appToken = DEFAULT_APP_TOKEN;
        private String signingSecret = DEFAULT_SIGNING_SECRET;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;
        private String verificationToken = "local-slack-verification-token";
        private Duration ackDeadline = ACK_DEADLINE;
        private Duration disconnectGrace = Duration.ofSeconds(10);
        // Slack's documented retries of an event: nearly immediately, after 1 minute, after 5 minutes.
        private List<Duration> eventRetryDelays = List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(5));

        private Builder() {
            // Slack's documented tiers, per workspace (Tier 1: 1+/min, Tier 2: 20+, Tier 3: 50+, Tier 4: 100+), each
            // with a burst of one minute's worth, as Slack tolerates bursts. auth.test ("special") is not limited:
            // Bolt calls it on every request unless its cache is on.
            limits.put("conversations.open", new Workspace.Limit(50, 50));
            // Tier 3 for internal and Marketplace apps, which a self-hosted Rapport is (Slack's stricter limit since
            // 2025 applies to commercially distributed apps outside the Marketplace).
            limits.put("conversations.history", new Workspace.Limit(50, 50));
            limits.put("chat.update", new Workspace.Limit(50, 50));
            limits.put("chat.postEphemeral", new Workspace.Limit(100, 100));
            limits.put("users.info", new Workspace.Limit(100, 100));
            limits.put("team.info", new Workspace.Limit(50, 50));
            limits.put("bots.info", new Workspace.Limit(50, 50));
            limits.put("views.open", new Workspace.Limit(100, 100));
            limits.put("views.update", new Workspace.Limit(100, 100));
            limits.put("views.push", new Workspace.Limit(100, 100));
            limits.put("files.getUploadURLExternal", new Workspace.Limit(100, 100));
            limits.put("files.completeUploadExternal", new Workspace.Limit(100, 100));
            limits.put("oauth.v2.access", new Workspace.Limit(100, 100));
            // Tier 1, per app. A burst of 10 lets a client connect, drop and reconnect a few times in a test.
            limits.put("apps.connections.open", new Workspace.Limit(10, 1));
        }

        /** Adds a workspace reachable with a bot token; without any, {@link #DEFAULT_TEAM} with {@link #DEFAULT_TOKEN}. */
        public Builder workspace(String teamId, String botToken) {
            if (!teamId.startsWith("T") || teamId.length() < 2) {
                throw new IllegalArgumentException("a Slack team id starts with T");
            }
            tokensByTeam.computeIfAbsent(teamId, t -> new ArrayList<>()).add(Objects.requireNonNull(botToken));
            return this;
        }

        /**
         * Adds a workspace reachable with a bot token granted these scopes (comma-separated, as Slack lists them)
         * instead of {@link #DEFAULT_SCOPE}: to see what the app does without one, such as {@code im:history}.
         */
        public Builder workspace(String teamId, String botToken, String scope) {
            workspace(teamId, botToken);
            scopeByToken.put(botToken, Objects.requireNonNull(scope));
            return this;
        }

        /** Names a workspace ({@code team.info}, {@code team.name} in OAuth); it is {@code Local <id>} otherwise. */
        public Builder workspaceName(String teamId, String name) {
            teamNames.put(teamId, Objects.requireNonNull(name));
            return this;
        }

        /** Adds a person to a workspace's directory, for {@code users.info} and as the author of deliveries. */
        public Builder user(String teamId, String userId, String name, String realName, String tz, boolean isAdmin) {
            return user(new UserProfile(teamId, userId, name, realName, "", tz, isAdmin, false, false, false));
        }

        public Builder user(UserProfile user) {
            users.add(Objects.requireNonNull(user));
            return this;
        }

        /** The app-level token {@code apps.connections.open} takes (default {@link #DEFAULT_APP_TOKEN}). */
        public Builder appToken(String token) {
            this.appToken = Objects.requireNonNull(token);
            return this;
        }

        /** The secret HTTP deliveries are signed with (default {@link #DEFAULT_SIGNING_SECRET}). */
        public Builder signingSecret(String secret) {
            this.signingSecret = Objects.requireNonNull(secret);
            return this;
        }

        /** The OAuth client {@code oauth.v2.access} accepts (default {@link #DEFAULT_CLIENT_ID}). */
        public Builder oauthClient(String id, String secret) {
            this.clientId = Objects.requireNonNull(id);
            this.clientSecret = Objects.requireNonNull(secret);
            return this;
        }

        /** The app's id: {@code api_app_id} in deliveries, {@code app_id} in OAuth and {@code hello}. */
        public Builder appId(String id) {
            if (!id.startsWith("A")) {
                throw new IllegalArgumentException("a Slack app id starts with A");
            }
            this.appId = id;
            return this;
        }

        /** The clock the rate limits, expiries, timestamps and request signatures run on. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** How many messages one channel may take at once before the 1-per-second pace applies (default 3). */
        public Builder perChannel(int burst) {
            this.channelBurst = burst;
            return this;
        }

        /**
         * The per-channel {@code chat.postMessage} limit: a burst, then a steady rate (default 3, then Slack's one
         * per second). A faster pace only speeds up a test that is not about this limit.
         */
        public Builder perChannel(int burst, int perMinute) {
            this.channelBurst = burst;
            this.channelPerMinute = perMinute;
            return this;
        }

        /**
         * The loopback port of the Web API (and of {@code response_url}s, uploads and file downloads); 0, the default,
         * takes any free one. A fixed port lets a separate process find the local Slack again after a restart.
         */
        public Builder apiPort(int port) {
            this.apiPort = port;
            return this;
        }

        /** The loopback port of Socket Mode; 0, the default, takes any free one. */
        public Builder socketModePort(int port) {
            this.socketModePort = port;
            return this;
        }

        /** The workspace-wide {@code chat.postMessage} limit: a burst, then a steady rate (default 50, 300/min). */
        public Builder perWorkspace(int burst, int perMinute) {
            this.workspaceBurst = burst;
            this.workspacePerMinute = perMinute;
            return this;
        }

        /** The workspace-wide {@code conversations.open} limit: a burst, then a steady rate (default 50, 50/min). */
        public Builder conversationsOpenPerWorkspace(int burst, int perMinute) {
            return rateLimit("conversations.open", burst, perMinute);
        }

        /**
         * Any limited method's limit: a burst, then a steady rate per minute; per workspace, except
         * {@code apps.connections.open}, which is per app. Defaults follow Slack's documented tiers.
         */
        public Builder rateLimit(String method, int burst, int perMinute) {
            if (!limits.containsKey(method)) {
                throw new IllegalArgumentException(method + " has no rate limit of its own here");
            }
            limits.put(method, new Workspace.Limit(burst, perMinute));
            return this;
        }

        /** How long the app has to acknowledge (default Slack's 3 s; shorter only to speed up a test). */
        public Builder ackDeadline(Duration deadline) {
            this.ackDeadline = Objects.requireNonNull(deadline);
            return this;
        }

        /**
         * When an event not acknowledged is tried again: one delay per retry (default Slack's: at once, after 1 min,
         * after 5 min). No delays, no retries.
         */
        public Builder eventRetryDelays(Duration... delays) {
            this.eventRetryDelays = List.of(delays);
            return this;
        }

        /** How long a connection asked to {@code disconnect} may stay before it is closed (default 10 s). */
        public Builder disconnectGrace(Duration grace) {
            this.disconnectGrace = Objects.requireNonNull(grace);
            return this;
        }

        public LocalSlack start() {
            if (tokensByTeam.isEmpty()) {
                tokensByTeam.put(DEFAULT_TEAM, List.of(DEFAULT_TOKEN));
            }
            try {
                return new LocalSlack(this);
            } catch (IOException e) {
                throw new IllegalStateException("the local Slack could not listen on the loopback interface", e);
            }
        }
    }
}
