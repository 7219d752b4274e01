package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonParser;
import dev.rapport.core.database.DomainTables;
import dev.rapport.core.outbox.Dispatcher;
import dev.rapport.core.participant.ProfileRefresh;
import dev.rapport.core.schedule.Reminders;
import dev.rapport.core.schedule.Sweeper;
import dev.rapport.core.test.FreshDatabase;
import dev.rapport.core.test.MutableClock;
import dev.rapport.localslack.Ack;
import dev.rapport.localslack.Delivery;
import dev.rapport.localslack.LocalSlack;
import dev.rapport.localslack.PostedMessage;
import dev.rapport.localslack.ResponsePost;
import dev.rapport.localslack.UserProfile;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every Slack end-to-end test shares: the real core and Slack adapter on a fresh PostgreSQL database, a real
 * Bolt app connected to a local Slack (how, each subclass says), and helpers that act as Slack users and drive the
 * schedule. Each test gets new people (new Slack user ids) and an empty database, so tests never see each other's
 * messages or data.
 */
@SpringBootTest(
        classes = SlackTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "rapport.schedule.enabled=false",
            "spring.quartz.auto-startup=false",
            "rapport.slack.sends-per-second=50"
        })
@ContextConfiguration(initializers = FreshDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class SlackEndToEnd {

    static final String TEAM = "T0RAPPORT";
    static final String BOT_TOKEN = "local-e2e-bot-token-000000001";
    static final String APP_TOKEN = "local-e2e-app-token-000000001";
    static final String SIGNING_SECRET = "local-e2e-signing-secret-00001";

    /** Slack allows 3 s to acknowledge; the local Slack measures every acknowledgement. */
    static final Duration ACK_DEADLINE = Duration.ofSeconds(3);

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    /** A local Slack with the test workspace; tests add their people. */
    static LocalSlack startSlack(LocalSlack.Builder builder) {
        return builder.workspace(TEAM, BOT_TOKEN)
                .workspaceName(TEAM, "Rapport Medical School")
                .appToken(APP_TOKEN)
                .signingSecret(SIGNING_SECRET)
                .start();
    }

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Sweeper sweeper;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    Reminders reminders;

    @Autowired
    ProfileRefresh profiles;

    @Autowired
    SlackConnection connection;

    /** The coordinator (a workspace admin), the mentor and the mentee of this test: Slack user ids of their own. */
    String cora;

    String lee;
    String ana;

    @LocalServerPort
    int port;

    abstract LocalSlack slack();

    /** Whether Slack posts to Rapport's {@code /slack/events} (HTTP mode) rather than over a Socket Mode websocket. */
    boolean deliversOverHttp() {
        return false;
    }

    /** The settings of a single-workspace install over Socket Mode, against {@code slack}. */
    static void socketMode(DynamicPropertyRegistry registry, LocalSlack slack) {
        registry.add("rapport.slack.bot-token", () -> BOT_TOKEN);
        registry.add("rapport.slack.app-token", () -> APP_TOKEN);
        registry.add("rapport.slack.api-url", slack::apiUrl);
    }

    /** The settings of HTTP delivery, verified with the signing secret, against {@code slack}. */
    static void http(DynamicPropertyRegistry registry, LocalSlack slack) {
        registry.add("rapport.slack.mode", () -> "http");
        registry.add("rapport.slack.signing-secret", () -> SIGNING_SECRET);
        registry.add("rapport.slack.api-url", slack::apiUrl);
    }

    @BeforeEach
    void aCleanWorldWithNewPeople() {
        DomainTables.empty(jdbc);
        clock.set(SlackTestApplication.START);
        if (deliversOverHttp()) {
            slack().deliverOverHttp(URI.create("http://127.0.0.1:" + port + "/slack/events"));
        }
        int n = PEOPLE.incrementAndGet();
        cora = admin("U0CORA" + n, "cora" + n, "Cora Coordinator", "Europe/Lisbon");
        lee = person("U0LEE" + n, "lee" + n, "Dr Lee Mentor", "Europe/Lisbon");
        ana = person("U0ANA" + n, "ana" + n, "Ana Mentee", "Europe/Lisbon");
        await().atMost(Duration.ofSeconds(30)).until(() -> connection.status() == SlackConnection.Status.CONNECTED);
        if (!deliversOverHttp()) {
            // The connection counts itself connected once Bolt starts opening its socket; a first command sent before
            // the socket is open would have nowhere to go.
            await().atMost(Duration.ofSeconds(30)).until(() -> slack().socketModeConnections() >= 1);
        }
    }

    String person(String id, String handle, String realName, String tz) {
        slack().addUser(UserProfile.member(TEAM, id, handle, realName, tz));
        return id;
    }

    /** A workspace admin ({@code is_admin}), whom the workspace lets set programmes up. */
    String admin(String id, String handle, String realName, String tz) {
        slack().addUser(UserProfile.member(TEAM, id, handle, realName, tz).withRoles(true, false, false));
        return id;
    }

    /** Runs {@code /rapport text} as someone; checks it is acknowledged in time; returns the reply's text. */
    String rapport(String userId, String text) {
        Delivery d = slack().as(TEAM, userId).command("/rapport", text);
        acknowledgedInTime(d);
        ResponsePost reply = d.awaitResponse();
        assertThat(reply.accepted())
                .as("the reply was accepted by the response_url")
                .isTrue();
        return reply.text() + "\n" + reply.blocksJson();
    }

    static Ack acknowledgedInTime(Delivery d) {
        Ack ack = d.awaitAck();
        assertThat(ack.acknowledged()).as("acknowledged: %s", ack).isTrue();
        assertThat(ack.latency()).as("acknowledged within Slack's 3 s").isLessThan(ACK_DEADLINE);
        return ack;
    }

    /**
     * A programme set up by Cora with one pair, Dr Lee mentoring Ana, starting on Monday 23 November 2026. The replies
     * are checked for what every language says alike, the programme's name and the pair's number: Cora's Slack may
     * not be in English.
     */
    void aProgrammeWithOnePair() {
        assertThat(rapport(cora, "setup \"Residents 2026\" Europe/Lisbon")).contains("*Residents 2026*");
        assertThat(jdbc.queryForObject("select count(*) from programme", Long.class))
                .isEqualTo(1L);
        assertThat(rapport(cora, "add-pair <@" + lee + "> <@" + ana + "> 2026-11-23"))
                .contains("#1");
        assertThat(jdbc.queryForObject("select count(*) from pair", Long.class)).isEqualTo(1L);
    }

    /** The schedule's work, as the jobs would do it: enqueue what is due, then send it. */
    void tick() {
        sweeper.sweep();
        dispatcher.drain("e2e");
    }

    /** Messages the app posted into someone's DM, in order, as first posted. */
    List<PostedMessage> dmsTo(String userId) {
        return slack().messages().stream()
                .filter(m -> userId.equals(m.userId()))
                .toList();
    }

    /** The first DM to someone whose text contains {@code words}, waiting for it to arrive. */
    PostedMessage awaitDm(String userId, String words) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> dmsTo(userId).stream()
                                .filter(m -> m.text() != null && m.text().contains(words))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** The message as it is now, after the app's updates. */
    PostedMessage now(PostedMessage m) {
        return slack().currentMessage(m.channel(), m.ts()).orElseThrow();
    }

    /** Every text in a message's blocks, joined: what a person reads. */
    static String readable(PostedMessage m) {
        StringBuilder out = new StringBuilder(m.text() == null ? "" : m.text());
        if (m.blocksJson() != null) {
            collectText(JsonParser.parseString(m.blocksJson()), out);
        }
        return out.toString();
    }

    private static void collectText(com.google.gson.JsonElement e, StringBuilder out) {
        if (e.isJsonObject()) {
            for (var entry : e.getAsJsonObject().entrySet()) {
                if (entry.getKey().equals("text") && entry.getValue().isJsonPrimitive()) {
                    out.append('\n').append(entry.getValue().getAsString());
                } else {
                    collectText(entry.getValue(), out);
                }
            }
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(c -> collectText(c, out));
        }
    }

    Integer count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
