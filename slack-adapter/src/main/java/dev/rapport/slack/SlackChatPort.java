package dev.rapport.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.conversations.ConversationsOpenRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.model.Conversation;
import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatPort;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import dev.rapport.core.chat.SendResult;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's {@link ChatPort} on Slack's Web API, through the Slack SDK's synchronous client: a direct message is
 * {@code conversations.open} (once per user: the DM channel is cached) then {@code chat.postMessage} with the Block
 * Kit from {@link BlockKitRenderer} and its fallback text.
 *
 * <p>The synchronous client on purpose: it does not retry, so every 429 and 5xx comes back here and is reported to
 * the dispatcher, which owns pacing, backoff and ordering (the SDK's async client retries forever, cannot be
 * cancelled and does not keep order; DESIGN.md). What Slack says becomes a {@link SendResult}:
 *
 * <ul>
 *   <li>{@code ok} → {@link SendResult.Sent} with the message's {@code ts};
 *   <li>HTTP 429 (or a {@code ratelimited} error) → {@link SendResult.RateLimited} after {@code Retry-After} seconds,
 *       1 s if the header is missing;
 *   <li>HTTP 5xx, other unexpected statuses, network errors and timeouts, Slack's own internal errors → {@link
 *       SendResult.TransientFailure};
 *   <li>the person cannot be reached ({@link #UNREACHABLE}) → {@link SendResult.Unreachable}; the message can never
 *       be accepted ({@link #UNACCEPTABLE}) → {@link SendResult.PermanentFailure};
 *   <li>the cached DM channel is stale ({@link #STALE_CHANNEL}) → {@link SendResult.TransientFailure}, reopened next
 *       time;
 *   <li>the token is wrong ({@link #TOKEN_PROBLEMS}) → {@link SendResult.TransientFailure} saying an operator must fix
 *       it: nothing is wrong with the message, and the dispatcher's backoff keeps it from retrying tightly.
 * </ul>
 *
 * <p>Neither the token nor message contents are ever logged or put into a reason; reasons name the Slack method and
 * error code only.
 */
public final class SlackChatPort implements ChatPort, AutoCloseable {

    /**
     * The default pace handed to the dispatcher per workspace: 5 messages/s = 300/min, the bottom of Slack's "several
     * hundred per minute" workspace-wide allowance for {@code chat.postMessage} (DESIGN.md, Scale). Each DM goes to
     * its own channel, so Slack's ~1/s per channel rarely binds; a 429 that still comes is honoured through
     * {@link SendResult.RateLimited}.
     */
    public static final double MAX_SENDS_PER_SECOND_PER_WORKSPACE = SlackProperties.DEFAULT_SENDS_PER_SECOND;

    /** How many DM channels are remembered: beyond it the least recently used is forgotten and reopened on need. */
    static final int DM_CACHE_SIZE = 10_000;

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
            "msg_too_long",
            "no_text",
            "too_many_attachments",
            "restricted_action");

    /** The bot token is wrong: an operator must set a valid one. */
    static final Set<String> TOKEN_PROBLEMS = Set.of(
            "invalid_auth",
            "not_authed",
            "token_revoked",
            "token_expired",
            "missing_scope",
            "not_allowed_token_type",
            // Slack: "the token is for a deleted user or workspace" – the bot's own token, not the recipient.
            "account_inactive");

    private static final Logger log = LoggerFactory.getLogger(SlackChatPort.class);

    private final SlackApi api;
    private final boolean ownsApi;
    private final SlackTokens tokens;
    private final double sendsPerSecond;
    private final BlockKitRenderer renderer = new BlockKitRenderer();
    private final Map<String, String> dmChannels = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > DM_CACHE_SIZE;
        }
    });

    /** A port on the application's Slack SDK instance, with the bot token of each workspace from {@code tokens}. */
    public SlackChatPort(SlackApi api, SlackTokens tokens, double sendsPerSecond) {
        this(api, false, tokens, sendsPerSecond);
    }

    /** A port of its own for one workspace's bot token: for tests and tools; closing it closes its SDK instance. */
    public SlackChatPort(SlackProperties properties) {
        this(
                new SlackApi(requireToken(properties)),
                true,
                SlackTokens.single(properties.botToken()),
                properties.sendsPerSecond());
    }

    private SlackChatPort(SlackApi api, boolean ownsApi, SlackTokens tokens, double sendsPerSecond) {
        this.api = api;
        this.ownsApi = ownsApi;
        this.tokens = tokens;
        this.sendsPerSecond = sendsPerSecond;
    }

    private static SlackProperties requireToken(SlackProperties properties) {
        if (properties.botToken() == null || properties.botToken().isBlank()) {
            throw new IllegalArgumentException("Slack needs a bot token: set RAPPORT_SLACK_BOT_TOKEN");
        }
        return properties;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public double maxSendsPerSecondPerWorkspace() {
        return sendsPerSecond;
    }

    @Override
    public SendResult send(Recipient recipient, ChatMessage message) {
        Optional<String> token = tokens.botToken(recipient.workspaceId());
        if (token.isEmpty()) {
            // Rapport was uninstalled from the workspace: nothing can reach anyone there until it is installed again.
            return logged(
                    recipient,
                    new SendResult.TransientFailure("Slack: Rapport is not installed in workspace "
                            + recipient.workspaceId() + "; install it again to resume messages there"));
        }
        MethodsClient methods = api.methods(token.get());
        String key = recipient.workspaceId() + "/" + recipient.userId();
        String channel = dmChannels.get(key);
        if (channel == null) {
            SendResult failed;
            try {
                ConversationsOpenResponse opened = methods.conversationsOpen(ConversationsOpenRequest.builder()
                        .users(List.of(recipient.userId()))
                        .build());
                Conversation conversation = opened.getChannel();
                if (opened.isOk() && conversation != null && conversation.getId() != null) {
                    channel = conversation.getId();
                    dmChannels.put(key, channel);
                    failed = null;
                } else {
                    failed = fromError("conversations.open", opened.isOk() ? "no_channel" : opened.getError());
                }
            } catch (SlackApiException e) {
                failed = fromHttp("conversations.open", e);
            } catch (IOException e) {
                failed = network("conversations.open", e);
            }
            if (failed != null) {
                return logged(recipient, failed);
            }
        }
        try {
            ChatPostMessageResponse posted = methods.chatPostMessage(ChatPostMessageRequest.builder()
                    .channel(channel)
                    .text(renderer.fallbackText(message))
                    .blocks(renderer.blocks(message))
                    // The renderer escapes user input; no link or mention parsing of the fallback text either.
                    .linkNames(false)
                    .unfurlLinks(false)
                    .unfurlMedia(false)
                    .build());
            if (posted.isOk()) {
                return new SendResult.Sent(posted.getTs());
            }
            SendResult failed = fromError("chat.postMessage", posted.getError());
            if (STALE_CHANNEL.contains(posted.getError()) || failed instanceof SendResult.Unreachable) {
                // The channel may be what is wrong (closed, archived): the next send to this person opens it afresh.
                dmChannels.remove(key);
            }
            return logged(recipient, failed);
        } catch (SlackApiException e) {
            return logged(recipient, fromHttp("chat.postMessage", e));
        } catch (IOException e) {
            return logged(recipient, network("chat.postMessage", e));
        }
    }

    /** Closes the SDK instance if this port made its own; a shared one is closed by its owner. */
    @Override
    public void close() throws Exception {
        if (ownsApi) {
            api.close();
        }
    }

    static SendResult fromError(String method, String error) {
        String code = error == null ? "unknown_error" : error;
        if (code.equals("ratelimited") || code.equals("rate_limited")) {
            return new SendResult.RateLimited(DEFAULT_RETRY_AFTER);
        }
        if (UNREACHABLE.contains(code)) {
            return new SendResult.Unreachable("Slack " + method + ": " + code);
        }
        if (UNACCEPTABLE.contains(code)) {
            return new SendResult.PermanentFailure("Slack " + method + ": " + code);
        }
        if (TOKEN_PROBLEMS.contains(code)) {
            return new SendResult.TransientFailure("Slack " + method + ": " + code
                    + ": Slack rejected the bot token; an operator must set a valid RAPPORT_SLACK_BOT_TOKEN");
        }
        return new SendResult.TransientFailure("Slack " + method + ": " + code);
    }

    static SendResult fromHttp(String method, SlackApiException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code();
        if (status == 429) {
            return new SendResult.RateLimited(retryAfter(e.getResponse().header("Retry-After")));
        }
        return new SendResult.TransientFailure("Slack " + method + ": HTTP " + status);
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

    private static SendResult network(String method, IOException e) {
        // The exception's message may carry a URL or a body fragment: only its type is reported.
        return new SendResult.TransientFailure(
                "Slack " + method + ": " + e.getClass().getSimpleName());
    }

    private static SendResult logged(Recipient recipient, SendResult result) {
        switch (result) {
            case SendResult.Unreachable u ->
                log.warn(
                        "Slack DM to {} in {} is impossible, marked unreachable: {}",
                        recipient.userId(),
                        recipient.workspaceId(),
                        u.reason());
            case SendResult.PermanentFailure f ->
                log.warn(
                        "Slack DM to {} in {} failed for good: {}",
                        recipient.userId(),
                        recipient.workspaceId(),
                        f.reason());
            case SendResult.TransientFailure f ->
                log.info(
                        "Slack DM to {} in {} failed, will retry: {}",
                        recipient.userId(),
                        recipient.workspaceId(),
                        f.reason());
            case SendResult.RateLimited r ->
                log.debug("Slack rate-limited a DM in {}: retry after {}", recipient.workspaceId(), r.retryAfter());
            case SendResult.Sent s -> {}
        }
        return result;
    }
}
