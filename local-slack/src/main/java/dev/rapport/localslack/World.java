package dev.rapport.localslack;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the local Slack knows: its configuration, the workspaces and tokens, the messages, modals and files, the
 * triggers, {@code response_url}s, OAuth codes and Socket Mode tickets it handed out, the deliveries it made and the
 * calls it answered. One lock (this object) guards the mutable state, so each operation sees and leaves a consistent
 * picture; a Web API method runs whole under it ({@link WebApi}). A workspace's directory and DM channels are also
 * readable without it (see {@link Workspace}).
 */
final class World {

    /** What the builder decided. */
    record Config(
            Clock clock,
            String appId,
            String appToken,
            String signingSecret,
            String clientId,
            String clientSecret,
            String verificationToken,
            Map<String, Workspace.Limit> limits,
            Duration ackDeadline,
            List<Duration> eventRetryDelays,
            Duration disconnectGrace,
            Workspace.Limit channelLimit,
            Workspace.Limit workspaceLimit) {}

    /** A token the local Slack accepts: whose it is, and what kind. */
    record Token(Kind kind, Workspace workspace, String userId, String scope) {
        enum Kind {
            BOT,
            USER,
            APP
        }

        boolean hasScope(String wanted) {
            for (String granted : scope.split(",")) {
                if (granted.trim().equals(wanted)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A trigger for {@code views.open}, issued with a delivery to a person; exchanged once. */
    static final class Trigger {
        final String teamId;
        final String userId;
        final Instant issued;
        boolean used;

        Trigger(String teamId, String userId, Instant issued) {
            this.teamId = teamId;
            this.userId = userId;
            this.issued = issued;
        }
    }

    record OAuthCode(
            String teamId, String installer, String redirectUri, String scope, String userScope, Instant issued) {}

    /** A {@code response_url} handed out, and the delivery it came with once that is made. */
    static final class ResponseUrl {
        final Instant issued;
        Delivery delivery;

        ResponseUrl(Instant issued) {
            this.issued = issued;
        }
    }

    final Clock clock;
    final String appId;
    final String appToken;
    final String signingSecret;
    final String clientId;
    final String clientSecret;
    final String verificationToken;
    final Map<String, Workspace.Limit> limits;
    final Duration ackDeadline;
    final List<Duration> eventRetryDelays;
    final Duration disconnectGrace;
    private final Workspace.Limit channelLimit;
    private final Workspace.Limit workspaceLimit;
    private final TokenBucket connectionsOpenBucket;
    // Read without the lock: new ids and timestamps need no consistency with anything else.
    private final AtomicLong sequence = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private volatile String httpBase = "http://127.0.0.1:0";
    private volatile String socketModeUrl = "ws://127.0.0.1:0/link/";

    // Guarded by this.
    private final Map<String, Workspace> workspaces = new LinkedHashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final List<PostedMessage> messages = new ArrayList<>();
    private final List<PostedMessage> updates = new ArrayList<>();
    private final List<Ephemeral> ephemerals = new ArrayList<>();
    /** Messages as they are now (after edits), by channel and ts. */
    private final Map<String, PostedMessage> current = new HashMap<>();

    private final Views views = new Views();
    private final Files files = new Files();
    private final Screens screens = new Screens();
    private final Map<String, Trigger> triggers = new HashMap<>();
    private final Map<String, ResponseUrl> responseUrls = new HashMap<>();
    private final Map<String, OAuthCode> codes = new HashMap<>();
    private final Map<String, Instant> tickets = new HashMap<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<LocalSlack.ApiCall> calls = new ArrayList<>();
    private final Map<String, Long> callCounts = new HashMap<>();
    private final Map<String, Long> limitedCounts = new HashMap<>();
    /** People whose DMs fail, with the error Slack gives. */
    private final Map<String, String> dmErrors = new HashMap<>();

    World(Config config) {
        this.clock = config.clock();
        this.appId = config.appId();
        this.appToken = config.appToken();
        this.signingSecret = config.signingSecret();
        this.clientId = config.clientId();
        this.clientSecret = config.clientSecret();
        this.verificationToken = config.verificationToken();
        this.limits = Map.copyOf(config.limits());
        this.ackDeadline = config.ackDeadline();
        this.eventRetryDelays = List.copyOf(config.eventRetryDelays());
        this.disconnectGrace = config.disconnectGrace();
        this.channelLimit = config.channelLimit();
        this.workspaceLimit = config.workspaceLimit();
        Workspace.Limit open = limits.get("apps.connections.open");
        this.connectionsOpenBucket = new TokenBucket(clock, open.burst(), open.perMinute() / 60d);
        if (appToken != null) {
            tokens.put(appToken, new Token(Token.Kind.APP, null, null, "connections:write"));
        }
    }

    /** Where the Web API and Socket Mode listen, once they do: the base of the URLs handed out. */
    void listening(int httpPort, int socketPort) {
        this.httpBase = "http://127.0.0.1:" + httpPort;
        this.socketModeUrl = "ws://127.0.0.1:" + socketPort + "/link/";
    }

    String baseUrl() {
        return httpBase;
    }

    String socketModeUrl() {
        return socketModeUrl;
    }

    // ---- ids

    String nextTs() {
        return clock.instant().getEpochSecond() + "." + String.format("%06d", sequence.incrementAndGet() % 1_000_000);
    }

    long nextNumber() {
        return sequence.incrementAndGet();
    }

    String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    // ---- workspaces, people and tokens

    /** A workspace, made now if it is new (named {@code Local <id>} unless {@code name} says otherwise). */
    synchronized Workspace workspace(String teamId, String name) {
        if (!teamId.startsWith("T") || teamId.length() < 2) {
            throw new IllegalArgumentException("a Slack team id starts with T");
        }
        return workspaces.computeIfAbsent(
                teamId,
                t -> new Workspace(
                        t,
                        name,
                        clock,
                        channelLimit,
                        workspaceLimit,
                        () -> String.format("D%08d", sequence.incrementAndGet())));
    }

    /** A workspace the local Slack has; {@link IllegalArgumentException} otherwise. */
    synchronized Workspace workspaceOf(String teamId) {
        Workspace w = workspaces.get(teamId);
        if (w == null) {
            throw new IllegalArgumentException("no workspace " + teamId + " in this local Slack");
        }
        return w;
    }

    synchronized Optional<Workspace> findWorkspace(String teamId) {
        return Optional.ofNullable(workspaces.get(teamId));
    }

    synchronized void putUser(UserProfile user) {
        workspaceOf(user.teamId()).users.put(user.id(), user);
    }

    /** A workspace's directory, people only (not the app's bot user), by user id. */
    synchronized List<UserProfile> people(String teamId) {
        List<UserProfile> people = new ArrayList<>();
        for (UserProfile u : workspaceOf(teamId).users.values()) {
            if (!u.isBot()) {
                people.add(u);
            }
        }
        people.sort(Comparator.comparing(UserProfile::id));
        return people;
    }

    synchronized Token token(String value) {
        return value == null ? null : tokens.get(value);
    }

    synchronized void addToken(String value, Token token) {
        tokens.put(value, token);
    }

    /** Charges one {@code apps.connections.open}, limited per app: 0, or the seconds to wait (at least 1). */
    synchronized long chargeConnectionsOpen() {
        Duration wait = connectionsOpenBucket.waitForOne();
        if (!wait.isZero()) {
            return Workspace.seconds(wait);
        }
        connectionsOpenBucket.take();
        return 0;
    }

    // ---- faults on people

    synchronized void closeDirectMessages(String userId, String error) {
        dmErrors.put(userId, error);
    }

    synchronized void openDirectMessages(String userId) {
        dmErrors.remove(userId);
    }

    /** The error DMs to a person fail with, or {@code null} if they do not. */
    synchronized String dmError(String userId) {
        return dmErrors.get(userId);
    }

    // ---- messages

    /** A message {@code chat.postMessage} accepted, shown to the person whose DM it is. */
    synchronized void posted(PostedMessage m, String botUserId) {
        messages.add(m);
        current.put(m.channel() + "/" + m.ts(), m);
        screens.add(
                m.teamId(),
                m.userId(),
                Seen.Kind.MESSAGE,
                m.ts(),
                m.channel(),
                botUserId,
                m.text(),
                m.blocksJson(),
                m.metadataJson(),
                "chat.postMessage");
    }

    /** A new version {@code chat.update} accepted ({@code sent}), and the message as it is now ({@code now}). */
    synchronized void updated(PostedMessage sent, PostedMessage now) {
        updates.add(sent);
        current.put(now.channel() + "/" + now.ts(), now);
        screens.edit(now.teamId(), now.channel(), now.ts(), now.text(), now.blocksJson(), now.metadataJson());
    }

    synchronized void ephemeral(Ephemeral e, String botUserId) {
        ephemerals.add(e);
        screens.add(
                e.teamId(),
                e.userId(),
                Seen.Kind.EPHEMERAL,
                e.ts(),
                e.channel(),
                botUserId,
                e.text(),
                e.blocksJson(),
                "chat.postEphemeral");
    }

    synchronized Optional<PostedMessage> currentMessage(String channel, String ts) {
        return Optional.ofNullable(current.get(channel + "/" + ts));
    }

    /** A message replaced for everyone ({@code replace_original}): what they see, and the app's copy if it has one. */
    synchronized void replaced(
            String teamId, String channel, String ts, boolean ephemeral, String text, String blocks) {
        screens.edit(teamId, channel, ts, text, blocks);
        String key = channel + "/" + ts;
        PostedMessage was = current.get(key);
        if (!ephemeral && was != null) {
            current.put(key, new PostedMessage(teamId, channel, was.userId(), text, blocks, ts, was.metadataJson()));
        }
    }

    synchronized void removedFromScreens(String teamId, String channel, String ts) {
        screens.remove(teamId, channel, ts);
    }

    /** Something shown to one person: a reply, a file share, what they wrote. */
    synchronized void seen(
            String teamId,
            String viewer,
            Seen.Kind kind,
            String id,
            String channel,
            String from,
            String text,
            String blocksJson,
            String via) {
        screens.add(teamId, viewer, kind, id, channel, from, text, blocksJson, via);
    }

    synchronized List<Screens.Posted> history(String teamId, String channel) {
        return screens.history(teamId, channel);
    }

    synchronized List<Seen> screenOf(String teamId, String userId) {
        return screens.of(teamId, userId);
    }

    synchronized List<PostedMessage> messages() {
        return List.copyOf(messages);
    }

    synchronized List<PostedMessage> messages(int offset, int limit) {
        int from = Math.min(Math.max(0, offset), messages.size());
        int to = (int) Math.min(messages.size(), (long) from + Math.max(0, limit));
        return List.copyOf(messages.subList(from, to));
    }

    synchronized int messageCount() {
        return messages.size();
    }

    synchronized List<PostedMessage> updates() {
        return List.copyOf(updates);
    }

    synchronized List<Ephemeral> ephemerals() {
        return List.copyOf(ephemerals);
    }

    // ---- modals

    /** A modal opened or changed: kept as it is now and shown to its person. */
    synchronized void putView(OpenedView view) {
        views.put(view);
        screens.modal(view);
    }

    /** A modal closed: by its person, or by the app's answer to its submission. */
    synchronized void closeView(OpenedView v) {
        putView(v.with(false, Map.of()));
    }

    synchronized Optional<OpenedView> view(String id) {
        return views.get(id);
    }

    synchronized Optional<OpenedView> viewByExternalId(String teamId, String externalId) {
        return views.byExternalId(teamId, externalId);
    }

    synchronized List<OpenedView> views() {
        return views.all();
    }

    /** A person's open modals, oldest first. */
    synchronized List<OpenedView> openViews(String teamId, String userId) {
        return views.openOf(teamId, userId);
    }

    // ---- files

    synchronized void pendingUpload(Files.Pending p) {
        files.pending(p);
    }

    synchronized Optional<Files.Pending> pendingBySecret(String secret) {
        return files.pendingBySecret(secret);
    }

    synchronized Optional<Files.Pending> pendingById(String id) {
        return files.pendingById(id);
    }

    synchronized void uploaded(Files.Pending p, byte[] bytes) {
        p.bytes = bytes;
    }

    synchronized void completeUpload(Files.Pending p, UploadedFile file) {
        files.complete(p, file);
    }

    synchronized void holdFile(UploadedFile file) {
        files.hold(file);
    }

    synchronized Optional<UploadedFile> file(String id) {
        return files.get(id);
    }

    synchronized List<UploadedFile> files() {
        return files.all();
    }

    // ---- what is handed out: triggers, response URLs, OAuth codes, Socket Mode tickets

    synchronized String issueTrigger(String teamId, String userId) {
        String id = clock.instant().getEpochSecond() + "." + sequence.incrementAndGet() + "." + hex(16);
        triggers.put(id, new Trigger(teamId, userId, clock.instant()));
        return id;
    }

    synchronized Trigger trigger(String id) {
        return id == null ? null : triggers.get(id);
    }

    /** A fresh {@code response_url} ({@code commands} or {@code actions}, as Slack's hooks are named). */
    synchronized String issueResponseUrl(String kind, String teamId) {
        String url = baseUrl() + "/" + kind + "/" + teamId + "/" + sequence.incrementAndGet() + "/" + hex(12);
        responseUrls.put(url, new ResponseUrl(clock.instant()));
        return url;
    }

    /** A {@code response_url} and its delivery, or {@code null} if it was never handed out or not yet delivered. */
    synchronized ResponseUrl responseUrl(String url) {
        ResponseUrl r = responseUrls.get(url);
        return r == null || r.delivery == null ? null : r;
    }

    synchronized String issueCode(String teamId, String installer, String redirectUri, String scope, String userScope) {
        workspace(teamId, null);
        String code = sequence.incrementAndGet() + "." + clock.instant().getEpochSecond() + "." + hex(16);
        codes.put(code, new OAuthCode(teamId, installer, redirectUri, scope, userScope, clock.instant()));
        return code;
    }

    synchronized OAuthCode code(String code) {
        return code == null ? null : codes.get(code);
    }

    synchronized boolean takeCode(String code) {
        return codes.remove(code) != null;
    }

    /** A Socket Mode URL with a fresh single-use ticket, as {@code apps.connections.open} answers. */
    synchronized String issueSocketUrl() {
        String ticket = UUID.randomUUID().toString();
        tickets.put(ticket, clock.instant());
        return socketModeUrl() + "?ticket=" + ticket + "&app_id=" + appId;
    }

    synchronized boolean takeTicket(String ticket) {
        return tickets.remove(ticket) != null;
    }

    // ---- deliveries and calls

    synchronized void delivered(Delivery d) {
        deliveries.add(d);
        if (d.responseUrl() != null) {
            responseUrls.get(d.responseUrl()).delivery = d;
        }
    }

    synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    synchronized void record(LocalSlack.ApiCall call) {
        calls.add(call);
        callCounts.merge(call.method(), 1L, Long::sum);
        if (call.status() == 429) {
            limitedCounts.merge(call.method(), 1L, Long::sum);
        }
    }

    synchronized List<LocalSlack.ApiCall> calls() {
        return List.copyOf(calls);
    }

    synchronized long callsTo(String method) {
        return callCounts.getOrDefault(method, 0L);
    }

    synchronized Map<String, Long> callCounts() {
        return new TreeMap<>(callCounts);
    }

    synchronized Map<String, Long> rateLimitedCounts() {
        return new TreeMap<>(limitedCounts);
    }
}
