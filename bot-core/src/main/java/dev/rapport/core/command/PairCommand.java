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
import dev.rapport.core.insight.NotApplicableShares;
import dev.rapport.core.intervention.CoordinatorNotes;
import dev.rapport.core.meeting.MeetingService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
        super(Definition.of("pair", Audience.COORDINATOR, "One pair's health, trends per dimension and shared comments")
                .withAudit(AuditKind.READ)
                .withParameters(Parameter.required(
                        "pair", Parameter.Kind.PAIR, "#id from /rapport health, or @mentor or @mentee")));
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
    private Optional<Block> history(PairView pair, ZoneId zone) {
        record Entry(Instant at, String text) {}
        List<Entry> entries = new ArrayList<>();
        for (HealthHistory.Change c : history.of(pair.id(), HISTORY)) {
            String why = String.join("; ", c.texts());
            entries.add(new Entry(
                    c.at(),
                    HealthFormat.state(c.state())
                            + (c.previous() == null ? "" : " (was " + HealthFormat.state(c.previous()) + ")")
                            + (why.isEmpty() ? "" : ": " + why)));
        }
        for (CoordinatorNotes.Note n : notes.of(pair.id(), HISTORY)) {
            entries.add(new Entry(
                    n.at(), "Note by " + (n.author() == null ? "a former coordinator" : n.author()) + ": " + n.text()));
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("*History and notes*\n");
        entries.stream()
                .sorted(Comparator.comparing(Entry::at).reversed())
                .limit(HISTORY)
                .forEach(e -> text.append("• ")
                        .append(e.at().atZone(zone).toLocalDate())
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
        blocks.add(new Block.Text(
                "*Pair " + lookup.describe(pair) + "* (" + programme.name() + ", since " + pair.startedOn() + ")\n"
                        + "State: " + HealthFormat.state(h.state()) + " · check-ins answered: "
                        + HealthFormat.percent(h.responseRate(), h.checkInsSent())
                        + " of " + h.checkInsSent() + " by the mentee, " + HealthFormat.percent(h.mentorResponseRate())
                        + " by the mentor" + " · last meeting: " + HealthFormat.weeks(h.weeksSinceMeeting())
                        + (pair.pausedUntil() != null ? " · paused until " + pair.pausedUntil() : "")));
        if (!h.reasons().isEmpty()) {
            StringBuilder why = new StringBuilder("*Why*\n");
            for (Reason r : h.reasons()) {
                why.append("• ").append(r.text()).append('\n');
            }
            blocks.add(new Block.Text(why.toString().strip()));
        }
        List<List<String>> rows = new ArrayList<>();
        for (DimensionTrend d : h.dimensions()) {
            rows.add(List.of(
                    d.dimension().label(),
                    HealthFormat.level(d.menteeLevel()),
                    HealthFormat.spark(d.menteeScores()),
                    HealthFormat.change(d.change()),
                    HealthFormat.level(d.mentorLevel()),
                    HealthFormat.level(d.gap())));
        }
        blocks.add(new Block.Table(List.of("Dimension", "Mentee", "Mentee trend", "Change", "Mentor", "Gap"), rows));
        blocks.add(new Block.Text(
                HealthFormat.notApplicable(notApplicable.ofPair(pair.id()), "insight.not-applicable.pair")));
        PairTimeline.Timeline course = timeline.of(pair.id(), programme.zone());
        PairChart.png("Trust over time: " + lookup.describe(pair), course)
                .ifPresent(png -> blocks.add(new Block.Image(PairChart.describe(course), png)));
        var comments = checkIns.sharedComments(pair.id(), 5);
        if (!comments.isEmpty()) {
            StringBuilder text = new StringBuilder("*Comments shared with you*\n");
            comments.forEach(c -> text.append("• ")
                    .append(c.period())
                    .append(", ")
                    .append(c.role().label())
                    .append(": ")
                    .append(c.text())
                    .append('\n'));
            blocks.add(new Block.Text(text.toString().strip()));
        }
        history(pair, programme.zone()).ifPresent(blocks::add);
        var recent = meetings.recent(pair.id());
        if (!recent.isEmpty()) {
            blocks.add(new Block.Text("*Meetings logged*: "
                    + recent.stream().map(m -> m.heldOn().toString()).limit(5).toList()));
        }
        blocks.add(
                new Block.Text("Scores are 1–5; levels average the latest answers. Private comments are never shown."));
        return Reply.privately(new ChatMessage("Pair " + lookup.describe(pair) + ": " + h.state(), blocks));
    }
}
