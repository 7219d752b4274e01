package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.chart.OverviewCharts;
import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.insight.Overview;
import dev.rapport.core.insight.Overview.Rate;
import dev.rapport.core.insight.Overview.Side;
import dev.rapport.core.insight.OverviewReader;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.pulse.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code /rapport overview [weeks]}: the programme at a glance over its latest weeks: each dimension's level for
 * mentees and mentors and the gap between them, how many pairs were in each state week by week, response rates by
 * side, and the pairs that changed state this week; in words and as charts.
 */
@Component
class OverviewCommand extends Subcommand {

    static final int MAX_CHANGES = 15;

    private final OverviewReader reader;

    OverviewCommand(OverviewReader reader) {
        super(Definition.of("overview", Audience.COORDINATOR)
                .withAudit(AuditKind.READ)
                .withParameters(Parameter.optional("weeks", Parameter.Kind.NUMBER)));
        this.reader = reader;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        int weeks = weeks(ctx);
        List<Long> own =
                ctx.myPairs(ctx.requireParticipant()).stream().map(PairView::id).toList();
        Overview o = reader.read(programme.id(), programme.zone(), weeks, own);

        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Text(ctx.text(
                "command.overview.heading",
                "programme",
                programme.name(),
                "weeks",
                weeks,
                "own",
                own.isEmpty() ? "no" : "yes",
                "mentees",
                rate(ctx, o.answered().get(Side.MENTEE)),
                "mentors",
                rate(ctx, o.answered().get(Side.MENTOR)),
                "states",
                HealthFormat.counts(ctx, o.states().getOrDefault(o.weeks().getLast(), Map.of())))));
        Locale locale = ctx.locale();
        List<List<String>> rows = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            rows.add(List.of(
                    ctx.text(PairCommand.dimension(d)),
                    HealthFormat.level(locale, o.level(Side.MENTEE, d)),
                    HealthFormat.level(locale, o.level(Side.MENTOR, d)),
                    HealthFormat.change(locale, o.gap(d))));
        }
        blocks.add(new Block.Table(
                List.of(
                        ctx.text("command.table.dimension"),
                        ctx.text("command.overview.column.mentees"),
                        ctx.text("command.overview.column.mentors"),
                        ctx.text("command.table.gap")),
                rows));
        blocks.add(new Block.Text(
                HealthFormat.notApplicable(ctx, o.notApplicable(), "insight.not-applicable.overview", "weeks", weeks)));
        if (o.changes().isEmpty()) {
            blocks.add(new Block.Text(ctx.text("command.overview.no-changes")));
        } else {
            StringBuilder changed = new StringBuilder("*" + ctx.text("command.overview.changes") + "*\n");
            o.changes().stream()
                    .limit(MAX_CHANGES)
                    .forEach(c -> changed.append("• #")
                            .append(c.pairId())
                            .append(' ')
                            .append(c.mentor())
                            .append(" → ")
                            .append(c.mentee())
                            .append(": ")
                            .append(HealthFormat.state(ctx, c.previous()))
                            .append(" → ")
                            .append(HealthFormat.state(ctx, c.state()))
                            .append('\n'));
            if (o.changes().size() > MAX_CHANGES) {
                changed.append(
                        ctx.text("command.overview.more", "more", o.changes().size() - MAX_CHANGES));
            }
            blocks.add(new Block.Text(changed.toString().strip()));
        }
        for (OverviewCharts.Chart chart : OverviewCharts.draw(o, ctx.locale())) {
            // The chart's title is the chart package's (chart.OverviewCharts).
            blocks.add(new Block.Image(
                    ctx.text("command.overview.chart", "title", chart.title(), "weeks", weeks), chart.png()));
        }
        return Reply.privately(new ChatMessage(
                ctx.text("command.overview.title", "programme", programme.name(), "weeks", weeks), blocks));
    }

    private int weeks(CommandContext ctx) {
        if (ctx.args().isEmpty()) {
            return Overview.DEFAULT_WEEKS;
        }
        try {
            int weeks = Integer.parseInt(ctx.arg(0));
            if (weeks >= 2 && weeks <= 26) {
                return weeks;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new CommandException("command.overview.error.weeks");
    }

    private static String rate(CommandContext ctx, Rate r) {
        return r.sent() == 0
                ? ctx.text("command.overview.none-sent")
                : ctx.text(
                        "command.overview.rate",
                        "answered",
                        r.answered(),
                        "sent",
                        r.sent(),
                        "percent",
                        ctx.text("command.percent", "value", Math.round(r.share() * 100)));
    }
}
