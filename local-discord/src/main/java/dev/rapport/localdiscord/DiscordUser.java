package dev.rapport.localdiscord;

/**
 * A user the local Discord knows: configured as a guild member or on its own, or the bot.
 *
 * @param id the user's snowflake
 * @param username the unique username ({@code ana})
 * @param globalName the display name ({@code Ana}), or {@code null}
 * @param bot whether it is the bot
 */
public record DiscordUser(long id, String username, String globalName, boolean bot) {}
