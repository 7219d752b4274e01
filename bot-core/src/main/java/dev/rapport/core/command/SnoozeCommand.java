package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.health.HealthService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** {@code /rapport snooze <#pair | @person> [days]}: no at-risk alert for that pair for a while. */
@Component
class SnoozeCommand extends Subcommand {

    private final HealthService health;
    private final PairLookup lookup;

    SnoozeCommand(HealthService health, PairLookup lookup) {
        super(Definition.of("snooze", Audience.COORDINATOR)
                .withAudit(AuditKind.CHANGE)
                .withParameters(
                        Parameter.required("pair", Parameter.Kind.PAIR).describedBy(Parameter.SHARED_PAIR),
                        Parameter.optional("days", Parameter.Kind.NUMBER)));
        this.health = health;
        this.lookup = lookup;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        PairView pair = lookup.find(ctx, programme, ctx.arg(0));
        int days = 14;
        if (ctx.args().size() > 1) {
            try {
                days = Integer.parseInt(ctx.args().get(1));
            } catch (NumberFormatException e) {
                throw new CommandException("command.snooze.error.number", "pair", "#" + pair.id());
            }
            if (days < 1 || days > 180) {
                throw new CommandException("command.snooze.error.range");
            }
        }
        health.snooze(pair.id(), Duration.ofDays(days));
        return Reply.privately(ctx.text("command.snooze.done", "pair", lookup.describe(pair), "days", days));
    }
}
