package dev.rapport.localdiscord;

/** Discord's permission bits that a guild configuration usually needs, as Discord's permissions page numbers them. */
public final class Permissions {

    public static final long CREATE_INSTANT_INVITE = 1L << 0;
    public static final long KICK_MEMBERS = 1L << 1;
    public static final long BAN_MEMBERS = 1L << 2;
    /** Grants every permission. */
    public static final long ADMINISTRATOR = 1L << 3;

    public static final long MANAGE_CHANNELS = 1L << 4;
    /** What Discord's "Manage Server" toggle grants; a common gate for coordinator commands. */
    public static final long MANAGE_GUILD = 1L << 5;

    public static final long ADD_REACTIONS = 1L << 6;
    public static final long VIEW_CHANNEL = 1L << 10;
    public static final long SEND_MESSAGES = 1L << 11;
    public static final long MANAGE_MESSAGES = 1L << 13;
    public static final long EMBED_LINKS = 1L << 14;
    public static final long ATTACH_FILES = 1L << 15;
    public static final long READ_MESSAGE_HISTORY = 1L << 16;
    public static final long MENTION_EVERYONE = 1L << 17;
    public static final long USE_EXTERNAL_EMOJIS = 1L << 18;
    public static final long MANAGE_ROLES = 1L << 28;
    public static final long USE_APPLICATION_COMMANDS = 1L << 31;

    /** Every permission Discord defines today (bits 0 to 50); what an owner or administrator has. */
    public static final long ALL = (1L << 51) - 1;

    /** The @everyone role's default here: read and write in text channels, use commands, react. */
    public static final long DEFAULT_EVERYONE = VIEW_CHANNEL
            | SEND_MESSAGES
            | EMBED_LINKS
            | ATTACH_FILES
            | READ_MESSAGE_HISTORY
            | ADD_REACTIONS
            | USE_EXTERNAL_EMOJIS
            | USE_APPLICATION_COMMANDS
            | CREATE_INSTANT_INVITE;

    /** What the bot's own managed role grants by default: what a mentorship bot asks for when invited. */
    public static final long DEFAULT_BOT =
            VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY | USE_EXTERNAL_EMOJIS;

    private Permissions() {}
}
