package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.pair.PairService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /rapport end-pair <#id | @person>}. */
@Component
class EndPairCommand implements Subcommand {

    private final PairService pairs;
    private final PairLookup lookup;

    EndPairCommand(PairService pairs, PairLookup lookup) {
        this.pairs = pairs;
        this.lookup = lookup;
    }

    @Override
    public String name() {
        return "end-pair";
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
        return "end-pair <#pair | @person>";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.required("pair", Parameter.Kind.PAIR, "#id from /rapport health, or @mentor or @mentee"));
    }

    @Override
    public String summary() {
        return "End a pair: no more check-ins; its history is kept";
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        PairView pair = lookup.find(ctx, programme, ctx.arg(0, usage()), usage());
        pairs.end(pair.id());
        return Reply.privately("Pair " + lookup.describe(pair) + " has ended. Its answers stay in " + programme.name()
                + "'s records.");
    }
}
