package dev.rapport.localdiscord;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user acting on Discord: running slash commands, typing into an autocompleted option, clicking buttons and
 * submitting modals. Each action builds the INTERACTION_CREATE Discord would send, dispatches it to the shard that
 * owns the guild (shard 0 for DMs) and returns the {@link Interaction}, whose answers a test can wait for.
 *
 * <p>Actions are checked as Discord's client would check them: the command must be registered and visible to the
 * user (contexts, {@code default_member_permissions}), required options present and typed as registered, the button
 * on the message and enabled, the modal's required inputs filled in. A failed check is an
 * {@link IllegalArgumentException} that says what is wrong; with no bot session on the shard,
 * {@link IllegalStateException}.
 *
 * <pre>{@code
 * Actor ana = discord.as(GUILD, ANA);
 * Interaction cmd = ana.slashCommand("rapport", "pair", Map.of("mentee", Options.user(BEN), "weeks", 3));
 * Interaction click = discord.as(ANA).click(discord.messagesTo(ANA).getLast(), "checkin:met:yes");
 * Interaction form = discord.as(ANA).submitModal(click, Map.of("comment", "Great week", "share", true));
 * }</pre>
 */
public final class Actor {

    private final LocalDiscord discord;
    private final long guildId;
    private final long channelId;
    private final long userId;

    Actor(LocalDiscord discord, long guildId, long channelId, long userId) {
        this.discord = discord;
        this.guildId = guildId;
        this.channelId = channelId;
        this.userId = userId;
    }

    /** The user acting. */
    public long userId() {
        return userId;
    }

    /** The guild the actor runs commands in, or 0 for their DM with the bot. */
    public long guildId() {
        return guildId;
    }

    /** The same user running commands in another channel of the guild (by default the guild's first channel). */
    public Actor in(long channelId) {
        if (guildId == 0) {
            throw new IllegalStateException("in a DM the channel is the DM itself");
        }
        return new Actor(discord, guildId, channelId, userId);
    }

    /** A slash command without subcommands, e.g. {@code slashCommand("ping", Map.of())}. */
    public Interaction slashCommand(String command, Map<String, ?> options) {
        return slashCommand(command, null, options);
    }

    /**
     * A slash command with a subcommand ({@code "health"}) or a group and subcommand ({@code "pair pause"}), and
     * options by name. Values: {@code String}, {@code Integer}/{@code Long}, {@code Double}, {@code Boolean}, or
     * {@link Options} for users, roles, channels and attachments; they are converted to the registered option types.
     */
    public Interaction slashCommand(String command, String subcommand, Map<String, ?> options) {
        Objects.requireNonNull(command);
        InteractionState st =
                discord.factory().command(guildId, channelId, userId, command, subcommand, Map.copyOf(options), null);
        return discord.dispatch(st);
    }

    /**
     * An autocomplete request while the user types into {@code focusedOption}: the options typed so far, with the
     * focused one's partial text as its value. The bot answers with choices (callback type 8).
     */
    public Interaction autocomplete(
            String command, String subcommand, Map<String, ?> options, String focusedOption, String partial) {
        Objects.requireNonNull(focusedOption);
        Map<String, Object> typed = new java.util.HashMap<>(options);
        typed.put(focusedOption, partial == null ? "" : partial);
        InteractionState st =
                discord.factory().command(guildId, channelId, userId, command, subcommand, typed, focusedOption);
        return discord.dispatch(st);
    }

    /** A click on a button of a message the bot sent (in a DM, only its recipient can click). */
    public Interaction click(DiscordMessage message, String customId) {
        return click(message.id(), customId);
    }

    /** A click on a button, by message id. */
    public Interaction click(long messageId, String customId) {
        InteractionState st = discord.factory().click(userId, messageId, customId);
        return discord.dispatch(st);
    }

    /**
     * A choice in a string select menu of a message the bot sent: the option values picked (one, for a menu that takes
     * one). Discord sends {@code component_type} 3 and the picked {@code values}.
     */
    public Interaction select(DiscordMessage message, String customId, String... values) {
        InteractionState st = discord.factory().select(userId, message.id(), customId, List.of(values));
        return discord.dispatch(st);
    }

    /**
     * Submits the modal the bot opened in answer to {@code opener}, with values by input {@code custom_id}: text for a
     * text input, {@code Boolean} for a checkbox, a {@code List<String>} of option values for a checkbox group or
     * string select, a value for a radio group. Inputs left out keep their defaults.
     */
    public Interaction submitModal(Interaction opener, Map<String, ?> values) {
        InteractionState st = discord.factory().submit(userId, opener.state, Map.copyOf(values));
        return discord.dispatch(st);
    }

    @Override
    public String toString() {
        return "Actor[user " + Json.id(userId) + (guildId == 0 ? " in DMs" : " in guild " + Json.id(guildId)) + "]";
    }
}
