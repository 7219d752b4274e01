package dev.rapport.discord;

import java.util.Locale;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code discord} in the application's health: whether every shard this instance runs is connected to Discord's
 * gateway. While one is logging in, reconnecting or cannot reach Discord the instance reports not ready (the
 * application's readiness group includes {@code discord}); JDA keeps reconnecting, the login is retried, and messages
 * wait in the outbox meanwhile.
 */
final class DiscordHealth implements HealthIndicator {

    private final DiscordConnection connection;

    DiscordHealth(DiscordConnection connection) {
        this.connection = connection;
    }

    @Override
    public Health health() {
        DiscordConnection.Status status = connection.status();
        Health.Builder health = status == DiscordConnection.Status.CONNECTED ? Health.up() : Health.down();
        health.withDetail("status", status.name().toLowerCase(Locale.ROOT)).withDetail("shards", connection.shards());
        if (connection.problem() != null) {
            health.withDetail("problem", connection.problem());
        }
        return health.build();
    }
}
