package dev.rapport.core.command;

import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.participant.ParticipantLanguages;
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

    private static final Catalogue CATALOGUE = Catalogue.standard();

    private final ResearchConsent consent;
    private final ParticipantLanguages languages;

    ConsentCommand(ResearchConsent consent, ParticipantLanguages languages) {
        super(Definition.of(
                        "consent",
                        Audience.PARTICIPANT,
                        "Whether your anonymised answers may be used to study mentoring")
                .withParameters(Parameter.optional("answer", Parameter.Kind.WORD, "yes or no")
                        .withChoices(YES, NO)
                        .shownAs(YES + " | " + NO)));
        this.consent = consent;
        this.languages = languages;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ParticipantView me = ctx.requireParticipant();
        Locale in = languages.languageOf(ctx.actor());
        if (ctx.args().isEmpty()) {
            return Reply.privately(CATALOGUE.text(in, ResearchConsent.status(consent.of(me.id()), me.zone())) + "\n"
                    + CATALOGUE.text(in, "research.consent.how-to-change"));
        }
        String word = ctx.arg(0).toLowerCase(Locale.ROOT);
        if (!word.equals(YES) && !word.equals(NO)) {
            throw ctx.usageError();
        }
        consent.set(ctx.actor(), word.equals(YES));
        return Reply.privately(CATALOGUE.text(in, ResearchConsent.savedKey(word.equals(YES))));
    }
}
