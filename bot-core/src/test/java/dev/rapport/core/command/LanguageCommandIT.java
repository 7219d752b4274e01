package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatUser;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /rapport language}: a person chooses the language Rapport writes to them in, or goes back to automatic. */
class LanguageCommandIT extends CommandTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    dev.rapport.core.participant.ParticipantLanguages languages;

    ChatUser cora;
    ChatUser ana;

    @BeforeEach
    void aPair() {
        cora = admin("Cora");
        ana = user("Ana");
        say(cora, "setup \"Residents 2026\" Europe/Lisbon");
        say(cora, "add-pair " + mention(user("Dr Lee")) + " " + mention(ana));
    }

    @Test
    void a_choice_is_kept_shown_and_forgotten_with_auto() {
        assertThat(say(ana, "language")).startsWith("Rapport writes to you in English (en).");
        assertThat(say(ana, "language fr"))
                .as("said in the language just chosen")
                .isEqualTo("Désormais, Rapport vous écrit en français (fr).");
        assertThat(languages.languageOf(ana)).isEqualTo(Locale.of("fr"));
        assertThat(say(ana, "language")).startsWith("Rapport vous écrit en français (fr).");
        assertThat(say(ana, "language auto")).startsWith("From now on Rapport writes to you in English (en)");
        assertThat(jdbc.queryForObject("select language from participant where display_name = 'Ana'", String.class))
                .isNull();
    }

    @Test
    void a_language_rapport_does_not_speak_is_refused_and_changes_nothing() {
        assertThat(say(ana, "language de")).isEqualTo("Rapport speaks en, fr, es; \"de\" is none of them.");
        assertThat(languages.languageOf(ana)).isEqualTo(Locale.ENGLISH);
        assertThat(say(user("Stranger"), "language fr")).startsWith("You're not part of a Rapport programme");
    }
}
