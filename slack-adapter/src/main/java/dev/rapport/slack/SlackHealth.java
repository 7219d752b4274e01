package dev.rapport.slack;

import java.util.Locale;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code slack} in the application's health: whether Rapport is connected to Slack (the bot token accepted; in
 * Socket Mode, the websocket open). While Slack cannot be reached the instance reports not ready; it keeps retrying,
 * and messages wait in the outbox.
 */
final class SlackHealth implements HealthIndicator {

    private final SlackConnection connection;

    SlackHealth(SlackConnection connection) {
        this.connection = connection;
    }

    @Override
    public Health health() {
        Health.Builder health = connection.status() == SlackConnection.Status.CONNECTED ? Health.up() : Health.down();
        health.withDetail("status", connection.status().name().toLowerCase(Locale.ROOT))
                .withDetail("mode", connection.socketMode() ? "socket" : "http");
        if (connection.problem() != null) {
            health.withDetail("problem", connection.problem());
        }
        return health.build();
    }
}
