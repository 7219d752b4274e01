package dev.rapport.discord;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Discord connection, bound from the environment ({@code RAPPORT_DISCORD_*}). Discord is on when a bot token is
 * set; {@link #validate()} checks the rest at start with a message that names the variable to fix.
 *
 * @param token the bot token from the Developer Portal (Bot, Reset Token); from the environment only
 * @param apiUrl the REST API's base URL ({@code …/api/v10/}); {@code null} for Discord itself. Pointing it elsewhere
 *     (the local Discord of the tests and the sandbox) also switches the gateway to uncompressed JSON, which is what
 *     the local one speaks; the gateway URL itself always comes from {@code GET gateway/bot}
 * @param shardTotal how many shards the bot's guilds are split into across every instance; {@code null} for the
 *     number Discord recommends (then one instance runs them all)
 * @param shardMin the first shard this instance runs ({@code null}: 0)
 * @param shardMax the last shard this instance runs ({@code null}: {@code shardTotal - 1})
 * @param commandScope where {@code /rapport} is registered: {@code global} (every server and the bot's DMs; the
 *     default) or {@code guild} (each server the bot is in, separately; not in DMs)
 * @param coordinatorRole the id of the role a programme set up without naming one is bound to: its members coordinate
 *     it. A role is bound by id, never by name (anyone who may manage roles can name one anything), so a value that is
 *     not a snowflake is refused at start; none if unset (setup then needs its {@code role} option)
 * @param sendsPerSecond the most REST requests per second the bot spends on direct messages, profile lookups and
 *     command registration, all instances together (they take turns from one bucket in the database);
 *     {@value #DEFAULT_SENDS_PER_SECOND} unless set. Discord allows 50 per second per bot
 * @param globalLimit the bot's global rate limit on Discord, {@value #DISCORD_GLOBAL_LIMIT} requests per second unless
 *     Discord granted this bot more (large bots may ask); {@code sendsPerSecond} must stay at or under it
 * @param callTimeout the longest one REST call may wait and take, {@value #DEFAULT_CALL_TIMEOUT_SECONDS} s if unset: a
 *     slow or rate-limited Discord must not hold a dispatcher worker or an interaction's answer for long
 */
@ConfigurationProperties("rapport.discord")
public record DiscordProperties(
        String token,
        URI apiUrl,
        Integer shardTotal,
        Integer shardMin,
        Integer shardMax,
        String commandScope,
        String coordinatorRole,
        Double sendsPerSecond,
        Integer globalLimit,
        Duration callTimeout) {

    /** Discord's global limit: REST requests per second per bot, across every instance, unless Discord grants more. */
    public static final int DISCORD_GLOBAL_LIMIT = 50;

    /**
     * A little under Discord's 50/s: with a burst of one, no second ever sees more than 49 paced requests, which leaves
     * room for the few calls that are not paced (login, the gateway's URL, a probe after an outage).
     */
    static final double DEFAULT_SENDS_PER_SECOND = 48;

    static final long DEFAULT_CALL_TIMEOUT_SECONDS = 10;

    static final String GLOBAL = "global";
    static final String GUILD = "guild";

    public DiscordProperties {
        if (token != null) {
            token = token.strip();
            // The portal shows the bare token; JDA adds "Bot " itself.
            if (token.regionMatches(true, 0, "Bot ", 0, 4)) {
                token = token.substring(4).strip();
            }
        }
        commandScope = commandScope == null || commandScope.isBlank()
                ? GLOBAL
                : commandScope.strip().toLowerCase(Locale.ROOT);
        coordinatorRole = coordinatorRole == null || coordinatorRole.isBlank() ? null : coordinatorRole.strip();
        if (coordinatorRole != null && !coordinatorRole.matches("\\d{1,20}")) {
            throw new IllegalArgumentException("rapport.discord.coordinator-role must be a role's id (Server Settings"
                    + " → Roles → ⋯ → Copy Role ID, with Developer Mode on), not its name: anyone who can manage roles"
                    + " can give a role any name.");
        }
        if (callTimeout == null || callTimeout.isZero() || callTimeout.isNegative()) {
            callTimeout = Duration.ofSeconds(DEFAULT_CALL_TIMEOUT_SECONDS);
        }
        if (globalLimit == null || globalLimit <= 0) {
            globalLimit = DISCORD_GLOBAL_LIMIT;
        }
    }

    /** Settings for a bot token against a REST base URL (the local Discord's), everything else by default. */
    public static DiscordProperties of(String token, URI apiUrl) {
        return new DiscordProperties(token, apiUrl, null, null, null, null, null, null, null, null);
    }

    /** The same settings with another command scope ({@code global} or {@code guild}). */
    public DiscordProperties withCommandScope(String scope) {
        return new DiscordProperties(
                token,
                apiUrl,
                shardTotal,
                shardMin,
                shardMax,
                scope,
                coordinatorRole,
                sendsPerSecond,
                globalLimit,
                callTimeout);
    }

    /** The same settings running shards {@code min..max} of {@code total}. */
    public DiscordProperties withShards(int total, int min, int max) {
        return new DiscordProperties(
                token,
                apiUrl,
                total,
                min,
                max,
                commandScope,
                coordinatorRole,
                sendsPerSecond,
                globalLimit,
                callTimeout);
    }

    /** The same settings with another pace for sends ({@code null}: the default share). */
    public DiscordProperties withSendsPerSecond(Double perSecond) {
        return new DiscordProperties(
                token,
                apiUrl,
                shardTotal,
                shardMin,
                shardMax,
                commandScope,
                coordinatorRole,
                perSecond,
                globalLimit,
                callTimeout);
    }

    /** Whether the REST API is somewhere other than Discord (the local Discord). */
    public boolean localApi() {
        return apiUrl != null;
    }

    /** The REST base URL JDA should call, with a trailing slash; {@code null} for Discord's own. */
    String restBaseUrl() {
        if (apiUrl == null) {
            return null;
        }
        String url = apiUrl.toString();
        return url.endsWith("/") ? url : url + "/";
    }

    /** Whether {@code /rapport} is registered once for every server (otherwise in each server). */
    public boolean globalCommands() {
        return GLOBAL.equals(commandScope);
    }

    /** Whether the shards this instance runs are set explicitly (several instances split the guilds). */
    boolean shardRangeSet() {
        return shardMin != null || shardMax != null;
    }

    int firstShard() {
        return shardMin == null ? 0 : shardMin;
    }

    int lastShard() {
        return shardMax == null ? shardTotal - 1 : shardMax;
    }

    /**
     * The bot's pace, in requests per second: the configured one or {@value #DEFAULT_SENDS_PER_SECOND}. It is the whole
     * bot's, however many instances run and whichever shards they hold: every instance takes its turns from the same
     * bucket ({@link DiscordPacer}).
     */
    public double pace() {
        return sendsPerSecond != null && sendsPerSecond > 0 ? sendsPerSecond : DEFAULT_SENDS_PER_SECOND;
    }

    /**
     * Checks that the settings make a working connection, with a message that says what to set. Called when Discord
     * is enabled, so a half-configured install fails at start rather than at the first message.
     */
    public void validate() {
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("Discord needs RAPPORT_DISCORD_TOKEN, the bot token from the Developer"
                    + " Portal (your application, Bot, Reset Token).");
        }
        if (!GLOBAL.equals(commandScope) && !GUILD.equals(commandScope)) {
            throw new IllegalStateException(
                    "RAPPORT_DISCORD_COMMAND_SCOPE is \"" + commandScope + "\"; use global or guild.");
        }
        if (shardRangeSet() && shardTotal == null) {
            throw new IllegalStateException("RAPPORT_DISCORD_SHARD_MIN or RAPPORT_DISCORD_SHARD_MAX is set: set"
                    + " RAPPORT_DISCORD_SHARD_TOTAL too, the same on every instance.");
        }
        if (shardTotal != null) {
            if (shardTotal < 1) {
                throw new IllegalStateException(
                        "RAPPORT_DISCORD_SHARD_TOTAL must be 1 or more, not " + shardTotal + ".");
            }
            if (firstShard() < 0 || lastShard() < firstShard() || lastShard() >= shardTotal) {
                throw new IllegalStateException("RAPPORT_DISCORD_SHARD_MIN and RAPPORT_DISCORD_SHARD_MAX must satisfy"
                        + " 0 <= min <= max < RAPPORT_DISCORD_SHARD_TOTAL (" + shardTotal + "); they are "
                        + firstShard() + " and " + lastShard() + ".");
            }
        }
        if (sendsPerSecond != null && sendsPerSecond > globalLimit) {
            throw new IllegalStateException("RAPPORT_DISCORD_SENDS_PER_SECOND is " + sendsPerSecond + ", above"
                    + " Discord's limit of " + globalLimit + " requests per second per bot (shared by all instances;"
                    + " RAPPORT_DISCORD_GLOBAL_LIMIT if Discord granted your bot more); use at most "
                    + (int) (globalLimit * DEFAULT_SENDS_PER_SECOND / DISCORD_GLOBAL_LIMIT) + ".");
        }
        if (apiUrl != null && (apiUrl.getScheme() == null || !apiUrl.getScheme().startsWith("http"))) {
            throw new IllegalStateException(
                    "RAPPORT_DISCORD_API_URL must be an http(s) URL ending in /api/v10/, not " + apiUrl + ".");
        }
    }

    /** Never prints the token: records print every component, and properties end up in logs and actuator output. */
    @Override
    public String toString() {
        return "DiscordProperties[token=" + (token == null || token.isBlank() ? "(none)" : "(set)") + ", apiUrl="
                + (apiUrl == null ? "(Discord)" : apiUrl) + ", shardTotal="
                + (shardTotal == null ? "(recommended)" : shardTotal) + ", shardMin=" + shardMin + ", shardMax="
                + shardMax + ", commandScope=" + commandScope + ", coordinatorRole=" + coordinatorRole
                + ", sendsPerSecond=" + pace() + ", globalLimit=" + globalLimit + ", callTimeout=" + callTimeout + "]";
    }
}
