package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.chart.OverviewCharts;
import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.health.HealthState;
import dev.rapport.core.insight.NotApplicableShares;
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

    static final int DEFAULT_WEEKS = 8;
    static final int MAX_CHANGES = 15;

    private final OverviewReader reader;
    private final NotApplicableShares notApplicable;

    OverviewCommand(OverviewReader reader, NotApplicableShares notApplicable) {
        super(Definition.of("overview", Audience.COORDINATOR, "The whole programme over recent weeks, with charts")
                .withAudit(AuditKind.READ)
                .withParameters(
                        Parameter.optional("weeks", Parameter.Kind.NUMBER, "How many weeks (2 to 26, default 8)")));
        this.reader = reader;
        this.notApplicable = notApplicable;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        int weeks = weeks(ctx);
        List<Long> own =
                ctx.myPairs(ctx.requireParticipant()).stream().map(PairView::id).toList();
        Overview o = reader.read(programme.id(), programme.zone(), weeks, own);

        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Text("*" + programme.name() + "* – the last " + weeks + " weeks"
                + (own.isEmpty() ? "" : " (leaving out the pair you are in yourself)") + "\n"
                + "Check-ins answered: mentees " + rate(o.answered().get(Side.MENTEE)) + ", mentors "
                + rate(o.answered().get(Side.MENTOR)) + ".\n"
                + "Pairs now: " + states(o.states().getOrDefault(o.weeks().getLast(), Map.of())) + "."));
        List<List<String>> rows = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            rows.add(List.of(
                    d.label(),
                    HealthFormat.level(o.level(Side.MENTEE, d)),
                    HealthFormat.level(o.level(Side.MENTOR, d)),
                    o.gap(d) == null ? "–" : String.format(Locale.ROOT, "%+.1f", o.gap(d))));
        }
        blocks.add(new Block.Table(List.of("Dimension", "Mentees", "Mentors", "Gap"), rows));
        blocks.add(new Block.Text(HealthFormat.notApplicable(
                notApplicable.ofProgramme(programme.id(), reader.firstMonday(programme.zone(), weeks), own),
                "insight.not-applicable.overview",
                "weeks",
                weeks)));
        if (o.changes().isEmpty()) {
            blocks.add(new Block.Text("No pair changed state in the last 7 days."));
        } else {
            StringBuilder changed = new StringBuilder("*Changed in the last 7 days*\n");
            o.changes().stream()
                    .limit(MAX_CHANGES)
                    .forEach(c -> changed.append("• #")
                            .append(c.pairId())
                            .append(' ')
                            .append(c.mentor())
                            .append(" → ")
                            .append(c.mentee())
                            .append(": ")
                            .append(HealthFormat.state(c.previous()))
                            .append(" → ")
                            .append(HealthFormat.state(c.state()))
                            .append('\n'));
            if (o.changes().size() > MAX_CHANGES) {
                changed.append("…and ").append(o.changes().size() - MAX_CHANGES).append(" more.");
            }
            blocks.add(new Block.Text(changed.toString().strip()));
        }
        for (OverviewCharts.Chart chart : OverviewCharts.draw(o)) {
            blocks.add(new Block.Image(chart.title() + ", over the last " + weeks + " weeks.", chart.png()));
        }
        return Reply.privately(new ChatMessage(programme.name() + ": overview of " + weeks + " weeks", blocks));
    }

    private int weeks(CommandContext ctx) {
        if (ctx.args().isEmpty()) {
            return DEFAULT_WEEKS;
        }
        try {
            int weeks = Integer.parseInt(ctx.arg(0));
            if (weeks >= 2 && weeks <= 26) {
                return weeks;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new CommandException("Give the number of weeks as a whole number from 2 to 26, e.g. `overview 12`.");
    }

    private static String rate(Rate r) {
        return r.sent() == 0
                ? "none sent yet"
                : r.answered() + " of " + r.sent() + " (" + Math.round(r.share() * 100) + "%)";
    }

    private static String states(Map<HealthState, Integer> counts) {
        return counts.getOrDefault(HealthState.AT_RISK, 0) + " at risk, " + counts.getOrDefault(HealthState.WATCH, 0)
                + " to watch, " + counts.getOrDefault(HealthState.ON_TRACK, 0) + " on track, "
                + counts.getOrDefault(HealthState.TOO_EARLY, 0) + " too early to tell";
    }
}
