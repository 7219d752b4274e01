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
            return Reply.privately("Rapport stores nothing about you here.");
        }
        if (!ctx.confirmed(0)) {
            return Reply.privately("Erasing removes everything Rapport stores about you: your name and platform id,"
                    + " your check-ins, answers and comments, your meeting notes and the messages I sent you. Your"
                    + " pairs end, and your partners and coordinators are told that the pair has ended, without your"
                    + " name. This cannot be undone. `/rapport my-data` gives you a copy first. To go ahead, run"
                    + " `/rapport erase-me confirm`.");
        }
        Erasure.Result result =
                erasure.erasePerson(me.stream().map(ParticipantView::id).toList());
        return Reply.privately("Everything Rapport stored about you has been erased"
                + (result.pairsEnded() > 0 ? ", and your " + result.pairsEnded() + " pair(s) have ended" : "")
                + ". You won't hear from me again.");
    }
}
