package dev.rapport.discord;

import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.pair.ImportFile;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Files attached to a slash command's option: read from Discord's CDN, bounded in size and in time. */
final class DiscordAttachments {

    /** The text of an attached file, or a friendly reason why not. */
    record Attached(String text, String problem) {}

    private static final Logger log = LoggerFactory.getLogger(DiscordAttachments.class);

    private final Duration callTimeout;

    DiscordAttachments(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /** The file's text, or the problem with it in the person's {@code language}. */
    Attached read(Message.Attachment file, Locale language) {
        if (ImportFile.tooLarge(file.getSize())) {
            return new Attached(null, Catalogue.standard().text(language, ImportFile.TOO_LARGE));
        }
        try (InputStream in = file.getProxy().download().get(callTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            Optional<String> text = ImportFile.read(in);
            return text.map(t -> new Attached(t, null))
                    .orElseGet(() -> new Attached(null, Catalogue.standard().text(language, ImportFile.TOO_LARGE)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attached(null, Catalogue.standard().text(language, "discord.file.timeout"));
        } catch (Exception e) {
            // The exception may carry the file's URL: only its type is logged.
            log.warn("Downloading an attachment failed: {}", e.getClass().getSimpleName());
            return new Attached(null, Catalogue.standard().text(language, "discord.file.unreadable"));
        }
    }
}
