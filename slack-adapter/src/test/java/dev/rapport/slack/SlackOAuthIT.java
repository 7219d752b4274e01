package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import dev.rapport.core.secrets.SecretUnreadableException;
import dev.rapport.localslack.LocalSlack;
import dev.rapport.localslack.UserProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Installs in many workspaces: Slack's "Add to Slack" OAuth flow through Rapport's {@code /slack/install} and
 * {@code /slack/oauth_redirect}, the installation kept in PostgreSQL with its bot token sealed for its workspace, the new workspace
 * then served (commands and direct messages with its own token), and forgotten when the app is uninstalled.
 */
class SlackOAuthIT extends SlackEndToEnd {

    static final String CLIENT_ID = "4711.0815";
    static final String CLIENT_SECRET = "local-e2e-client-secret-0001";
    static final String SCHOOL = "T0SCHOOL";

    static final LocalSlack SLACK = startSlack(LocalSlack.builder().oauthClient(CLIENT_ID, CLIENT_SECRET));

    @Autowired
    SlackTokens tokens;

    private final HttpClient browser =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void slackWithOAuth(DynamicPropertyRegistry registry) {
        http(registry, SLACK);
        registry.add("rapport.slack.client-id", () -> CLIENT_ID);
        registry.add("rapport.slack.client-secret", () -> CLIENT_SECRET);
    }

    @Override
    LocalSlack slack() {
        return SLACK;
    }

    @Override
    boolean deliversOverHttp() {
        return true;
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @Test
    void a_workspace_installs_rapport_is_served_with_its_own_token_and_is_forgotten_when_it_uninstalls()
            throws Exception {
        String redirect = "http://127.0.0.1:" + port + "/slack/oauth_redirect";
        HttpResponse<String> install = browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/install"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(install.statusCode()).isEqualTo(302);
        String authorize = install.headers().firstValue("Location").orElseThrow();
        assertThat(authorize)
                .startsWith("https://slack.com/oauth/v2/authorize?client_id=" + CLIENT_ID)
                .contains(
                        "scope=commands%2Cchat%3Awrite%2Cim%3Awrite%2Cim%3Ahistory%2Cusers%3Aread%2Cfiles%3Aread%2Cfiles%3Awrite");
        String cookie = install.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        URI back = SLACK.approveInstall(authorize, SCHOOL, "U0ADMIN", redirect);
        HttpResponse<String> finished = browser.send(
                HttpRequest.newBuilder(back).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(finished.statusCode()).isEqualTo(200);
        String token = SLACK.installedBotToken(SCHOOL).orElseThrow();
        String stored = jdbc.queryForObject(
                "select bot_token_cipher from installation where workspace_id = ?", String.class, SCHOOL);
        assertThat(stored).startsWith("rk1:").doesNotContain(token);
        assertThat(tokens.botToken(SCHOOL)).contains(token);
        // Sealed for this workspace's row: copied to another workspace's installation, it does not open.
        jdbc.update(
                "insert into installation (platform, workspace_id, bot_token_cipher, installed_at)"
                        + " values ('SLACK', 'T0COPY', ?, now())",
                stored);
        assertThatThrownBy(() -> tokens.botToken("T0COPY"))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("SLACK/T0COPY")
                .hasMessageNotContaining(stored);
        jdbc.update("delete from installation where workspace_id = 'T0COPY'");
        assertThat(jdbc.queryForObject(
                        "select installer_user_id from installation where workspace_id = ?", String.class, SCHOOL))
                .isEqualTo("U0ADMIN");

        // The new workspace is served: its people run commands and get direct messages, with its token.
        SLACK.addUser(UserProfile.member(SCHOOL, "U0ADMIN", "admin", "Ada Admin", "Europe/Lisbon"));
        SLACK.addUser(UserProfile.member(SCHOOL, "U0MENTOR", "mentor", "Mo Mentor", "Europe/Lisbon"));
        SLACK.addUser(UserProfile.member(SCHOOL, "U0MENTEE", "mentee", "Mia Mentee", "Europe/Lisbon"));
        assertThat(schoolCommand("U0ADMIN", "setup \"School mentoring\"")).contains("you are its coordinator");
        assertThat(schoolCommand("U0ADMIN", "add-pair <@U0MENTOR> <@U0MENTEE>")).contains("added");
        tick();
        assertThat(dmsTo("U0MENTEE"))
                .anyMatch(m -> m.teamId().equals(SCHOOL) && m.text().contains("Welcome"));

        // A state can finish one install only: the same state with a fresh code (someone else's approval) is refused.
        URI replay = SLACK.approveInstall(authorize, SCHOOL, "U0MALLORY", redirect);
        browser.send(
                HttpRequest.newBuilder(replay).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jdbc.queryForObject(
                        "select installer_user_id from installation where workspace_id = ?", String.class, SCHOOL))
                .isEqualTo("U0ADMIN");
        assertThat(SLACK.installedBotToken(SCHOOL)).contains(token);

        JsonObject uninstalled = new JsonObject();
        uninstalled.addProperty("type", "app_uninstalled");
        uninstalled.addProperty("event_ts", "1764500000.000100");
        acknowledgedInTime(SLACK.event(SCHOOL, uninstalled));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from installation where workspace_id = ?", SCHOOL) == 0);
    }

    private String schoolCommand(String user, String text) {
        var d = SLACK.as(SCHOOL, user).command("/rapport", text);
        acknowledgedInTime(d);
        return d.awaitResponse().text();
    }
}
