package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.localslack.LocalSlack;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every scenario over Socket Mode, the default for a first install: no public URL, a websocket to Slack. */
class SlackSocketModeIT extends SlackScenarios {

    static final LocalSlack SLACK = startSlack(LocalSlack.builder());

    @DynamicPropertySource
    static void slackOverSocketMode(DynamicPropertyRegistry registry) {
        socketMode(registry, SLACK);
    }

    @Override
    LocalSlack slack() {
        return SLACK;
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @Test
    void a_dropped_socket_is_reopened_and_the_next_command_is_answered() {
        await().until(() -> SLACK.socketModeConnections() >= 1);
        SLACK.dropConnections();
        await().atMost(Duration.ofSeconds(60)).until(() -> SLACK.socketModeConnections() >= 1);

        assertThat(rapport(ana, "help")).contains("/rapport");
    }

    @Test
    void the_connection_stops_and_starts_again_and_answers_as_before() {
        // Spring stops the lifecycle of a cached test context it pauses and starts it again when a test needs it.
        await().until(() -> SLACK.socketModeConnections() >= 1);
        connection.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> SLACK.socketModeConnections() == 0);

        connection.start();
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        connection.status() == SlackConnection.Status.CONNECTED && SLACK.socketModeConnections() >= 1);

        assertThat(rapport(ana, "help")).contains("/rapport");
    }
}
