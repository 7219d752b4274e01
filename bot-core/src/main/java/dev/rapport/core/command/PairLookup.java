package dev.rapport.core.command;

import dev.rapport.core.pair.PairService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.programme.ProgrammeView;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Finds the pair a coordinator means, by number or by a mention of its mentor or mentee, and only inside
 * the coordinator's programme: a pair of another programme is "not found", never shown.
 */
@Component
class PairLookup {

    private final PairService pairs;
    private final ParticipantService participants;

    PairLookup(PairService pairs, ParticipantService participants) {
        this.pairs = pairs;
        this.participants = participants;
    }

    /** The pair, noted on the context as what the command concerns. */
    PairView find(CommandContext ctx, ProgrammeView programme, String token, String usage) {
        PairView pair = lookUp(ctx, programme, token, usage);
        ctx.concerns(pair);
        return pair;
    }

    private PairView lookUp(CommandContext ctx, ProgrammeView programme, String token, String usage) {
        if (token.matches("#?\\d{1,18}")) {
            long id = Long.parseLong(token.replace("#", ""));
            return pairs.find(id)
                    .filter(p -> p.programmeId() == programme.id())
                    .orElseThrow(
                            () -> new CommandException("There is no pair #" + id + " in " + programme.name() + "."));
        }
        var user = ctx.user(token, usage);
        var person = participants
                .find(user)
                .orElseThrow(() -> new CommandException("That person is not in " + programme.name() + "."));
        List<PairView> theirs = pairs.openIn(programme.id()).stream()
                .filter(p -> p.roleOf(person.id()) != null)
                .toList();
        if (theirs.isEmpty()) {
            throw new CommandException(person.displayName() + " is not in an open pair in " + programme.name() + ".");
        }
        if (theirs.size() > 1) {
            throw new CommandException(person.displayName() + " is in several pairs ("
                    + theirs.stream().map(p -> "#" + p.id()).toList() + "); use the pair number.");
        }
        return theirs.get(0);
    }

    String describe(PairView pair) {
        String mentor =
                participants.find(pair.mentorId()).map(p -> p.displayName()).orElse("?");
        String mentee =
                participants.find(pair.menteeId()).map(p -> p.displayName()).orElse("?");
        return "#" + pair.id() + " " + mentor + " → " + mentee;
    }
}
