package dev.rapport.discord;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.participant.ParticipantView;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who acts in a Discord interaction, as the core sees them. In a server: the member, with the facts the core decides
 * authority from: the ids of the roles the interaction says they hold ({@link ChatUser#roleIds()}, never role names)
 * and whether they have Manage Server ({@link ChatUser#maySetUp()}). In the bot's DMs, which belong to no server: the
 * user under {@link ChatUser#DIRECT_MESSAGE}, which the core matches by user id; a command run there is about the one
 * server the person takes part in, or, if they take part in several, refused with a request to run it there.
 */
final class DiscordActors {

    /** The key of the answer to someone in several servers who runs a command in the bot's DMs. */
    static final String SEVERAL_SERVERS = "discord.several-servers";

    private static final Logger log = LoggerFactory.getLogger(DiscordActors.class);

    private final ParticipantService participants;

    DiscordActors(ParticipantService participants) {
        this.participants = participants;
    }

    /** The person acting, read from the interaction itself. */
    static ChatUser actor(Interaction interaction) {
        var user = interaction.getUser();
        Member member = interaction.getMember();
        if (interaction.getGuild() == null || member == null) {
            return new ChatUser(
                    Platform.DISCORD,
                    ChatUser.DIRECT_MESSAGE,
                    user.getId(),
                    user.getEffectiveName(),
                    false,
                    null,
                    locale(interaction));
        }
        return new ChatUser(
                Platform.DISCORD,
                interaction.getGuild().getId(),
                user.getId(),
                DiscordCommands.clean(member.getEffectiveName()),
                manageServer(member),
                roleIds(member),
                locale(interaction));
    }

    /**
     * The language of the person's Discord client, which every interaction carries ({@code locale}, e.g. {@code es-ES});
     * the core keeps it for the messages it writes to them. Discord tells it only when they interact.
     */
    private static String locale(Interaction interaction) {
        DiscordLocale locale = interaction.getUserLocale();
        return locale == null || locale == DiscordLocale.UNKNOWN ? null : locale.getLocale();
    }

    /** Whether the member may manage the server (Administrator includes it): the core lets them set programmes up. */
    static boolean manageServer(Member member) {
        try {
            return member.hasPermission(Permission.MANAGE_SERVER);
        } catch (RuntimeException e) {
            // Permissions unknown: the person is treated as a member, never as more.
            log.debug("Could not read a member's permissions: {}", e.toString());
            return false;
        }
    }

    /** The ids of the roles the member holds, as this interaction reports them: never their names. */
    static Set<String> roleIds(Member member) {
        try {
            Set<String> ids = new HashSet<>();
            for (Role role : member.getRoles()) {
                ids.add(role.getId());
            }
            return ids;
        } catch (RuntimeException e) {
            log.debug("Could not read a member's roles: {}", e.toString());
            return Set.of();
        }
    }

    /**
     * The person in the server a command is about: as they are, in a server; in the DMs, their one server's. Empty
     * when they take part in several ({@link #SEVERAL_SERVERS}).
     */
    Optional<ChatUser> inTheirServer(ChatUser actor) {
        if (!ChatUser.DIRECT_MESSAGE.equals(actor.workspaceId())) {
            return Optional.of(actor);
        }
        List<String> servers = participants.findEverywhere(actor).stream()
                .filter(p -> !p.hasLeft())
                .map(ParticipantView::workspaceId)
                .distinct()
                .toList();
        if (servers.size() > 1) {
            return Optional.empty();
        }
        String server = servers.isEmpty() ? ChatUser.DIRECT_MESSAGE : servers.getFirst();
        // Discord says nothing of anyone's roles in a DM: the core then grants nothing through roles.
        // Discord says nothing of anyone's roles in a DM: the core then grants nothing through roles.
        return Optional.of(new ChatUser(
                Platform.DISCORD, server, actor.userId(), actor.displayName(), false, null, actor.locale()));
    }
}
