package dev.rapport.localdiscord;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.rapport.localkit.Multipart;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the local Discord knows: the configured users and guilds, the DM channels, messages, interactions and
 * commands, and the operations REST and the user-facing driver perform on them. One lock (this object) guards the
 * mutable state, so each operation sees and leaves a consistent picture.
 */
final class World {

    record User(long id, String username, String globalName, boolean bot) {}

    record Role(long id, String name, long permissions, int position, boolean managed) {}

    /** A guild text channel (type 0) or a DM channel (type 1, with its recipient). */
    record Channel(long id, int type, long guildId, String name, int position, long recipientId) {
        static final int GUILD_TEXT = 0;
        static final int DM = 1;
    }

    record Member(long userId, List<Long> roles, Instant joinedAt) {}

    record Guild(
            long id,
            String name,
            long ownerId,
            Map<Long, Role> roles,
            Map<Long, Channel> channels,
            Map<Long, Member> members,
            Instant joinedAt) {

        Role everyone() {
            return roles.get(id);
        }
    }

    record Config(
            Clock clock,
            String botToken,
            long applicationId,
            User bot,
            int grantedIntents,
            int shardCount,
            int maxConcurrency,
            Map<Long, User> users,
            List<Guild> guilds,
            Duration ackDeadline,
            Duration tokenLifetime,
            Duration nonceWindow) {}

    /** Where gateway events go: the gateway, which sends each to the session subscribed to it. */
    interface Dispatcher {
        void dispatch(long guildId, int intents, String type, JsonObject d);
    }

    /** A nonce {@code enforce_nonce} made the bot's: which message it created, and when on the clock. */
    private record SeenNonce(String key, long messageId, Instant at) {}

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final SecureRandom RANDOM = new SecureRandom();

    final Clock clock;
    final String botToken;
    final long applicationId;
    final User bot;
    final int grantedIntents;
    final int shardCount;
    final int maxConcurrency;
    final Duration ackDeadline;
    final Duration tokenLifetime;
    final Duration nonceWindow;
    // Read without the lock by every thread; users and members can be added while the bot runs.
    private final Map<Long, User> users = new ConcurrentHashMap<>();
    /** Each user's client language, as their interactions carry it ({@code locale}); {@code en-US} when not set. */
    private final Map<Long, String> locales = new ConcurrentHashMap<>();

    /** The users in the order they became known, for {@link #users()}; guarded by itself. */
    private final List<User> userOrder = new ArrayList<>();
    /** A guild's record is replaced, never changed, when a member joins: readers see one consistent guild. */
    private final Map<Long, Guild> guilds = new ConcurrentHashMap<>();

    private final List<Long> guildOrder;
    private volatile Dispatcher dispatcher = (guildId, intents, type, d) -> {};

    private volatile String httpBase = "http://127.0.0.1:0";
    final Listeners listeners = new Listeners();

    // Guarded by this.
    private final Map<Long, Channel> channels = new HashMap<>();
    private final Map<Long, Long> dmByUser = new HashMap<>();
    private final Set<Long> closedDms = new HashSet<>();
    private final Map<Long, StoredMessage> messages = new LinkedHashMap<>();
    private final List<DiscordMessage> history = new ArrayList<>();
    private final Map<Long, InteractionState> interactions = new LinkedHashMap<>();
    private final Map<String, InteractionState> interactionsByToken = new HashMap<>();
    private final List<InteractionResponse> responses = new ArrayList<>();
    private final Map<Long, Map<String, JsonObject>> commands = new HashMap<>();
    private final Map<Long, UploadedFile> files = new HashMap<>();
    private final Map<String, SeenNonce> nonces = new HashMap<>();
    /** The same entries, oldest first, so the expired ones are dropped from the head. */
    private final ArrayDeque<SeenNonce> noncesByAge = new ArrayDeque<>();

    private long deduplicated;
    /** The bot's messages in DM channels, in creation order: what the standalone server pages through. */
    private final List<StoredMessage> directMessages = new ArrayList<>();
    /** The files the current operation attached, for its recorded response. */
    private List<UploadedFile> lastUploads = List.of();

    World(Config config) {
        this.clock = config.clock();
        this.botToken = config.botToken();
        this.applicationId = config.applicationId();
        this.bot = config.bot();
        this.grantedIntents = config.grantedIntents();
        this.shardCount = config.shardCount();
        this.maxConcurrency = config.maxConcurrency();
        this.ackDeadline = config.ackDeadline();
        this.tokenLifetime = config.tokenLifetime();
        this.nonceWindow = config.nonceWindow();
        config.users().values().forEach(this::addUser);
        List<Long> order = new ArrayList<>();
        for (Guild g : config.guilds()) {
            guilds.put(g.id(), g);
            order.add(g.id());
            channels.putAll(g.channels());
        }
        this.guildOrder = List.copyOf(order);
    }

    void httpBase(String base) {
        this.httpBase = base;
    }

    void dispatcher(Dispatcher d) {
        this.dispatcher = d;
    }

    // ---- shapes, as Discord's documentation gives them

    static String iso(Instant t) {
        return ISO.format(OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    JsonObject userJson(User u) {
        JsonObject o = Json.obj(
                "id",
                Json.id(u.id()),
                "username",
                u.username(),
                "global_name",
                u.globalName(),
                "discriminator",
                "0",
                "avatar",
                null,
                "avatar_decoration_data",
                null,
                "banner",
                null,
                "accent_color",
                null,
                "public_flags",
                0,
                "flags",
                0,
                "primary_guild",
                null);
        if (u.bot()) {
            o.addProperty("bot", true);
        }
        return o;
    }

    JsonObject botJson() {
        return userJson(bot);
    }

    /** {@code GET users/@me}: the bot's own user, with the fields only the owner of a token sees. */
    JsonObject selfJson() {
        JsonObject self = botJson();
        self.addProperty("verified", true);
        self.addProperty("mfa_enabled", false);
        self.addProperty("locale", "en-US");
        self.add("email", null);
        return self;
    }

    static JsonObject roleJson(Role r) {
        JsonObject o = Json.obj(
                "id",
                Json.id(r.id()),
                "name",
                r.name(),
                "description",
                null,
                "color",
                0,
                "colors",
                Json.obj("primary_color", 0, "secondary_color", null, "tertiary_color", null),
                "hoist",
                false,
                "icon",
                null,
                "unicode_emoji",
                null,
                "position",
                r.position(),
                "permissions",
                Long.toString(r.permissions()),
                "managed",
                r.managed(),
                "mentionable",
                false,
                "flags",
                0);
        return o;
    }

    JsonObject roleJson(Guild g, Role r) {
        JsonObject o = roleJson(r);
        if (r.managed()) {
            o.add("tags", Json.obj("bot_id", Json.id(bot.id())));
        }
        return o;
    }

    JsonObject memberJson(Guild g, Member m, boolean withUser) {
        JsonArray roles = new JsonArray();
        for (long role : m.roles()) {
            roles.add(Json.id(role));
        }
        JsonObject o = Json.obj(
                "nick",
                null,
                "avatar",
                null,
                "banner",
                null,
                "roles",
                roles,
                "joined_at",
                iso(m.joinedAt()),
                "premium_since",
                null,
                "deaf",
                false,
                "mute",
                false,
                "flags",
                0,
                "pending",
                false,
                "communication_disabled_until",
                null);
        if (withUser) {
            o.add("user", userJson(users.get(m.userId())));
        }
        return o;
    }

    JsonObject channelJson(Channel c) {
        if (c.type() == Channel.DM) {
            return Json.obj(
                    "id",
                    Json.id(c.id()),
                    "type",
                    Channel.DM,
                    "last_message_id",
                    null,
                    "flags",
                    0,
                    "recipients",
                    Json.arr(userJson(users.get(c.recipientId()))));
        }
        return Json.obj(
                "id",
                Json.id(c.id()),
                "type",
                c.type(),
                "guild_id",
                Json.id(c.guildId()),
                "name",
                c.name(),
                "position",
                c.position(),
                "permission_overwrites",
                new JsonArray(),
                "nsfw",
                false,
                "topic",
                null,
                "last_message_id",
                null,
                "rate_limit_per_user",
                0,
                "parent_id",
                null,
                "flags",
                0);
    }

    /**
     * A GUILD_CREATE dispatch for a guild, in the shape JDA needs: every array it reads present, {@code afk_timeout}
     * one of Discord's allowed values, the @everyone role (id = guild id) with {@code colors}, and the bot among the
     * members. Without the GUILD_MEMBERS intent Discord sends only the bot's own member, as here.
     */
    JsonObject guildCreate(Guild g, boolean allMembers) {
        JsonArray roles = new JsonArray();
        g.roles().values().forEach(r -> roles.add(roleJson(g, r)));
        JsonArray chans = new JsonArray();
        g.channels().values().forEach(c -> chans.add(channelJson(c)));
        JsonArray members = new JsonArray();
        for (Member m : g.members().values()) {
            if (allMembers || m.userId() == bot.id()) {
                members.add(memberJson(g, m, true));
            }
        }
        return Json.obj(
                "id",
                Json.id(g.id()),
                "name",
                g.name(),
                "icon",
                null,
                "splash",
                null,
                "discovery_splash",
                null,
                "banner",
                null,
                "description",
                null,
                "owner_id",
                Json.id(g.ownerId()),
                "afk_channel_id",
                null,
                "afk_timeout",
                300,
                "verification_level",
                0,
                "default_message_notifications",
                0,
                "explicit_content_filter",
                0,
                "mfa_level",
                0,
                "nsfw_level",
                0,
                "premium_tier",
                0,
                "premium_subscription_count",
                0,
                "premium_progress_bar_enabled",
                false,
                "preferred_locale",
                "en-US",
                "system_channel_id",
                null,
                "system_channel_flags",
                0,
                "rules_channel_id",
                null,
                "public_updates_channel_id",
                null,
                "safety_alerts_channel_id",
                null,
                "vanity_url_code",
                null,
                "max_members",
                500000,
                "max_video_channel_users",
                25,
                "application_id",
                null,
                "features",
                new JsonArray(),
                "roles",
                roles,
                "emojis",
                new JsonArray(),
                "stickers",
                new JsonArray(),
                "soundboard_sounds",
                new JsonArray(),
                "joined_at",
                iso(g.joinedAt()),
                "large",
                false,
                "unavailable",
                false,
                "member_count",
                g.members().size(),
                "members",
                members,
                "channels",
                chans,
                "threads",
                new JsonArray(),
                "presences",
                new JsonArray(),
                "voice_states",
                new JsonArray(),
                "stage_instances",
                new JsonArray(),
                "guild_scheduled_events",
                new JsonArray(),
                "lazy",
                true);
    }

    static JsonObject attachmentJson(UploadedFile f, boolean ephemeral) {
        JsonObject o = Json.obj(
                "id", Json.id(f.id()),
                "filename", f.filename(),
                "size", f.size(),
                "url", f.url(),
                "proxy_url", f.url(),
                "content_type", f.contentType());
        if (f.description() != null) {
            o.addProperty("description", f.description());
        }
        if (ephemeral) {
            o.addProperty("ephemeral", true);
        }
        return o;
    }

    // ---- lookups for the gateway and the driver

    List<Guild> guildsOfShard(int shard, int count) {
        return guilds().stream()
                .filter(g -> Snowflakes.shardOf(g.id(), count) == shard)
                .toList();
    }

    Optional<Guild> guild(long id) {
        return Optional.ofNullable(guilds.get(id));
    }

    Optional<User> user(long id) {
        return Optional.ofNullable(users.get(id));
    }

    /** The locales Discord's clients can be set to (Discord's "Locales" reference). */
    static final Set<String> LOCALES = Set.of(
            "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl",
            "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja", "zh-TW",
            "ko");

    void setLocale(long userId, String locale) {
        if (!LOCALES.contains(locale)) {
            throw new IllegalArgumentException("Discord has no locale " + locale);
        }
        locales.put(userId, locale);
    }

    /** The language of a user's client, which every interaction but a PING carries. */
    String localeOf(long userId) {
        return locales.getOrDefault(userId, "en-US");
    }

    List<User> users() {
        synchronized (userOrder) {
            return List.copyOf(userOrder);
        }
    }

    List<Guild> guilds() {
        return guildOrder.stream().map(guilds::get).toList();
    }

    /** Makes a user known to Discord; the same user again is a no-op, another user with a known id is refused. */
    void addUser(User u) {
        synchronized (userOrder) {
            User known = users.putIfAbsent(u.id(), u);
            if (known == null) {
                userOrder.add(u);
            } else if (!known.equals(u)) {
                throw new IllegalArgumentException("user " + Json.id(u.id()) + " exists already, as " + known);
            }
        }
    }

    /**
     * Users join a guild (each made known first if new), holding the given roles, and GUILD_MEMBER_ADD goes to a bot
     * that identified with the GUILD_MEMBERS intent, as Discord sends it only then. Existing members are left as they
     * are.
     */
    synchronized void addMembers(long guildId, Map<User, List<Long>> joining) {
        Guild g = guilds.get(guildId);
        if (g == null) {
            throw new IllegalArgumentException("no guild " + Json.id(guildId));
        }
        for (Map.Entry<User, List<Long>> e : joining.entrySet()) {
            for (long role : e.getValue()) {
                if (!g.roles().containsKey(role)
                        || role == guildId
                        || g.roles().get(role).managed()) {
                    throw new IllegalArgumentException("guild " + g.name() + " has no role " + Json.id(role)
                            + " to give to " + Json.id(e.getKey().id()));
                }
            }
        }
        Map<Long, Member> members = new LinkedHashMap<>(g.members());
        List<Member> added = new ArrayList<>();
        Instant now = clock.instant();
        for (Map.Entry<User, List<Long>> e : joining.entrySet()) {
            addUser(e.getKey());
            if (!members.containsKey(e.getKey().id())) {
                Member m = new Member(e.getKey().id(), List.copyOf(e.getValue()), now);
                members.put(m.userId(), m);
                added.add(m);
            }
        }
        Guild joined = new Guild(g.id(), g.name(), g.ownerId(), g.roles(), g.channels(), members, g.joinedAt());
        guilds.put(g.id(), joined);
        for (Member m : added) {
            JsonObject d = memberJson(joined, m, true);
            d.addProperty("guild_id", Json.id(g.id()));
            dispatcher.dispatch(g.id(), Intents.GUILD_MEMBERS, "GUILD_MEMBER_ADD", d);
        }
    }

    /**
     * A guild admin creates a role (no permissions unless given), placed above the others but below the bot's: Discord
     * sends GUILD_ROLE_CREATE to a bot that identified with the GUILDS intent. Any member with Manage Roles can do this,
     * with any name, so a role's name proves nothing about who may hold it.
     */
    synchronized void createRole(long guildId, long roleId, String name, long permissions) {
        Guild g = guilds.get(guildId);
        if (g == null) {
            throw new IllegalArgumentException("no guild " + Json.id(guildId));
        }
        if (g.roles().containsKey(roleId)) {
            throw new IllegalArgumentException("guild " + g.name() + " has a role " + Json.id(roleId) + " already");
        }
        Map<Long, Role> roles = new LinkedHashMap<>(g.roles());
        int position = roles.values().stream().mapToInt(Role::position).max().orElse(0) + 1;
        Role role = new Role(roleId, Objects.requireNonNull(name), permissions, position, false);
        roles.put(roleId, role);
        guilds.put(g.id(), new Guild(g.id(), g.name(), g.ownerId(), roles, g.channels(), g.members(), g.joinedAt()));
        JsonObject d = Json.obj("guild_id", Json.id(g.id()), "role", roleJson(g, role));
        dispatcher.dispatch(g.id(), Intents.GUILDS, "GUILD_ROLE_CREATE", d);
    }

    /**
     * A member's roles are replaced (a role given or taken away): interactions from then on carry the new roles, and
     * Discord sends GUILD_MEMBER_UPDATE only to a bot that identified with the GUILD_MEMBERS intent.
     */
    synchronized void setRoles(long guildId, long userId, List<Long> roleIds) {
        Guild g = guilds.get(guildId);
        if (g == null) {
            throw new IllegalArgumentException("no guild " + Json.id(guildId));
        }
        Member m = g.members().get(userId);
        if (m == null) {
            throw new IllegalArgumentException("guild " + g.name() + " has no member " + Json.id(userId));
        }
        for (long role : roleIds) {
            if (!g.roles().containsKey(role)
                    || role == guildId
                    || g.roles().get(role).managed()) {
                throw new IllegalArgumentException(
                        "guild " + g.name() + " has no role " + Json.id(role) + " to give to " + Json.id(userId));
            }
        }
        Member changed = new Member(userId, List.copyOf(roleIds), m.joinedAt());
        Map<Long, Member> members = new LinkedHashMap<>(g.members());
        members.put(userId, changed);
        Guild updated = new Guild(g.id(), g.name(), g.ownerId(), g.roles(), g.channels(), members, g.joinedAt());
        guilds.put(g.id(), updated);
        JsonObject d = memberJson(updated, changed, true);
        d.addProperty("guild_id", Json.id(g.id()));
        dispatcher.dispatch(g.id(), Intents.GUILD_MEMBERS, "GUILD_MEMBER_UPDATE", d);
    }

    Channel channel(long id) {
        synchronized (this) {
            return channels.get(id);
        }
    }

    /** A member's permissions in a guild, as Discord computes them without channel overwrites. */
    long permissions(Guild g, long userId) {
        if (g.ownerId() == userId) {
            return Permissions.ALL;
        }
        Member m = g.members().get(userId);
        long p = g.everyone().permissions();
        if (m != null) {
            for (long role : m.roles()) {
                Role r = g.roles().get(role);
                if (r != null) {
                    p |= r.permissions();
                }
            }
        }
        return (p & Permissions.ADMINISTRATOR) != 0 ? Permissions.ALL : p;
    }

    /** The permissions Discord reports as {@code app_permissions} in a bot DM. */
    static long directMessagePermissions() {
        return Permissions.VIEW_CHANNEL
                | Permissions.SEND_MESSAGES
                | Permissions.EMBED_LINKS
                | Permissions.ATTACH_FILES
                | Permissions.READ_MESSAGE_HISTORY
                | Permissions.MENTION_EVERYONE
                | Permissions.ADD_REACTIONS
                | Permissions.USE_EXTERNAL_EMOJIS;
    }

    // ---- REST: users and channels

    JsonObject userById(long id) {
        User u = users.get(id);
        if (u == null) {
            throw ApiError.of(404, 10013, "Unknown User");
        }
        return userJson(u);
    }

    /** {@code POST users/@me/channels}: the one DM channel with a user, created the first time. */
    synchronized JsonObject openDm(long recipientId) {
        if (!users.containsKey(recipientId) || recipientId == bot.id()) {
            throw ApiError.of(400, 50033, "Invalid Recipient(s)");
        }
        return channelJson(dmWith(recipientId));
    }

    synchronized Channel dmWith(long userId) {
        Long existing = dmByUser.get(userId);
        if (existing != null) {
            return channels.get(existing);
        }
        Channel c = new Channel(Snowflakes.next(), Channel.DM, 0, null, 0, userId);
        channels.put(c.id(), c);
        dmByUser.put(userId, c.id());
        return c;
    }

    synchronized Optional<Long> dmChannelOf(long userId) {
        return Optional.ofNullable(dmByUser.get(userId));
    }

    synchronized JsonObject channelById(long id) {
        Channel c = channels.get(id);
        if (c == null) {
            throw ApiError.unknownChannel();
        }
        return channelJson(c);
    }

    synchronized void closeDms(long userId, boolean closed) {
        if (closed) {
            closedDms.add(userId);
        } else {
            closedDms.remove(userId);
        }
    }

    // ---- REST: messages

    /**
     * {@code POST channels/{id}/messages}. With {@code enforce_nonce} and a nonce the bot already used for a message
     * within {@link #nonceWindow}, Discord documents that "that message will be returned and no new message will be
     * created": so no new message, no MESSAGE_CREATE, and the earlier message as the answer. If that message was deleted
     * since, Discord answers Unknown Message rather than send it again (its engineer, discord-api-docs#6647).
     */
    synchronized JsonObject createMessage(long channelId, JsonObject data, List<Multipart.Part> parts) {
        Channel c = channels.get(channelId);
        if (c == null) {
            throw ApiError.unknownChannel();
        }
        if (c.type() == Channel.DM && closedDms.contains(c.recipientId())) {
            throw ApiError.of(403, 50007, "Cannot send messages to this user");
        }
        List<Multipart.Part> uploads = uploads(parts);
        MessageRules.checkChannelMessage(data, uploads.size());
        JsonPrimitive nonce = MessageRules.nonce(data);
        // Discord speaks of uniqueness among the author's messages, not the channel's: one bot, one set of nonces. An
        // empty nonce is taken as none, and 7 and "7" as two nonces: where Discord's rule is unclear, the fake merges
        // less.
        String key = nonce == null || nonce.getAsString().isEmpty()
                ? null
                : (nonce.isNumber() ? "integer:" : "string:") + nonce.getAsString();
        boolean enforce = key != null && MessageRules.enforceNonce(data);
        Instant now = clock.instant();
        if (enforce) {
            forgetExpiredNonces(now);
            SeenNonce seen = nonces.get(key);
            if (seen != null) {
                StoredMessage earlier = messages.get(seen.messageId());
                if (earlier == null || earlier.deleted) {
                    throw ApiError.unknownMessage();
                }
                deduplicated++;
                return createdJson(earlier);
            }
        }
        // A channel message may not be ephemeral or loading: Discord keeps only the flags a bot may set.
        int flags = Json.integer(data, "flags", 0) & (4 | 4096 | DiscordMessage.IS_COMPONENTS_V2);
        StoredMessage m = store(c, data, uploads, flags, 0, 0, null, nonce);
        if (enforce) {
            // Only a message created with enforce_nonce is remembered: Discord does not say whether one created without
            // it would be found by a later retry, and a fake that never de-duplicates where Discord might not keeps a
            // bot from relying on it.
            SeenNonce seen = new SeenNonce(key, m.id, now);
            nonces.put(key, seen);
            noncesByAge.addLast(seen);
        }
        if (c.type() == Channel.DM) {
            directMessages.add(m);
        }
        dispatcher.dispatch(
                c.guildId(),
                c.type() == Channel.DM ? Intents.DIRECT_MESSAGES : Intents.GUILD_MESSAGES,
                "MESSAGE_CREATE",
                messageCreateEvent(c, m));
        return createdJson(m);
    }

    private void forgetExpiredNonces(Instant now) {
        while (!noncesByAge.isEmpty()
                && !now.isBefore(noncesByAge.peekFirst().at().plus(nonceWindow))) {
            SeenNonce old = noncesByAge.removeFirst();
            nonces.remove(old.key(), old);
        }
    }

    /**
     * The message as Create Message answers it: the message object with the {@code nonce} that was sent. Discord does not
     * keep the nonce with the message (client libraries note it is lost when the message is fetched again), so only the
     * create answer and the MESSAGE_CREATE event carry it.
     */
    private JsonObject createdJson(StoredMessage m) {
        return m.json(botJson(), applicationId, true);
    }

    /** MESSAGE_CREATE: the message object with the gateway's extra fields; the bot's own content is always visible. */
    private JsonObject messageCreateEvent(Channel c, StoredMessage m) {
        JsonObject d = createdJson(m);
        d.addProperty("channel_type", c.type());
        if (c.type() != Channel.DM) {
            Guild g = guilds.get(c.guildId());
            d.addProperty("guild_id", Json.id(g.id()));
            Member self = g.members().get(bot.id());
            if (self != null) {
                d.add("member", memberJson(g, self, false));
            }
        }
        return d;
    }

    synchronized long deduplicatedMessages() {
        return deduplicated;
    }

    synchronized int directMessageCount() {
        return directMessages.size();
    }

    /** The bot's DMs from {@code offset} on, at most {@code limit} of them, oldest first. */
    synchronized List<SentDirectMessage> directMessages(int offset, int limit) {
        int from = Math.min(Math.max(0, offset), directMessages.size());
        int to = (int) Math.min(directMessages.size(), (long) from + Math.max(0, limit));
        List<SentDirectMessage> out = new ArrayList<>(to - from);
        for (StoredMessage m : directMessages.subList(from, to)) {
            out.add(new SentDirectMessage(
                    m.recipientId,
                    m.channelId,
                    m.id,
                    m.nonce == null ? null : m.nonce.getAsString(),
                    m.content,
                    m.timestamp,
                    m.deleted));
        }
        return out;
    }

    synchronized JsonObject getMessage(long channelId, long messageId) {
        return json(message(channelId, messageId));
    }

    synchronized JsonObject editMessage(long channelId, long messageId, JsonObject data, List<Multipart.Part> parts) {
        StoredMessage m = message(channelId, messageId);
        List<Multipart.Part> uploads = uploads(parts);
        MessageRules.check(data, uploads.size(), false);
        edit(m, data, uploads);
        return json(m);
    }

    synchronized void deleteMessage(long channelId, long messageId) {
        StoredMessage m = message(channelId, messageId);
        delete(m);
    }

    private StoredMessage message(long channelId, long messageId) {
        if (!channels.containsKey(channelId)) {
            throw ApiError.unknownChannel();
        }
        StoredMessage m = messages.get(messageId);
        if (m == null || m.channelId != channelId || m.deleted) {
            throw ApiError.unknownMessage();
        }
        return m;
    }

    private JsonObject json(StoredMessage m) {
        return m.json(botJson(), applicationId, false);
    }

    private StoredMessage store(
            Channel c,
            JsonObject data,
            List<Multipart.Part> uploads,
            int flags,
            long interactionId,
            int type,
            JsonObject interactionMetadata,
            JsonPrimitive nonce) {
        long id = Snowflakes.next();
        StoredMessage m = new StoredMessage(
                id,
                c.id(),
                c.guildId(),
                c.type() == Channel.DM ? c.recipientId() : 0,
                type,
                interactionId,
                interactionMetadata,
                nonce,
                Json.has(data, "tts") && data.get("tts").getAsBoolean(),
                Snowflakes.timeOf(id));
        m.content = Json.has(data, "content") ? data.get("content").getAsString() : "";
        m.embeds = embeds(Json.array(data, "embeds"));
        m.components = Json.array(data, "components").deepCopy();
        Components.assignIds(m.components);
        m.attachments = new ArrayList<>(files(c.id(), data, uploads));
        m.flags = flags;
        messages.put(id, m);
        recordVersion(m);
        return m;
    }

    private void edit(StoredMessage m, JsonObject data, List<Multipart.Part> uploads) {
        if (data.has("content")) {
            m.content =
                    data.get("content").isJsonNull() ? "" : data.get("content").getAsString();
        }
        if (data.has("embeds")) {
            m.embeds = embeds(Json.array(data, "embeds"));
        }
        if (data.has("components")) {
            m.components = Json.array(data, "components").deepCopy();
            Components.assignIds(m.components);
        }
        if (data.has("attachments")) {
            Set<String> keep = new HashSet<>();
            for (JsonElement a : Json.array(data, "attachments")) {
                String id = Json.string(a.getAsJsonObject(), "id");
                if (id != null) {
                    keep.add(id);
                }
            }
            m.attachments.removeIf(f -> !keep.contains(Json.id(f.id())));
        }
        m.attachments.addAll(files(m.channelId, data, uploads));
        if (data.has("flags")) {
            // Only SUPPRESS_EMBEDS may change on an existing message; ephemeral stays what it was.
            int suppress = Json.integer(data, "flags", 0) & 4;
            m.flags = (m.flags & ~4) | suppress;
        }
        m.flags &= ~DiscordMessage.LOADING;
        m.editedTimestamp = clock.instant();
        m.version++;
        recordVersion(m);
    }

    private void delete(StoredMessage m) {
        m.deleted = true;
        m.version++;
        recordVersion(m);
    }

    private void recordVersion(StoredMessage m) {
        // A creation is recorded as the create answer showed it, nonce and all; later versions as a fetch shows them.
        DiscordMessage version = m.snapshot(botJson(), applicationId, m.version == 0 && !m.deleted);
        history.add(version);
        listeners.message(version);
    }

    private static JsonArray embeds(JsonArray embeds) {
        JsonArray out = embeds.deepCopy();
        for (JsonElement e : out) {
            if (e.isJsonObject() && !Json.has(e.getAsJsonObject(), "type")) {
                e.getAsJsonObject().addProperty("type", "rich");
            }
        }
        return out;
    }

    private static List<Multipart.Part> uploads(List<Multipart.Part> parts) {
        return parts.stream().filter(p -> p.filename() != null).toList();
    }

    /** The uploaded parts as attachments, named and described by {@code payload_json}'s {@code attachments} entries. */
    private List<UploadedFile> files(long channelId, JsonObject data, List<Multipart.Part> uploads) {
        Map<String, JsonObject> described = new HashMap<>();
        for (JsonElement a : Json.array(data, "attachments")) {
            JsonObject o = a.getAsJsonObject();
            if (Json.has(o, "id")) {
                described.put(o.get("id").getAsString(), o);
            }
        }
        List<UploadedFile> out = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Multipart.Part p = uploads.get(i);
            String index = indexOf(p.name(), i);
            JsonObject meta = described.get(index);
            String filename = meta != null && Json.has(meta, "filename") ? Json.string(meta, "filename") : p.filename();
            String description = meta == null ? null : Json.string(meta, "description");
            out.add(file(channelId, filename, p.contentType(), description, p.bytes()));
        }
        lastUploads = List.copyOf(out);
        return out;
    }

    private static String indexOf(String partName, int position) {
        if (partName != null && partName.startsWith("files[") && partName.endsWith("]")) {
            return partName.substring(6, partName.length() - 1);
        }
        return Integer.toString(position);
    }

    synchronized UploadedFile file(
            long channelId, String filename, String contentType, String description, byte[] bytes) {
        long id = Snowflakes.next();
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        String url = httpBase + "/attachments/" + Json.id(channelId) + "/" + Json.id(id) + "/"
                + java.net.URLEncoder.encode(filename, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
        UploadedFile f = new UploadedFile(id, filename, type, description, bytes, url);
        files.put(id, f);
        return f;
    }

    synchronized Optional<UploadedFile> fileById(long id) {
        return Optional.ofNullable(files.get(id));
    }

    // ---- REST: interactions

    synchronized void register(InteractionState st) {
        interactions.put(st.id, st);
        interactionsByToken.put(st.token, st);
    }

    synchronized Optional<InteractionState> interaction(long id) {
        return Optional.ofNullable(interactions.get(id));
    }

    synchronized List<InteractionState> interactions() {
        return List.copyOf(interactions.values());
    }

    /** {@code POST interactions/{id}/{token}/callback}: the one initial response, within the deadline. */
    synchronized JsonObject callback(long id, String token, JsonObject body, List<Multipart.Part> parts) {
        InteractionState st = interactions.get(id);
        if (st == null || !st.token.equals(token)) {
            throw ApiError.unknownInteraction();
        }
        int type = Json.integer(body, "type", 0);
        JsonObject data = Json.object(body, "data");
        List<Multipart.Part> uploads = uploads(parts);
        try {
            if (!st.dispatched() || clock.instant().isAfter(st.dispatchedAt.plus(ackDeadline))) {
                throw ApiError.unknownInteraction();
            }
            if (st.acknowledged) {
                throw ApiError.alreadyAcknowledged();
            }
            JsonObject resource = respond(st, type, data == null ? new JsonObject() : data, uploads);
            st.acknowledged = true;
            st.initialType = type;
            record(st, InteractionResponse.Kind.CALLBACK, type, 200, 0, st.originalMessageId, data, uploads);
            JsonObject interaction = Json.obj(
                    "id",
                    Json.id(st.id),
                    "type",
                    st.type,
                    "response_message_id",
                    st.originalMessageId == 0 ? null : Json.id(st.originalMessageId),
                    "response_message_loading",
                    type == InteractionResponse.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE,
                    "response_message_ephemeral",
                    data != null && (Json.integer(data, "flags", 0) & 64) != 0);
            JsonObject answer = Json.obj("interaction", interaction);
            if (resource != null) {
                answer.add("resource", resource);
            }
            return answer;
        } catch (ApiError e) {
            record(st, InteractionResponse.Kind.CALLBACK, type, e.status, e.code, 0, data, uploads);
            throw e;
        }
    }

    private JsonObject respond(InteractionState st, int type, JsonObject data, List<Multipart.Part> uploads) {
        if (!allowed(st, type)) {
            new FormErrors()
                    .add("INTERACTION_CALLBACK_TYPE_INVALID", "Invalid interaction callback type " + type, "type")
                    .throwIfAny();
        }
        Channel c = channels.get(st.channelId);
        switch (type) {
            case InteractionResponse.PONG -> {
                return Json.obj("type", type);
            }
            case InteractionResponse.CHANNEL_MESSAGE_WITH_SOURCE -> {
                MessageRules.check(data, uploads.size(), true);
                StoredMessage m = responseMessage(st, c, data, uploads, Json.integer(data, "flags", 0));
                st.originalMessageId = m.id;
                return Json.obj("type", type, "message", json(m));
            }
            case InteractionResponse.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE -> {
                int ephemeral = Json.integer(data, "flags", 0) & DiscordMessage.EPHEMERAL;
                StoredMessage m =
                        responseMessage(st, c, new JsonObject(), List.of(), ephemeral | DiscordMessage.LOADING);
                st.originalMessageId = m.id;
                return Json.obj("type", type);
            }
            case InteractionResponse.DEFERRED_UPDATE_MESSAGE -> {
                st.originalMessageId = st.sourceMessageId;
                return Json.obj("type", type);
            }
            case InteractionResponse.UPDATE_MESSAGE -> {
                MessageRules.check(data, uploads.size(), false);
                StoredMessage m = messages.get(st.sourceMessageId);
                if (m == null || m.deleted) {
                    throw ApiError.unknownMessage();
                }
                edit(m, data, uploads);
                st.originalMessageId = m.id;
                return Json.obj("type", type, "message", json(m));
            }
            case InteractionResponse.APPLICATION_COMMAND_AUTOCOMPLETE_RESULT -> {
                MessageRules.checkChoices(data);
                return Json.obj("type", type);
            }
            case InteractionResponse.MODAL -> {
                MessageRules.checkModal(data);
                st.modal = data.deepCopy();
                return Json.obj("type", type);
            }
            default -> throw new IllegalStateException("unreachable: " + type);
        }
    }

    /** Discord's table of which callback types answer which interaction types. */
    private static boolean allowed(InteractionState st, int callback) {
        boolean fromMessage = st.sourceMessageId != 0;
        return switch (st.type) {
            case Interactions.PING -> callback == InteractionResponse.PONG;
            case Interactions.APPLICATION_COMMAND ->
                callback == InteractionResponse.CHANNEL_MESSAGE_WITH_SOURCE
                        || callback == InteractionResponse.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
                        || callback == InteractionResponse.MODAL;
            case Interactions.MESSAGE_COMPONENT ->
                callback >= InteractionResponse.CHANNEL_MESSAGE_WITH_SOURCE
                                && callback <= InteractionResponse.UPDATE_MESSAGE
                        || callback == InteractionResponse.MODAL;
            case Interactions.AUTOCOMPLETE -> callback == InteractionResponse.APPLICATION_COMMAND_AUTOCOMPLETE_RESULT;
            case Interactions.MODAL_SUBMIT ->
                callback == InteractionResponse.CHANNEL_MESSAGE_WITH_SOURCE
                        || callback == InteractionResponse.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
                        || (fromMessage
                                && (callback == InteractionResponse.DEFERRED_UPDATE_MESSAGE
                                        || callback == InteractionResponse.UPDATE_MESSAGE));
            default -> false;
        };
    }

    private StoredMessage responseMessage(
            InteractionState st, Channel c, JsonObject data, List<Multipart.Part> uploads, int flags) {
        int kept = flags & (4 | DiscordMessage.EPHEMERAL | DiscordMessage.LOADING | 4096 | 32768);
        // A reply to a slash command is Discord's CHAT_INPUT_COMMAND message type; other replies are plain.
        int messageType = st.type == 2 ? 20 : 0;
        return store(c, data, uploads, kept, st.id, messageType, interactionMetadata(st), null);
    }

    private JsonObject interactionMetadata(InteractionState st) {
        JsonObject owners = st.payload.getAsJsonObject("authorizing_integration_owners");
        JsonObject meta = Json.obj(
                "id", Json.id(st.id),
                "type", st.type,
                "user", userJson(users.get(st.userId)),
                "authorizing_integration_owners", owners.deepCopy());
        if (st.sourceMessageId != 0) {
            meta.addProperty("interacted_message_id", Json.id(st.sourceMessageId));
        }
        return meta;
    }

    /** {@code POST webhooks/{app}/{token}}: a follow-up, or after a deferred reply, the reply itself. */
    synchronized JsonObject followUp(long appId, String token, JsonObject data, List<Multipart.Part> parts) {
        List<Multipart.Part> uploads = uploads(parts);
        InteractionState st = interactionsByToken.get(token);
        try {
            InteractionState live = liveWebhook(appId, st);
            if (!live.acknowledged) {
                throw ApiError.of(404, 10015, "Unknown Webhook");
            }
            StoredMessage original = messages.get(live.originalMessageId);
            StoredMessage m;
            if (live.initialType == InteractionResponse.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
                    && original != null
                    && (original.flags & DiscordMessage.LOADING) != 0) {
                // Discord documents that the first follow-up after a deferred reply edits the loading message.
                MessageRules.check(data, uploads.size(), true);
                edit(original, data, uploads);
                m = original;
            } else {
                MessageRules.check(data, uploads.size(), true);
                m = responseMessage(live, channels.get(live.channelId), data, uploads, Json.integer(data, "flags", 0));
                live.followUps.add(m.id);
            }
            record(live, InteractionResponse.Kind.FOLLOW_UP, 0, 200, 0, m.id, data, uploads);
            return json(m);
        } catch (ApiError e) {
            if (st != null) {
                record(st, InteractionResponse.Kind.FOLLOW_UP, 0, e.status, e.code, 0, data, uploads);
            }
            throw e;
        }
    }

    synchronized JsonObject webhookMessage(long appId, String token, String messageId) {
        InteractionState st = liveWebhook(appId, interactionsByToken.get(token));
        return json(webhookTarget(st, messageId));
    }

    synchronized JsonObject editWebhookMessage(
            long appId, String token, String messageId, JsonObject data, List<Multipart.Part> parts) {
        List<Multipart.Part> uploads = uploads(parts);
        InteractionState st = interactionsByToken.get(token);
        boolean original = "@original".equals(messageId);
        InteractionResponse.Kind kind =
                original ? InteractionResponse.Kind.EDIT_ORIGINAL : InteractionResponse.Kind.EDIT_FOLLOW_UP;
        try {
            InteractionState live = liveWebhook(appId, st);
            StoredMessage m = webhookTarget(live, messageId);
            MessageRules.check(data, uploads.size(), false);
            edit(m, data, uploads);
            record(live, kind, 0, 200, 0, m.id, data, uploads);
            return json(m);
        } catch (ApiError e) {
            if (st != null) {
                record(st, kind, 0, e.status, e.code, 0, data, uploads);
            }
            throw e;
        }
    }

    synchronized void deleteWebhookMessage(long appId, String token, String messageId) {
        InteractionState st = interactionsByToken.get(token);
        boolean original = "@original".equals(messageId);
        InteractionResponse.Kind kind =
                original ? InteractionResponse.Kind.DELETE_ORIGINAL : InteractionResponse.Kind.DELETE_FOLLOW_UP;
        try {
            InteractionState live = liveWebhook(appId, st);
            StoredMessage m = webhookTarget(live, messageId);
            delete(m);
            record(live, kind, 0, 204, 0, m.id, null, List.of());
        } catch (ApiError e) {
            if (st != null) {
                record(st, kind, 0, e.status, e.code, 0, null, List.of());
            }
            throw e;
        }
    }

    /** The interaction behind a webhook token, if the token is still valid (Discord: 15 minutes). */
    private InteractionState liveWebhook(long appId, InteractionState st) {
        if (appId != applicationId || st == null) {
            throw ApiError.of(404, 10015, "Unknown Webhook");
        }
        if (clock.instant().isAfter(st.createdAt.plus(tokenLifetime))) {
            throw ApiError.invalidWebhookToken();
        }
        return st;
    }

    private StoredMessage webhookTarget(InteractionState st, String messageId) {
        long id;
        if ("@original".equals(messageId)) {
            id = st.originalMessageId;
        } else {
            try {
                id = Long.parseUnsignedLong(messageId);
            } catch (NumberFormatException e) {
                throw ApiError.unknownMessage();
            }
            if (id != st.originalMessageId && !st.followUps.contains(id)) {
                throw ApiError.unknownMessage();
            }
        }
        StoredMessage m = messages.get(id);
        if (id == 0 || m == null || m.deleted) {
            throw ApiError.unknownMessage();
        }
        return m;
    }

    private void record(
            InteractionState st,
            InteractionResponse.Kind kind,
            int type,
            int status,
            int errorCode,
            long messageId,
            JsonObject data,
            List<Multipart.Part> uploads) {
        List<UploadedFile> sent = status / 100 == 2 && !uploads.isEmpty() ? lastUploads : List.of();
        lastUploads = List.of();
        InteractionResponse r = new InteractionResponse(
                st.id,
                kind,
                type,
                status,
                errorCode,
                messageId,
                data == null ? null : Json.string(data, "content"),
                data != null && data.has("embeds") ? Json.array(data, "embeds").toString() : null,
                data != null && data.has("components")
                        ? Json.array(data, "components").toString()
                        : null,
                data == null ? 0 : Json.integer(data, "flags", 0),
                sent,
                data == null ? null : data.toString(),
                st.sinceDispatch());
        responses.add(r);
        st.add(r);
        listeners.response(r);
    }

    synchronized List<InteractionResponse> responses() {
        return List.copyOf(responses);
    }

    // ---- REST: application commands

    synchronized JsonArray commands(long scope) {
        JsonArray out = new JsonArray();
        commands.getOrDefault(scope, Map.of()).values().forEach(c -> out.add(c.deepCopy()));
        return out;
    }

    /**
     * {@code GET …/commands}: the scope's commands, with their localization dictionaries only when asked
     * ({@code with_localizations=true}), as Discord lists them.
     */
    synchronized JsonArray commands(long scope, boolean withLocalizations) {
        JsonArray out = new JsonArray();
        commands.getOrDefault(scope, Map.of())
                .values()
                .forEach(c -> out.add(withLocalizations ? c.deepCopy() : CommandRules.withoutLocalizations(c)));
        return out;
    }

    /** {@code PUT …/commands}: replaces the scope's commands; a command keeps its id when its name and type stay. */
    synchronized JsonArray overwriteCommands(long scope, JsonArray body) {
        CommandRules.checkAll(body);
        Map<String, JsonObject> old = commands.getOrDefault(scope, Map.of());
        Map<String, JsonObject> fresh = new LinkedHashMap<>();
        for (JsonElement e : body) {
            JsonObject c = e.getAsJsonObject();
            String key = key(c);
            fresh.put(key, stored(scope, c, old.get(key)));
        }
        commands.put(scope, fresh);
        return commands(scope);
    }

    /** {@code POST …/commands}: creates or replaces one command by name. */
    synchronized JsonObject createCommand(long scope, JsonObject body) {
        CommandRules.checkOne(body);
        Map<String, JsonObject> scoped = commands.computeIfAbsent(scope, s -> new LinkedHashMap<>());
        String key = key(body);
        JsonObject c = stored(scope, body, scoped.get(key));
        scoped.put(key, c);
        return c.deepCopy();
    }

    synchronized void deleteCommand(long scope, long commandId) {
        Map<String, JsonObject> scoped = commands.getOrDefault(scope, new LinkedHashMap<>());
        boolean removed = scoped.values().removeIf(c -> Json.snowflake(c, "id") == commandId);
        if (!removed) {
            throw ApiError.of(404, 10063, "Unknown application command");
        }
    }

    /** The command a user would see under {@code name}: a guild command first, then a global one. */
    synchronized Optional<JsonObject> command(long guildId, String name) {
        String key = CommandRules.CHAT_INPUT + ":" + name;
        if (guildId != 0) {
            JsonObject c = commands.getOrDefault(guildId, Map.of()).get(key);
            if (c != null) {
                return Optional.of(c.deepCopy());
            }
        }
        return Optional.ofNullable(commands.getOrDefault(0L, Map.of()).get(key)).map(JsonObject::deepCopy);
    }

    private static String key(JsonObject c) {
        return Json.integer(c, "type", CommandRules.CHAT_INPUT) + ":" + Json.string(c, "name");
    }

    private JsonObject stored(long scope, JsonObject body, JsonObject previous) {
        JsonObject c = body.deepCopy();
        long id = previous != null ? Json.snowflake(previous, "id") : Snowflakes.next();
        c.addProperty("id", Json.id(id));
        c.addProperty("application_id", Json.id(applicationId));
        c.addProperty("version", Json.id(Snowflakes.next()));
        c.addProperty("type", Json.integer(body, "type", CommandRules.CHAT_INPUT));
        if (!c.has("description")) {
            c.addProperty("description", "");
        }
        if (!c.has("default_member_permissions")) {
            c.add("default_member_permissions", null);
        }
        if (!c.has("nsfw")) {
            c.addProperty("nsfw", false);
        }
        if (scope != 0) {
            c.addProperty("guild_id", Json.id(scope));
        }
        return c;
    }

    // ---- REST: guilds

    JsonObject guildJson(long guildId) {
        Guild g = guilds.get(guildId);
        if (g == null) {
            throw ApiError.unknownGuild();
        }
        JsonObject o = guildCreate(g, false);
        for (String gatewayOnly : List.of(
                "joined_at",
                "large",
                "unavailable",
                "member_count",
                "members",
                "channels",
                "threads",
                "presences",
                "voice_states",
                "stage_instances",
                "guild_scheduled_events",
                "soundboard_sounds",
                "lazy")) {
            o.remove(gatewayOnly);
        }
        return o;
    }

    JsonObject memberJson(long guildId, long userId) {
        Guild g = guilds.get(guildId);
        if (g == null) {
            throw ApiError.unknownGuild();
        }
        Member m = g.members().get(userId);
        if (m == null) {
            throw ApiError.of(404, 10007, "Unknown Member");
        }
        return memberJson(g, m, true);
    }

    JsonArray rolesJson(long guildId) {
        Guild g = guilds.get(guildId);
        if (g == null) {
            throw ApiError.unknownGuild();
        }
        JsonArray out = new JsonArray();
        g.roles().values().forEach(r -> out.add(roleJson(g, r)));
        return out;
    }

    // ---- recorded messages

    synchronized List<DiscordMessage> history() {
        return List.copyOf(history);
    }

    synchronized List<DiscordMessage> messagesIn(long channelId) {
        return messages.values().stream()
                .filter(m -> m.channelId == channelId && !m.deleted)
                .map(m -> m.snapshot(botJson(), applicationId, false))
                .toList();
    }

    synchronized Optional<DiscordMessage> message(long id) {
        return Optional.ofNullable(messages.get(id)).map(m -> m.snapshot(botJson(), applicationId, false));
    }

    synchronized Optional<StoredMessage> stored(long id) {
        return Optional.ofNullable(messages.get(id));
    }

    synchronized JsonObject messageJson(long id) {
        return json(messages.get(id));
    }

    static String newToken() {
        byte[] bytes = new byte[72];
        RANDOM.nextBytes(bytes);
        return "aW50ZXJhY3Rpb246" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String newSessionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
