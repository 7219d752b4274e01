package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rapport.core.test.FreshDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The sandbox page's API as the page uses it, over real HTTP: on Slack every statement has an N/A button, on Discord
 * every statement is a select menu named by it with an N/A option; choosing either records "not applicable".
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rapport.sandbox.enabled=true", "management.server.port=0"})
@ContextConfiguration(initializers = FreshDatabase.class)
@DirtiesContext
class SandboxNotApplicableIT {

    static final String ANA = "U0ANA";
    static final String MIA = "1300000000000000203";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private SandboxApi api;

    @BeforeEach
    void thePagesApi() {
        api = new SandboxApi(port);
    }

    @Test
    void na_is_a_button_on_slack_and_an_option_of_each_statements_menu_on_discord_and_both_are_recorded()
            throws Exception {
        // The demo is set up (its pairs added, its past written) before the clock can move to a check-in.
        await().atMost(Duration.ofSeconds(90))
                .until(() -> JsonParser.parseString(api.get("state"))
                        .getAsJsonObject()
                        .get("status")
                        .getAsString()
                        .equals("ready"));
        String token = JsonParser.parseString(api.get("state"))
                .getAsJsonObject()
                .get("token")
                .getAsString();
        // The demo's past has N/A answers of its own; these two come on top.
        int before = notApplicable();
        api.post(token, "clock", "{\"advance\":\"next-check-in\"}");

        // Slack: Ana's check-in has a row of 1–5 and N/A under each statement.
        JsonObject anas = await().atMost(Duration.ofSeconds(60))
                .until(() -> checkIn("slack", ANA), Optional::isPresent)
                .orElseThrow();
        List<String> na = new ArrayList<>();
        for (JsonElement p : anas.getAsJsonArray("parts")) {
            if (p.getAsJsonObject().has("buttons")) {
                for (JsonElement b : p.getAsJsonObject().getAsJsonArray("buttons")) {
                    if (b.getAsJsonObject().get("label").getAsString().equals("N/A")) {
                        na.add(b.getAsJsonObject().get("action").getAsString());
                    }
                }
            }
        }
        assertThat(na).hasSize(3).allMatch(a -> a.endsWith(":na"));
        api.post(
                token,
                "click",
                "{\"platform\":\"slack\",\"user\":\"" + ANA + "\",\"item\":\""
                        + anas.get("id").getAsString() + "\",\"action\":\"" + na.getFirst() + "\"}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("screen?platform=slack&user=" + ANA).contains("N/A – does not apply"));

        // Discord: Mia's check-in has one select menu per statement, named by it, with N/A among its options.
        // Her slot may come later than Ana's (another zone): the clock moves on to the next one until it is there.
        Optional<JsonObject> found = Optional.empty();
        for (int moves = 0; found.isEmpty() && moves < 4; moves++) {
            if (moves > 0) {
                api.post(token, "clock", "{\"advance\":\"next-check-in\"}");
            }
            try {
                found = await().atMost(Duration.ofSeconds(15))
                        .until(() -> checkIn("discord", MIA), Optional::isPresent);
            } catch (ConditionTimeoutException e) {
                // not yet: her check-in is due at a later slot
            }
        }
        JsonObject mias = found.orElseThrow(() -> new AssertionError("Mia's check-in never came"));
        List<JsonObject> menus = new ArrayList<>();
        for (JsonElement p : mias.getAsJsonArray("parts")) {
            if (p.getAsJsonObject().has("options")) {
                menus.add(p.getAsJsonObject());
            }
        }
        assertThat(menus).hasSize(3).allSatisfy(m -> {
            assertThat(m.get("placeholder").getAsString()).startsWith("Since our last check-in,");
            JsonArray options = m.getAsJsonArray("options");
            assertThat(options).hasSize(6);
            assertThat(options.get(5).getAsJsonObject().get("label").getAsString())
                    .startsWith("N/A");
        });
        JsonObject first = menus.getFirst();
        String naValue = first.getAsJsonArray("options")
                .get(5)
                .getAsJsonObject()
                .get("value")
                .getAsString();
        api.post(
                token,
                "select",
                "{\"platform\":\"discord\",\"user\":\"" + MIA + "\",\"item\":\""
                        + mias.get("id").getAsString() + "\",\"menu\":\""
                        + first.get("menu").getAsString() + "\",\"action\":\"" + naValue + "\"}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("screen?platform=discord&user=" + MIA).contains("N/A – does not apply"));

        assertThat(notApplicable()).isEqualTo(before + 2);
    }

    private int notApplicable() {
        return jdbc.queryForObject("select count(*) from answer where not_applicable and score is null", Integer.class);
    }

    /** The person's check-in on their screen: a message whose buttons or menus carry Rapport's rating actions. */
    private Optional<JsonObject> checkIn(String platform, String user) throws Exception {
        for (JsonElement item : JsonParser.parseString(api.get("screen?platform=" + platform + "&user=" + user))
                .getAsJsonArray()) {
            String json = item.toString();
            if (json.contains("rapport:rate:")) {
                return Optional.of(item.getAsJsonObject());
            }
        }
        return Optional.empty();
    }
}
