package dev.rapport.core.command;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.participant.ParticipantView;
import dev.rapport.core.programme.ProgrammeService;
import dev.rapport.core.programme.ProgrammeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may do what, decided here and nowhere else. Adapters report facts about the person acting ({@link
 * ChatUser#maySetUp()}, {@link ChatUser#roleIds()}), read from the platform for this very request; this class turns
 * them into authority:
 *
 * <ul>
 *   <li><b>Setting up</b> a programme: whoever the workspace allows ({@code maySetUp}: Slack's admins and owners, or
 *       the configured allowlist, and the installer; Discord's Manage Server). A Discord programme is always bound to
 *       a role, by id, never by name; holding a role lets nobody create programmes (and from them message the server).
 *   <li><b>Coordinating</b> a programme: its named coordinators (Slack's setup, {@code /rapport coordinator add}), and
 *       on Discord whoever holds its role at the moment of the command. Manage Server alone coordinates nothing.
 *   <li><b>Alerts</b> reach named coordinators and the role holders enrolled through the role; that enrolment is
 *       checked again at every command the person runs and removed as soon as they no longer hold the role.
 *   <li><b>A pair</b> is never seen or acted on by a coordinator who is in it ({@link #mayCoordinate}).
 * </ul>
 */
@Component
class Authority {

    private final ProgrammeService programmes;
    private final ParticipantService participants;

    Authority(ProgrammeService programmes, ParticipantService participants) {
        this.programmes = programmes;
        this.participants = participants;
    }

    /**
     * Brings the actor's enrolments through roles in line with the roles they hold now: enrolled for each programme of
     * the workspace whose role they hold, and no longer for any whose role they lost. Runs before every command.
     */
    void revalidate(ChatUser actor) {
        if (!actor.platform().coordinatorsByRole() || actor.roleIds() == null) {
            return; // no roles on this platform, or the platform did not say which (a direct message): nothing known
        }
        List<ProgrammeView> bound = programmes.inWorkspace(actor.platform(), actor.workspaceId()).stream()
                .filter(p -> p.coordinatorRoleId() != null)
                .toList();
        if (bound.isEmpty()) {
            return;
        }
        Optional<ParticipantView> me = participants.find(actor);
        for (ProgrammeView p : bound) {
            if (holdsRole(actor, p)) {
                if (me.isPresent() && me.get().hasLeft()) {
                    continue;
                }
                ParticipantView who =
                        me.orElseGet(() -> participants.ensure(actor, p.zone()).participant());
                me = Optional.of(who);
                programmes.enrolViaRole(p.id(), who.id(), p.coordinatorRoleId());
            } else if (me.isPresent()) {
                programmes.dropViaRole(p.id(), me.get().id());
            }
        }
    }

    /** Whether the actor holds, right now, the role the programme is bound to. */
    static boolean holdsRole(ChatUser actor, ProgrammeView programme) {
        return programme.coordinatorRoleId() != null
                && actor.roleIds() != null
                && actor.platform() == programme.platform()
                && actor.workspaceId().equals(programme.workspaceId())
                && actor.roleIds().contains(programme.coordinatorRoleId());
    }

    /** The programmes of this workspace the actor coordinates now: named, or holding their role. By name. */
    List<ProgrammeView> coordinated(ChatUser actor, Optional<ParticipantView> me) {
        if (me.isPresent() && me.get().hasLeft()) {
            return List.of();
        }
        Map<Long, ProgrammeView> mine = new LinkedHashMap<>();
        me.ifPresent(p -> programmes.coordinatedBy(p.id()).stream()
                .filter(g -> g.platform() == actor.platform() && g.workspaceId().equals(actor.workspaceId()))
                .forEach(g -> mine.put(g.id(), g)));
        if (actor.platform().coordinatorsByRole()) {
            programmes.inWorkspace(actor.platform(), actor.workspaceId()).stream()
                    .filter(g -> holdsRole(actor, g))
                    .forEach(g -> mine.put(g.id(), g));
        }
        List<ProgrammeView> list = new ArrayList<>(mine.values());
        list.sort(Comparator.comparing(ProgrammeView::name, String.CASE_INSENSITIVE_ORDER));
        return list;
    }

    /**
     * Checks that the actor may set up a programme here, and returns the role id it is bound to (Discord), or null
     * (Slack). {@code role} is the role the command names, or null.
     */
    String setUp(ChatUser actor, String role) {
        if (!actor.platform().coordinatorsByRole()) {
            if (role != null) {
                throw new CommandException("command.setup.error.slack-roles");
            }
            if (!actor.maySetUp()) {
                throw new CommandException("command.setup.error.slack-admins");
            }
            return null;
        }
        if (actor.roleIds() == null) {
            throw new CommandException("command.setup.error.in-server");
        }
        if (!actor.maySetUp()) {
            throw new CommandException("command.setup.error.manage-server");
        }
        if (role == null) {
            throw new CommandException("command.setup.error.name-the-role");
        }
        if (role.equals(actor.workspaceId())) {
            throw new CommandException("command.setup.error.everyone");
        }
        return role;
    }

    /**
     * Whether a coordinator may see and act on a pair: never one they are in themselves, whose answers stay hidden
     * from them as from every mentor and mentee.
     */
    static boolean mayCoordinate(Optional<ParticipantView> me, PairView pair) {
        return me.isEmpty() || pair.roleOf(me.get().id()) == null;
    }
}
