package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.pair.PairService;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.participant.ParticipantView;
import dev.rapport.core.privacy.Erasure;
import dev.rapport.core.programme.ProgrammeView;
import org.springframework.stereotype.Component;

/** {@code /rapport erase @person confirm}: a coordinator erases a participant from their programme. */
@Component
class EraseCommand extends Subcommand {

    private final ParticipantService participants;
    private final PairService pairs;
    private final Erasure erasure;

    EraseCommand(ParticipantService participants, PairService pairs, Erasure erasure) {
        super(Definition.of("erase", Audience.COORDINATOR)
                .withAudit(AuditKind.CHANGE)
                .withParameters(Parameter.required("person", Parameter.Kind.USER), Parameter.confirm()));
        this.participants = participants;
        this.pairs = pairs;
        this.erasure = erasure;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        ParticipantView me = ctx.requireParticipant();
        String token = ctx.arg(0);
        ParticipantView person = participants
                .find(ctx.user(token))
                .filter(p -> erasure.takesPart(p.id(), programme.id()))
                .orElseThrow(() -> new CommandException("There is nobody by that name in " + programme.name() + "."));
        if (person.id() == me.id()) {
            throw new CommandException("To erase yourself, run `/rapport erase-me`.");
        }
        if (pairs.openFor(me.id()).stream().anyMatch(p -> p.roleOf(person.id()) != null)) {
            throw new CommandException("You are in a pair with " + person.displayName()
                    + " yourself, so another coordinator of " + programme.name() + " must do this.");
        }
        if (!ctx.confirmed(1)) {
            return Reply.privately("This erases " + person.displayName() + " from " + programme.name()
                    + ": their check-ins, answers and comments there, the notes of their meetings and the messages"
                    + " about their pairs; their pairs end, and their partners are told without their name. If they"
                    + " take part in nothing else, their name and platform id go too. This cannot be undone. To go"
                    + " ahead, run `/rapport erase " + token + " confirm`.");
        }
        Erasure.Result result = erasure.eraseFromProgramme(person.id(), programme.id());
        return Reply.privately("Erased from " + programme.name()
                + (result.pairsEnded() > 0 ? "; " + result.pairsEnded() + " pair(s) ended" : "")
                + (result.profileErased() ? "; they took part in nothing else, so their profile is erased too" : "")
                + ".");
    }
}
