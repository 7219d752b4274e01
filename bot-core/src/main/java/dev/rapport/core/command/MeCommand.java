package dev.rapport.core.command;

import dev.rapport.core.audit.Audit;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.participant.ParticipantLanguages;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.participant.ParticipantView;
import dev.rapport.core.participant.ResearchConsent;
import dev.rapport.core.schedule.SlotPlanner;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code /rapport me}: your pairs, your next check-in, your settings. Only about yourself, so nothing confidential. */
@Component
class MeCommand extends Subcommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);

    private final ParticipantService participants;
    private final SlotPlanner planner;
    private final Audit audit;
    private final ResearchConsent consent;
    private final ParticipantLanguages languages;

    MeCommand(
            ParticipantService participants,
            SlotPlanner planner,
            Audit audit,
            ResearchConsent consent,
            ParticipantLanguages languages) {
        super(Definition.of("me", Audience.PARTICIPANT, "Your pairs, your next check-in and your settings"));
        this.participants = participants;
        this.planner = planner;
        this.audit = audit;
        this.consent = consent;
        this.languages = languages;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ParticipantView me = ctx.requireParticipant();
        StringBuilder text = new StringBuilder("*" + me.displayName() + "*\n");
        var pairs = ctx.myPairs(me);
        if (pairs.isEmpty()) {
            text.append("You are not in an active pair.\n");
        }
        for (PairView pair : pairs) {
            String partner = participants
                    .find(pair.partnerOf(me.id()))
                    .map(ParticipantView::displayName)
                    .orElse("?");
            text.append("• ")
                    .append(
                            pair.roleOf(me.id()) == dev.rapport.core.pair.Role.MENTOR
                                    ? "You mentor "
                                    : "Your mentor is ")
                    .append(partner)
                    .append(" (since ")
                    .append(pair.startedOn())
                    .append(pair.pausedUntil() != null ? ", pair paused until " + pair.pausedUntil() : "")
                    .append(")\n");
        }
        planner.nextDueFor(me.id())
                .ifPresent(next -> text.append("Next check-in: ")
                        .append(WHEN.format(next.atZone(me.zone())))
                        .append('\n'));
        text.append("Time zone: ").append(me.zone().getId());
        if (me.quietHours() != null) {
            text.append(" · quiet hours ")
                    .append(me.quietHours().start())
                    .append("–")
                    .append(me.quietHours().end());
        }
        if (me.pausedUntil() != null
                && !me.pausedUntil()
                        .isBefore(ctx.clock().instant().atZone(me.zone()).toLocalDate())) {
            text.append(" · paused until ").append(me.pausedUntil());
        }
        if (!pairs.isEmpty()) {
            int reads = audit.readsOf(pairs.stream().map(PairView::id).toList(), Duration.ofDays(30));
            text.append("\nCoordinators looked at your pair")
                    .append(pairs.size() > 1 ? "s" : "")
                    .append(" ")
                    .append(reads)
                    .append(reads == 1 ? " time" : " times")
                    .append(" in the last 30 days (in the programme's overviews or on its own).");
        }
        text.append('\n')
                .append(Catalogue.standard()
                        .text(
                                languages.languageOf(ctx.actor()),
                                ResearchConsent.status(consent.of(me.id()), me.zone())));
        return Reply.privately(text.toString());
    }
}
