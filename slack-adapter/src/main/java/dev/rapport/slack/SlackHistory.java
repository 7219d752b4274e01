package dev.rapport.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.conversations.ConversationsHistoryRequest;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import dev.rapport.core.chat.SendKey;
import dev.rapport.core.chat.SendResult;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out whether a message whose earlier send has an unknown outcome reached the DM after all. Every message
 * Rapport posts carries its outbox row's id in Slack's message metadata ({@link #metadata}); this reads the DM's
 * history since that send began ({@code conversations.history} with {@code include_all_metadata}) and looks for it.
 * Found, the message is not posted again.
 *
 * <p>Reading a DM's history needs the {@code im:history} scope. A workspace that did not grant it answers
 * {@code missing_scope}: from then on its messages in doubt are sent again (and may arrive twice), and this is
 * logged once per workspace, never per message. Rapport reads only the metadata of its own messages, and neither
 * stores nor logs anything it reads.
 */
final class SlackHistory {

    /** The metadata event type of every message Rapport posts. */
    static final String EVENT_TYPE = "rapport_outbox";

    static final String OUTBOX_ID = "outbox_id";

    /** How far before the doubtful send began to look: clocks differ between Rapport's instances and Slack. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(2);

    /** Pages of history read at most: a DM with Rapport gets a few messages a week, so one page nearly always does. */
    static final int MAX_PAGES = 5;

    private static final Logger log = LoggerFactory.getLogger(SlackHistory.class);

    private final boolean enabled;
    private final Set<String> withoutScope = ConcurrentHashMap.newKeySet();

    SlackHistory(boolean enabled) {
        this.enabled = enabled;
    }

    /** The metadata that marks a message as the outbox row {@code outboxId}. */
    static Message.Metadata metadata(long outboxId) {
        return Message.Metadata.builder()
                .eventType(EVENT_TYPE)
                .eventPayload(Map.of(OUTBOX_ID, Long.toString(outboxId)))
                .build();
    }

    /** Whether history can be read in this workspace (not turned off, not refused for lack of the scope). */
    boolean usable(String teamId) {
        return enabled && !withoutScope.contains(teamId);
    }

    /**
     * The earlier message, as {@link SendResult.Sent} with {@code alreadyThere}, or empty when it is not in the DM (or
     * cannot be looked for: then the caller posts again). A failure to read is reported as what it means (a rate
     * limit, Slack being unavailable), and the message stays in doubt for the next attempt.
     */
    Optional<SendResult> find(MethodsClient methods, String teamId, String channel, SendKey key) {
        Instant from = key.unknownSince().minus(CLOCK_MARGIN);
        String oldest = from.getEpochSecond() + "." + String.format("%06d", from.getNano() / 1000);
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ConversationsHistoryResponse answer;
            try {
                answer = methods.conversationsHistory(ConversationsHistoryRequest.builder()
                        .channel(channel)
                        .oldest(oldest)
                        .inclusive(true)
                        .includeAllMetadata(true)
                        .limit(200)
                        .cursor(cursor)
                        .build());
            } catch (SlackApiException e) {
                return Optional.of(SlackAnswers.fromHttp("conversations.history", e, false));
            } catch (IOException e) {
                return Optional.of(SlackAnswers.network("conversations.history", e, false));
            }
            if (!answer.isOk()) {
                if ("missing_scope".equals(answer.getError())) {
                    if (withoutScope.add(teamId)) {
                        log.warn(
                                "Slack workspace {} has not granted im:history: a message whose first send has an unknown"
                                        + " outcome (after a crash or a timeout) is sent again there and may arrive twice."
                                        + " Reinstall the app with the manifest's scopes to avoid it.",
                                teamId);
                    }
                    return Optional.empty();
                }
                return Optional.of(SlackAnswers.fromError("conversations.history", answer.getError(), false));
            }
            if (answer.getMessages() != null) {
                for (Message m : answer.getMessages()) {
                    if (isTheOne(m.getMetadata(), key.outboxId())) {
                        return Optional.of(new SendResult.Sent(m.getTs(), true));
                    }
                }
            }
            cursor = answer.getResponseMetadata() == null
                    ? null
                    : answer.getResponseMetadata().getNextCursor();
            if (cursor == null || cursor.isBlank()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean isTheOne(Message.Metadata metadata, long outboxId) {
        return metadata != null
                && EVENT_TYPE.equals(metadata.getEventType())
                && metadata.getEventPayload() != null
                && Long.toString(outboxId)
                        .equals(String.valueOf(metadata.getEventPayload().get(OUTBOX_ID)));
    }
}
