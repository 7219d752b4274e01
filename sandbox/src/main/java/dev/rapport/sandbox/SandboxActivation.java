package dev.rapport.sandbox;

import dev.rapport.core.secrets.Secrets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
 * <p>Unless set otherwise, the sandbox keeps its data in a database of its own ({@code rapport_sandbox}), which it
 * resets at every start, and serves only on 127.0.0.1: whoever opens the page can act as anyone in the demo. There,
 * and only there, Rapport starts without {@code RAPPORT_SECRET_KEY}: the comments and notes typed in the sandbox are
 * encrypted under a key made for the run, which is gone with the data at the next start.
 */
public final class SandboxActivation implements EnvironmentPostProcessor {

    /** Set by the activation for the sandbox's beans; not a setting. */
    static final String ACTIVE = "rapport.sandbox.active";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!shouldRun(env)) {
            return;
        }
        SandboxWorld world = SandboxWorld.start();
        Map<String, Object> props = new HashMap<>(world.adapterProperties());
        props.put(ACTIVE, "true");
        if (!isSet(env, "rapport.db.url")) {
            props.put("rapport.db.url", "jdbc:postgresql://localhost:5432/" + SandboxWorld.DATABASE);
            props.put(SandboxWorld.OWN_DATABASE, "true");
            // Its data are emptied at every start, so without RAPPORT_SECRET_KEY a key for this run serves.
            props.put(Secrets.EPHEMERAL_KEY_PROPERTY, "true");
        }
        if (!isSet(env, "server.address")) {
            props.put("server.address", "127.0.0.1");
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

    private static boolean isSet(ConfigurableEnvironment env, String key) {
        String value = env.getProperty(key);
        return value != null && !value.isBlank();
    }
}
