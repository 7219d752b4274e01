package dev.rapport.localdiscord;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configured guild, for a page or a test that wants to list where users can act.
 *
 * @param id the guild's snowflake
 * @param name its name
 * @param ownerId the owner's user id
 * @param textChannels channel id to name, in order; the first is where {@link LocalDiscord#as(long, long)} acts
 * @param roles role id to name, @everyone (whose id is the guild's) first and the bot's managed role last
 * @param members each member's user id and the role ids they hold (without @everyone), the bot included
 */
public record DiscordGuild(
        long id,
        String name,
        long ownerId,
        Map<Long, String> textChannels,
        Map<Long, String> roles,
        Map<Long, List<Long>> members) {

    public DiscordGuild {
        textChannels = Collections.unmodifiableMap(new LinkedHashMap<>(textChannels));
        roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }
}
