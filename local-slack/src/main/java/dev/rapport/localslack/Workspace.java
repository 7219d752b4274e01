package dev.rapport.localslack;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One workspace: its directory, DM channels and rate-limit buckets. The directory and the DM channels are concurrent
 * maps, readable by any thread (a delivery reads who the person is); the buckets are charged under the {@link World}'s
 * lock, as the Web API's methods run.
 */
final class Workspace {

    /** A rate limit: a burst, then a steady rate per minute. */
    record Limit(double burst, double perMinute) {}

    final String teamId;
    final String name;
    final String domain;
    final String botUserId;
    final String botId;
    final Map<String, UserProfile> users = new ConcurrentHashMap<>();
    final Map<String, String> dmByUser = new ConcurrentHashMap<>();
    final Map<String, String> userByDm = new ConcurrentHashMap<>();
    /** The bot token the last OAuth install issued, if any. */
    volatile String installedToken;

    private final Clock clock;
    private final Limit channelLimit;
    private final TokenBucket workspaceBucket;
    private final Map<String, TokenBucket> channelBuckets = new HashMap<>();
    private final Map<String, TokenBucket> methodBuckets = new HashMap<>();
    private final Supplier<String> newDmId;

    Workspace(
            String teamId,
            String name,
            Clock clock,
            Limit channelLimit,
            Limit workspaceLimit,
            Supplier<String> newDmId) {
        this.teamId = teamId;
        this.name = name == null ? "Local " + teamId : name;
        this.domain = teamId.toLowerCase(Locale.ROOT);
        this.botUserId = "U" + teamId.substring(1) + "BOT";
        this.botId = "B" + teamId.substring(1);
        this.clock = clock;
        this.channelLimit = channelLimit;
        this.workspaceBucket = new TokenBucket(clock, workspaceLimit.burst(), workspaceLimit.perMinute() / 60d);
        this.newDmId = newDmId;
        users.put(
                botUserId,
                new UserProfile(teamId, botUserId, "rapport", "Rapport", "Rapport", null, false, false, true, false));
    }

    /** The DM channel between the app and a user, opened on first use, the same one every time. */
    String dm(String userId) {
        return dmByUser.computeIfAbsent(userId, u -> {
            String id = newDmId.get();
            userByDm.put(id, u);
            return id;
        });
    }

    /**
     * The profile of a user, for the payloads of what they do; one made up from the id for someone the test did not
     * describe (not added to the directory, so {@code users.info} still answers {@code user_not_found} for them).
     */
    UserProfile user(String userId) {
        UserProfile known = users.get(userId);
        return known != null ? known : UserProfile.member(teamId, userId, null, null, null);
    }

    Optional<String> installedToken() {
        return Optional.ofNullable(installedToken);
    }

    /** Charges one message to the channel's and the workspace's bucket: 0, or the seconds to wait (at least 1). */
    long chargeMessage(String channel) {
        TokenBucket channelBucket = channelBuckets.computeIfAbsent(
                channel, c -> new TokenBucket(clock, channelLimit.burst(), channelLimit.perMinute() / 60d));
        Duration wait = max(channelBucket.waitForOne(), workspaceBucket.waitForOne());
        if (!wait.isZero()) {
            return seconds(wait);
        }
        channelBucket.take();
        workspaceBucket.take();
        return 0;
    }

    /** Charges one call of a method limited per workspace: 0, or the seconds to wait (at least 1). */
    long chargeMethod(String method, Limit limit) {
        TokenBucket bucket = methodBuckets.computeIfAbsent(
                method, m -> new TokenBucket(clock, limit.burst(), limit.perMinute() / 60d));
        Duration wait = bucket.waitForOne();
        if (!wait.isZero()) {
            return seconds(wait);
        }
        bucket.take();
        return 0;
    }

    /** Slack's Retry-After is whole seconds; rounded up so a client that honours it is not refused again. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
