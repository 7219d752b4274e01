package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.pair.PairService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** {@code /rapport add-pair @mentor @mentee [YYYY-MM-DD]}. */
@Component
class AddPairCommand extends Subcommand {

    private final PairService pairs;

    AddPairCommand(PairService pairs) {
        super(Definition.of("add-pair", Audience.COORDINATOR)
                .withAudit(AuditKind.CHANGE)
                .withParameters(
                        Parameter.required("mentor", Parameter.Kind.USER),
                        Parameter.required("mentee", Parameter.Kind.USER),
                        Parameter.optional("start", Parameter.Kind.DATE)));
        this.pairs = pairs;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        var mentor = ctx.user(ctx.arg(0));
        var mentee = ctx.user(ctx.arg(1));
        LocalDate start = ctx.args().size() > 2 ? ctx.date(ctx.args().get(2), programme.zone()) : null;
        PairView pair =
                pairs.add(programme, new PairService.Person(mentor, null), new PairService.Person(mentee, null), start);
        return Reply.privately(ctx.text(
                "command.add-pair.done",
                "pair",
                String.valueOf(pair.id()),
                "programme",
                programme.name(),
                "mentor",
                mentor.displayName(),
                "mentee",
                mentee.displayName(),
                "start",
                pair.startedOn(),
                "cadence",
                CadenceCommand.describe(programme.cadence())));
    }
}
