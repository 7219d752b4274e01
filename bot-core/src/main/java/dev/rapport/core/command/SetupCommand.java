package dev.rapport.core.command;

import dev.rapport.core.participant.ParticipantView;
import dev.rapport.core.programme.ProgrammeService;
import dev.rapport.core.programme.ProgrammeView;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /rapport setup "Name" [Area/City]}: start a programme here; you become its first coordinator. */
@Component
class SetupCommand implements Subcommand {

    private final ProgrammeService programmes;

    SetupCommand(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @Override
    public String name() {
        return "setup";
    }

    @Override
    public Audience audience() {
        return Audience.EVERYONE;
    }

    @Override
    public String usage() {
        return "setup \"Programme name\" [Area/City]";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.required("name", Parameter.Kind.TEXT, "The programme's name"),
                Parameter.optional("timezone", Parameter.Kind.TIME_ZONE, "Default time zone, e.g. Europe/Lisbon"));
    }

    @Override
    public String summary() {
        return "Start a programme in this workspace; you become its coordinator";
    }

    @Override
    public Reply run(CommandContext ctx) {
        if (ctx.actor().platform().coordinatorsByRole() && !ctx.coordinatesByRole()) {
            throw new CommandException("On this server, programmes are set up by members with the coordinator role"
                    + " (or the Manage Server permission). Ask a server admin to run `/rapport setup`, or to give you"
                    + " that role.");
        }
        String name = ctx.arg(0, usage()).strip();
        if (name.length() < 2 || name.length() > 120) {
            throw new CommandException("A programme name has 2 to 120 characters.");
        }
        ZoneId zone = ctx.args().size() > 1
                ? CommandContext.zone(ctx.args().get(1))
                : ctx.participant().map(ParticipantView::zone).orElse(ZoneOffset.UTC);
        ParticipantView me = ctx.ensureParticipant(zone);
        if (me.hasLeft()) {
            throw new CommandException("You left Rapport earlier; ask an administrator to restore your account first.");
        }
        ProgrammeView p = programmes.create(ctx.actor().platform(), ctx.actor().workspaceId(), name, zone, me.id());
        return Reply.privately("*" + p.name() + "* is set up, and you are its coordinator. Check-ins go out "
                + p.cadence().describe()
                + " in each participant's time zone (new participants default to " + zone.getId() + ").\nNext steps:\n"
                + "• `/rapport cadence monday 10:00` to change the check-in day and time\n"
                + "• `/rapport add-pair @mentor @mentee` to add a pair, or `/rapport import` with a CSV file for many\n"
                + "• `/rapport coordinator add @colleague` to share the work\n"
                + "• `/rapport health` to see how the pairs are doing");
    }
}
