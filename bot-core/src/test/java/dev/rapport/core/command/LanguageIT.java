package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.i18n.Languages;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person's language, as the outbox applies it: their choice, else their platform's locale when shipped, else the
 * programme's default, else English; decided when a message is sent, not when it was written.
 */
class LanguageIT extends CommandTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    dev.rapport.core.participant.ParticipantLanguages languages;

    ChatUser cora;
    ChatUser lee;
    ChatUser ana;

    @BeforeEach
    void aPairWhoseWelcomesWait() {
        cora = admin("Cora");
        lee = user("Dr Lee");
        ana = user("Ana");
        say(cora, "setup \"Residents 2026\" Europe/Lisbon");
        say(cora, "add-pair " + mention(lee) + " " + mention(ana) + " 2026-11-23");
    }

    @Test
    void waiting_messages_are_sent_in_the_language_each_person_reads_when_they_leave() {
        long programme = jdbc.queryForObject("select id from programme", Long.class);
        assertThat(programmes.setDefaultLanguage(programme, "fr")).isEqualTo(Locale.of("fr"));
        assertThat(programmes.defaultLanguage(programme)).isEqualTo(Locale.of("fr"));
        assertThat(languages.setLanguage(ana, "es-MX")).isEqualTo(Locale.of("es"));

        tick();

        assertThat(welcomeTo(ana)).startsWith("*¡Le damos la bienvenida a Residents 2026, Ana!*");
        assertThat(welcomeTo(lee)).startsWith("*Bienvenue dans Residents 2026, Dr Lee !*");
    }

    @Test
    void a_platform_locale_rapport_ships_wins_over_the_programme_default_and_a_choice_over_both() {
        jdbc.update("update programme set default_language = 'es'");
        // Cora's platform says English in this request (Discord's interaction locale, Slack's users.info locale).
        say(
                new ChatUser(
                        cora.platform(), cora.workspaceId(), cora.userId(), "Cora", true, java.util.Set.of(), "en-GB"),
                "help");
        say(
                new ChatUser(
                        lee.platform(), lee.workspaceId(), lee.userId(), "Dr Lee", false, java.util.Set.of(), "de-DE"),
                "me");

        assertThat(languages.languageOf(cora)).isEqualTo(Languages.ENGLISH);
        assertThat(languages.languageOf(lee)).as("German is not shipped").isEqualTo(Locale.of("es"));
        assertThat(languages.setLanguage(lee, "fr")).isEqualTo(Locale.of("fr"));
        assertThat(languages.setLanguage(lee, null)).as("forgetting the choice").isEqualTo(Locale.of("es"));
        assertThat(languages.setLanguage(cora, "fr")).isEqualTo(Locale.of("fr"));
    }

    @Test
    void a_language_rapport_does_not_ship_is_refused_with_the_ones_it_does() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> languages.setLanguage(ana, "klingon"))
                .withMessageContaining("en, fr, es");
    }

    private String welcomeTo(ChatUser who) {
        return slack.to(who.userId()).stream()
                .map(d -> d.message().summary())
                .filter(s -> s.contains("Residents 2026") && s.contains("Rapport"))
                .findFirst()
                .orElseThrow();
    }
}
