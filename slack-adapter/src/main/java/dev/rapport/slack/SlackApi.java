package dev.rapport.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.http.SlackHttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;

/**
 * The one Slack SDK instance of the application, shared by Bolt and the chat port: pointed at the configured Web
 * API (Slack's, or the local Slack), with the SDK's metrics thread off and every call bounded by
 * {@code rapport.slack.call-timeout}. Hands out a Web API client per bot token.
 */
public final class SlackApi implements AutoCloseable {

    private final Slack slack;
    private final SlackConfig config;
    private final Map<String, MethodsClient> clients = new ConcurrentHashMap<>();

    public SlackApi(SlackProperties properties) {
        this.config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(properties.methodsUrlPrefix());
        // The SDK's stats collect per-method metrics in a background thread; Rapport measures sending itself.
        config.setStatsEnabled(false);
        // The SDK's client has connect/read/write timeouts but no bound on a whole call; add one.
        OkHttpClient http = SlackHttpClient.buildOkHttpClient(config)
                .newBuilder()
                .callTimeout(properties.callTimeout())
                .build();
        this.slack = Slack.getInstance(config, new SlackHttpClient(http));
    }

    public Slack slack() {
        return slack;
    }

    public SlackConfig config() {
        return config;
    }

    /** The Web API client for a bot token (one per token, reused). */
    public MethodsClient methods(String botToken) {
        return clients.computeIfAbsent(botToken, slack::methods);
    }

    /** Closes the SDK's HTTP client and its threads. */
    @Override
    public void close() throws Exception {
        slack.close();
    }
}
