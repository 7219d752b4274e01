package dev.rapport.localdiscord;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file that travelled through the local Discord: one the bot uploaded with a message ({@code files[n]} parts of a
 * {@code multipart/form-data} request), or one a user attached to a slash command option.
 *
 * @param id the attachment's snowflake
 * @param filename the file name, as uploaded
 * @param contentType the part's content type, or {@code application/octet-stream} when none was given
 * @param description the attachment's description (alt text) from {@code payload_json}, or {@code null}
 * @param url where the local Discord serves the bytes, as Discord's CDN would
 */
public record UploadedFile(long id, String filename, String contentType, String description, byte[] bytes, String url) {

    public UploadedFile {
        Objects.requireNonNull(filename);
        Objects.requireNonNull(contentType);
        bytes = bytes.clone();
    }

    /** A copy of the file's bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes as UTF-8 text: handy for the CSV exports a test wants to read. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UploadedFile f
                && f.id == id
                && f.filename.equals(filename)
                && f.contentType.equals(contentType)
                && Objects.equals(f.description, description)
                && Arrays.equals(f.bytes, bytes)
                && Objects.equals(f.url, url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, filename, contentType, description, Arrays.hashCode(bytes), url);
    }

    @Override
    public String toString() {
        return "UploadedFile[" + filename + ", " + contentType + ", " + bytes.length + " bytes]";
    }
}
