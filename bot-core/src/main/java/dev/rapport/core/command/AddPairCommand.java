package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.pair.PairService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /rapport add-pair @mentor @mentee [YYYY-MM-DD]}. */
@Component
class AddPairCommand implements Subcommand {

    private final PairService pairs;

    AddPairCommand(PairService pairs) {
        this.pairs = pairs;
    }

    @Override
    public String name() {
        return "add-pair";
    }

    @Override
    public Audience audience() {
        return Audience.COORDINATOR;
    }

    @Override
    public AuditKind audit() {
        return AuditKind.CHANGE;
    }

    @Override
    public String usage() {
        return "add-pair @mentor @mentee [YYYY-MM-DD]";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.required("mentor", Parameter.Kind.USER, "The mentor"),
                Parameter.required("mentee", Parameter.Kind.USER, "The mentee"),
                Parameter.optional("start", Parameter.Kind.DATE, "First day of the pair, YYYY-MM-DD (default today)"));
    }

    @Override
    public String summary() {
        return "Add a mentor–mentee pair (they get a welcome)";
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        var mentor = ctx.user(ctx.arg(0, usage()), usage());
        var mentee = ctx.user(ctx.arg(1, usage()), usage());
        LocalDate start = ctx.args().size() > 2 ? ctx.date(ctx.args().get(2), programme.zone()) : null;
        PairView pair =
                pairs.add(programme, new PairService.Person(mentor, null), new PairService.Person(mentee, null), start);
        return Reply.privately(
                "Pair #" + pair.id() + " added to " + programme.name() + ": " + mentor.displayName() + " mentors "
                        + mentee.displayName() + ", starting " + pair.startedOn()
                        + ". Both get a welcome message; the first check-in comes "
                        + programme.cadence().describe() + ".");
    }
}
