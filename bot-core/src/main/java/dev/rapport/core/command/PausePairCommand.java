package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.pair.PairService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /rapport pause-pair <#id | @person> YYYY-MM-DD|off}. */
@Component
class PausePairCommand implements Subcommand {

    private final PairService pairs;
    private final PairLookup lookup;

    PausePairCommand(PairService pairs, PairLookup lookup) {
        this.pairs = pairs;
        this.lookup = lookup;
    }

    @Override
    public String name() {
        return "pause-pair";
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
        return "pause-pair <#pair | @person> <YYYY-MM-DD | off>";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.required("pair", Parameter.Kind.PAIR, "#id from /rapport health, or @mentor or @mentee"),
                Parameter.required("until", Parameter.Kind.WORD, "Last paused day, YYYY-MM-DD, or off to resume"));
    }

    @Override
    public String summary() {
        return "Pause a pair's check-ins until a date, or resume it";
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        PairView pair = lookup.find(ctx, programme, ctx.arg(0, usage()), usage());
        String until = ctx.arg(1, usage());
        if (until.equalsIgnoreCase("off")) {
            pairs.pause(pair.id(), null);
            return Reply.privately("Pair " + lookup.describe(pair) + " is active again.");
        }
        LocalDate date = ctx.date(until, programme.zone());
        pairs.pause(pair.id(), date);
        return Reply.privately("Pair " + lookup.describe(pair) + " is paused until " + date + " (inclusive).");
    }
}
