package dev.rapport.discord;

import dev.rapport.localdiscord.LocalDiscord;
import dev.rapport.localdiscord.Permissions;
import dev.rapport.localdiscord.Snowflakes;
import java.util.Map;

/**
 * Two servers on two shards, where Cora is an admin (Manage Server) and holds the coordinator role, for an instance that runs only shard 0 of 2 and registers {@code /rapport} in each
 * server it sees: as one of two instances that split the guilds.
 */
public class ShardedWorld extends LocalDiscordWorld {

    static final long ON_SHARD_0 = Snowflakes.forShard(0, 2, 21);
    static final long ON_SHARD_1 = Snowflakes.forShard(1, 2, 21);
    static final long CORA = 1_500_000_000_000_000_001L;
    static final long BEN = 1_500_000_000_000_000_002L;

    @Override
    protected LocalDiscord start() {
        return LocalDiscord.builder()
                .shards(2)
                .maxConcurrency(2)
                .guild(
                        ON_SHARD_0,
                        "Medicine",
                        g -> g.textChannel(ON_SHARD_0 + 1, "general")
                                .role(ON_SHARD_0 + 2, COORDINATOR_ROLE_NAME, 0)
                                .role(ON_SHARD_0 + 3, "Admins", Permissions.MANAGE_GUILD)
                                .member(1_500_000_000_000_000_000L, "owner", "Owner")
                                .member(CORA, "cora", "Cora", ON_SHARD_0 + 2, ON_SHARD_0 + 3)
                                .member(BEN, "ben", "Ben"))
                .guild(
                        ON_SHARD_1,
                        "Research",
                        g -> g.textChannel(ON_SHARD_1 + 1, "general")
                                .role(ON_SHARD_1 + 2, COORDINATOR_ROLE_NAME, 0)
                                .role(ON_SHARD_1 + 3, "Admins", Permissions.MANAGE_GUILD)
                                .member(1_500_000_000_000_000_000L, "owner", "Owner")
                                .member(CORA, "cora", "Cora", ON_SHARD_1 + 2, ON_SHARD_1 + 3)
                                .member(BEN, "ben", "Ben"))
                .start();
    }

    @Override
    protected Map<String, Object> settings() {
        return Map.of(
                "rapport.discord.shard-total", "2",
                "rapport.discord.shard-min", "0",
                "rapport.discord.shard-max", "0",
                "rapport.discord.command-scope", "guild");
    }
}
