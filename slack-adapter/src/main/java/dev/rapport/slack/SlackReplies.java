package dev.rapport.slack;

import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.conversations.ConversationsOpenRequest;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.command.Reply;
import dev.rapport.core.i18n.Catalogue;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How Rapport's answers reach a person in Slack: a command's reply through its {@code response_url} (ephemeral unless
 * the core says otherwise), a clicked message replaced with {@code chat.update}, a private note with
 * {@code chat.postEphemeral}, and a reply with no {@code response_url} (a modal's submission) as a direct message.
 * Images and files the core attaches (a trend chart, a CSV export) are uploaded into the person's direct message with
 * {@code files.uploadV2}: ephemeral messages cannot carry files, and a DM keeps them private to that person.
 *
 * <p>Failures are logged with the Slack method and error code only, never message contents or tokens.
 */
final class SlackReplies {

    private static final Logger log = LoggerFactory.getLogger(SlackReplies.class);

    /** Attempts of one call that Slack answers 429, the first included. */
    static final int ATTEMPTS = 4;

    /** The longest a reply waits, in all, for Slack's rate limits to let it through. */
    static final Duration MOST_WAITED = Duration.ofSeconds(60);

    private final SlackApi api;
    private final Map<String, ReentrantLock> uploads = new ConcurrentHashMap<>();

    SlackReplies(SlackApi api) {
        this.api = api;
    }

    /**
     * Answers a command through its {@code response_url}, then uploads what it attaches into the person's DM. Each
     * method takes the {@code language} of the person answered, for the adapter's own words around the core's.
     */
    void respond(String responseUrl, String botToken, String userId, Reply reply, Locale language) throws IOException {
        BlockKitRenderer renderer = new BlockKitRenderer(language);
        SlashCommandResponse body = SlashCommandResponse.builder()
                .responseType(reply.ephemeral() ? "ephemeral" : "in_channel")
                .text(renderer.fallbackText(reply.message()))
                .blocks(renderer.blocks(reply.message()))
                .build();
        WebhookResponse sent =
                api.slack().send(responseUrl, GsonFactory.createSnakeCase().toJson(body));
        if (sent.getCode() != 200) {
            log.warn("Slack response_url answered HTTP {} to a command reply", sent.getCode());
        }
        uploadAttachments(botToken, userId, reply.message(), language);
    }

    /** Sends a reply as a direct message (a modal's submission has no {@code response_url}), with its attachments. */
    void directMessage(String botToken, String userId, ChatMessage message, Locale language) throws IOException {
        BlockKitRenderer renderer = new BlockKitRenderer(language);
        Optional<String> channel = openDm(botToken, userId);
        if (channel.isEmpty()) {
            return;
        }
        call(
                "chat.postMessage",
                () -> api.methods(botToken)
                        .chatPostMessage(ChatPostMessageRequest.builder()
                                .channel(channel.get())
                                .text(renderer.fallbackText(message))
                                .blocks(renderer.blocks(message))
                                .unfurlLinks(false)
                                .unfurlMedia(false)
                                .build())
                        .getError());
        uploadAttachments(botToken, userId, message, language);
    }

    /** Replaces a message Rapport posted (the check-in just answered) with its new version. */
    void update(String botToken, String channel, String ts, ChatMessage message, Locale language) {
        BlockKitRenderer renderer = new BlockKitRenderer(language);
        call(
                "chat.update",
                () -> api.methods(botToken)
                        .chatUpdate(ChatUpdateRequest.builder()
                                .channel(channel)
                                .ts(ts)
                                .text(renderer.fallbackText(message))
                                .blocks(renderer.blocks(message))
                                .build())
                        .getError());
    }

    /** A note only {@code userId} sees, in the channel of the message they used. */
    void notice(String botToken, String channel, String userId, String text, Locale language) {
        BlockKitRenderer renderer = new BlockKitRenderer(language);
        ChatMessage message = ChatMessage.text(text);
        call(
                "chat.postEphemeral",
                () -> api.methods(botToken)
                        .chatPostEphemeral(ChatPostEphemeralRequest.builder()
                                .channel(channel)
                                .user(userId)
                                .text(renderer.fallbackText(message))
                                .blocks(renderer.blocks(message))
                                .build())
                        .getError());
    }

    private void uploadAttachments(String botToken, String userId, ChatMessage message, Locale language)
            throws IOException {
        List<FilesUploadV2Request.UploadFile> files = new ArrayList<>();
        for (Block block : message.blocks()) {
            switch (block) {
                case Block.Image img ->
                    files.add(FilesUploadV2Request.UploadFile.builder()
                            .fileData(img.png())
                            .filename(fileName(img.altText()) + ".png")
                            .title(img.altText())
                            .altTxt(img.altText())
                            .build());
                case Block.Attachment a ->
                    files.add(FilesUploadV2Request.UploadFile.builder()
                            .fileData(a.content())
                            .filename(a.fileName())
                            .title(a.fileName())
                            .build());
                default -> {}
            }
        }
        if (files.isEmpty()) {
            return;
        }
        Optional<String> channel = openDm(botToken, userId);
        if (channel.isEmpty()) {
            return;
        }
        // One upload at a time per workspace: files.uploadV2 asks for an upload URL per file, all or nothing, so two
        // uploads taking turns at a nearly spent limit could each get some URLs and both be refused, again and again.
        ReentrantLock lock = uploads.computeIfAbsent(botToken, token -> new ReentrantLock());
        lock.lock();
        try {
            call("files.uploadV2", () -> {
                FilesUploadV2Response uploaded = api.methods(botToken)
                        .filesUploadV2(FilesUploadV2Request.builder()
                                .channel(channel.get())
                                .uploadFiles(files)
                                .initialComment(Catalogue.standard()
                                        .text(language, "slack.files.uploaded", "count", files.size()))
                                .build());
                return uploaded.getError();
            });
        } finally {
            lock.unlock();
        }
    }

    private Optional<String> openDm(String botToken, String userId) {
        return attempt(
                        "conversations.open",
                        () -> api.methods(botToken)
                                .conversationsOpen(ConversationsOpenRequest.builder()
                                        .users(List.of(userId))
                                        .build()))
                .flatMap(opened -> {
                    if (opened.isOk() && opened.getChannel() != null) {
                        return Optional.of(opened.getChannel().getId());
                    }
                    log.warn("Slack conversations.open for a reply failed: {}", opened.getError());
                    return Optional.empty();
                });
    }

    private static String fileName(String alt) {
        String cleaned = alt.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (cleaned.isEmpty()) {
            return "image";
        }
        return cleaned.length() > 60 ? cleaned.substring(0, 60) : cleaned;
    }

    /** A Web API call. */
    private interface Call<T> {
        T make() throws IOException, SlackApiException;
    }

    /** A Web API call whose only outcome of interest is its error code (null when ok), logged if any. */
    private static void call(String method, Call<String> call) {
        attempt(method, call).ifPresent(error -> log.warn("Slack {} failed: {}", method, error));
    }

    /**
     * Makes the call, and makes it again after Slack's {@code Retry-After} when Slack answers 429, up to
     * {@value #ATTEMPTS} times in all and as long as the waits add up to no more than {@link #MOST_WAITED}: a reply is
     * worth waiting a little for (coordinators asking for charts at once can pass a method's per-minute limit), not
     * forever. Replies run on the core's inbound work (virtual threads), never on Bolt's, so waiting holds up no other
     * person. Empty when the call failed (logged, with the method and status only).
     */
    private static <T> Optional<T> attempt(String method, Call<T> call) {
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.ofNullable(call.make());
            } catch (SlackApiException e) {
                int status = e.getResponse() == null ? 0 : e.getResponse().code();
                Duration wait = status == 429 ? retryAfter(e) : null;
                if (wait == null || attempt >= ATTEMPTS || waited.plus(wait).compareTo(MOST_WAITED) > 0) {
                    log.warn("Slack {} failed: HTTP {}", method, status);
                    return Optional.empty();
                }
                log.info("Slack {} answered 429; trying again in {} s", method, wait.toSeconds());
                waited = waited.plus(wait);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    log.warn("Slack {} failed: interrupted while waiting out a 429", method);
                    return Optional.empty();
                }
            } catch (IOException e) {
                log.warn("Slack {} failed: {}", method, e.getClass().getSimpleName());
                return Optional.empty();
            }
        }
    }

    /** Slack's {@code Retry-After} in whole seconds (1 s when absent or unreadable). */
    private static Duration retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            return Duration.ofSeconds(Math.max(1, header == null ? 1 : Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            return Duration.ofSeconds(1);
        }
    }
}
