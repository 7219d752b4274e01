package dev.rapport.localdiscord;

/** Gateway intent bits, as Discord's gateway documentation numbers them. */
public final class Intents {

    public static final int GUILDS = 1 << 0;
    /** Privileged. */
    public static final int GUILD_MEMBERS = 1 << 1;
    /** Privileged. */
    public static final int GUILD_PRESENCES = 1 << 8;

    public static final int GUILD_MESSAGES = 1 << 9;
    public static final int DIRECT_MESSAGES = 1 << 12;
    /** Privileged. */
    public static final int MESSAGE_CONTENT = 1 << 15;

    /** The intents a bot must be granted in the developer portal before it may identify with them. */
    public static final int PRIVILEGED = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT;

    private Intents() {}

    /** Whether {@code intents} asks for any privileged intent. */
    public static boolean anyPrivileged(int intents) {
        return (intents & PRIVILEGED) != 0;
    }
}
