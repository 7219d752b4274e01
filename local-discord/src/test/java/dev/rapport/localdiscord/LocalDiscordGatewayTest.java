package dev.rapport.localdiscord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway frame by frame, with the JDK's websocket client: what any Discord library would see. */
class LocalDiscordGatewayTest {

    static final long SHARD_0_GUILD = Snowflakes.forShard(0, 2, 0);
    static final long SHARD_1_GUILD = Snowflakes.forShard(1, 2, 0);
    static final long ANA = 1_300_000_000_000_000_001L;
    static final Duration CLOSE = Duration.ofSeconds(5);

    private final List<AutoCloseable> open = new ArrayList<>();
    private LocalDiscord discord;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    private LocalDiscord twoGuilds() {
        return LocalDiscord.builder()
                .shards(2)
                .guild(
                        SHARD_0_GUILD,
                        "Medicine",
                        g -> g.textChannel(SHARD_0_GUILD + 1, "general").member(ANA, "ana", "Ana"))
                .guild(
                        SHARD_1_GUILD,
                        "Research",
                        g -> g.textChannel(SHARD_1_GUILD + 1, "general").member(ANA, "ana", "Ana"))
                .start();
    }

    private GatewayClient client() {
        GatewayClient c = GatewayClient.connect(discord);
        open.add(c);
        return c;
    }

    /** Identifies on a shard and reads READY and the guild creates; returns READY's {@code d}. */
    private JsonObject login(GatewayClient c, int shard, int count) {
        assertThat(c.next().get("op").getAsInt()).isEqualTo(10);
        c.identify(discord.botToken(), shard, count, Intents.GUILDS);
        return c.nextDispatch().getAsJsonObject("d");
    }

    @Test
    void hello_identify_ready_and_one_guild_create_per_guild_of_the_shard_with_sequence_numbers() {
        discord = twoGuilds();
        GatewayClient c = client();

        JsonObject hello = c.next();
        assertThat(hello.getAsJsonObject("d").get("heartbeat_interval").getAsInt())
                .isEqualTo(41_250);
        c.identify("Bot " + discord.botToken(), 1, 2, Intents.GUILDS | Intents.DIRECT_MESSAGES);
        JsonObject ready = c.nextDispatch();
        JsonObject guildCreate = c.nextDispatch();
        c.send(Json.obj("op", 1, "d", 2));
        JsonObject ack = c.next();

        assertThat(ready.get("t").getAsString()).isEqualTo("READY");
        assertThat(ready.get("s").getAsInt()).isEqualTo(1);
        JsonObject d = ready.getAsJsonObject("d");
        assertThat(d.get("v").getAsInt()).isEqualTo(10);
        assertThat(d.getAsJsonObject("user").get("bot").getAsBoolean()).isTrue();
        assertThat(d.getAsJsonArray("guilds")).singleElement().satisfies(g -> {
            assertThat(g.getAsJsonObject().get("id").getAsString()).isEqualTo(Json.id(SHARD_1_GUILD));
            assertThat(g.getAsJsonObject().get("unavailable").getAsBoolean()).isTrue();
        });
        assertThat(d.get("resume_gateway_url").getAsString()).isEqualTo(discord.gatewayUrl());
        assertThat(d.getAsJsonArray("shard").toString()).isEqualTo("[1,2]");
        assertThat(d.getAsJsonObject("application").get("id").getAsString())
                .isEqualTo(Json.id(discord.applicationId()));
        assertThat(d.getAsJsonArray("private_channels")).isEmpty();

        assertThat(guildCreate.get("t").getAsString()).isEqualTo("GUILD_CREATE");
        assertThat(guildCreate.get("s").getAsInt()).isEqualTo(2);
        JsonObject g = guildCreate.getAsJsonObject("d");
        assertThat(g.get("id").getAsString()).isEqualTo(Json.id(SHARD_1_GUILD));
        assertThat(g.get("member_count").getAsInt()).isEqualTo(2);
        assertThat(g.get("afk_timeout").getAsInt()).isPositive();
        // Without GUILD_MEMBERS, Discord sends only the bot's own member.
        assertThat(g.getAsJsonArray("members"))
                .singleElement()
                .satisfies(m -> assertThat(m.getAsJsonObject()
                                .getAsJsonObject("user")
                                .get("id")
                                .getAsString())
                        .isEqualTo(Json.id(discord.botUserId())));
        JsonObject everyone = g.getAsJsonArray("roles").get(0).getAsJsonObject();
        assertThat(everyone.get("id").getAsString()).isEqualTo(Json.id(SHARD_1_GUILD));
        assertThat(everyone.getAsJsonObject("colors").has("primary_color")).isTrue();
        for (String array : List.of(
                "channels", "threads", "guild_scheduled_events", "emojis", "stickers", "voice_states", "features")) {
            assertThat(g.get(array).isJsonArray()).as(array).isTrue();
        }
        assertThat(ack.get("op").getAsInt()).isEqualTo(11);
        assertThat(discord.connectedShards()).containsExactly(1);
    }

    @Test
    void a_wrong_token_an_invalid_shard_and_an_ungranted_privileged_intent_close_with_discords_codes() {
        discord = twoGuilds();
        GatewayClient wrongToken = client();
        GatewayClient badShard = client();
        GatewayClient privileged = client();

        wrongToken.identify("not-the-token", 0, 1, Intents.GUILDS);
        badShard.identify(discord.botToken(), 2, 2, Intents.GUILDS);
        privileged.identify(discord.botToken(), 0, 1, Intents.GUILDS | Intents.MESSAGE_CONTENT);

        assertThat(wrongToken.awaitClose(CLOSE)).isEqualTo(4004);
        assertThat(badShard.awaitClose(CLOSE)).isEqualTo(4010);
        assertThat(privileged.awaitClose(CLOSE)).isEqualTo(4014);
        assertThat(discord.gatewayLogins())
                .extracting(GatewayLogin::closeCode)
                .containsExactlyInAnyOrder(4004, 4010, 4014);
    }

    @Test
    void an_unsupported_api_version_is_closed_with_4012() {
        discord = twoGuilds();
        GatewayClient old = new GatewayClient(discord.gatewayUrl() + "/?v=9&encoding=json");
        open.add(old);

        assertThat(old.awaitClose(CLOSE)).isEqualTo(4012);
    }

    @Test
    void a_resume_replays_every_dispatch_after_the_clients_sequence_then_resumed() {
        discord = twoGuilds();
        GatewayClient first = client();
        String sessionId = login(first, 0, 1).get("session_id").getAsString();
        JsonObject lastSeen = first.nextDispatch(); // the first GUILD_CREATE, s = 2
        first.abort();
        await().atMost(CLOSE).until(() -> discord.connectedShards().isEmpty());

        Http.registerPing(discord);
        Interaction missed = discord.as(SHARD_0_GUILD, ANA).slashCommand("ping", Map.of());
        assertThat(missed.delivered()).isFalse();

        GatewayClient second = client();
        assertThat(second.next().get("op").getAsInt()).isEqualTo(10);
        second.resume(discord.botToken(), sessionId, lastSeen.get("s").getAsInt());
        List<String> replayed = new ArrayList<>();
        JsonObject f;
        do {
            f = second.nextDispatch();
            replayed.add(f.get("t").getAsString() + "#" + f.get("s").getAsInt());
        } while (!f.get("t").getAsString().equals("RESUMED"));

        assertThat(replayed).containsExactly("GUILD_CREATE#3", "INTERACTION_CREATE#4", "RESUMED#5");
        assertThat(missed.delivered()).isTrue();
        assertThat(discord.gatewayLogins())
                .extracting(GatewayLogin::kind)
                .containsExactly(GatewayLogin.Kind.IDENTIFY, GatewayLogin.Kind.RESUME);
    }

    @Test
    void resuming_an_unknown_or_invalidated_session_answers_invalid_session() {
        discord = twoGuilds();
        GatewayClient c = client();
        login(c, 0, 1);
        discord.invalidateSession(0, false);
        JsonObject invalid = c.next();
        while (invalid.get("op").getAsInt() == 0) {
            invalid = c.next();
        }

        GatewayClient unknown = client();
        unknown.next();
        unknown.resume(discord.botToken(), "no-such-session", 1);

        assertThat(invalid.get("op").getAsInt()).isEqualTo(9);
        assertThat(invalid.get("d").getAsBoolean()).isFalse();
        assertThat(unknown.next().get("op").getAsInt()).isEqualTo(9);
    }

    @Test
    void reconnect_and_drops_are_injectable() {
        discord = twoGuilds();
        GatewayClient c = client();
        login(c, 0, 2);
        c.nextDispatch();

        assertThat(discord.requestReconnect(0)).isTrue();
        assertThat(c.next().get("op").getAsInt()).isEqualTo(7);
        assertThat(discord.closeConnection(0, 4000)).isTrue();
        assertThat(c.awaitClose(CLOSE)).isEqualTo(4000);
        assertThat(discord.dropConnection(0)).isFalse();
    }

    @Test
    void dropping_the_connections_drops_every_shard() {
        discord = twoGuilds();
        GatewayClient shard0 = client();
        GatewayClient shard1 = client();
        login(shard0, 0, 2);
        login(shard1, 1, 2);
        await().atMost(CLOSE).until(() -> discord.connectedShards().size() == 2);

        discord.dropConnections();

        await().atMost(CLOSE).until(() -> discord.connectedShards().isEmpty());
        assertThat(discord.dropConnection(0)).isFalse();
        assertThat(discord.dropConnection(1)).isFalse();
    }

    @Test
    void during_an_outage_the_gateway_refuses_connections() {
        discord = twoGuilds();
        discord.startOutage();

        assertThatThrownBy(() -> GatewayClient.connect(discord))
                .isInstanceOf(java.util.concurrent.CompletionException.class)
                .hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class);

        discord.endOutage();
        GatewayClient c = client();
        assertThat(login(c, 0, 1).get("session_id").getAsString()).isNotBlank();
    }

    @Test
    void an_interaction_goes_to_the_shard_that_owns_its_guild() {
        discord = twoGuilds();
        GatewayClient shard0 = client();
        GatewayClient shard1 = client();
        login(shard0, 0, 2);
        login(shard1, 1, 2);
        shard0.nextDispatch();
        shard1.nextDispatch();
        Http.registerPing(discord);

        discord.as(SHARD_1_GUILD, ANA).slashCommand("ping", Map.of());

        JsonObject dispatch = shard1.nextDispatch();
        assertThat(dispatch.get("t").getAsString()).isEqualTo("INTERACTION_CREATE");
        JsonElement guildId = dispatch.getAsJsonObject("d").get("guild_id");
        assertThat(guildId.getAsString()).isEqualTo(Json.id(SHARD_1_GUILD));
    }
}
