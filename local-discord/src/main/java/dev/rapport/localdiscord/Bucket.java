package dev.rapport.localdiscord;

import java.time.Duration;

/**
 * Per-route rate-limit buckets. Each counts requests per top-level resource (the channel, guild, webhook token or
 * interaction in the path), in fixed windows, and answers with Discord's {@code X-RateLimit-*} headers. Discord
 * publishes no per-route figures and tells clients to read the headers instead, so the defaults here are plausible
 * assumptions (the 5 per 5 s for messages in a channel is the figure most often reported); a test that depends on a
 * limit should set it with {@link LocalDiscord.Builder#rateLimit}.
 */
public enum Bucket {
    /** Messages created in one channel: 5 per 5 s. */
    CREATE_MESSAGE(5, Duration.ofSeconds(5)),
    /** Edits and deletions of messages in one channel: 5 per 5 s. */
    EDIT_MESSAGE(5, Duration.ofSeconds(5)),
    /** {@code POST users/@me/channels} for the bot: 10 per 10 s. */
    CREATE_DM(10, Duration.ofSeconds(10)),
    /** The initial response to one interaction: 10 per 1 s (only one can succeed anyway). */
    INTERACTION_CALLBACK(10, Duration.ofSeconds(1)),
    /** Follow-ups and edits through one interaction's webhook token: 5 per 2 s. */
    WEBHOOK(5, Duration.ofSeconds(2)),
    /** Application command registration, per scope: 5 per 20 s. */
    COMMANDS(5, Duration.ofSeconds(20)),
    /** Guild reads (members, roles) per guild: 10 per 1 s. */
    GUILD(10, Duration.ofSeconds(1)),
    /** Everything else, per route: 50 per 1 s. */
    OTHER(50, Duration.ofSeconds(1));

    private final int defaultLimit;
    private final Duration defaultWindow;

    Bucket(int defaultLimit, Duration defaultWindow) {
        this.defaultLimit = defaultLimit;
        this.defaultWindow = defaultWindow;
    }

    public int defaultLimit() {
        return defaultLimit;
    }

    public Duration defaultWindow() {
        return defaultWindow;
    }
}
