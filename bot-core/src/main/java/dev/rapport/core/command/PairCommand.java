package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.chart.PairChart;
import dev.rapport.core.chart.PairTimeline;
import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.checkin.CheckInService;
import dev.rapport.core.health.DimensionTrend;
import dev.rapport.core.health.HealthHistory;
import dev.rapport.core.health.HealthService;
import dev.rapport.core.health.PairHealth;
import dev.rapport.core.health.Reason;
import dev.rapport.core.i18n.Text;
import dev.rapport.core.insight.NotApplicableShares;
import dev.rapport.core.intervention.CoordinatorNotes;
import dev.rapport.core.meeting.MeetingService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.pulse.Dimension;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code /rapport pair #id | @person}: one pair's health, each dimension's level and trend on both sides, and
 * the comments shared with the coordinator. Coordinators only; and not for a coordinator who is in the pair.
 */
@Component
class PairCommand extends Subcommand {

    private final HealthService health;
    private final PairLookup lookup;
    private final CheckInService checkIns;
    private final MeetingService meetings;
    private final HealthHistory history;
    private final CoordinatorNotes notes;
    private final PairTimeline timeline;
    private final NotApplicableShares notApplicable;

    PairCommand(
            HealthService health,
            PairLookup lookup,
            CheckInService checkIns,
            MeetingService meetings,
            HealthHistory history,
            CoordinatorNotes notes,
            PairTimeline timeline,
            NotApplicableShares notApplicable) {
        super(Definition.of("pair", Audience.COORDINATOR)
                .withAudit(AuditKind.READ)
                .withParameters(Parameter.required("pair", Parameter.Kind.PAIR).describedBy(Parameter.SHARED_PAIR)));
        this.health = health;
        this.lookup = lookup;
        this.checkIns = checkIns;
        this.meetings = meetings;
        this.history = history;
        this.notes = notes;
        this.timeline = timeline;
        this.notApplicable = notApplicable;
    }

    /** The most entries the history shows: the latest state changes and notes, together. */
    static final int HISTORY = 8;

    /** The pair's state changes and coordinators' notes, newest first, as one list. */
    private Optional<Block> history(CommandContext ctx, PairView pair, ZoneId zone) {
        record Entry(Instant at, String text) {}
        List<Entry> entries = new ArrayList<>();
        for (HealthHistory.Change c : history.of(pair.id(), HISTORY)) {
            // The reasons are stored as they were written when the state changed (health.HealthHistory).
            String why = String.join("; ", c.texts(ctx.locale()));
            String change = HealthFormat.state(ctx, c.state())
                    + (c.previous() == null
                            ? ""
                            : " "
                                    + ctx.text(
                                            "command.pair.history.was",
                                            "state",
                                            HealthFormat.state(ctx, c.previous())));
            entries.add(new Entry(
                    c.at(),
                    why.isEmpty()
                            ? change
                            : ctx.text("command.pair.history.because", "change", change, "reasons", why)));
        }
        for (CoordinatorNotes.Note n : notes.of(pair.id(), HISTORY)) {
            entries.add(new Entry(
                    n.at(),
                    ctx.text(
                            "command.pair.history.note",
                            "former",
                            n.author() == null ? "yes" : "no",
                            "author",
                            n.author(),
                            "text",
                            n.text())));
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("*" + ctx.text("command.pair.history") + "*\n");
        entries.stream()
                .sorted(Comparator.comparing(Entry::at).reversed())
                .limit(HISTORY)
                .forEach(e -> text.append("• ")
                        .append(ctx.text(
                                "command.date", "date", e.at().atZone(zone).toLocalDate()))
                        .append(" – ")
                        .append(e.text())
                        .append('\n'));
        return Optional.of(new Block.Text(text.toString().strip()));
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        PairView pair = lookup.find(ctx, programme, ctx.arg(0));
        PairHealth h = health.assess(pair.id());
        List<Block> blocks = new ArrayList<>();
        String described = lookup.describe(pair);
        blocks.add(new Block.Text(ctx.text(
                        "command.pair.heading",
                        "pair",
                        described,
                        "programme",
                        programme.name(),
                        "since",
                        pair.startedOn(),
                        "state",
                        HealthFormat.state(ctx, h.state()),
                        "mentee",
                        HealthFormat.percent(ctx, h.responseRate(), h.checkInsSent()),
                        "sent",
                        h.checkInsSent(),
                        "mentor",
                        HealthFormat.percent(ctx, h.mentorResponseRate()),
                        "meeting",
                        HealthFormat.weeks(ctx, h.weeksSinceMeeting()))
                + (pair.pausedUntil() != null
                        ? " · " + ctx.text("command.pair.paused", "until", pair.pausedUntil())
                        : "")));
        if (!h.reasons().isEmpty()) {
            StringBuilder why = new StringBuilder("*" + ctx.text("command.pair.why") + "*\n");
            for (Reason r : h.reasons()) {
                why.append("• ").append(ctx.text(r.message())).append('\n');
            }
            blocks.add(new Block.Text(why.toString().strip()));
        }
        Locale locale = ctx.locale();
        List<List<String>> rows = new ArrayList<>();
        for (DimensionTrend d : h.dimensions()) {
            rows.add(List.of(
                    ctx.text(dimension(d.dimension())),
                    HealthFormat.level(locale, d.menteeLevel()),
                    HealthFormat.spark(d.menteeScores()),
                    HealthFormat.change(locale, d.change()),
                    HealthFormat.level(locale, d.mentorLevel()),
                    HealthFormat.level(locale, d.gap())));
        }
        blocks.add(new Block.Table(
                List.of(
                        ctx.text("command.table.dimension"),
                        ctx.text("command.pair.column.mentee"),
                        ctx.text("command.pair.column.mentee-trend"),
                        ctx.text("command.pair.column.change"),
                        ctx.text("command.pair.column.mentor"),
                        ctx.text("command.table.gap")),
                rows));
        blocks.add(new Block.Text(
                HealthFormat.notApplicable(ctx, notApplicable.ofPair(pair.id()), "insight.not-applicable.pair")));
        PairTimeline.Timeline course = timeline.of(pair.id(), programme.zone());
        // The chart, its title and its description (its alternative text) are the chart package's (chart.PairChart).
        PairChart.png(PairChart.title(ctx.locale(), described), course, ctx.locale())
                .ifPresent(png -> blocks.add(new Block.Image(PairChart.describe(course, ctx.locale()), png)));
        var comments = checkIns.sharedComments(pair.id(), 5);
        if (!comments.isEmpty()) {
            StringBuilder text = new StringBuilder("*" + ctx.text("command.pair.comments") + "*\n");
            comments.forEach(c -> text.append("• ")
                    .append(ctx.text(
                            "command.pair.comment",
                            "period",
                            c.period(),
                            "role",
                            c.role().name(),
                            "text",
                            c.text()))
                    .append('\n'));
            blocks.add(new Block.Text(text.toString().strip()));
        }
        history(ctx, pair, programme.zone()).ifPresent(blocks::add);
        var recent = meetings.recent(pair.id());
        if (!recent.isEmpty()) {
            blocks.add(new Block.Text(ctx.text(
                    "command.pair.meetings",
                    "dates",
                    recent.stream()
                            .limit(5)
                            .map(m -> ctx.text("command.date", "date", m.heldOn()))
                            .collect(Collectors.joining(", ")))));
        }
        blocks.add(new Block.Text(ctx.text("command.pair.footer")));
        return Reply.privately(new ChatMessage(
                ctx.text("command.pair.title", "pair", described, "state", HealthFormat.state(ctx, h.state())),
                blocks));
    }

    /** A dimension's name, in the pulse's own words ({@code pulse.dimension.respect} …). */
    static Text dimension(Dimension d) {
        return Text.of("pulse.dimension." + d.name().toLowerCase(Locale.ROOT));
    }
}
