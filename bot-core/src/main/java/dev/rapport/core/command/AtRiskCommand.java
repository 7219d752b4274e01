package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.health.HealthService;
import dev.rapport.core.health.HealthState;
import dev.rapport.core.health.PairHealth;
import dev.rapport.core.pair.PairService;
import dev.rapport.core.programme.ProgrammeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code /rapport at-risk}: every pair at risk, with all its reasons. */
@Component
class AtRiskCommand extends Subcommand {

    private final HealthService health;
    private final PairService pairs;

    AtRiskCommand(HealthService health, PairService pairs) {
        super(Definition.of("at-risk", Audience.COORDINATOR)
                .withAliases("atrisk", "risk")
                .withAudit(AuditKind.READ));
        this.health = health;
        this.pairs = pairs;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        var me = ctx.requireParticipant();
        var own = ctx.myPairs(me).stream().map(p -> p.id()).collect(Collectors.toSet());
        List<PairHealth> atRisk = health.assessProgramme(programme.id()).stream()
                .filter(h -> h.state() == HealthState.AT_RISK && !own.contains(h.pairId()))
                .toList();
        if (atRisk.isEmpty()) {
            return Reply.privately(ctx.text("command.at-risk.none", "programme", programme.name()));
        }
        Map<Long, PairService.PairNames> names = pairs.namesIn(programme.id());
        List<List<String>> rows = new ArrayList<>();
        for (PairHealth h : atRisk) {
            PairService.PairNames n = names.get(h.pairId());
            rows.add(List.of(
                    "#" + h.pairId() + " " + (n == null ? "?" : n.mentor() + " → " + n.mentee()),
                    h.reasons().stream().map(r -> ctx.text(r.message())).collect(Collectors.joining(" "))));
        }
        String title = ctx.text("command.at-risk.title", "count", atRisk.size(), "programme", programme.name());
        return Reply.privately(new ChatMessage(
                title,
                List.of(
                        new Block.Text("*" + title + "*"),
                        new Block.Table(
                                List.of(ctx.text("command.table.pair"), ctx.text("command.at-risk.column.reasons")),
                                rows),
                        new Block.Text(ctx.text("command.at-risk.snooze")))));
    }
}
