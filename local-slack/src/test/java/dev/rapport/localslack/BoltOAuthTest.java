package dev.rapport.localslack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.oauth.payload.VerificationCodePayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.OAuthCallbackRequest;
import com.slack.api.bolt.request.builtin.OAuthStartRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.rapport.localkit.Http;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bolt's own OAuth install flow against the local Slack, driven through {@link App#run} as its servlet adapter would
 * (serving HTTP is the Slack adapter's job): {@code /slack/install} builds Slack's authorize URL, the person approves
 * it, the redirect URI's callback exchanges the code with {@code oauth.v2.access}, and the installed workspace is then
 * served over Socket Mode with the bot token it got.
 */
class BoltOAuthTest {

    private static final String REDIRECT = "https://rapport.example/slack/oauth_redirect";

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    /** Installations in memory: what Bolt's callback saves and its authorization reads. */
    private static final class Installations implements InstallationService {
        final Map<String, Installer> byTeam = new ConcurrentHashMap<>();

        @Override
        public boolean isHistoricalDataEnabled() {
            return false;
        }

        @Override
        public void setHistoricalDataEnabled(boolean isHistoricalDataEnabled) {}

        @Override
        public void saveInstallerAndBot(Installer installer) {
            byTeam.put(installer.getTeamId(), installer);
        }

        @Override
        public void deleteBot(Bot bot) {
            byTeam.remove(bot.getTeamId());
        }

        @Override
        public void deleteInstaller(Installer installer) {
            byTeam.remove(installer.getTeamId());
        }

        @Override
        public Bot findBot(String enterpriseId, String teamId) {
            Installer i = byTeam.get(teamId);
            return i == null ? null : i.toBot();
        }

        @Override
        public Installer findInstaller(String enterpriseId, String teamId, String userId) {
            return byTeam.get(teamId);
        }
    }

    @Test
    void an_install_through_bolt_ends_with_a_bot_token_the_workspace_is_then_served_with() throws Exception {
        LocalSlack slack = LocalSlack.builder()
                .oauthClient("4444.5555", "local-oauth-test-secret")
                .start();
        toClose.add(slack);
        SlackConfig sdkConfig = new SlackConfig();
        sdkConfig.setMethodsEndpointUrlPrefix(slack.apiUrl());
        sdkConfig.setStatsEnabled(false);
        Slack sdk = Slack.getInstance(sdkConfig);
        toClose.add(sdk);
        Installations installations = new Installations();
        App app = new App(AppConfig.builder()
                        .slack(sdk)
                        .clientId("4444.5555")
                        .clientSecret("local-oauth-test-secret")
                        .scope("commands,chat:write,im:write,users:read")
                        .redirectUri(REDIRECT)
                        .oauthInstallPath("/slack/install")
                        .oauthRedirectUriPath("/slack/oauth_redirect")
                        .oAuthInstallPageRenderingEnabled(false)
                        .build())
                .asOAuthApp(true)
                .service(installations);
        app.command("/rapport", (req, ctx) -> ctx.ack("Hello " + ctx.getTeamId()));

        Response start = app.run(new OAuthStartRequest("", new RequestHeaders(Map.of())));
        String authorize = start.getHeaders().get("Location").getFirst();
        String cookie = start.getHeaders().get("Set-Cookie").getFirst().split(";")[0];
        URI back = slack.approveInstall(authorize, "T0SCHOOL", "U0ADMIN", null);
        Map<String, List<String>> query = query(back);
        Response callback = app.run(new OAuthCallbackRequest(
                query, "", VerificationCodePayload.from(query), new RequestHeaders(Map.of("Cookie", List.of(cookie)))));

        assertThat(authorize)
                .startsWith("https://slack.com/oauth/v2/authorize?client_id=4444.5555")
                .contains("scope=commands%2Cchat%3Awrite%2Cim%3Awrite%2Cusers%3Aread")
                .contains("&user_scope=")
                .contains("&state=")
                .contains("redirect_uri=" + Http.encode(REDIRECT));
        assertThat(back.toString()).startsWith(REDIRECT + "?code=");
        assertThat(callback.getStatusCode()).isEqualTo(200);
        Installer installed = installations.byTeam.get("T0SCHOOL");
        assertThat(installed).isNotNull();
        assertThat(installed.getBotAccessToken())
                .isEqualTo(slack.installedBotToken("T0SCHOOL").orElseThrow());
        assertThat(installed.getBotUserId()).isEqualTo(slack.botUserId("T0SCHOOL"));
        assertThat(installed.getInstallerUserId()).isEqualTo("U0ADMIN");
        assertThat(installed.getBotScope()).isEqualTo("commands,chat:write,im:write,users:read");
        assertThat(installed.getBotId()).as("from auth.test with the new token").isNotNull();

        SocketModeApp socketMode =
                new SocketModeApp(LocalSlack.Builder.DEFAULT_APP_TOKEN, app, SocketModeClient.Backend.JavaWebSocket);
        socketMode.startAsync();
        toClose.add(() -> {
            socketMode.getClient().close();
            socketMode.close();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.socketModeConnections() == 1);
        Ack ack = slack.as("T0SCHOOL", "U0ADMIN").command("/rapport", "setup").awaitAck();

        assertThat(ack.acknowledged()).isTrue();
        assertThat(ack.payload().get("text").getAsString()).isEqualTo("Hello T0SCHOOL");
    }

    @Test
    void an_authorize_url_of_another_app_is_refused_and_a_cancelled_install_redirects_with_access_denied() {
        try (LocalSlack slack = LocalSlack.start()) {
            String url = "https://slack.com/oauth/v2/authorize?client_id=" + LocalSlack.Builder.DEFAULT_CLIENT_ID
                    + "&scope=commands&user_scope=&state=s-1";

            URI denied = slack.denyInstall(url, REDIRECT);

            assertThat(denied.toString()).isEqualTo(REDIRECT + "?error=access_denied&state=s-1");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> slack.approveInstall(
                            url.replace(LocalSlack.Builder.DEFAULT_CLIENT_ID, "9.9"), "T0X", "U0X", REDIRECT))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> query = new HashMap<>();
        Matcher m = Pattern.compile("([^&=]+)=([^&]*)").matcher(uri.getRawQuery());
        while (m.find()) {
            query.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                    .add(java.net.URLDecoder.decode(m.group(2), java.nio.charset.StandardCharsets.UTF_8));
        }
        return query;
    }
}
