package dev.rapport.slack;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Slack connection, bound from the environment ({@code RAPPORT_SLACK_*}). Slack is on when either a bot token
 * (one workspace) or an OAuth client (many workspaces) is configured.
 *
 * @param mode how Slack reaches Rapport: {@code socket} (Socket Mode, no public URL; needs {@code appToken}) or
 *     {@code http} (Slack posts to {@code /slack/events}; needs {@code signingSecret}). Unset: socket when an app token
 *     is set, otherwise http
 * @param botToken the bot token ({@code xoxb-…}) of a single-workspace install
 * @param appToken the app-level token ({@code xapp-…}, scope {@code connections:write}) for Socket Mode
 * @param signingSecret the app's signing secret, which verifies every HTTP request from Slack
 * @param clientId the OAuth client id, for installs in many workspaces ({@code /slack/install})
 * @param clientSecret the OAuth client secret
 * @param tokenKey deprecated ({@code RAPPORT_SLACK_TOKEN_KEY}): the key that encrypted installed workspaces' bot tokens
 *     before version 6. Bot tokens are now sealed by the core's {@code Secrets} under {@code RAPPORT_SECRET_KEY}; this
 *     key stands in for it when it is not set, and lets the upgrade read tokens stored under it. Not read here
 * @param apiUrl the Web API's base URL, ending in {@code /api/}; {@code null} for Slack itself
 * @param callTimeout the longest one Web API call may take, {@value #DEFAULT_CALL_TIMEOUT_SECONDS} s if unset: a
 *     hanging Slack must not hold a dispatcher worker; the send is reported as a transient failure and retried
 * @param command the slash command Rapport answers to, {@code /rapport} unless the app's manifest names another
 * @param publicUrl where Slack and browsers reach Rapport's port 8080 (https://rapport.example.org), for the OAuth
 *     redirect ({@code /slack/oauth_redirect}); unset, Slack uses the redirect URL registered with the app
 * @param sendsPerSecond the most direct messages per second sent to one workspace by all instances together,
 *     {@value #DEFAULT_SENDS_PER_SECOND} (300 a minute, the bottom of Slack's "several hundred per minute") unless set;
 *     a 429 slows sending further
 * @param opensPerMinute the most direct-message channels opened per minute in one workspace by all instances together
 *     ({@code conversations.open}, Slack's Tier 3: "50+ per minute"), {@value #DEFAULT_OPENS_PER_MINUTE} unless set
 * @param historyCheck whether a message whose earlier send has an unknown outcome (a crash, a timeout) is first looked
 *     for in the DM ({@code conversations.history} with its metadata) before it is sent again; needs the
 *     {@code im:history} scope. On by default; without the scope, or set to false, such a message is sent again and
 *     may arrive twice
 * @param maxRequestBytes the largest request body {@code /slack/events} takes, {@value #DEFAULT_MAX_REQUEST_BYTES}
 *     bytes (1 MiB) unless set: several times Slack's largest real payloads (a modal's submission with every input
 *     full, a click that carries its whole message). A larger body gets 413 without being read whole
 */
@ConfigurationProperties("rapport.slack")
public record SlackProperties(
        String mode,
        String botToken,
        String appToken,
        String signingSecret,
        String clientId,
        String clientSecret,
        String tokenKey,
        URI apiUrl,
        Duration callTimeout,
        String command,
        URI publicUrl,
        Double sendsPerSecond,
        Double opensPerMinute,
        Boolean historyCheck,
        Long maxRequestBytes) {

    /** Slack's own Web API. */
    public static final URI SLACK_API = URI.create("https://slack.com/api/");

    static final long DEFAULT_CALL_TIMEOUT_SECONDS = 10;

    static final double DEFAULT_SENDS_PER_SECOND = 5;

    static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

    /** A little under Tier 3's 50 a minute, so the bucket of every instance together never quite reaches it. */
    static final double DEFAULT_OPENS_PER_MINUTE = 48;

    /** The bot scopes Rapport asks for: the fewest that do the job (see deploy/slack/manifest.yml for each one's use). */
    public static final String BOT_SCOPES = "commands,chat:write,im:write,im:history,users:read,files:read,files:write";

    public SlackProperties {
        if (callTimeout == null || callTimeout.isZero() || callTimeout.isNegative()) {
            callTimeout = Duration.ofSeconds(DEFAULT_CALL_TIMEOUT_SECONDS);
        }
        if (command == null || command.isBlank()) {
            command = "/rapport";
        }
        if (sendsPerSecond == null || sendsPerSecond <= 0) {
            sendsPerSecond = DEFAULT_SENDS_PER_SECOND;
        }
        if (opensPerMinute == null || opensPerMinute <= 0) {
            opensPerMinute = DEFAULT_OPENS_PER_MINUTE;
        }
        if (historyCheck == null) {
            historyCheck = true;
        }
        if (maxRequestBytes == null || maxRequestBytes <= 0) {
            maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        }
    }

    /** A single-workspace install with a bot token, for tests and the simplest setups. */
    public static SlackProperties singleWorkspace(String botToken, URI apiUrl) {
        return singleWorkspace(botToken, apiUrl, null);
    }

    /** As {@link #singleWorkspace(String, URI)}, with a bound on each call ({@code null}: the default). */
    public static SlackProperties singleWorkspace(String botToken, URI apiUrl, Duration callTimeout) {
        return new SlackProperties(
                null, botToken, null, null, null, null, null, apiUrl, callTimeout, null, null, null, null, null, null);
    }

    /** The base URL to call: {@link #apiUrl()} if set, with a trailing slash, otherwise Slack's. */
    public String methodsUrlPrefix() {
        String url = apiUrl == null ? SLACK_API.toString() : apiUrl.toString();
        return url.endsWith("/") ? url : url + "/";
    }

    /** The OAuth redirect URL to send to Slack, or null to let Slack use the one registered with the app. */
    public String oauthRedirectUrl() {
        if (publicUrl == null) {
            return null;
        }
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/slack/oauth_redirect";
    }

    /** Whether workspaces install Rapport through Slack's OAuth flow (otherwise one bot token serves one). */
    public boolean oauth() {
        return isSet(clientId);
    }

    /** Whether Socket Mode is used; otherwise Slack delivers over HTTP. */
    public boolean socketMode() {
        if (isSet(mode)) {
            return mode.strip().toLowerCase(Locale.ROOT).equals("socket");
        }
        return isSet(appToken);
    }

    /**
     * Checks that the settings make a working connection, with a message that says what to set. Called when Slack is
     * enabled, so a half-configured install fails at start rather than at the first message.
     */
    public void validate() {
        if (isSet(mode)
                && !mode.strip().equalsIgnoreCase("socket")
                && !mode.strip().equalsIgnoreCase("http")) {
            throw new IllegalStateException("RAPPORT_SLACK_MODE is \"" + mode + "\"; use socket or http.");
        }
        if (!isSet(botToken) && !oauth()) {
            throw new IllegalStateException(
                    "Slack needs RAPPORT_SLACK_BOT_TOKEN (one workspace) or RAPPORT_SLACK_CLIENT_ID and"
                            + " RAPPORT_SLACK_CLIENT_SECRET (installs in many workspaces).");
        }
        if (oauth() && !isSet(clientSecret)) {
            throw new IllegalStateException("RAPPORT_SLACK_CLIENT_ID is set: set RAPPORT_SLACK_CLIENT_SECRET too.");
        }
        if (oauth() && !isSet(signingSecret)) {
            throw new IllegalStateException(
                    "Installs through OAuth need Slack to reach /slack/oauth_redirect: set RAPPORT_SLACK_SIGNING_SECRET"
                            + " (the app's signing secret) as well.");
        }
        if (socketMode() && !isSet(appToken)) {
            throw new IllegalStateException(
                    "Socket Mode needs RAPPORT_SLACK_APP_TOKEN, an app-level token with connections:write.");
        }
        if (!socketMode() && !isSet(signingSecret)) {
            throw new IllegalStateException("Slack over HTTP needs RAPPORT_SLACK_SIGNING_SECRET to verify requests"
                    + " (or set RAPPORT_SLACK_APP_TOKEN to use Socket Mode, which needs no public URL).");
        }
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** Never prints a secret: records print every component, and properties end up in logs and actuator output. */
    @Override
    public String toString() {
        return "SlackProperties[mode=" + (socketMode() ? "socket" : "http") + ", botToken=" + shown(botToken)
                + ", appToken=" + shown(appToken) + ", signingSecret=" + shown(signingSecret) + ", clientId="
                + (isSet(clientId) ? clientId : "(none)") + ", clientSecret=" + shown(clientSecret) + ", tokenKey="
                + shown(tokenKey) + ", apiUrl=" + apiUrl + ", callTimeout=" + callTimeout + ", command=" + command
                + ", publicUrl=" + publicUrl + ", sendsPerSecond=" + sendsPerSecond + ", opensPerMinute="
                + opensPerMinute
                + ", historyCheck=" + historyCheck + ", maxRequestBytes=" + maxRequestBytes + "]";
    }

    private static String shown(String secret) {
        return isSet(secret) ? "(set)" : "(none)";
    }
}
