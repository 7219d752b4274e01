package dev.rapport.core.command;

import dev.rapport.core.pair.PairService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.participant.ParticipantView;
import dev.rapport.core.programme.ProgrammeView;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Finds the pair a coordinator means, by number or by a mention of its mentor or mentee, and only among the pairs that
 * coordinator may see: those of the coordinator's programme ({@link CommandContext#coordinatedProgramme()}), and never
 * one they are in themselves ({@link Authority#mayCoordinate}). Every command that acts on or shows one pair finds it
 * here, so the rule is kept once. Whatever else is asked for gets the same answer, "no such pair": it says nothing
 * about other programmes, nor whether the person named takes part in Rapport at all.
 */
@Component
class PairLookup {

    /** The refusal of a pair the coordinator is in themselves. */
    static final String OWN_PAIR = "command.pair-lookup.own-pair";

    private final PairService pairs;
    private final ParticipantService participants;

    PairLookup(PairService pairs, ParticipantService participants) {
        this.pairs = pairs;
        this.participants = participants;
    }

    /** The pair, noted on the context as what the command concerns. */
    PairView find(CommandContext ctx, ProgrammeView programme, String token) {
        PairView pair = lookUp(ctx, programme, token);
        ctx.concerns(pair);
        return pair;
    }

    private PairView lookUp(CommandContext ctx, ProgrammeView programme, String token) {
        Optional<ParticipantView> me = ctx.participant();
        if (token.matches("#?\\d{1,18}")) {
            long id = Long.parseLong(token.replace("#", ""));
            PairView pair = pairs.find(id)
                    .filter(p -> p.programmeId() == programme.id())
                    .orElseThrow(() -> new CommandException(
                            "command.pair-lookup.no-pair", "pair", "#" + id, "programme", programme.name()));
            if (!Authority.mayCoordinate(me, pair)) {
                throw new CommandException(OWN_PAIR);
            }
            return pair;
        }
        var user = ctx.user(token);
        Optional<ParticipantView> person = participants.find(user);
        List<PairView> theirs = person.map(p -> pairs.openIn(programme.id()).stream()
                        .filter(pair -> pair.roleOf(p.id()) != null)
                        .toList())
                .orElse(List.of());
        List<PairView> visible = theirs.stream()
                .filter(pair -> Authority.mayCoordinate(me, pair))
                .toList();
        if (visible.isEmpty()) {
            if (!theirs.isEmpty()) {
                throw new CommandException(OWN_PAIR);
            }
            throw new CommandException("command.pair-lookup.no-person", "programme", programme.name());
        }
        if (visible.size() > 1) {
            throw new CommandException(
                    "command.pair-lookup.several",
                    "programme",
                    programme.name(),
                    "pairs",
                    visible.stream().map(p -> "#" + p.id()).collect(Collectors.joining(", ")));
        }
        return visible.get(0);
    }

    String describe(PairView pair) {
        String mentor =
                participants.find(pair.mentorId()).map(p -> p.displayName()).orElse("?");
        String mentee =
                participants.find(pair.menteeId()).map(p -> p.displayName()).orElse("?");
        return "#" + pair.id() + " " + mentor + " → " + mentee;
    }
}
