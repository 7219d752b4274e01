package dev.rapport.localslack;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A file the local Slack holds: uploaded by the app ({@code files.getUploadURLExternal}, the upload, then
 * {@code files.completeUploadExternal}) or by a person ({@link SlackUser#upload}, as a modal's {@code file_input}
 * does). Its bytes can be downloaded from {@link #urlPrivate()} with a bot token of the workspace.
 *
 * @param id the file id ({@code F…})
 * @param teamId the workspace
 * @param userId who uploaded it (the bot user for the app's uploads)
 * @param name the file name
 * @param title the title shown in Slack
 * @param altTxt an image's description for screen readers ({@code alt_txt} of {@code files.getUploadURLExternal}), or
 *     {@code null}
 * @param mimetype the type guessed from the name
 * @param bytes the content
 * @param channels the channels it was shared to (empty until shared)
 * @param initialComment the comment posted with it, or {@code null}
 * @param urlPrivate where an authorised client downloads it
 */
public record UploadedFile(
        String id,
        String teamId,
        String userId,
        String name,
        String title,
        String altTxt,
        String mimetype,
        byte[] bytes,
        List<String> channels,
        String initialComment,
        String urlPrivate) {

    public UploadedFile {
        bytes = bytes.clone();
        channels = List.copyOf(channels);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The content as UTF-8 text (a CSV, say). */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
