package dev.rapport.core.test;

import dev.rapport.core.database.DatabaseProperties;
import dev.rapport.core.database.PostgresLocator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each Spring test context a database of its own on the PostgreSQL that {@code RAPPORT_DB_*} names
 * (or the embedded one, for a non-root user without a server), and drops it when the JVM exits. So state
 * left by an earlier run never matters, and runs on one server do not meet.
 */
public final class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var env = context.getEnvironment();
        String name =
                "rapport_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = create(
                name,
                env.getProperty(
                        "rapport.db.url",
                        System.getenv().getOrDefault("RAPPORT_DB_URL", "jdbc:postgresql://localhost:5432/postgres")),
                env.getProperty("rapport.db.user", System.getenv().getOrDefault("RAPPORT_DB_USER", "postgres")),
                env.getProperty("rapport.db.password", System.getenv().getOrDefault("RAPPORT_DB_PASSWORD", "")));
        env.getPropertySources().addFirst(new MapPropertySource("fresh-database", Map.of("rapport.db.url", url)));
    }

    /** Creates the database {@code name} next to {@code baseUrl}'s and returns its URL. */
    public static String create(String name, String baseUrl, String user, String password) {
        String serverUrl = baseUrl.replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
        PostgresLocator.Target server =
                PostgresLocator.resolve(new DatabaseProperties(serverUrl, user, password, 2, null, true));
        String url = server.url().replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
        try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try (Connection c = DriverManager.getConnection(
                                            server.url(), server.user(), server.password());
                                    Statement s = c.createStatement()) {
                                s.execute("drop database if exists " + name + " with (force)");
                            } catch (SQLException e) {
                                // Best effort: a database left behind is harmless, every run creates a new name.
                            }
                        },
                        "drop-" + name));
        return url;
    }
}
