package dev.rapport.core.command;

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
            Locale now = languages.languageOf(ctx.actor());
            return Reply.privately("Rapport writes to you in " + now.getDisplayLanguage(Locale.ENGLISH) + " (" + now
                    + "). Choose another with `/rapport language " + String.join(" | ", Languages.codes())
                    + "`, or `/rapport language auto` to follow your platform's language.");
        }
        String code = ctx.arg(0);
        Locale chosen = languages.setLanguage(ctx.actor(), code.equalsIgnoreCase(AUTO) ? null : code);
        return Reply.privately("From now on Rapport writes to you in " + chosen.getDisplayLanguage(Locale.ENGLISH)
                + " (" + chosen + ")"
                + (code.equalsIgnoreCase(AUTO) ? ", your platform's or your programme's language." : "."));
    }
}
