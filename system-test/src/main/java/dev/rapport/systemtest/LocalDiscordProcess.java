package dev.rapport.systemtest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.rapport.localdiscord.LocalDiscordServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The local Discord ({@link LocalDiscordServer}) as a process of its own, with one server of generated members. */
public final class LocalDiscordProcess extends LocalServerProcess {

    /**
     * How the local Discord is started.
     *
     * @param members member users generated into its one server
     * @param globalRateLimit requests per second per bot (Discord's: 50)
     * @param routeLimits per-route buckets, {@code CREATE_DM=1000/1s} as its {@code --rate-limit} takes them
     */
    public record Settings(int members, int globalRateLimit, List<String> routeLimits) {

        public Settings {
            routeLimits = List.copyOf(routeLimits);
        }
    }

    private LocalDiscordProcess(ChildProcess process, JsonObject started) {
        super(process, started);
    }

    /** Starts it with its output in {@code logs/local-discord.*}; waits for its line saying where it listens. */
    public static LocalDiscordProcess start(Settings settings, Path logs) {
        List<String> arguments = new ArrayList<>(List.of(
                "--members",
                Integer.toString(settings.members()),
                "--global-rate-limit",
                Integer.toString(settings.globalRateLimit())));
        for (String limit : settings.routeLimits()) {
            arguments.add("--rate-limit");
            arguments.add(limit);
        }
        return start("local-discord", LocalDiscordServer.class, arguments, logs, LocalDiscordProcess::new);
    }

    @Override
    public String platform() {
        return "DISCORD";
    }

    @Override
    public String workspaceId() {
        return started.get("guild_id").getAsString();
    }

    /** Instance {@code i} of {@code n} runs shard {@code i} of {@code n}, as the deploy guide splits them. */
    @Override
    public Map<String, String> applicationEnvironment(int instance, int instances) {
        return Map.of(
                "RAPPORT_DISCORD_TOKEN", started.get("bot_token").getAsString(),
                "RAPPORT_DISCORD_API_URL", started.get("rest_url").getAsString(),
                "RAPPORT_DISCORD_SHARD_TOTAL", Integer.toString(instances),
                "RAPPORT_DISCORD_SHARD_MIN", Integer.toString(instance),
                "RAPPORT_DISCORD_SHARD_MAX", Integer.toString(instance));
    }

    @Override
    public List<Delivery> deliveries() {
        List<Delivery> out = new ArrayList<>();
        control.each("dms", "dms", dm -> {
            JsonElement nonce = dm.get("nonce");
            Long outboxId = nonce == null || nonce.isJsonNull() ? null : parse(nonce.getAsString());
            out.add(new Delivery(dm.get("recipient_id").getAsString(), outboxId));
        });
        return out;
    }

    private static Long parse(String nonce) {
        try {
            return Long.valueOf(nonce);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public Counters counters() {
        JsonObject c = rawCounters();
        return new Counters(
                c.get("direct_messages").getAsLong(),
                c.get("requests").getAsLong(),
                c.get("rate_limited").getAsLong());
    }

    /** Requests per route and status, 429s, invalid requests and messages de-duplicated by nonce. */
    public JsonObject rawCounters() {
        return control.get("counters");
    }
}
