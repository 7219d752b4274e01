package dev.rapport.core.pair;

import dev.rapport.core.i18n.Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The file a coordinator attaches to {@code /rapport import}, as both adapters take it: at most {@link #MAX_BYTES}
 * (10,000 pairs' lines are well under it), read as UTF-8, never more than that read from the platform.
 */
public final class ImportFile {

    /** The largest file taken. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** What the coordinator is told of a larger one, not rendered yet. */
    public static final Text TOO_LARGE = Text.of("import.error.too-large", "mb", MAX_BYTES / (1024 * 1024));

    private ImportFile() {}

    /** Whether a file of {@code bytes}, as the platform gives its size, is over the limit. */
    public static boolean tooLarge(long bytes) {
        return bytes > MAX_BYTES;
    }

    /** The file's text, or empty when it turns out larger than the limit (reading stops just past it). */
    public static Optional<String> read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (tooLarge(bytes.length)) {
            return Optional.empty();
        }
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }
}
