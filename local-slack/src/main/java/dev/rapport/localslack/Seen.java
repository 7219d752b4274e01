package dev.rapport.localslack;

import java.util.Map;

/**
 * One thing a person sees in Slack, as {@link LocalSlack#screenOf} lists them in the order they appeared: the app's
 * DM messages with their later edits applied, ephemeral messages, replies through {@code response_url} and in a
 * command's acknowledgement, modals, files shared with them, and what they wrote themselves.
 *
 * @param kind what it is
 * @param id the message's {@code ts}, the modal's view id, or the file id
 * @param channel where it is shown ({@code null} for a modal)
 * @param from who it is from: the app's bot user id, or the person's own id for what they wrote
 * @param text the message text, the modal's title, or the file's title
 * @param blocksJson its blocks as JSON text, or {@code null}
 * @param edited changed since it first appeared ({@code chat.update}, {@code replace_original}, {@code views.update})
 * @param open a modal still open; always {@code true} for the other kinds
 * @param errors a modal's field errors from {@code response_action: errors}, by block id
 * @param via how it got there: {@code chat.postMessage}, {@code chat.postEphemeral}, {@code response_url},
 *     {@code ack}, {@code views.open}, {@code files.completeUploadExternal}, {@code user}
 */
public record Seen(
        Kind kind,
        String id,
        String channel,
        String from,
        String text,
        String blocksJson,
        boolean edited,
        boolean open,
        Map<String, String> errors,
        String via) {

    public Seen {
        errors = Map.copyOf(errors);
    }

    /** What kind of thing a person sees. */
    public enum Kind {
        /** A message in the DM or channel, everyone there sees it. */
        MESSAGE,
        /** A message only this person sees. */
        EPHEMERAL,
        /** A modal. */
        MODAL,
        /** A file shared into the conversation. */
        FILE
    }
}
