package dev.rapport.core.command;

import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.participant.ParticipantView;
import dev.rapport.core.privacy.Erasure;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /rapport erase-me confirm}: erase everything Rapport stores about the person who asks, everywhere. */
@Component
class EraseMeCommand extends Subcommand {

    private final ParticipantService participants;
    private final Erasure erasure;

    EraseMeCommand(ParticipantService participants, Erasure erasure) {
        super(Definition.of("erase-me", Audience.EVERYONE).withParameters(Parameter.confirm()));
        this.participants = participants;
        this.erasure = erasure;
    }

    @Override
    public Reply run(CommandContext ctx) {
        List<ParticipantView> me = participants.findEverywhere(ctx.actor());
        if (me.isEmpty()) {
            return Reply.privately(ctx.text("command.my-data.nothing"));
        }
        if (!ctx.confirmed(0)) {
            return Reply.privately(ctx.text("command.erase-me.confirm"));
        }
        Erasure.Result result =
                erasure.erasePerson(me.stream().map(ParticipantView::id).toList());
        return Reply.privately(ctx.text("command.erase-me.done", "ended", result.pairsEnded()));
    }
}
