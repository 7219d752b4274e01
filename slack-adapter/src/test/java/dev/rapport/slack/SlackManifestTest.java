package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The app manifests a coordinator pastes into Slack ask for exactly the scopes the adapter needs, and say so. */
class SlackManifestTest {

    private static final Path DEPLOY = Path.of("..", "deploy", "slack");

    @Test
    void both_manifests_ask_for_the_bot_scopes_the_adapter_asks_for_in_an_oauth_install() throws IOException {
        List<String> expected = Arrays.asList(SlackProperties.BOT_SCOPES.split(","));
        for (String file : List.of("manifest.yml", "manifest-http.yml")) {
            String yaml = Files.readString(DEPLOY.resolve(file));
            assertThat(botScopes(yaml)).as(file).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(yaml).as(file).contains("command: /rapport").contains("should_escape: true");
            assertThat(yaml).as(file).contains("- user_change");
        }
        assertThat(Files.readString(DEPLOY.resolve("manifest.yml"))).contains("socket_mode_enabled: true");
        assertThat(Files.readString(DEPLOY.resolve("manifest-http.yml")))
                .contains("socket_mode_enabled: false")
                .contains("/slack/events")
                .contains("/slack/oauth_redirect");
    }

    /** The entries under {@code scopes: bot:}, one per line as "- scope", comments allowed after them. */
    private static List<String> botScopes(String yaml) {
        int bot = yaml.indexOf("    bot:");
        assertThat(bot).as("a bot scopes list").isPositive();
        Matcher m = Pattern.compile("(?m)^\\s+- ([a-z:.]+)").matcher(yaml.substring(bot));
        List<String> scopes = new java.util.ArrayList<>();
        int settings = yaml.substring(bot).indexOf("settings:");
        while (m.find() && (settings < 0 || m.start() < settings)) {
            scopes.add(m.group(1));
        }
        return scopes;
    }
}
