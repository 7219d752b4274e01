package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.programme.ProgrammeService;
import dev.rapport.core.programme.ProgrammeView;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** {@code /rapport skip YYYY-MM-DD [YYYY-MM-DD]}: no check-ins on those dates (exam weeks, holidays). */
@Component
class SkipCommand extends Subcommand {

    private final ProgrammeService programmes;

    SkipCommand(ProgrammeService programmes) {
        super(Definition.of("skip", Audience.COORDINATOR)
                .withAudit(AuditKind.CHANGE)
                .withParameters(
                        Parameter.required("from", Parameter.Kind.DATE),
                        Parameter.optional("to", Parameter.Kind.DATE)));
        this.programmes = programmes;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        LocalDate from = ctx.date(ctx.arg(0), programme.zone());
        LocalDate to = ctx.args().size() > 1 ? ctx.date(ctx.args().get(1), programme.zone()) : from;
        programmes.addSkipDates(programme.id(), from, to);
        return Reply.privately(ctx.text("command.skip.done", "programme", programme.name(), "from", from, "to", to));
    }
}
