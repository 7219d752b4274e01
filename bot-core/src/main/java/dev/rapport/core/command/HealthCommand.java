package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.health.HealthService;
import dev.rapport.core.health.HealthState;
import dev.rapport.core.health.PairHealth;
import dev.rapport.core.pair.PairService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code /rapport health}: the programme at a glance, most worrying pairs first. */
@Component
class HealthCommand extends Subcommand {

    /** Rows shown in chat; the rest are counted (the export has everything). */
    static final int MAX_ROWS = 25;

    private final HealthService health;
    private final PairService pairs;

    HealthCommand(HealthService health, PairService pairs) {
        super(Definition.of("health", Audience.COORDINATOR).withAudit(AuditKind.READ));
        this.health = health;
        this.pairs = pairs;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        var me = ctx.requireParticipant();
        Map<Long, PairService.PairNames> names = pairs.namesIn(programme.id());
        // A coordinator who is also in a pair never sees that pair's state, its place in the ranking or its share of
        // the counts: any of them would reveal something of the other side's answers.
        Set<Long> own = ctx.myPairs(me).stream().map(PairView::id).collect(Collectors.toSet());
        List<PairHealth> all = health.assessProgramme(programme.id()).stream()
                .filter(h -> !own.contains(h.pairId()))
                .toList();
        Map<HealthState, Integer> counts = new EnumMap<>(HealthState.class);
        all.forEach(h -> counts.merge(h.state(), 1, Integer::sum));

        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Text(ctx.text(
                "command.health.heading",
                "programme",
                programme.name(),
                "pairs",
                all.size(),
                "counts",
                HealthFormat.counts(ctx, counts))));
        if (!own.isEmpty()) {
            blocks.add(new Block.Text(ctx.text(
                    "command.health.own",
                    "count",
                    own.size(),
                    "pairs",
                    own.stream().sorted().map(id -> "#" + id).collect(Collectors.joining(", ")))));
        }
        if (all.isEmpty()) {
            blocks.add(new Block.Text(ctx.text("command.health.empty")));
            return Reply.privately(
                    new ChatMessage(ctx.text("command.health.title.empty", "programme", programme.name()), blocks));
        }
        List<List<String>> rows = new ArrayList<>();
        for (PairHealth h : all.subList(0, Math.min(MAX_ROWS, all.size()))) {
            PairService.PairNames n = names.get(h.pairId());
            String who = "#" + h.pairId() + " " + (n == null ? "?" : n.mentor() + " → " + n.mentee());
            rows.add(List.of(
                    who,
                    HealthFormat.state(ctx, h.state()),
                    HealthFormat.why(ctx, h),
                    HealthFormat.percent(ctx, h.responseRate(), h.checkInsSent()) + " / "
                            + HealthFormat.percent(ctx, h.mentorResponseRate()),
                    HealthFormat.weeks(ctx, h.weeksSinceMeeting())));
        }
        blocks.add(new Block.Table(
                List.of(
                        ctx.text("command.table.pair"),
                        ctx.text("command.health.column.state"),
                        ctx.text("command.health.column.why"),
                        ctx.text("command.health.column.answered"),
                        ctx.text("command.health.column.meeting")),
                rows));
        if (all.size() > MAX_ROWS) {
            blocks.add(new Block.Text(ctx.text("command.health.more", "shown", MAX_ROWS, "pairs", all.size())));
        }
        blocks.add(new Block.Text(ctx.text("command.health.details")));
        return Reply.privately(new ChatMessage(
                ctx.text(
                        "command.health.title",
                        "programme",
                        programme.name(),
                        "atRisk",
                        counts.getOrDefault(HealthState.AT_RISK, 0)),
                blocks));
    }
}
