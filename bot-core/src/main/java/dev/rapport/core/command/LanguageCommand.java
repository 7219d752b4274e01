package dev.rapport.core.command;

import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Languages;
import dev.rapport.core.participant.ParticipantLanguages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code /rapport language [code | auto]}: the language Rapport writes to you in. Without a code it says which one it
 * is and why; {@code auto} forgets your choice, so your platform's language (or your programme's) applies again.
 */
@Component
class LanguageCommand extends Subcommand {

    /** The word that forgets a person's choice. */
    static final String AUTO = "auto";

    private final ParticipantLanguages languages;

    LanguageCommand(ParticipantLanguages languages) {
        super(Definition.of("language", Audience.PARTICIPANT)
                .withParameters(Parameter.optional("code", Parameter.Kind.WORD)
                        .withChoices(choices())
                        .shownAs(String.join(" | ", choices()))));
        this.languages = languages;
    }

    private static String[] choices() {
        List<String> words = new ArrayList<>(Languages.codes());
        words.add(AUTO);
        return words.toArray(String[]::new);
    }

    @Override
    public Reply run(CommandContext ctx) {
        ctx.requireParticipant();
        if (ctx.args().isEmpty()) {
            Locale now = ctx.locale();
            return Reply.privately(ctx.text(
                    "command.language.now",
                    "language",
                    now.getDisplayLanguage(now),
                    "code",
                    now.getLanguage(),
                    "codes",
                    String.join(" | ", Languages.codes())));
        }
        String code = ctx.arg(0);
        boolean auto = code.equalsIgnoreCase(AUTO);
        Locale chosen = languages.setLanguage(ctx.actor(), auto ? null : code);
        // Said in the language just chosen, the first text the person reads in it.
        return Reply.privately(Catalogue.standard()
                .text(
                        chosen,
                        "command.language.done",
                        "language",
                        chosen.getDisplayLanguage(chosen),
                        "code",
                        chosen.getLanguage(),
                        "auto",
                        auto ? "yes" : "no"));
    }
}
