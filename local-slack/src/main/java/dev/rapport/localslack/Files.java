package dev.rapport.localslack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Uploads under way ({@code files.getUploadURLExternal} until {@code files.completeUploadExternal}) and held files.
 * Guarded by the {@link World}'s lock.
 */
final class Files {

    /** An upload URL handed out; {@code bytes} once something was posted to it. */
    static final class Pending {
        final String fileId;
        final String teamId;
        final String userId;
        final String filename;
        final long length;
        final String altTxt;
        final String secret;
        volatile byte[] bytes;

        Pending(
                String fileId,
                String teamId,
                String userId,
                String filename,
                long length,
                String altTxt,
                String secret) {
            this.fileId = fileId;
            this.teamId = teamId;
            this.userId = userId;
            this.filename = filename;
            this.length = length;
            this.altTxt = altTxt;
            this.secret = secret;
        }
    }

    private final Map<String, Pending> pendingBySecret = new LinkedHashMap<>();
    private final Map<String, Pending> pendingById = new LinkedHashMap<>();
    private final Map<String, UploadedFile> held = new LinkedHashMap<>();

    void pending(Pending p) {
        pendingBySecret.put(p.secret, p);
        pendingById.put(p.fileId, p);
    }

    Optional<Pending> pendingBySecret(String secret) {
        return Optional.ofNullable(pendingBySecret.get(secret));
    }

    Optional<Pending> pendingById(String id) {
        return Optional.ofNullable(pendingById.get(id));
    }

    void complete(Pending p, UploadedFile file) {
        pendingBySecret.remove(p.secret);
        pendingById.remove(p.fileId);
        held.put(file.id(), file);
    }

    void hold(UploadedFile file) {
        held.put(file.id(), file);
    }

    Optional<UploadedFile> get(String id) {
        return Optional.ofNullable(held.get(id));
    }

    List<UploadedFile> all() {
        return List.copyOf(held.values());
    }

    /** Slack's guess of a file's type from its name: the mimetype and the {@code filetype}. */
    static String[] typeOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (ext) {
            case "csv" -> new String[] {"text/csv", "csv"};
            case "txt" -> new String[] {"text/plain", "text"};
            case "png" -> new String[] {"image/png", "png"};
            case "jpg", "jpeg" -> new String[] {"image/jpeg", "jpg"};
            case "pdf" -> new String[] {"application/pdf", "pdf"};
            case "json" -> new String[] {"application/json", "json"};
            default -> new String[] {"application/octet-stream", "binary"};
        };
    }
}
