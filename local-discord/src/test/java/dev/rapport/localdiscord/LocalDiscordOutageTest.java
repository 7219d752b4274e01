package dev.rapport.localdiscord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import dev.rapport.localkit.Outage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The two kinds of outage, with plain HTTP, bare sockets and a bare gateway client. */
class LocalDiscordOutageTest {

    static final long GUILD = Snowflakes.forShard(0, 1, 17);
    static final long ANA = 1_300_000_000_000_000_001L;
    static final Duration CLOSE = Duration.ofSeconds(5);

    private final List<AutoCloseable> open = new ArrayList<>();
    private LocalDiscord discord;
    private Http http;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (http != null) {
            http.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    private void start() {
        discord = LocalDiscord.builder()
                .guild(
                        GUILD,
                        "Residency",
                        g -> g.textChannel(GUILD + 1, "general").member(ANA, "ana", "Ana"))
                .start();
        http = new Http(discord);
    }

    private static boolean refuses(String url) {
        URI uri = URI.create(url);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            throw new AssertionError("neither connected nor refused: " + e, e);
        }
    }

    private GatewayClient loggedIn(int intents) {
        GatewayClient c = GatewayClient.connect(discord);
        open.add(c);
        c.next();
        c.identify(discord.botToken(), 0, 1, intents);
        return c;
    }

    @Test
    void in_a_refused_outage_nothing_listens_and_afterwards_the_same_urls_answer_again() {
        start();
        String rest = discord.restUrl();
        String gateway = discord.gatewayUrl();

        discord.startOutage(Outage.REFUSED);

        assertThat(discord.outage()).contains(Outage.REFUSED);
        assertThat(refuses(rest)).isTrue();
        assertThat(refuses(gateway)).isTrue();
        assertThatThrownBy(() -> http.get("users/@me")).hasCauseInstanceOf(ConnectException.class);

        discord.endOutage();

        assertThat(discord.outage()).isEmpty();
        assertThat(discord.restUrl()).isEqualTo(rest);
        assertThat(discord.gatewayUrl()).isEqualTo(gateway);
        assertThat(http.get("users/@me").status()).isEqualTo(200);
        assertThat(http.get("gateway/bot").object().get("url").getAsString()).isEqualTo(gateway);
        assertThat(loggedIn(Intents.GUILDS).nextDispatch().get("t").getAsString())
                .isEqualTo("READY");
    }

    @Test
    void a_session_survives_a_refused_outage_and_resumes_with_what_was_dispatched_meanwhile() {
        start();
        Http.registerPing(discord);
        GatewayClient before = loggedIn(Intents.GUILDS);
        JsonObject ready = before.nextDispatch();
        JsonObject guildCreate = before.nextDispatch();

        discord.startOutage(Outage.REFUSED);
        assertThat(before.awaitClose(CLOSE)).isEqualTo(1006);
        Interaction missed = discord.as(GUILD, ANA).slashCommand("ping", Map.of());
        discord.endOutage();

        GatewayClient after = GatewayClient.connect(discord);
        open.add(after);
        after.next();
        after.resume(
                discord.botToken(),
                ready.getAsJsonObject("d").get("session_id").getAsString(),
                guildCreate.get("s").getAsInt());
        assertThat(after.nextDispatch().get("t").getAsString()).isEqualTo("INTERACTION_CREATE");
        assertThat(after.nextDispatch().get("t").getAsString()).isEqualTo("RESUMED");
        assertThat(missed.delivered()).isTrue();
    }

    @Test
    void an_unavailable_outage_answers_503_on_the_same_port_and_the_old_start_outage_is_that_kind() {
        start();

        discord.startOutage();
        Http.Reply during = http.get("users/@me");
        Outage kind = discord.outage().orElseThrow();
        discord.endOutage();

        assertThat(kind).isEqualTo(Outage.UNAVAILABLE);
        assertThat(during.status()).isEqualTo(503);
        assertThat(http.get("users/@me").status()).isEqualTo(200);
    }

    @Test
    void starting_another_kind_of_outage_ends_the_first() {
        start();

        discord.startOutage(Outage.REFUSED);
        discord.startOutage(Outage.UNAVAILABLE);

        assertThat(discord.outage()).contains(Outage.UNAVAILABLE);
        assertThat(http.get("users/@me").status()).isEqualTo(503);
        discord.startOutage(Outage.REFUSED);
        assertThat(refuses(discord.restUrl())).isTrue();
        discord.endOutage();
        discord.endOutage();
        assertThat(http.get("users/@me").status()).isEqualTo(200);
    }

    @Test
    void the_local_discord_closes_cleanly_during_a_refused_outage() {
        start();
        String rest = discord.restUrl();
        discord.startOutage(Outage.REFUSED);

        discord.close();
        discord = null;

        await().atMost(CLOSE).until(() -> refuses(rest));
    }

    @Test
    void fixed_ports_are_bound_as_asked() throws IOException {
        int restPort;
        int gatewayPort;
        try (var a = new java.net.ServerSocket(0);
                var b = new java.net.ServerSocket(0)) {
            restPort = a.getLocalPort();
            gatewayPort = b.getLocalPort();
        }
        discord = LocalDiscord.builder()
                .restPort(restPort)
                .gatewayPort(gatewayPort)
                .start();
        http = new Http(discord);

        assertThat(discord.restUrl()).isEqualTo("http://127.0.0.1:" + restPort + "/api/v10/");
        assertThat(discord.gatewayUrl()).isEqualTo("ws://127.0.0.1:" + gatewayPort);
        assertThat(http.get("users/@me").status()).isEqualTo(200);
    }
}
