package dev.rapport.systemtest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.rapport.localslack.LocalSlackServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The local Slack ({@link LocalSlackServer}) as a process of its own, with one workspace of generated people. */
public final class LocalSlackProcess extends LocalServerProcess {

    static final String BOT_TOKEN = "local-system-test-bot-token";
    static final String APP_TOKEN = "xapp-rapport-system-test";

    /**
     * How the local Slack is started.
     *
     * @param users people generated into the directory
     * @param imHistory whether the bot token has {@code im:history}, which Rapport needs to look for a message in doubt
     * @param postMessagePerMinute {@code chat.postMessage} per workspace per minute (Slack's: 300)
     * @param postMessageBurst {@code chat.postMessage} per workspace at once (50)
     * @param opensPerMinute {@code conversations.open} per workspace per minute (50)
     * @param opensBurst {@code conversations.open} per workspace at once (50)
     */
    public record Settings(
            int users,
            boolean imHistory,
            int postMessagePerMinute,
            int postMessageBurst,
            int opensPerMinute,
            int opensBurst) {

        /** The local Slack's own limits, which are Slack's. */
        public static Settings slackLimits(int users) {
            return new Settings(users, true, 300, 50, 50, 50);
        }

        public Settings withImHistory(boolean granted) {
            return new Settings(users, granted, postMessagePerMinute, postMessageBurst, opensPerMinute, opensBurst);
        }

        public Settings withPostMessage(int perMinute, int burst) {
            return new Settings(users, imHistory, perMinute, burst, opensPerMinute, opensBurst);
        }

        public Settings withConversationsOpen(int perMinute, int burst) {
            return new Settings(users, imHistory, postMessagePerMinute, postMessageBurst, perMinute, burst);
        }
    }

    private LocalSlackProcess(ChildProcess process, JsonObject started) {
        super(process, started);
    }

    /** Starts it with its output in {@code logs/local-slack.*}; waits for its line saying where it listens. */
    public static LocalSlackProcess start(Settings settings, Path logs) {
        return start(
                "local-slack",
                LocalSlackServer.class,
                List.of(
                        "--users=" + settings.users(),
                        "--bot-token=" + BOT_TOKEN,
                        "--app-token=" + APP_TOKEN,
                        "--im-history=" + settings.imHistory(),
                        "--post-message-per-minute=" + settings.postMessagePerMinute(),
                        "--post-message-burst=" + settings.postMessageBurst(),
                        "--conversations-open-per-minute=" + settings.opensPerMinute(),
                        "--conversations-open-burst=" + settings.opensBurst()),
                logs,
                LocalSlackProcess::new);
    }

    @Override
    public String platform() {
        return "SLACK";
    }

    @Override
    public String workspaceId() {
        return started.get("team_id").getAsString();
    }

    @Override
    public Map<String, String> applicationEnvironment(int instance, int instances) {
        return Map.of(
                "RAPPORT_SLACK_BOT_TOKEN", BOT_TOKEN,
                "RAPPORT_SLACK_APP_TOKEN", APP_TOKEN,
                "RAPPORT_SLACK_API_URL", started.get("api_url").getAsString());
    }

    @Override
    public List<Delivery> deliveries() {
        List<Delivery> out = new ArrayList<>();
        control.each("dms", "dms", dm -> out.add(new Delivery(dm.get("user").getAsString(), outboxId(dm))));
        return out;
    }

    /** The outbox id Rapport put in the message's metadata ({@code rapport_outbox}, {@code outbox_id}). */
    private static Long outboxId(JsonObject dm) {
        JsonElement metadata = dm.get("metadata");
        if (metadata == null || !metadata.isJsonObject()) {
            return null;
        }
        JsonElement payload = metadata.getAsJsonObject().get("event_payload");
        if (payload == null || !payload.isJsonObject()) {
            return null;
        }
        JsonElement id = payload.getAsJsonObject().get("outbox_id");
        return id == null || id.isJsonNull() ? null : Long.valueOf(id.getAsString());
    }

    @Override
    public Counters counters() {
        JsonObject c = control.get("counters");
        return new Counters(delivered(), sum(c.getAsJsonObject("calls")), sum(c.getAsJsonObject("rate_limited")));
    }

    private static long sum(JsonObject counts) {
        long total = 0;
        for (var e : counts.entrySet()) {
            total += e.getValue().getAsLong();
        }
        return total;
    }
}
