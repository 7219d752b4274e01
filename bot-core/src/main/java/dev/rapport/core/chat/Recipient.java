package dev.rapport.core.chat;

import dev.rapport.core.i18n.Languages;
import java.util.Locale;
import java.util.Objects;

/**
 * Who a message goes to: a direct message to one person on one platform.
 *
 * @param language the language the recipient reads, as the outbox resolved it when it claimed their message: an
 *     adapter writes its own few words of a message (a note that buttons come later, a table's "…and 3 more") in it
 */
public record Recipient(Platform platform, String workspaceId, String userId, String displayName, Locale language) {

    /** A recipient who reads English (the fallback). */
    public Recipient(Platform platform, String workspaceId, String userId, String displayName) {
        this(platform, workspaceId, userId, displayName, Languages.ENGLISH);
    }

    public Recipient {
        language = Objects.requireNonNullElse(language, Languages.ENGLISH);
    }
}
