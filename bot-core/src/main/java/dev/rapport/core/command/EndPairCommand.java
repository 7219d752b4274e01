package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.pair.PairService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import org.springframework.stereotype.Component;

/** {@code /rapport end-pair <#id | @person>}. */
@Component
class EndPairCommand extends Subcommand {

    private final PairService pairs;
    private final PairLookup lookup;

    EndPairCommand(PairService pairs, PairLookup lookup) {
        super(Definition.of("end-pair", Audience.COORDINATOR)
                .withAudit(AuditKind.CHANGE)
                .withParameters(Parameter.required("pair", Parameter.Kind.PAIR).describedBy(Parameter.SHARED_PAIR)));
        this.pairs = pairs;
        this.lookup = lookup;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        PairView pair = lookup.find(ctx, programme, ctx.arg(0));
        pairs.end(pair.id());
        return Reply.privately(
                ctx.text("command.end-pair.done", "pair", lookup.describe(pair), "programme", programme.name()));
    }
}
