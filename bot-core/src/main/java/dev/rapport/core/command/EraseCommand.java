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
                .orElseThrow(() -> new CommandException("command.erase.error.nobody", "programme", programme.name()));
        if (person.id() == me.id()) {
            throw new CommandException("command.erase.error.yourself");
        }
        if (pairs.openFor(me.id()).stream().anyMatch(p -> p.roleOf(person.id()) != null)) {
            throw new CommandException(
                    "command.erase.error.own-pair", "name", person.displayName(), "programme", programme.name());
        }
        if (!ctx.confirmed(1)) {
            return Reply.privately(ctx.text(
                    "command.erase.confirm",
                    "name",
                    person.displayName(),
                    "programme",
                    programme.name(),
                    "person",
                    token));
        }
        Erasure.Result result = erasure.eraseFromProgramme(person.id(), programme.id());
        return Reply.privately(ctx.text(
                "command.erase.done",
                "programme",
                programme.name(),
                "ended",
                result.pairsEnded(),
                "profile",
                result.profileErased() ? "yes" : "no"));
    }
}
