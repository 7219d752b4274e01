package dev.rapport.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.conversations.ConversationsOpenRequest;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.model.Conversation;
import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatPort;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import dev.rapport.core.chat.SendKey;
import dev.rapport.core.chat.SendResult;
import dev.rapport.core.pace.Limit;
import dev.rapport.core.pace.RateLimits;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's {@link ChatPort} on Slack's Web API, through the Slack SDK's synchronous client: a direct message is
 * {@code conversations.open} (once per user: the DM channel is cached) then {@code chat.postMessage} with the Block
 * Kit from {@link BlockKitRenderer}, its fallback text, and the outbox row's id in the message's metadata.
 *
 * <p>The synchronous client on purpose: it does not retry, so every 429 and 5xx comes back here and is reported to
 * the dispatcher, which owns backoff and ordering (the SDK's async client retries forever, cannot be cancelled and
 * does not keep order). Each call first takes its turn under the workspace's rate limit for that method, shared by
 * every instance of Rapport ({@link RateLimits}); a turn that would take longer than the call timeout is reported as
 * {@link SendResult.RateLimited} with nothing sent. What Slack says becomes a {@link SendResult} as
 * {@link SlackAnswers} describes.
 *
 * <p>A message whose earlier send has an unknown outcome is first looked for in the DM by its metadata
 * ({@link SlackHistory}); found, it is not posted again.
 *
 * <p>Neither the token nor message contents are ever logged or put into a reason; reasons name the Slack method and
 * error code only.
 */
public final class SlackChatPort implements ChatPort, AutoCloseable {

    /** How many DM channels are remembered: beyond it the least recently used is forgotten and reopened on need. */
    static final int DM_CACHE_SIZE = 10_000;

    /** Slack's Tier 3, for {@code conversations.history}: 50 a minute, taken a little under. */
    static final double HISTORY_PER_SECOND = 48 / 60d;

    private static final Logger log = LoggerFactory.getLogger(SlackChatPort.class);

    private final SlackApi api;
    private final boolean ownsApi;
    private final SlackTokens tokens;
    private final RateLimits limits;
    private final double sendsPerSecond;
    private final double opensPerSecond;
    private final Duration maxWait;
    private final SlackHistory history;
    private final Map<String, String> dmChannels = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > DM_CACHE_SIZE;
        }
    });

    /**
     * A port on the application's Slack SDK instance, with the bot token of each workspace from {@code tokens}, keeping
     * to the limits in {@code properties} through {@code limits}.
     */
    public SlackChatPort(SlackApi api, SlackTokens tokens, RateLimits limits, SlackProperties properties) {
        this(api, false, tokens, limits, properties);
    }

    /**
     * A port of its own for one workspace's bot token, with limits kept in this process: for tests and tools; closing
     * it closes its SDK instance.
     */
    public SlackChatPort(SlackProperties properties) {
        this(
                new SlackApi(requireToken(properties)),
                true,
                SlackTokens.single(properties.botToken()),
                RateLimits.inMemory(),
                properties);
    }

    private SlackChatPort(
            SlackApi api, boolean ownsApi, SlackTokens tokens, RateLimits limits, SlackProperties properties) {
        this.api = api;
        this.ownsApi = ownsApi;
        this.tokens = tokens;
        this.limits = limits;
        this.sendsPerSecond = properties.sendsPerSecond();
        this.opensPerSecond = properties.opensPerMinute() / 60;
        this.maxWait = properties.callTimeout();
        this.history = new SlackHistory(properties.historyCheck());
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
    public SendResult send(Recipient recipient, ChatMessage message, SendKey key) {
        Optional<String> token = tokens.botToken(recipient.workspaceId());
        if (token.isEmpty()) {
            return logged(recipient, notInstalled(recipient.workspaceId()));
        }
        MethodsClient methods = api.methods(token.get());
        String cacheKey = recipient.workspaceId() + "/" + recipient.userId();
        String channel = dmChannels.get(cacheKey);
        if (channel == null) {
            SendResult opened = open(methods, recipient);
            if (!(opened instanceof SendResult.Sent s)) {
                return logged(recipient, opened);
            }
            channel = s.messageId();
            dmChannels.put(cacheKey, channel);
        }
        if (key.inDoubt() && history.usable(recipient.workspaceId())) {
            if (!turn(recipient, "conversations.history", HISTORY_PER_SECOND, 5)) {
                return new SendResult.RateLimited(SlackAnswers.DEFAULT_RETRY_AFTER);
            }
            Optional<SendResult> found = history.find(methods, recipient.workspaceId(), channel, key);
            if (found.isPresent()) {
                return logged(recipient, found.get());
            }
        }
        if (!turn(recipient, "chat.postMessage", sendsPerSecond, (int) Math.max(1, Math.round(sendsPerSecond)))) {
            return new SendResult.RateLimited(SlackAnswers.DEFAULT_RETRY_AFTER);
        }
        // The adapter's own words in the message (a note, a fallback) are in the recipient's language.
        BlockKitRenderer renderer = new BlockKitRenderer(recipient.language());
        try {
            ChatPostMessageResponse posted = methods.chatPostMessage(ChatPostMessageRequest.builder()
                    .channel(channel)
                    .text(renderer.fallbackText(message))
                    .blocks(renderer.blocks(message))
                    .metadata(SlackHistory.metadata(key.outboxId()))
                    // The renderer escapes user input; no link or mention parsing of the fallback text either.
                    .linkNames(false)
                    .unfurlLinks(false)
                    .unfurlMedia(false)
                    .build());
            if (posted.isOk()) {
                return new SendResult.Sent(posted.getTs());
            }
            SendResult failed = SlackAnswers.fromError("chat.postMessage", posted.getError(), true);
            if (SlackAnswers.STALE_CHANNEL.contains(posted.getError()) || failed instanceof SendResult.Unreachable) {
                // The channel may be what is wrong (closed, archived): the next send to this person opens it afresh.
                dmChannels.remove(cacheKey);
            }
            return logged(recipient, failed);
        } catch (SlackApiException e) {
            return logged(recipient, SlackAnswers.fromHttp("chat.postMessage", e, true));
        } catch (IOException e) {
            return logged(recipient, SlackAnswers.network("chat.postMessage", e, true));
        }
    }

    /** Opens the DM: the channel id as {@link SendResult.Sent}'s message id, or what went wrong. */
    private SendResult open(MethodsClient methods, Recipient recipient) {
        if (!turn(recipient, "conversations.open", opensPerSecond, 10)) {
            return new SendResult.RateLimited(SlackAnswers.DEFAULT_RETRY_AFTER);
        }
        try {
            ConversationsOpenResponse opened = methods.conversationsOpen(ConversationsOpenRequest.builder()
                    .users(List.of(recipient.userId()))
                    .build());
            Conversation conversation = opened.getChannel();
            if (opened.isOk() && conversation != null && conversation.getId() != null) {
                return new SendResult.Sent(conversation.getId());
            }
            return SlackAnswers.fromError(
                    "conversations.open", opened.isOk() ? "no_channel" : opened.getError(), false);
        } catch (SlackApiException e) {
            return SlackAnswers.fromHttp("conversations.open", e, false);
        } catch (IOException e) {
            return SlackAnswers.network("conversations.open", e, false);
        }
    }

    /** Waits for a turn under the workspace's limit for {@code method}, shared with every instance. */
    private boolean turn(Recipient recipient, String method, double perSecond, int burst) {
        return limits.acquire(new Limit("slack:" + recipient.workspaceId() + ":" + method, perSecond, burst), maxWait);
    }

    /** {@code auth.test} with the workspace's token: Slack answers, and accepts the token. */
    @Override
    public Probe probe(String workspaceId) {
        Optional<String> token = tokens.botToken(workspaceId);
        if (token.isEmpty()) {
            return Probe.down(((SendResult.Unavailable) notInstalled(workspaceId)).reason());
        }
        try {
            AuthTestResponse answer = api.methods(token.get()).authTest(r -> r);
            return answer.isOk() ? Probe.up() : Probe.down("Slack auth.test: " + answer.getError());
        } catch (SlackApiException e) {
            return Probe.down("Slack auth.test: HTTP "
                    + (e.getResponse() == null ? 0 : e.getResponse().code()));
        } catch (IOException e) {
            return Probe.down("Slack auth.test: " + e.getClass().getSimpleName());
        }
    }

    /** Rapport was uninstalled from the workspace: nothing can reach anyone there until it is installed again. */
    private static SendResult notInstalled(String workspaceId) {
        return new SendResult.Unavailable(
                SendResult.Unavailable.Scope.WORKSPACE,
                "Slack: Rapport is not installed in workspace " + workspaceId
                        + "; install it again to resume messages there",
                false);
    }

    /** Closes the SDK instance if this port made its own; a shared one is closed by its owner. */
    @Override
    public void close() throws Exception {
        if (ownsApi) {
            api.close();
        }
    }

    /**
     * Logs what concerns one person. Outages are not logged here: the dispatcher logs each outage once, where a line
     * per message would flood the log for the length of it.
     */
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
            case SendResult.Sent s
            when s.alreadyThere() ->
                log.info(
                        "Slack DM to {} in {} was found in the DM from an earlier send: not sent again",
                        recipient.userId(),
                        recipient.workspaceId());
            case SendResult.RateLimited r ->
                log.debug("Slack rate-limited a DM in {}: retry after {}", recipient.workspaceId(), r.retryAfter());
            case SendResult.Unavailable u ->
                log.debug("Slack unavailable for {}: {}", recipient.workspaceId(), u.reason());
            case SendResult.NotConnected n ->
                log.debug("Slack DM in {} not sent: {}", recipient.workspaceId(), n.reason());
            case SendResult.Sent s -> {}
        }
        return result;
    }
}
