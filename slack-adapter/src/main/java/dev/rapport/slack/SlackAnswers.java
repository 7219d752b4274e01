package dev.rapport.slack;

import com.slack.api.methods.SlackApiException;
import dev.rapport.core.chat.SendResult;
import dev.rapport.core.chat.SendResult.Unavailable.Scope;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;

/**
 * What Slack's answers to a Web API call mean for a message: whose problem a failure is (Slack's, the workspace's
 * install, or the recipient's), and whether the message may have been posted all the same.
 *
 * <ul>
 *   <li>HTTP 429 (or a {@code ratelimited} error) → {@link SendResult.RateLimited} after {@code Retry-After} seconds, 1
 *       s if the header is missing;
 *   <li>Slack failing as a whole (HTTP 5xx, Slack's own internal errors, network errors, timeouts), and the
 *       workspace's install failing (a revoked or invalid token, the app uninstalled) → {@link SendResult.Unavailable}
 *       for the workspace: the message waits, probing finds the recovery, no attempt is spent. A post that may have
 *       reached Slack before the failure (a timeout, a dropped connection, a 500) says so, so the retry first looks
 *       for it;
 *   <li>the person cannot be reached ({@link #UNREACHABLE}) → {@link SendResult.Unreachable}; the message can never be
 *       accepted ({@link #UNACCEPTABLE}) → {@link SendResult.PermanentFailure};
 *   <li>anything else about this message (a stale DM channel) → {@link SendResult.TransientFailure}, retried a few
 *       times.
 * </ul>
 *
 * <p>Reasons name the Slack method and error code only: never the token, nor a message's contents.
 */
final class SlackAnswers {

    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    /**
     * The person cannot receive DMs from the app: retrying will not change that, so they are marked unreachable
     * until they use Rapport again.
     */
    static final Set<String> UNREACHABLE =
            Set.of("cannot_dm_user", "user_not_found", "users_not_found", "user_disabled", "messages_tab_disabled");

    /**
     * The cached DM channel is the problem (closed, archived, never joined): forgotten, and the next attempt opens
     * the DM afresh.
     */
    static final Set<String> STALE_CHANNEL = Set.of("channel_not_found", "not_in_channel", "is_archived");

    /** Slack refuses this message as it is; sending it again cannot help. */
    static final Set<String> UNACCEPTABLE = Set.of(
            "invalid_blocks",
            "invalid_blocks_format",
            "invalid_metadata_format",
            "invalid_metadata_schema",
            "msg_too_long",
            "no_text",
            "too_many_attachments",
            "restricted_action");

    /** The workspace's install is what is wrong: an operator (or the workspace) must act; no message is at fault. */
    static final Set<String> TOKEN_PROBLEMS = Set.of(
            "invalid_auth",
            "not_authed",
            "token_revoked",
            "token_expired",
            "not_allowed_token_type",
            "team_access_not_granted",
            // Slack: "the token is for a deleted user or workspace" – the bot's own token, not the recipient.
            "account_inactive");

    /** Slack's own trouble, as error codes in a 200 answer. */
    static final Set<String> SLACK_TROUBLE =
            Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout");

    private SlackAnswers() {}

    /**
     * A Slack error code in an {@code ok: false} answer.
     *
     * @param posting whether the call was the one that posts the message, so a failure may hide a posted message
     */
    static SendResult fromError(String method, String error, boolean posting) {
        String code = error == null ? "unknown_error" : error;
        String reason = "Slack " + method + ": " + code;
        if (code.equals("ratelimited") || code.equals("rate_limited")) {
            return new SendResult.RateLimited(DEFAULT_RETRY_AFTER);
        }
        if (UNREACHABLE.contains(code)) {
            return new SendResult.Unreachable(reason);
        }
        if (UNACCEPTABLE.contains(code)) {
            return new SendResult.PermanentFailure(reason);
        }
        if (TOKEN_PROBLEMS.contains(code) || code.equals("missing_scope")) {
            return new SendResult.Unavailable(
                    Scope.WORKSPACE,
                    reason + ": Slack rejected the bot token or its scopes; the workspace must reinstall Rapport or an"
                            + " operator must set a valid RAPPORT_SLACK_BOT_TOKEN",
                    false);
        }
        if (SLACK_TROUBLE.contains(code)) {
            return new SendResult.Unavailable(Scope.WORKSPACE, reason, posting && !code.equals("service_unavailable"));
        }
        return new SendResult.TransientFailure(reason);
    }

    /** An HTTP status other than 200. */
    static SendResult fromHttp(String method, SlackApiException e, boolean posting) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code();
        if (status == 429) {
            return new SendResult.RateLimited(retryAfter(e.getResponse().header("Retry-After")));
        }
        String reason = "Slack " + method + ": HTTP " + status;
        if (status >= 500) {
            // A gateway that answered 502/503/504 passed nothing on; a 500 from Slack itself may have come after
            // the message was stored.
            boolean mayHaveArrived = posting && status != 502 && status != 503 && status != 504;
            return new SendResult.Unavailable(Scope.WORKSPACE, reason, mayHaveArrived);
        }
        if (status == 401 || status == 403) {
            return new SendResult.Unavailable(Scope.WORKSPACE, reason, false);
        }
        return new SendResult.TransientFailure(reason);
    }

    /**
     * A network failure. A connection never made cannot have posted anything; any other failure (a timeout, a
     * connection lost while waiting for the answer) may have come after Slack stored the message.
     */
    static SendResult network(String method, IOException e, boolean posting) {
        boolean neverConnected = e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException;
        boolean mayHaveArrived = posting && !neverConnected;
        // The exception's message may carry a URL or a body fragment: only its type is reported.
        String kind =
                e instanceof InterruptedIOException ? "timeout" : e.getClass().getSimpleName();
        return new SendResult.Unavailable(Scope.WORKSPACE, "Slack " + method + ": " + kind, mayHaveArrived);
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_RETRY_AFTER;
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER; // Slack sends whole seconds; an HTTP date is not expected
        }
    }
}
