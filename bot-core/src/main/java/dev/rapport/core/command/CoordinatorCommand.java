package dev.rapport.core.command;

import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.programme.ProgrammeService;
import dev.rapport.core.programme.ProgrammeView;
import org.springframework.stereotype.Component;

/** {@code /rapport coordinator add @user}: share the coordination of a programme. */
@Component
class CoordinatorCommand implements Subcommand {

    private final ProgrammeService programmes;
    private final ParticipantService participants;

    CoordinatorCommand(ProgrammeService programmes, ParticipantService participants) {
        this.programmes = programmes;
        this.participants = participants;
    }

    @Override
    public String name() {
        return "coordinator";
    }

    @Override
    public Audience audience() {
        return Audience.COORDINATOR;
    }

    @Override
    public String usage() {
        return "coordinator add @user";
    }

    @Override
    public String summary() {
        return "Make someone a coordinator of your programme";
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        if (!ctx.arg(0, usage()).equalsIgnoreCase("add")) {
            throw new CommandException("Usage: `/rapport " + usage() + "`");
        }
        var user = ctx.user(ctx.arg(1, usage()), usage());
        var person = participants.ensure(user, programme.zone()).participant();
        programmes.addCoordinator(programme.id(), person.id());
        participants.tellCoordinatorRole(person, programme.name(), ctx.actor().displayName());
        return Reply.privately(person.displayName() + " is now a coordinator of " + programme.name() + ".");
    }
}
