package dev.rapport.core.command;

import dev.rapport.core.audit.Audit;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.pair.Role;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.participant.ParticipantView;
import dev.rapport.core.participant.ResearchConsent;
import dev.rapport.core.schedule.SlotPlanner;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code /rapport me}: your pairs, your next check-in, your settings. Only about yourself, so nothing confidential. */
@Component
class MeCommand extends Subcommand {

    /** A time of day, written the same in every shipped language. */
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final ParticipantService participants;
    private final SlotPlanner planner;
    private final Audit audit;
    private final ResearchConsent consent;

    MeCommand(ParticipantService participants, SlotPlanner planner, Audit audit, ResearchConsent consent) {
        super(Definition.of("me", Audience.PARTICIPANT));
        this.participants = participants;
        this.planner = planner;
        this.audit = audit;
        this.consent = consent;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ParticipantView me = ctx.requireParticipant();
        StringBuilder text = new StringBuilder("*" + me.displayName() + "*\n");
        var pairs = ctx.myPairs(me);
        if (pairs.isEmpty()) {
            text.append(ctx.text("command.me.no-pair")).append('\n');
        }
        for (PairView pair : pairs) {
            String partner = participants
                    .find(pair.partnerOf(me.id()))
                    .map(ParticipantView::displayName)
                    .orElse("?");
            String role = pair.roleOf(me.id()) == Role.MENTOR ? "MENTOR" : "MENTEE";
            text.append("• ")
                    .append(
                            pair.pausedUntil() == null
                                    ? ctx.text(
                                            "command.me.pair",
                                            "role",
                                            role,
                                            "partner",
                                            partner,
                                            "since",
                                            pair.startedOn())
                                    : ctx.text(
                                            "command.me.pair.paused",
                                            "role",
                                            role,
                                            "partner",
                                            partner,
                                            "since",
                                            pair.startedOn(),
                                            "until",
                                            pair.pausedUntil()))
                    .append('\n');
        }
        planner.nextDueFor(me.id()).ifPresent(next -> {
            LocalDateTime local = next.atZone(me.zone()).toLocalDateTime();
            text.append(ctx.text(
                            "command.me.next",
                            "day",
                            local.toLocalDate(),
                            "time",
                            local.toLocalTime().format(HOURS)))
                    .append('\n');
        });
        List<String> settings = new ArrayList<>();
        settings.add(ctx.text("command.me.zone", "zone", me.zone().getId()));
        if (me.quietHours() != null) {
            settings.add(ctx.text(
                    "command.me.quiet",
                    "start",
                    me.quietHours().start().toString(),
                    "end",
                    me.quietHours().end().toString()));
        }
        if (me.pausedUntil() != null
                && !me.pausedUntil()
                        .isBefore(ctx.clock().instant().atZone(me.zone()).toLocalDate())) {
            settings.add(ctx.text("command.me.paused", "until", me.pausedUntil()));
        }
        text.append(String.join(" · ", settings));
        if (!pairs.isEmpty()) {
            int reads = audit.readsOf(pairs.stream().map(PairView::id).toList(), Duration.ofDays(30));
            text.append('\n').append(ctx.text("command.me.reads", "pairs", pairs.size(), "reads", reads));
        }
        text.append('\n').append(ctx.text(ResearchConsent.status(consent.of(me.id()), me.zone())));
        return Reply.privately(text.toString());
    }
}
