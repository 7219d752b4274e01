package dev.rapport.core.command;

import dev.rapport.core.meeting.MeetingService;
import dev.rapport.core.meeting.MeetingView;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.participant.ParticipantService;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /rapport meeting [@partner] [YYYY-MM-DD] [note…]}: log a meeting of your pair. */
@Component
class MeetingCommand extends Subcommand {

    private final MeetingService meetings;
    private final ParticipantService participants;

    MeetingCommand(MeetingService meetings, ParticipantService participants) {
        super(Definition.of("meeting", Audience.PARTICIPANT)
                .withAliases("met", "log")
                .withParameters(
                        Parameter.optional("partner", Parameter.Kind.USER),
                        Parameter.optional("date", Parameter.Kind.DATE),
                        Parameter.optional("note", Parameter.Kind.REST)));
        this.meetings = meetings;
        this.participants = participants;
    }

    @Override
    public Reply run(CommandContext ctx) {
        var me = ctx.requireParticipant();
        List<PairView> mine = ctx.myPairs(me);
        if (mine.isEmpty()) {
            throw new CommandException("command.meeting.error.no-pair");
        }
        int i = 0;
        PairView pair;
        if (i < ctx.args().size() && ctx.isMention(ctx.args().get(i))) {
            var partner = participants.find(ctx.user(ctx.args().get(i))).orElse(null);
            pair = partner == null
                    ? null
                    : mine.stream()
                            .filter(p -> p.partnerOf(me.id()) == partner.id() && p.roleOf(me.id()) != null)
                            .findFirst()
                            .orElse(null);
            if (pair == null) {
                throw new CommandException("command.meeting.error.not-partner");
            }
            i++;
        } else if (mine.size() == 1) {
            pair = mine.get(0);
        } else {
            throw new CommandException("command.meeting.error.several");
        }
        LocalDate heldOn = ctx.clock().instant().atZone(me.zone()).toLocalDate();
        if (i < ctx.args().size() && ctx.looksLikeDate(ctx.args().get(i))) {
            heldOn = ctx.date(ctx.args().get(i), me.zone());
            i++;
        }
        MeetingView m = meetings.log(pair.id(), me.id(), heldOn, pair.startedOn(), me.zone(), ctx.rest(i));
        String partnerName = participants
                .find(pair.partnerOf(me.id()))
                .map(p -> p.displayName())
                .orElseGet(() -> ctx.text("command.meeting.your-partner"));
        return Reply.privately(ctx.text(
                m.alreadyLogged() ? "command.meeting.already" : "command.meeting.done",
                "partner",
                partnerName,
                "date",
                heldOn));
    }
}
