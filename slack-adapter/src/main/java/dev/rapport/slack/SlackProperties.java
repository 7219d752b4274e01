package dev.rapport.slack;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Slack connection, bound from the environment: {@code RAPPORT_SLACK_BOT_TOKEN} ({@code rapport.slack.bot-token})
 * and, for the local Slack and the sandbox only, {@code RAPPORT_SLACK_API_URL} ({@code rapport.slack.api-url}).
 *
 * @param botToken the bot token ({@code xoxb-…}) of a single-workspace install; Slack is off without it
 * @param apiUrl the Web API's base URL, ending in {@code /api/}; {@code null} for Slack itself
 * @param callTimeout the longest one Web API call may take, {@value #DEFAULT_CALL_TIMEOUT_SECONDS} s if unset: a
 *     hanging Slack must not hold a dispatcher worker; the send is reported as a transient failure and retried
 */
@ConfigurationProperties("rapport.slack")
public record SlackProperties(String botToken, URI apiUrl, Duration callTimeout) {

    /** Slack's own Web API. */
    public static final URI SLACK_API = URI.create("https://slack.com/api/");

    static final long DEFAULT_CALL_TIMEOUT_SECONDS = 10;

    public SlackProperties {
        if (callTimeout == null || callTimeout.isZero() || callTimeout.isNegative()) {
            callTimeout = Duration.ofSeconds(DEFAULT_CALL_TIMEOUT_SECONDS);
        }
    }

    /** The base URL to call: {@link #apiUrl()} if set, with a trailing slash, otherwise Slack's. */
    public String methodsUrlPrefix() {
        String url = apiUrl == null ? SLACK_API.toString() : apiUrl.toString();
        return url.endsWith("/") ? url : url + "/";
    }

    /** Never prints the token: records print every component, and properties end up in logs and actuator output. */
    @Override
    public String toString() {
        return "SlackProperties[botToken=" + (botToken == null || botToken.isBlank() ? "(none)" : "(set)") + ", apiUrl="
                + apiUrl + "]";
    }
}
