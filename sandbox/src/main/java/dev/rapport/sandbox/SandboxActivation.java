package dev.rapport.sandbox;

import dev.rapport.core.secrets.Secrets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the sandbox on, before any bean reads its settings, when {@code rapport.sandbox.enabled} is {@code true}, or
 * is {@code auto} (the default) and neither Slack ({@code RAPPORT_SLACK_BOT_TOKEN}, {@code RAPPORT_SLACK_CLIENT_ID})
 * nor Discord ({@code RAPPORT_DISCORD_TOKEN}) is configured. It starts the local platforms ({@link SandboxWorld}) and
 * points the real adapters at them; the application then runs as it would against Slack and Discord.
 *
 * <p>The sandbox keeps its data in a database of its own ({@code rapport_sandbox}), which it resets at every start,
 * and serves only on 127.0.0.1: whoever opens the page can act as anyone in the demo. So it refuses to start, and the
 * process stops with a message saying what to set ({@link SandboxRefusedException}), wherever it could touch or show
 * anything real: when a database is configured ({@code RAPPORT_DB_URL}), when the server or its management port is
 * to bind an address other than loopback, or beside any real platform credential (when it is forced on; in
 * {@code auto} a credential simply means no sandbox).
 * There, and only there, Rapport starts without {@code RAPPORT_SECRET_KEY}: the comments and notes typed in the
 * sandbox are encrypted under a key made for the run, which is gone with the data at the next start.
 */
public final class SandboxActivation implements EnvironmentPostProcessor {

    /** Set by the activation for the sandbox's beans; not a setting. */
    static final String ACTIVE = "rapport.sandbox.active";

    /** Settings that are, or come with, real platform credentials, each with its environment variable. */
    static final Map<String, String> CREDENTIALS = credentials();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!shouldRun(env)) {
            return;
        }
        refusal(env).ifPresent(refused -> {
            throw refused;
        });
        SandboxWorld world = SandboxWorld.start();
        Map<String, Object> props = new HashMap<>(world.adapterProperties());
        props.put(ACTIVE, "true");
        props.put("rapport.db.url", "jdbc:postgresql://localhost:5432/" + SandboxWorld.DATABASE);
        props.put(SandboxWorld.OWN_DATABASE, "true");
        // Its data are emptied at every start, so without RAPPORT_SECRET_KEY a key for this run serves.
        props.put(Secrets.EPHEMERAL_KEY_PROPERTY, "true");
        if (!isSet(env, "server.address")) {
            props.put("server.address", "127.0.0.1");
        }
        if (!isSet(env, "management.server.address")) {
            props.put("management.server.address", "127.0.0.1");
        }
        env.getPropertySources().addFirst(new MapPropertySource("rapport-sandbox", props));
    }

    static boolean shouldRun(ConfigurableEnvironment env) {
        String enabled =
                env.getProperty("rapport.sandbox.enabled", "auto").strip().toLowerCase(Locale.ROOT);
        return switch (enabled) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            case "auto", "" ->
                !isSet(env, "rapport.slack.bot-token")
                        && !isSet(env, "rapport.slack.client-id")
                        && !isSet(env, "rapport.discord.token");
            default ->
                throw new IllegalStateException("RAPPORT_SANDBOX_ENABLED is \"" + enabled
                        + "\"; use auto (when no platform is configured), true" + " or false.");
        };
    }

    /** Why the sandbox, about to run, must not, if it must not. */
    static Optional<SandboxRefusedException> refusal(ConfigurableEnvironment env) {
        String forReal = " To run Rapport for real, set RAPPORT_SANDBOX_ENABLED=false and configure Slack or Discord.";
        List<String> credentials = CREDENTIALS.entrySet().stream()
                .filter(c -> isSet(env, c.getKey()))
                .map(Map.Entry::getValue)
                .sorted()
                .toList();
        if (!credentials.isEmpty()) {
            return Optional.of(new SandboxRefusedException(
                    "The sandbox never runs with real platform credentials, and " + String.join(", ", credentials)
                            + (credentials.size() == 1 ? " is" : " are") + " set.",
                    "Set RAPPORT_SANDBOX_ENABLED=false (or leave it at auto) to run Rapport with them; unset them to"
                            + " try the sandbox."));
        }
        if (isSet(env, "rapport.db.url")) {
            return Optional.of(new SandboxRefusedException(
                    "The sandbox keeps its demo in a database of its own and empties it at every start, so it never"
                            + " runs against a configured database, and RAPPORT_DB_URL is set.",
                    "Unset RAPPORT_DB_URL to try the sandbox (it uses rapport_sandbox on localhost:5432, or an"
                            + " embedded PostgreSQL)." + forReal));
        }
        for (String address : List.of("server.address", "management.server.address")) {
            String value = env.getProperty(address);
            if (isSet(env, address) && !isLoopback(value)) {
                String variable = address.toUpperCase(Locale.ROOT).replace('.', '_');
                return Optional.of(new SandboxRefusedException(
                        "Whoever opens the sandbox can act as anyone in it, so it serves this machine only, and "
                                + variable + " is " + value.strip() + ".",
                        "Unset " + variable + " (the sandbox then binds 127.0.0.1) or set it to 127.0.0.1 or ::1."
                                + forReal));
            }
        }
        return Optional.empty();
    }

    /** Whether an address, as configured, is this machine's loopback (a name is resolved; one that is not is not). */
    static boolean isLoopback(String address) {
        String host = address.strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Map<String, String> credentials() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("rapport.slack.bot-token", "RAPPORT_SLACK_BOT_TOKEN");
        c.put("rapport.slack.app-token", "RAPPORT_SLACK_APP_TOKEN");
        c.put("rapport.slack.signing-secret", "RAPPORT_SLACK_SIGNING_SECRET");
        c.put("rapport.slack.client-id", "RAPPORT_SLACK_CLIENT_ID");
        c.put("rapport.slack.client-secret", "RAPPORT_SLACK_CLIENT_SECRET");
        c.put("rapport.slack.token-key", "RAPPORT_SLACK_TOKEN_KEY");
        c.put("rapport.discord.token", "RAPPORT_DISCORD_TOKEN");
        return Map.copyOf(c);
    }

    private static boolean isSet(ConfigurableEnvironment env, String key) {
        String value = env.getProperty(key);
        return value != null && !value.isBlank();
    }
}
