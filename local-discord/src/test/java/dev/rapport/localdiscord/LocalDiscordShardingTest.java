package dev.rapport.localdiscord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** JDA's ShardManager takes the gateway and the shard count from {@code GET gateway/bot}; each shard gets its guilds. */
class LocalDiscordShardingTest {

    static final long ON_SHARD_0 = Snowflakes.forShard(0, 2, 3);
    static final long ON_SHARD_1 = Snowflakes.forShard(1, 2, 3);
    static final long ANA = 1_300_000_000_000_000_001L;

    private LocalDiscord discord;
    private ShardManager shards;

    @AfterEach
    void stop() {
        if (shards != null) {
            shards.shutdown();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> shards.getShards().stream().allMatch(j -> j.getStatus() == JDA.Status.SHUTDOWN));
        }
        if (discord != null) {
            discord.close();
        }
    }

    @Test
    void two_shards_each_identify_for_their_share_of_the_guilds_and_receive_its_interactions() {
        discord = LocalDiscord.builder()
                .shards(2)
                .maxConcurrency(2)
                .guild(
                        ON_SHARD_0,
                        "Medicine",
                        g -> g.textChannel(ON_SHARD_0 + 1, "general").member(ANA, "ana", "Ana"))
                .guild(
                        ON_SHARD_1,
                        "Research",
                        g -> g.textChannel(ON_SHARD_1 + 1, "general").member(ANA, "ana", "Ana"))
                .start();

        shards = DefaultShardManagerBuilder.createLight(discord.botToken())
                .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl()))
                .setCompression(Compression.NONE)
                .addEventListeners(new TestBot())
                .build();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> shards.getShards().size() == 2
                        && shards.getShards().stream().allMatch(j -> j.getStatus() == JDA.Status.CONNECTED));
        shards.getShardById(0).updateCommands().addCommands(TestBot.command()).complete();

        assertThat(shards.getShardById(0).getGuilds())
                .extracting(g -> g.getIdLong())
                .containsExactly(ON_SHARD_0);
        assertThat(shards.getShardById(1).getGuilds())
                .extracting(g -> g.getIdLong())
                .containsExactly(ON_SHARD_1);
        assertThat(discord.gatewayLogins())
                .extracting(GatewayLogin::shard, GatewayLogin::shardCount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(0, 2), org.assertj.core.groups.Tuple.tuple(1, 2));
        assertThat(discord.connectedShards()).containsExactly(0, 1);

        InteractionResponse reply = discord.as(ON_SHARD_1, ANA)
                .slashCommand("rapport", "health", Map.of())
                .awaitResponse();
        assertThat(reply.accepted()).isTrue();
        assertThat(reply.content()).isEqualTo("All pairs on track");
    }
}
