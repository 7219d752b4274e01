package dev.rapport.core.test;

import dev.rapport.core.database.ThrowawayDatabase;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each Spring test context a database of its own on the PostgreSQL that {@code RAPPORT_DB_*} names
 * (or the embedded one, for a non-root user without a server), and drops it when the JVM exits. So state
 * left by an earlier run never matters, and runs on one server do not meet. Sets {@link #SECRET_KEY} unless the
 * test sets a key.
 */
public final class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /**
     * The {@code RAPPORT_SECRET_KEY} of test contexts that set none: Rapport does not start without one, and a test
     * may seal or open values itself with it.
     */
    public static final String SECRET_KEY = "test-secret-key-of-at-least-32-characters";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var env = context.getEnvironment();
        String url = create(
                        "rapport_test",
                        env.getProperty("rapport.db.url", serverUrl()),
                        env.getProperty("rapport.db.user", user()),
                        env.getProperty("rapport.db.password", password()))
                .url();
        Map<String, Object> props = new java.util.HashMap<>(Map.of("rapport.db.url", url));
        if (env.getProperty("rapport.secret-key") == null && env.getProperty("rapport.slack.token-key") == null) {
            props.put("rapport.secret-key", SECRET_KEY);
        }
        env.getPropertySources().addFirst(new MapPropertySource("fresh-database", props));
    }

    /** A throwaway database next to {@code baseUrl}'s, dropped when the JVM exits. */
    public static ThrowawayDatabase create(String prefix, String baseUrl, String user, String password) {
        return ThrowawayDatabase.create(prefix, baseUrl, user, password);
    }

    /** The server the tests use: {@code RAPPORT_DB_URL}, or localhost:5432. */
    public static String serverUrl() {
        return System.getenv().getOrDefault("RAPPORT_DB_URL", "jdbc:postgresql://localhost:5432/postgres");
    }

    public static String user() {
        return System.getenv().getOrDefault("RAPPORT_DB_USER", "postgres");
    }

    public static String password() {
        return System.getenv().getOrDefault("RAPPORT_DB_PASSWORD", "");
    }
}
