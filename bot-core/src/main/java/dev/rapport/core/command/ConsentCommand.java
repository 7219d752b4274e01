package dev.rapport.core.command;

import dev.rapport.core.participant.ParticipantView;
import dev.rapport.core.participant.ResearchConsent;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code /rapport consent [yes | no]}: whether your anonymised answers may be used to study mentoring (a coordinator's
 * research export). No until you say yes; change it at any time. Without a word it says what you answered and when.
 */
@Component
class ConsentCommand extends Subcommand {

    static final String YES = "yes";
    static final String NO = "no";

    private final ResearchConsent consent;

    ConsentCommand(ResearchConsent consent) {
        super(Definition.of("consent", Audience.PARTICIPANT)
                .withParameters(Parameter.optional("answer", Parameter.Kind.WORD)
                        .withChoices(YES, NO)
                        .shownAs(YES + " | " + NO)));
        this.consent = consent;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ParticipantView me = ctx.requireParticipant();
        if (ctx.args().isEmpty()) {
            return Reply.privately(ctx.text(ResearchConsent.status(consent.of(me.id()), me.zone())) + "\n"
                    + ctx.text("research.consent.how-to-change"));
        }
        String word = ctx.arg(0).toLowerCase(Locale.ROOT);
        if (!word.equals(YES) && !word.equals(NO)) {
            throw ctx.usageError();
        }
        consent.set(ctx.actor(), word.equals(YES));
        return Reply.privately(ctx.text(ResearchConsent.savedKey(word.equals(YES))));
    }
}
