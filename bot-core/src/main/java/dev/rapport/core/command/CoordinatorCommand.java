package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.programme.ProgrammeService;
import dev.rapport.core.programme.ProgrammeView;
import org.springframework.stereotype.Component;

/** {@code /rapport coordinator add|remove @user}: share the coordination of a programme, or stop sharing it. */
@Component
class CoordinatorCommand extends Subcommand {

    private final ProgrammeService programmes;
    private final ParticipantService participants;

    CoordinatorCommand(ProgrammeService programmes, ParticipantService participants) {
        super(Definition.of("coordinator", Audience.COORDINATOR)
                .withAudit(AuditKind.CHANGE)
                .withParameters(
                        Parameter.required("action", Parameter.Kind.WORD).withChoices("add", "remove"),
                        Parameter.required("user", Parameter.Kind.USER)));
        this.programmes = programmes;
        this.participants = participants;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        String action = ctx.arg(0).toLowerCase(java.util.Locale.ROOT);
        if (!action.equals("add") && !action.equals("remove")) {
            throw ctx.usageError();
        }
        var user = ctx.user(ctx.arg(1));
        if (action.equals("remove")) {
            var person = participants.find(user).orElse(null);
            if (person == null || !programmes.isCoordinator(programme.id(), person.id())) {
                throw new CommandException(user.displayName() + " is not a coordinator of " + programme.name() + ".");
            }
            if (programme.coordinatorRoleId() == null
                    && programmes.coordinatorIds(programme.id()).size() == 1) {
                throw new CommandException(
                        "A programme needs a coordinator: add another before removing the last one.");
            }
            programmes.removeCoordinator(programme.id(), person.id());
            return Reply.privately(person.displayName() + " is no longer a named coordinator of " + programme.name()
                    + (programme.coordinatorRoleId() != null
                            ? ". If they hold its role <@&" + programme.coordinatorRoleId()
                                    + ">, they coordinate it for as long as they do: a server admin takes the role away."
                            : "."));
        }
        var person = participants.ensure(user, programme.zone()).participant();
        programmes.addCoordinator(programme.id(), person.id());
        participants.tellCoordinatorRole(person, programme.name(), ctx.actor().displayName());
        return Reply.privately(person.displayName() + " is now a coordinator of " + programme.name() + ".");
    }
}
