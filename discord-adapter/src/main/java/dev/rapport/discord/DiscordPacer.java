package dev.rapport.discord;

import dev.rapport.core.pace.Limit;
import dev.rapport.core.pace.RateLimits;
import java.time.Duration;

/**
 * Keeps the bot's REST requests under Discord's global limit (50 per second per bot, whatever the guild or route),
 * however many instances of Rapport send: each request takes a turn from one bucket that every instance shares
 * ({@link RateLimits}, kept in PostgreSQL). Everything that spends requests in bulk takes its turns here: direct
 * messages (opening the DM channel and posting to it), profile lookups and command registration. Interaction
 * responses are exempt from the global limit on Discord, so they never wait here.
 *
 * <p>The bucket holds one request: requests are spaced evenly at the pace, so no one-second window ever sees more
 * than the pace plus one. One bot per database: the bucket is the bot's, named for Discord as a whole.
 */
final class DiscordPacer {

    private final RateLimits limits;
    private final Limit limit;

    DiscordPacer(RateLimits limits, double perSecond) {
        this.limits = limits;
        this.limit = new Limit("discord:global", perSecond, 1);
    }

    double perSecond() {
        return limit.perSecond();
    }

    /**
     * Waits for the right to make one request, up to {@code maxWait}. Returns false, without using a turn, when the
     * wait would be longer: the caller reports "rate limited" instead of queueing without bound.
     */
    boolean acquire(Duration maxWait) {
        return limits.acquire(limit, maxWait);
    }
}
