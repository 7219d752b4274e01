package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.pair.PairService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** {@code /rapport pause-pair <#id | @person> YYYY-MM-DD|off}. */
@Component
class PausePairCommand extends Subcommand {

    private final PairService pairs;
    private final PairLookup lookup;

    PausePairCommand(PairService pairs, PairLookup lookup) {
        super(Definition.of("pause-pair", Audience.COORDINATOR)
                .withAudit(AuditKind.CHANGE)
                .withParameters(
                        Parameter.required("pair", Parameter.Kind.PAIR).describedBy(Parameter.SHARED_PAIR),
                        Parameter.required("until", Parameter.Kind.WORD).shownAs(Parameter.HINT_KEY + "date-or-off")));
        this.pairs = pairs;
        this.lookup = lookup;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        PairView pair = lookup.find(ctx, programme, ctx.arg(0));
        String until = ctx.arg(1);
        if (until.equalsIgnoreCase("off")) {
            pairs.pause(pair.id(), null);
            return Reply.privately(ctx.text("command.pause-pair.resumed", "pair", lookup.describe(pair)));
        }
        LocalDate date = ctx.date(until, programme.zone());
        pairs.pause(pair.id(), date);
        return Reply.privately(ctx.text("command.pause-pair.done", "pair", lookup.describe(pair), "until", date));
    }
}
