package dev.rapport.localdiscord;

import java.util.Objects;

/**
 * Typed values for slash command options that are not plain strings, numbers or booleans. In an options map, a
 * {@code String}, {@code Integer}/{@code Long}, {@code Double} or {@code Boolean} is taken as it is (and converted to
 * the registered option's type when the command is registered); use these for the rest:
 *
 * <pre>{@code
 * Map.of("mentor", Options.user(ANA), "file", Options.attachment("pairs.csv", "text/csv", bytes))
 * }</pre>
 */
public final class Options {

    private Options() {}

    /** A USER (type 6) option: the local Discord adds the user, and the member in a guild, to {@code resolved}. */
    public static Value user(long userId) {
        return new Value.User(userId);
    }

    /** A ROLE (type 8) option. */
    public static Value role(long roleId) {
        return new Value.Role(roleId);
    }

    /** A CHANNEL (type 7) option. */
    public static Value channel(long channelId) {
        return new Value.Channel(channelId);
    }

    /**
     * An ATTACHMENT (type 11) option: the local Discord stores the file, serves it at a URL of its own, and puts the
     * attachment object in {@code resolved.attachments}.
     */
    public static Value attachment(String filename, String contentType, byte[] bytes) {
        return new Value.Attachment(filename, contentType, bytes.clone());
    }

    /** A typed option value. */
    public sealed interface Value {

        /** A user, by id. */
        record User(long id) implements Value {}

        /** A role, by id. */
        record Role(long id) implements Value {}

        /** A channel, by id. */
        record Channel(long id) implements Value {}

        /** A file the user attached. */
        record Attachment(String filename, String contentType, byte[] bytes) implements Value {
            public Attachment {
                Objects.requireNonNull(filename);
                Objects.requireNonNull(contentType);
            }
        }
    }
}
