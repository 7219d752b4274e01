package dev.rapport.localdiscord;

import com.google.gson.JsonElement;
import dev.rapport.localkit.Faults;
import dev.rapport.localkit.Outage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A local Discord for a bot to talk to: Discord's REST API on {@code http://127.0.0.1:<port>/api/v10/} and its gateway
 * on {@code ws://127.0.0.1:<port>}, both on loopback ports, speaking Discord's documented shapes closely enough for
 * JDA 6 to log in, shard, resume and answer interactions. Tests and the sandbox drive it as Discord users would
 * ({@link #as}), then read what the bot did (messages, interaction responses, REST calls, gateway logins).
 *
 * <pre>{@code
 * try (LocalDiscord discord = LocalDiscord.builder()
 *         .guild(GUILD, "Residency", g -> g
 *                 .textChannel(GENERAL, "general")
 *                 .role(COORDINATORS, "Coordinators", Permissions.MANAGE_GUILD)
 *                 .member(ANA, "ana", "Ana", COORDINATORS)
 *                 .member(BEN, "ben", "Ben"))
 *         .start()) {
 *     JDA jda = JDABuilder.createLight(discord.botToken())
 *             .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl()))
 *             .setSessionController(new SessionControllerAdapter() {
 *                 public String getGateway() { return discord.gatewayUrl(); }
 *             })
 *             .setCompression(Compression.NONE)
 *             .build();
 *     jda.awaitReady();
 *     Interaction health = discord.as(GUILD, ANA).slashCommand("rapport", "health", Map.of());
 *     assertThat(health.awaitResponse().ephemeral()).isTrue();
 *     jda.shutdownNow(); // before the local Discord closes, or JDA keeps reconnecting
 * }
 * }</pre>
 *
 * <p><b>REST.</b> Users ({@code users/@me}, {@code users/{id}}), the gateway URL ({@code gateway},
 * {@code gateway/bot}), DM channels ({@code users/@me/channels}: one per user, the same every time), messages
 * (create in JSON or {@code multipart/form-data} with files, get, edit, delete), interaction callbacks and follow-ups,
 * application commands (global and per guild), guilds, members and roles. Message bodies are checked against
 * Discord's limits (2000 characters, 10 embeds and their sizes, 5 action rows of 5 buttons, unique custom ids, 10
 * files) and refused with Discord's {@code 50035 Invalid Form Body}. Every route but the interaction ones needs
 * {@code Authorization: Bot <token>} (401 otherwise). Users and members can join while the bot runs
 * ({@link #addUser}, {@link #addMember}).
 *
 * <p><b>Nonces.</b> Create Message takes a {@code nonce} (an integer or a string of at most 25 characters, else 50035)
 * and {@code enforce_nonce}, in a JSON body or in multipart's {@code payload_json}. With {@code enforce_nonce} true,
 * a nonce the bot used for a message within the {@link Builder#nonceWindow} (two minutes by default, on the builder's
 * clock: the shortest fair reading of Discord's "the past few minutes") gets that message back, as it is now, with no
 * new message and no MESSAGE_CREATE; if that message was deleted since, 404 {@code 10008}. That is what makes a retry
 * whose first outcome is unknown safe: a message is sent once however often the bot asks. The nonce comes back in the
 * create answer and in MESSAGE_CREATE, never when the message is fetched again ({@link #deduplicatedMessages()},
 * {@link #directMessages}).
 *
 * <p><b>Interactions.</b> One initial response per interaction, within {@link Builder#acknowledgementDeadline} (3 s)
 * of the dispatch reaching the bot (later: 404 {@code 10062}; a second: 400 {@code 40060}), follow-ups and edits for
 * 15 minutes after the interaction (then 401 {@code 50027}), ephemeral flags kept, UPDATE_MESSAGE and a deferred
 * update followed by an edit of {@code @original} editing the component's message, and a follow-up after a deferred
 * reply replacing the "thinking" message, as Discord documents.
 *
 * <p><b>Rate limits</b>, on the builder's {@link Clock}: a global 50 requests per second per bot (429 with
 * {@code X-RateLimit-Global}), and per-route {@link Bucket}s counted per channel, guild or interaction token, with
 * {@code X-RateLimit-Limit/-Remaining/-Reset/-Reset-After/-Bucket} on every answer and {@code Retry-After} in whole
 * seconds on a 429. Interaction routes are exempt from the global limit. Every answer carries {@code Via: 1.1 google},
 * without which JDA reads a 429 as a Cloudflare ban. Invalid requests (401, 403, 429) are counted over a rolling ten
 * minutes ({@link #invalidRequests()}); at {@link Builder#invalidRequestBan} (Discord: 10,000) every answer becomes
 * Cloudflare's HTML 429, as for a banned IP.
 *
 * <p><b>Gateway.</b> HELLO, IDENTIFY (token, {@code shard}, {@code intents}; privileged intents the application was not
 * granted close with 4014), HEARTBEAT/ACK, READY, one GUILD_CREATE per guild of the shard ({@code (guild_id >> 22) %
 * shards}), sequence numbers, RESUME with replay, RECONNECT and INVALID_SESSION. MESSAGE_CREATE for the bot's own
 * Create Message goes to a session that identified with DIRECT_MESSAGES (DMs) or GUILD_MESSAGES (guild channels), and
 * GUILD_MEMBER_ADD to one with GUILD_MEMBERS, as Discord sends them only then. Dispatches for a shard whose connection
 * is down are kept and replayed when it resumes.
 *
 * <p><b>Faults</b>, named as on the local Slack ({@link Faults}): {@link #failNextCalls}, {@link #delayResponses},
 * {@link #closeDirectMessages}/{@link #openDirectMessages}, {@link #startOutage(Outage)}/{@link #endOutage}
 * (everything answering 503, or nothing listening at all, then both listening again on the same ports: see
 * {@link Outage}), {@link #dropConnections()}; and Discord's own: {@link #rateLimitNextMessages},
 * {@link #dropConnection(int)}, {@link #closeConnection}, {@link #requestReconnect}, {@link #invalidateSession}.
 *
 * <p><b>Ports.</b> Free loopback ports by default; {@link Builder#restPort} and {@link Builder#gatewayPort} fix them.
 * {@link LocalDiscordServer} runs a local Discord as a process of its own, with a control API, for tests that kill the
 * bot's processes.
 *
 * <p>Thread-safe. New ids are snowflakes of the real current time, whatever the clock: JDA treats an interaction whose
 * id is older than 15 minutes as expired. {@link #close()} stops both servers at once.
 */
public final class LocalDiscord implements Faults<Long>, AutoCloseable {

    /** The default bot token; a test token that does not look like a real one. */
    public static final String DEFAULT_TOKEN = "local-discord-test-bot-token-0000";

    public static final long DEFAULT_APPLICATION_ID = 1_250_000_000_000_000_001L;
    /** Newer applications' bot user has the application's id. */
    public static final long DEFAULT_BOT_ID = DEFAULT_APPLICATION_ID;

    public static final long DEFAULT_GUILD_ID = 1_250_000_000_000_000_100L;
    public static final long DEFAULT_CHANNEL_ID = 1_250_000_000_000_000_101L;

    /**
     * Discord de-duplicates {@code enforce_nonce} creates "in the past few minutes" and says no more. Two minutes is the
     * shortest fair reading of "a few": a bot whose retries land within it against the local Discord lands within
     * Discord's window too, whereas a longer window here would let a bot pass that sends copies on Discord.
     */
    public static final Duration DEFAULT_NONCE_WINDOW = Duration.ofMinutes(2);

    private final World world;
    private final RateLimiter limits;
    private final Gateway gateway;
    private final RestApi rest;
    private final Interactions interactions;
    private final Object lifecycle = new Object();
    /** Guarded by {@link #lifecycle}. */
    private Outage outage;

    private LocalDiscord(Builder b) throws IOException {
        this.world = new World(b.config());
        this.limits = new RateLimiter(b.clock, b.globalPerSecond, b.limits);
        this.interactions = new Interactions(world);
        this.gateway = new Gateway(world, (int) b.heartbeat.toMillis(), b.gatewayPort);
        world.dispatcher(gateway::dispatchToSubscribers);
        gateway.startAndWait();
        try {
            this.rest = new RestApi(world, limits, gateway, b.invalidBan, b.restPort);
        } catch (IOException | RuntimeException e) {
            gateway.shutdown();
            throw e;
        }
        world.httpBase(rest.base());
    }

    /** A local Discord with one guild ({@link #DEFAULT_GUILD_ID}, channel {@link #DEFAULT_CHANNEL_ID}) and no users. */
    public static LocalDiscord start() {
        return builder().start();
    }

    /** A builder: guilds, users, the bot's identity, shards, limits, the clock. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- where to point the bot

    /** The REST base URL for {@code RestConfig#setBaseUrl}: {@code http://127.0.0.1:<port>/api/v10/}. */
    public String restUrl() {
        return rest.base() + RestApi.API;
    }

    /** The gateway URL, as {@code GET gateway/bot} reports it: {@code ws://127.0.0.1:<port>}. */
    public String gatewayUrl() {
        return gateway.url();
    }

    /** The bot token the local Discord accepts (without the {@code Bot } prefix). */
    public String botToken() {
        return world.botToken;
    }

    /** The application's id, as READY and the webhook routes use it. */
    public long applicationId() {
        return world.applicationId;
    }

    /** The bot user's id. */
    public long botUserId() {
        return world.bot.id();
    }

    /** How long a nonce sent with {@code enforce_nonce} keeps a copy from being created ({@link Builder#nonceWindow}). */
    public Duration nonceWindow() {
        return world.nonceWindow;
    }

    /** Every user: the bot, each configured member and each user configured on their own. */
    public List<DiscordUser> users() {
        return world.users().stream()
                .map(u -> new DiscordUser(u.id(), u.username(), u.globalName(), u.bot()))
                .toList();
    }

    /** The configured guilds, in order. */
    public List<DiscordGuild> guilds() {
        List<DiscordGuild> out = new ArrayList<>();
        for (World.Guild g : world.guilds()) {
            Map<Long, String> channels = new LinkedHashMap<>();
            g.channels().values().forEach(c -> channels.put(c.id(), c.name()));
            Map<Long, String> roles = new LinkedHashMap<>();
            g.roles().values().forEach(r -> roles.put(r.id(), r.name()));
            Map<Long, List<Long>> members = new LinkedHashMap<>();
            g.members().values().forEach(m -> members.put(m.userId(), m.roles()));
            out.add(new DiscordGuild(g.id(), g.name(), g.ownerId(), channels, roles, members));
        }
        return out;
    }

    // ---- acting as users

    /**
     * A user Discord knows who is in no guild (they can DM the bot and be DMed), added while the bot runs. The same user
     * again changes nothing; another user with a known id is refused.
     */
    public void addUser(long userId, String username, String globalName) {
        world.addUser(new World.User(userId, Objects.requireNonNull(username), globalName, false));
    }

    /**
     * Sets the language of a user's Discord client (one of Discord's locales, e.g. {@code es-ES}, {@code fr},
     * {@code en-US}, the default): every interaction of theirs from then on carries it as {@code locale}.
     */
    public void setLocale(long userId, String locale) {
        world.setLocale(userId, locale);
    }

    /**
     * A user joins a guild while the bot runs, holding the given roles: Discord sends GUILD_MEMBER_ADD to a bot that
     * identified with the GUILD_MEMBERS intent, and nothing to others, who see the member over REST.
     */
    public void addMember(long guildId, long userId, String username, String globalName, long... roleIds) {
        List<Long> roles = new ArrayList<>();
        for (long r : roleIds) {
            roles.add(r);
        }
        Map<World.User, List<Long>> joining = new LinkedHashMap<>();
        joining.put(new World.User(userId, Objects.requireNonNull(username), globalName, false), roles);
        world.addMembers(guildId, joining);
    }

    /**
     * A guild admin creates a role while the bot runs (GUILD_ROLE_CREATE to a bot with the GUILDS intent). Its name is
     * free: anyone allowed to manage roles may call a role anything.
     */
    public void createRole(long guildId, long roleId, String name, long permissions) {
        world.createRole(guildId, roleId, name, permissions);
    }

    /**
     * A member's roles become exactly these (a role given or taken away) while the bot runs; their next interaction
     * carries them. GUILD_MEMBER_UPDATE goes only to a bot with the GUILD_MEMBERS intent.
     */
    public void setRoles(long guildId, long userId, long... roleIds) {
        List<Long> roles = new ArrayList<>();
        for (long r : roleIds) {
            roles.add(r);
        }
        world.setRoles(guildId, userId, roles);
    }

    /** Many users join a guild at once, without roles: for seeding a large programme while the bot runs. */
    public void addMembers(long guildId, List<DiscordUser> users) {
        Map<World.User, List<Long>> joining = new LinkedHashMap<>();
        for (DiscordUser u : users) {
            if (u.bot()) {
                throw new IllegalArgumentException("only the configured bot is a bot: " + u);
            }
            joining.put(new World.User(u.id(), Objects.requireNonNull(u.username()), u.globalName(), false), List.of());
        }
        world.addMembers(guildId, joining);
    }

    /** A member of a guild, acting in the guild's first text channel (see {@link Actor#in}). */
    public Actor as(long guildId, long userId) {
        world.guild(guildId).orElseThrow(() -> new IllegalArgumentException("no guild " + guildId));
        return new Actor(this, guildId, 0, userId);
    }

    /** A user in their DM with the bot: slash commands run there; clicks work wherever the message is. */
    public Actor as(long userId) {
        world.user(userId).orElseThrow(() -> new IllegalArgumentException("no user " + userId));
        return new Actor(this, 0, 0, userId);
    }

    Interactions factory() {
        return interactions;
    }

    Interaction dispatch(InteractionState st) {
        Gateway.Session s = gateway.route(st.guildId);
        if (s == null) {
            throw new IllegalStateException("no bot session receives events for "
                    + (st.guildId == 0 ? "DMs (shard 0)" : "guild " + Json.id(st.guildId))
                    + ": connect the bot first");
        }
        gateway.dispatch(
                s,
                "INTERACTION_CREATE",
                st.payload.deepCopy(),
                () -> st.markDispatched(world.clock.instant()),
                st::unmarkDispatched);
        return new Interaction(world, st);
    }

    // ---- what the bot did

    /** Every REST call, in the order answered. */
    public List<RestCall> calls() {
        return rest.calls();
    }

    /** How many calls reached an endpoint, whatever the answer. */
    public long callsTo(Endpoint endpoint) {
        return rest.calls().stream().filter(c -> c.endpoint() == endpoint).count();
    }

    /**
     * Every message version, in order: each creation, each edit and each deletion ({@link DiscordMessage#deleted()}),
     * in every channel.
     */
    public List<DiscordMessage> messages() {
        return world.history();
    }

    /** The messages of a channel in their current state, oldest first, without deleted ones. */
    public List<DiscordMessage> messagesIn(long channelId) {
        return world.messagesIn(channelId);
    }

    /** The messages in a user's DM with the bot, current state, oldest first; empty if no DM was opened. */
    public List<DiscordMessage> messagesTo(long userId) {
        return world.dmChannelOf(userId).map(world::messagesIn).orElse(List.of());
    }

    /** A message in its current state. */
    public Optional<DiscordMessage> message(long messageId) {
        return world.message(messageId);
    }

    /** How many messages the bot has created in DM channels with {@code POST channels/{id}/messages}. */
    public int directMessageCount() {
        return world.directMessageCount();
    }

    /**
     * The bot's DMs (see {@link SentDirectMessage}) in creation order, from {@code offset} on, at most {@code limit}: an
     * offset stays valid as more are sent, so a reader can page through tens of thousands.
     */
    public List<SentDirectMessage> directMessages(int offset, int limit) {
        return world.directMessages(offset, limit);
    }

    /** What the REST API has answered since the start, per route and status, counted as it went. */
    public RequestCounters counters() {
        return rest.counters(limits.invalidRequests(), world.deduplicatedMessages());
    }

    /**
     * How many {@code POST channels/{id}/messages} were answered with an earlier message because they carried the
     * nonce of one created within the {@link #nonceWindow} and {@code enforce_nonce}: copies Discord dropped.
     */
    public long deduplicatedMessages() {
        return world.deduplicatedMessages();
    }

    /** The DM channel of a user, once {@code POST users/@me/channels} (or a DM interaction) opened it. */
    public OptionalLong dmChannelOf(long userId) {
        return world.dmChannelOf(userId).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** Every interaction the local Discord created, oldest first. */
    public List<Interaction> interactions() {
        return world.interactions().stream()
                .map(st -> new Interaction(world, st))
                .toList();
    }

    /** Every interaction response, follow-up and edit, accepted or refused, in order. */
    public List<InteractionResponse> interactionResponses() {
        return world.responses();
    }

    /** The names of the registered slash commands of a scope: 0 for global commands, else a guild id. */
    public List<String> commandNames(long scope) {
        List<String> names = new ArrayList<>();
        for (JsonElement c : world.commands(scope)) {
            names.add(Json.string(c.getAsJsonObject(), "name"));
        }
        return names;
    }

    /** The registered commands of a scope (0 for global), as {@code GET …/commands} returns them. */
    public String commandsJson(long scope) {
        return commandsJson(scope, false);
    }

    /**
     * The registered commands of a scope (0 for global), as {@code GET …/commands} returns them, with
     * {@code with_localizations=true} when {@code withLocalizations}: then each command and option carries its
     * {@code name_localizations} and {@code description_localizations} as registered.
     */
    public String commandsJson(long scope, boolean withLocalizations) {
        return world.commands(scope, withLocalizations).toString();
    }

    /** Every IDENTIFY and RESUME, accepted or refused, with the intents and shard asked for. */
    public List<GatewayLogin> gatewayLogins() {
        return gateway.logins();
    }

    /** The shards with a live session and an open connection. */
    public Set<Integer> connectedShards() {
        return gateway.connectedShards();
    }

    /**
     * Invalid requests (answered 401, 403 or 429) in the last ten minutes of the clock. Discord bans the IP for a while
     * at 10,000; an adapter that respects rate limits stays near zero.
     */
    public int invalidRequests() {
        return limits.invalidRequests();
    }

    /**
     * Calls {@code listener} with every new message version (creation, edit, deletion), in order, on a thread of the
     * local Discord's own: for a page that shows what the bot sends as it happens. A listener must not block for long.
     */
    public void onMessage(Consumer<DiscordMessage> listener) {
        world.listeners.onMessage(Objects.requireNonNull(listener));
    }

    /** Calls {@code listener} with every interaction response, follow-up and edit, in order, like {@link #onMessage}. */
    public void onInteractionResponse(Consumer<InteractionResponse> listener) {
        world.listeners.onResponse(Objects.requireNonNull(listener));
    }

    // ---- faults

    /**
     * The next {@code count} REST calls, whatever the route, answer HTTP {@code status} (a 5xx). JDA retries 502, 503,
     * 504 and 52x itself, up to three times, so fewer failures than that show up only as latency.
     */
    @Override
    public void failNextCalls(int count, int status) {
        failNextCalls(count, status, null);
    }

    /** The next {@code count} calls to {@code endpoint} answer HTTP {@code status} (a 5xx). */
    public void failNextCalls(int count, int status, Endpoint endpoint) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server failure answers 5xx, not " + status);
        }
        rest.failNext(count, status, endpoint);
    }

    /**
     * The next {@code count} {@code POST channels/{id}/messages} answer 429 with {@code Retry-After} (whole seconds,
     * rounded up) and the bucket's headers, as a burst from a shared limit would. Nothing is created for them.
     */
    public void rateLimitNextMessages(int count, Duration retryAfter) {
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("a rate limit lasts a positive time");
        }
        rest.rateLimitNextMessages(count, retryAfter);
    }

    /** Every REST answer waits this long first (a slow Discord); {@link Duration#ZERO} to stop. */
    @Override
    public void delayResponses(Duration wait) {
        rest.delay(Objects.requireNonNull(wait));
    }

    /**
     * The user has closed their DMs to the bot: opening the DM channel still works, sending to it answers 403
     * {@code {"message":"Cannot send messages to this user","code":50007}}.
     */
    @Override
    public void closeDirectMessages(Long userId) {
        world.closeDms(userId, true);
    }

    /** Undoes {@link #closeDirectMessages}. */
    @Override
    public void openDirectMessages(Long userId) {
        world.closeDms(userId, false);
    }

    /**
     * Discord is down until {@link #endOutage()}, in the way {@code kind} says: answering 503, or not listening at all.
     * Either way gateway connections drop and sessions are kept, so afterwards the bot can resume and receive what was
     * dispatched meanwhile. An outage of another kind already under way ends first.
     */
    @Override
    public void startOutage(Outage kind) {
        Objects.requireNonNull(kind);
        synchronized (lifecycle) {
            if (outage == kind) {
                return;
            }
            if (outage != null) {
                endOutage();
            }
            gateway.outage(true);
            switch (kind) {
                case UNAVAILABLE -> rest.outage(true);
                case REFUSED -> {
                    rest.stopListening();
                    gateway.stopListening();
                }
            }
            outage = kind;
        }
    }

    /**
     * Ends the outage: REST answers again and the gateway accepts connections on the same ports as before, so the bot
     * resumes. Throws {@link IllegalStateException} if another process took a port meanwhile.
     */
    @Override
    public void endOutage() {
        synchronized (lifecycle) {
            if (outage == Outage.REFUSED) {
                try {
                    rest.listenAgain();
                } catch (IOException e) {
                    throw new IllegalStateException("the local Discord could not listen again on " + rest.base(), e);
                }
                gateway.startAndWait();
            }
            gateway.outage(false);
            rest.outage(false);
            outage = null;
        }
    }

    /** The outage under way, if any. */
    @Override
    public Optional<Outage> outage() {
        synchronized (lifecycle) {
            return Optional.ofNullable(outage);
        }
    }

    /** Drops every shard's gateway connection abruptly (no close frame); the sessions stay resumable. */
    @Override
    public void dropConnections() {
        for (int shard : connectedShards()) {
            gateway.drop(shard);
        }
    }

    /** Drops a shard's connection abruptly (no close frame); the session stays resumable. Whether one was open. */
    public boolean dropConnection(int shard) {
        return gateway.drop(shard);
    }

    /** Closes a shard's connection with a close code: 4000 lets the client resume, 4004 or 4014 end it. */
    public boolean closeConnection(int shard, int code) {
        return gateway.close(shard, code, "closed by local-discord");
    }

    /** Sends op 7 RECONNECT to a shard: the client reconnects and resumes. */
    public boolean requestReconnect(int shard) {
        return gateway.requestReconnect(shard);
    }

    /** Sends op 9 INVALID_SESSION to a shard; with {@code resumable} false the client must identify anew. */
    public boolean invalidateSession(int shard, boolean resumable) {
        return gateway.invalidateSession(shard, resumable);
    }

    /** Stops the REST server and the gateway. Shut the bot down first, or its reconnect loop keeps running. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            rest.stop();
            gateway.shutdown();
            world.listeners.close();
        }
    }

    /** Configures a guild: its channels, roles and members. Ids are snowflakes the test chooses. */
    public static final class GuildSpec {

        private final long id;
        private final String name;
        private final Map<Long, String> channels = new LinkedHashMap<>();
        private final Map<Long, World.Role> roles = new LinkedHashMap<>();
        private final Map<Long, long[]> members = new LinkedHashMap<>();
        private final Map<Long, World.User> users = new LinkedHashMap<>();
        private long owner;
        private long everyone = Permissions.DEFAULT_EVERYONE;
        private long botPermissions = Permissions.DEFAULT_BOT;

        private GuildSpec(long id, String name) {
            this.id = id;
            this.name = name;
        }

        /** A text channel; the first one is where {@link LocalDiscord#as(long, long)} acts by default. */
        public GuildSpec textChannel(long channelId, String channelName) {
            channels.put(channelId, Objects.requireNonNull(channelName));
            return this;
        }

        /** A role with its permission bits ({@link Permissions}). */
        public GuildSpec role(long roleId, String roleName, long permissions) {
            if (roleId == id) {
                throw new IllegalArgumentException(
                        "the role with the guild's id is @everyone: use everyonePermissions");
            }
            roles.put(roleId, new World.Role(roleId, roleName, permissions, roles.size() + 1, false));
            return this;
        }

        /** A member: the user (created if new) and the roles they hold. */
        public GuildSpec member(long userId, String username, String globalName, long... roleIds) {
            users.put(userId, new World.User(userId, username, globalName, false));
            members.put(userId, roleIds.clone());
            return this;
        }

        /** The guild's owner (who has every permission); by default the first member. */
        public GuildSpec owner(long userId) {
            this.owner = userId;
            return this;
        }

        /** The @everyone role's permissions; {@link Permissions#DEFAULT_EVERYONE} by default. */
        public GuildSpec everyonePermissions(long permissions) {
            this.everyone = permissions;
            return this;
        }

        /** The permissions of the bot's own managed role; {@link Permissions#DEFAULT_BOT} by default. */
        public GuildSpec botPermissions(long permissions) {
            this.botPermissions = permissions;
            return this;
        }

        World.Guild build(World.User bot, Instant joinedAt) {
            Map<Long, World.Role> allRoles = new LinkedHashMap<>();
            allRoles.put(id, new World.Role(id, "@everyone", everyone, 0, false));
            allRoles.putAll(roles);
            long botRole = id + 1;
            while (allRoles.containsKey(botRole) || members.containsKey(botRole) || channels.containsKey(botRole)) {
                botRole++;
            }
            allRoles.put(botRole, new World.Role(botRole, bot.username(), botPermissions, allRoles.size(), true));
            Map<Long, World.Channel> allChannels = new LinkedHashMap<>();
            int position = 0;
            for (Map.Entry<Long, String> c : channels.entrySet()) {
                allChannels.put(
                        c.getKey(),
                        new World.Channel(c.getKey(), World.Channel.GUILD_TEXT, id, c.getValue(), position++, 0));
            }
            Map<Long, World.Member> allMembers = new LinkedHashMap<>();
            for (Map.Entry<Long, long[]> m : members.entrySet()) {
                List<Long> held = new ArrayList<>();
                for (long r : m.getValue()) {
                    if (!roles.containsKey(r)) {
                        throw new IllegalArgumentException(
                                "guild " + name + " has no role " + r + " for member " + m.getKey());
                    }
                    held.add(r);
                }
                allMembers.put(m.getKey(), new World.Member(m.getKey(), List.copyOf(held), joinedAt));
            }
            allMembers.put(bot.id(), new World.Member(bot.id(), List.of(botRole), joinedAt));
            long ownerId =
                    owner != 0 ? owner : members.keySet().stream().findFirst().orElse(bot.id());
            if (!allMembers.containsKey(ownerId)) {
                throw new IllegalArgumentException("the owner of guild " + name + " must be a member");
            }
            return new World.Guild(id, name, ownerId, allRoles, allChannels, allMembers, joinedAt);
        }
    }

    /** Configures a {@link LocalDiscord}. */
    public static final class Builder {

        private final Map<Long, GuildSpec> guilds = new LinkedHashMap<>();
        private final Map<Long, World.User> users = new LinkedHashMap<>();
        private final Map<Bucket, RateLimiter.Limit> limits = new EnumMap<>(Bucket.class);
        private String token = DEFAULT_TOKEN;
        private long applicationId = DEFAULT_APPLICATION_ID;
        private long botId = DEFAULT_BOT_ID;
        private String botName = "Rapport";
        private int shards = 1;
        private int maxConcurrency = 1;
        private int granted;
        private Clock clock = Clock.systemUTC();
        private int globalPerSecond = 50;
        private Duration heartbeat = Duration.ofMillis(41_250);
        private Duration ackDeadline = Duration.ofSeconds(3);
        private int invalidBan = 10_000;
        private Duration nonceWindow = DEFAULT_NONCE_WINDOW;
        private int restPort;
        private int gatewayPort;

        private Builder() {}

        /** The bot token to accept (without {@code Bot }); {@link #DEFAULT_TOKEN} by default. */
        public Builder botToken(String botToken) {
            if (botToken == null || botToken.isBlank() || botToken.startsWith("Bot ")) {
                throw new IllegalArgumentException("give the bare token, without the \"Bot \" prefix");
            }
            this.token = botToken;
            return this;
        }

        /** The application's id, and its bot user's id and name. */
        public Builder application(long applicationId, long botUserId, String botUsername) {
            this.applicationId = applicationId;
            this.botId = botUserId;
            this.botName = Objects.requireNonNull(botUsername);
            return this;
        }

        /** The shard count {@code GET gateway/bot} recommends; 1 by default. */
        public Builder shards(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one shard");
            }
            this.shards = count;
            return this;
        }

        /**
         * {@code session_start_limit.max_concurrency}: how many shards may identify at once. JDA waits 5 s between
         * identifies of the same bucket, so a test with several shards starts faster with one bucket per shard.
         */
        public Builder maxConcurrency(int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("at least one");
            }
            this.maxConcurrency = concurrency;
            return this;
        }

        /**
         * Privileged intents the application was granted in the developer portal ({@link Intents#GUILD_MEMBERS},
         * {@link Intents#GUILD_PRESENCES}, {@link Intents#MESSAGE_CONTENT}); none by default, so an IDENTIFY asking
         * for one is closed with 4014, as on Discord.
         */
        public Builder grantPrivilegedIntents(int intents) {
            if ((intents & ~Intents.PRIVILEGED) != 0) {
                throw new IllegalArgumentException("only privileged intents need granting");
            }
            this.granted = intents;
            return this;
        }

        /** A guild the bot is in, configured by {@code spec}. */
        public Builder guild(long guildId, String name, Consumer<GuildSpec> spec) {
            GuildSpec g = new GuildSpec(guildId, Objects.requireNonNull(name));
            spec.accept(g);
            if (g.channels.isEmpty()) {
                throw new IllegalArgumentException("guild " + name + " needs a text channel");
            }
            guilds.put(guildId, g);
            return this;
        }

        /** A user who is in no configured guild (they can still DM the bot and be DMed). */
        public Builder user(long userId, String username, String globalName) {
            users.put(userId, new World.User(userId, username, globalName, false));
            return this;
        }

        /**
         * The clock rate limits, invalid-request counts and interaction deadlines run on; the system clock by default.
         * A fixed clock makes limits deterministic for plain-HTTP tests, but never refills a bucket: with a real client
         * such as JDA, which waits {@code X-RateLimit-Reset-After} and retries, use a clock that moves.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The global limit per bot; Discord's is 50 requests per second. */
        public Builder globalRateLimit(int perSecond) {
            if (perSecond < 1) {
                throw new IllegalArgumentException("at least one request per second");
            }
            this.globalPerSecond = perSecond;
            return this;
        }

        /** A route bucket's limit: {@code limit} requests per {@code window}, per channel, guild or token. */
        public Builder rateLimit(Bucket bucket, int limit, Duration window) {
            limits.put(bucket, new RateLimiter.Limit(limit, window));
            return this;
        }

        /** The {@code heartbeat_interval} sent in HELLO; Discord's is about 41.25 s. */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeat = Objects.requireNonNull(interval);
            return this;
        }

        /** How long after the dispatch the initial response is accepted; Discord's is 3 s. */
        public Builder acknowledgementDeadline(Duration deadline) {
            this.ackDeadline = Objects.requireNonNull(deadline);
            return this;
        }

        /** How many invalid requests in ten minutes get the IP banned; Discord's is 10,000. */
        public Builder invalidRequestBan(int threshold) {
            this.invalidBan = threshold;
            return this;
        }

        /**
         * How long, on the {@link #clock}, a nonce sent with {@code enforce_nonce} keeps another message with it from
         * being created; {@link #DEFAULT_NONCE_WINDOW} by default.
         */
        public Builder nonceWindow(Duration window) {
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a nonce window lasts a positive time");
            }
            this.nonceWindow = window;
            return this;
        }

        /** The loopback port for REST; 0 (the default) for a free one. */
        public Builder restPort(int port) {
            this.restPort = checkPort(port);
            return this;
        }

        /** The loopback port for the gateway; 0 (the default) for a free one. */
        public Builder gatewayPort(int port) {
            this.gatewayPort = checkPort(port);
            return this;
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("no port " + port);
            }
            return port;
        }

        /** Starts both servers on free loopback ports; without any guild configured, one default guild. */
        public LocalDiscord start() {
            if (guilds.isEmpty()) {
                guild(DEFAULT_GUILD_ID, "Local Guild", g -> g.textChannel(DEFAULT_CHANNEL_ID, "general"));
            }
            try {
                return new LocalDiscord(this);
            } catch (IOException e) {
                throw new IllegalStateException("the local Discord could not listen on the loopback interface", e);
            }
        }

        World.Config config() {
            World.User bot = new World.User(botId, botName, null, true);
            Map<Long, World.User> all = new LinkedHashMap<>();
            all.put(bot.id(), bot);
            List<World.Guild> built = new ArrayList<>();
            Instant joined = clock.instant();
            for (GuildSpec g : guilds.values()) {
                for (World.User u : g.users.values()) {
                    World.User known = all.putIfAbsent(u.id(), u);
                    if (known != null && !known.equals(u)) {
                        throw new IllegalArgumentException("user " + u.id() + " is configured twice, differently");
                    }
                }
                built.add(g.build(bot, joined));
            }
            users.values().forEach(u -> all.putIfAbsent(u.id(), u));
            return new World.Config(
                    clock,
                    token,
                    applicationId,
                    bot,
                    granted,
                    shards,
                    maxConcurrency,
                    all,
                    built,
                    ackDeadline,
                    Duration.ofMinutes(15),
                    nonceWindow);
        }
    }
}
