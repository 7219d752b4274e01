package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.command.CommandService;
import dev.rapport.core.interaction.InteractionService;
import dev.rapport.core.pace.RateLimits;
import dev.rapport.core.participant.ParticipantLanguages;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.test.FreshDatabase;
import dev.rapport.localdiscord.Endpoint;
import dev.rapport.localdiscord.GatewayLogin;
import dev.rapport.localdiscord.Interaction;
import dev.rapport.localdiscord.LocalDiscord;
import dev.rapport.localdiscord.Options;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Scale-out: an instance that runs shard 0 of 2 identifies for that shard only, registers {@code /rapport} in the
 * servers that shard holds, and answers there; a second instance with shard 1 of 2 takes the other server. Both share
 * the database, as instances do.
 */
@SpringBootTest(
        classes = DiscordTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"rapport.schedule.enabled=false", "spring.quartz.auto-startup=false"})
@ContextConfiguration(initializers = {FreshDatabase.class, ShardedWorld.class})
class DiscordShardingIT {

    static final Duration CONNECT = Duration.ofSeconds(30);

    @Autowired
    LocalDiscord discord;

    @Autowired
    DiscordConnection connection;

    @Autowired
    DiscordProperties properties;

    @Autowired
    CommandService commands;

    @Autowired
    InteractionService interactions;

    @Autowired
    ParticipantService participants;

    @Autowired
    ParticipantLanguages languages;

    @Autowired
    RateLimits limits;

    @BeforeEach
    void connected() {
        await().atMost(CONNECT).until(() -> connection.status() == DiscordConnection.Status.CONNECTED);
        await().atMost(CONNECT)
                .until(() -> discord.commandNames(ShardedWorld.ON_SHARD_0).contains("rapport"));
    }

    @Test
    void two_instances_split_the_servers_by_shard_and_each_registers_and_answers_in_its_own() {
        assertThat(connection.shards()).containsExactly(Map.entry(0, "CONNECTED"));
        assertThat(discord.gatewayLogins())
                .filteredOn(l -> l.kind() == GatewayLogin.Kind.IDENTIFY)
                .extracting(GatewayLogin::shard, GatewayLogin::shardCount)
                .containsOnly(Tuple.tuple(0, 2));
        assertThat(discord.commandNames(ShardedWorld.ON_SHARD_0)).containsExactly("rapport");
        assertThat(discord.commandNames(ShardedWorld.ON_SHARD_1)).isEmpty();
        assertThat(discord.commandNames(0)).isEmpty();
        assertThat(discord.commandsJson(ShardedWorld.ON_SHARD_0))
                .contains("\"add-pair\"")
                .contains("\"mentor\"");
        // The instance with shard 0 clears any global copy, so /rapport never shows twice after a change of scope.
        await().atMost(CONNECT)
                .alias("the global commands overwritten once, among "
                        + discord.calls().stream()
                                .filter(c -> c.method().equals("PUT"))
                                .toList())
                .until(() -> discord.callsTo(Endpoint.OVERWRITE_GLOBAL_COMMANDS) == 1);
        // The whole bot's pace: both instances take their turns from the same bucket in the database.
        assertThat(properties.pace()).isEqualTo(48);

        Interaction help =
                discord.as(ShardedWorld.ON_SHARD_0, ShardedWorld.BEN).slashCommand("rapport", "help", Map.of());
        assertThat(help.awaitResponse().accepted()).isTrue();
        assertThatThrownBy(() -> discord.as(ShardedWorld.BEN).slashCommand("rapport", "help", Map.of()))
                .as("a command registered in a server is not offered in DMs")
                .isInstanceOf(IllegalArgumentException.class);

        // A second instance, with shard 1 of 2, takes the other server.
        DiscordProperties second = properties.withShards(2, 1, 1);
        DiscordCommands slash = new DiscordCommands(commands);
        DiscordInbound inbound = new DiscordInbound(
                commands, interactions, participants, languages, slash, second.coordinatorRole(), second.callTimeout());
        DiscordRegistrar registrar = new DiscordRegistrar(
                false, slash.definition(), new DiscordPacer(limits, second.pace()), second.callTimeout());
        DiscordConnection other =
                new DiscordConnection(second, List.of(inbound, registrar), List.of(registrar, inbound));
        other.start();
        try {
            await().atMost(CONNECT).until(() -> other.status() == DiscordConnection.Status.CONNECTED);
            await().atMost(CONNECT)
                    .until(() -> discord.commandNames(ShardedWorld.ON_SHARD_1).contains("rapport"));

            assertThat(discord.connectedShards()).containsExactly(0, 1);
            Interaction setup = discord.as(ShardedWorld.ON_SHARD_1, ShardedWorld.CORA)
                    .slashCommand(
                            "rapport",
                            "setup",
                            Map.of("name", "Research fellows", "role", Options.role(ShardedWorld.ON_SHARD_1 + 2)));
            assertThat(setup.awaitResponse().accepted()).isTrue();
            await().atMost(CONNECT)
                    .until(() -> setup.originalMessage()
                            .map(m -> m.content().contains("is set up"))
                            .orElse(false));
            assertThat(discord.callsTo(Endpoint.OVERWRITE_GUILD_COMMANDS)).isEqualTo(2);
        } finally {
            other.stop();
        }
        assertThat(other.status()).isEqualTo(DiscordConnection.Status.STOPPED);
        // The local Discord sees the closed socket when its own thread reads the close.
        await().atMost(CONNECT).until(() -> discord.connectedShards().equals(java.util.Set.of(0)));
    }
}
