package dev.rapport.core.interaction;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Directory;
import dev.rapport.core.chat.InteractionResult;
import dev.rapport.core.command.CommandRequest;
import dev.rapport.core.command.CommandService;
import dev.rapport.core.command.Reply;
import dev.rapport.core.digest.DigestActions;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.participant.ParticipantLanguages;
import dev.rapport.core.programme.ProgrammeService;
import dev.rapport.core.programme.ProgrammeView;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A tap on a digest's "open pair" or "snooze": the command the button stands for ({@code /rapport pair #id}, {@code
 * /rapport snooze #id}) run through {@link CommandService} as if the person had typed it in the programme's
 * workspace, so who may do it is decided where every command's is, and the audit records it the same way. Its answer
 * comes back to that person alone; the digest stays as it was.
 *
 * <p>A tap in a Discord direct message carries no server and no roles: the person is placed in the programme's server,
 * and their roles there are read from the platform's directory for this tap, as the health job reads them before
 * alerts. A directory that cannot answer now grants nothing through roles.
 */
@Component
class DigestTaps {

    private static final Catalogue CATALOGUE = Catalogue.standard();

    private final CommandService commands;
    private final ProgrammeService programmes;
    private final ParticipantLanguages languages;
    /** Found at the tap, not at start: a platform's directory is built on the connection that delivers the taps. */
    private final ObjectProvider<Directory> directories;

    DigestTaps(
            CommandService commands,
            ProgrammeService programmes,
            ParticipantLanguages languages,
            ObjectProvider<Directory> directories) {
        this.commands = commands;
        this.programmes = programmes;
        this.languages = languages;
        this.directories = directories;
    }

    InteractionResult click(ChatUser actor, String actionId) {
        Optional<DigestActions.Tap> tap = DigestActions.parse(actionId);
        Optional<ProgrammeView> programme =
                tap.flatMap(t -> programmes.find(t.programmeId())).filter(p -> p.platform() == actor.platform());
        if (programme.isEmpty()) {
            return InteractionResult.notice(CATALOGUE.text(languages.languageOf(actor), "digest.tap.unknown"));
        }
        ProgrammeView p = programme.get();
        String line = (tap.get().verb() == DigestActions.Verb.OPEN ? "pair #" : "snooze #")
                + tap.get().pairId() + " programme=\"" + p.name().replace("\"", "") + "\"";
        Reply reply = commands.handle(new CommandRequest(inProgrammeWorkspace(actor, p), line));
        return InteractionResult.reply(reply.message());
    }

    private ChatUser inProgrammeWorkspace(ChatUser actor, ProgrammeView p) {
        if (!ChatUser.DIRECT_MESSAGE.equals(actor.workspaceId())) {
            return actor;
        }
        Set<String> roles = null;
        Directory directory = directories
                .orderedStream()
                .filter(d -> d.platform() == actor.platform())
                .findFirst()
                .orElse(null);
        if (p.coordinatorRoleId() != null && directory != null) {
            try {
                roles = directory
                        .lookup(p.workspaceId(), actor.userId())
                        .map(Directory.Profile::roleIds)
                        .orElse(Set.of());
            } catch (Directory.DirectoryUnavailableException e) {
                roles = null;
            }
        }
        return new ChatUser(
                actor.platform(), p.workspaceId(), actor.userId(), actor.displayName(), false, roles, actor.locale());
    }
}
