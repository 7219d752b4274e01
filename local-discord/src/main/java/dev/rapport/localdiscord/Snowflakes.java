package dev.rapport.localdiscord;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord's ids: 64-bit snowflakes whose top 42 bits are milliseconds since Discord's epoch (2015-01-01). Helpers to
 * read them and to pick ids that land on a given shard.
 */
public final class Snowflakes {

    /** Discord's epoch, the zero of every snowflake's timestamp, in Unix milliseconds. */
    public static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;

    /** Distinguishes ids minted in the same millisecond; Discord uses worker, process and increment bits for it. */
    private static final AtomicLong INCREMENT = new AtomicLong();

    private Snowflakes() {}

    /** The shard that receives a guild's events, as Discord computes it: {@code (guild_id >> 22) % shard_count}. */
    public static int shardOf(long guildId, int shardCount) {
        if (shardCount < 1) {
            throw new IllegalArgumentException("a bot has at least one shard");
        }
        return (int) ((guildId >>> 22) % shardCount);
    }

    /** When the id was minted. */
    public static Instant timeOf(long id) {
        return Instant.ofEpochMilli((id >>> 22) + DISCORD_EPOCH_MILLIS);
    }

    /**
     * An id minted at {@code time}, with {@code increment} in the low bits: a stable way for a test to write ids such as
     * guild ids that belong to a chosen shard (see {@link #forShard}).
     */
    public static long at(Instant time, int increment) {
        long millis = time.toEpochMilli() - DISCORD_EPOCH_MILLIS;
        if (millis < 0) {
            throw new IllegalArgumentException("snowflakes start at 2015-01-01");
        }
        return (millis << 22) | (increment & 0xFFF);
    }

    /**
     * A guild id that Discord would route to {@code shard} of {@code shardCount}: the {@code n}-th such id after
     * 2024-01-01, so tests can write {@code Snowflakes.forShard(1, 2, 0)} instead of computing bits.
     */
    public static long forShard(int shard, int shardCount, int n) {
        if (shard < 0 || shard >= shardCount) {
            throw new IllegalArgumentException("shard " + shard + " is not one of " + shardCount);
        }
        long base = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli() - DISCORD_EPOCH_MILLIS;
        long millis = base - base % shardCount + shard + (long) n * shardCount;
        return millis << 22;
    }

    /**
     * A new id minted now. It is deliberately on the system clock, not the injectable one: JDA compares an
     * interaction's id time with its own wall clock and treats an interaction as expired 15 minutes after it.
     */
    static long next() {
        long millis = System.currentTimeMillis() - DISCORD_EPOCH_MILLIS;
        return (millis << 22) | (INCREMENT.getAndIncrement() & 0x3FFFFF);
    }
}
