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
                throw new CommandException(
                        "command.coordinator.error.not-one", "name", user.displayName(), "programme", programme.name());
            }
            if (programme.coordinatorRoleId() == null
                    && programmes.coordinatorIds(programme.id()).size() == 1) {
                throw new CommandException("command.coordinator.error.last");
            }
            programmes.removeCoordinator(programme.id(), person.id());
            return Reply.privately(ctx.text(
                    "command.coordinator.removed",
                    "name",
                    person.displayName(),
                    "programme",
                    programme.name(),
                    "role",
                    programme.coordinatorRoleId() == null ? "none" : programme.coordinatorRoleId()));
        }
        var person = participants.ensure(user, programme.zone()).participant();
        programmes.addCoordinator(programme.id(), person.id());
        participants.tellCoordinatorRole(person, programme.name(), ctx.actor().displayName());
        return Reply.privately(
                ctx.text("command.coordinator.added", "name", person.displayName(), "programme", programme.name()));
    }
}
