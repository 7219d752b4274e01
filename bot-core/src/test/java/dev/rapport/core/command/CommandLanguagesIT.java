package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.participant.ParticipantLanguages;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A command is answered in the language of the person who ran it, whoever else reads the same programme: a French
 * coordinator (her platform says {@code fr-FR}) and an English one see the same health, help and usage errors each in
 * their own language, and a mentee who chose Spanish reads {@code /rapport me} and the help in Spanish.
 */
class CommandLanguagesIT extends CommandTestSupport {

    @Autowired
    ParticipantLanguages languages;

    ChatUser cora;
    ChatUser claire;
    ChatUser lee;
    ChatUser ana;

    @BeforeEach
    void oneProgrammeReadInThreeLanguages() {
        cora = inLocale(admin("Cora"), "en-GB");
        claire = inLocale(user("Claire"), "fr-FR");
        lee = user("Dr Lee");
        ana = user("Ana");
        say(cora, "setup \"Residents 2026\" Europe/Lisbon");
        say(cora, "coordinator add " + mention(claire));
        say(cora, "add-pair " + mention(lee) + " " + mention(ana) + " 2026-11-23");
    }

    @Test
    void a_french_coordinator_reads_health_help_and_errors_in_french_and_an_english_one_in_english() {
        String health = say(claire, "health");
        assertThat(languages.languageOf(claire))
                .as("her platform's locale, recorded as she ran the command")
                .isEqualTo(Locale.of("fr"));
        assertThat(health)
                .startsWith("*Residents 2026* – 1 binôme : 0 en danger, 0 à surveiller, 0 sur la bonne voie,"
                        + " 1 trop tôt pour le dire.")
                .contains("Binôme | État | Pourquoi | Réponses (mentoré / mentor) | Dernière rencontre")
                .contains("#1 Dr Lee → Ana | ⚪ trop tôt | ")
                .contains("Détails et tendances d’un binôme : `/rapport pair #id`")
                .doesNotContain("Details", "pairs", "too early");
        assertThat(say(cora, "health"))
                .startsWith("*Residents 2026* – 1 pair: 0 at risk, 0 to watch, 0 on track, 1 too early to tell.")
                .contains("Pair | State | Why | Answered (mentee / mentor) | Last meeting")
                .contains("#1 Dr Lee → Ana | ⚪ too early | ")
                .contains("Details and trends for one pair: `/rapport pair #id`");

        assertThat(say(claire, "help"))
                .startsWith("*Rapport* aide les binômes mentor–mentoré à garder le cap")
                .contains("*Pour tout le monde*", "*Pour les mentors et les mentorés*", "*Pour les coordinateurs*")
                .contains("• `/rapport health` – Santé du programme : l’état de chaque binôme et pourquoi")
                .contains("• `/rapport snooze <#binôme | @personne> [days]` – Faire taire les alertes d’un binôme")
                .doesNotContain("For everyone");
        assertThat(say(cora, "help"))
                .contains("*For everyone*", "*For coordinators*")
                .contains("• `/rapport health` – Programme health: every pair's state and why")
                .contains("• `/rapport snooze <#pair | @person> [days]` – Silence a pair's at-risk alerts");

        assertThat(say(claire, "snooze")).isEqualTo("Utilisation : `/rapport snooze <#binôme | @personne> [days]`");
        assertThat(say(cora, "snooze")).isEqualTo("Usage: `/rapport snooze <#pair | @person> [days]`");
        assertThat(say(claire, "pair #99"))
                .isEqualTo("Il n’y a pas de binôme #99 dans Residents 2026. `/rapport health` liste les binômes que"
                        + " vous pouvez voir.");
        assertThat(say(cora, "pair #99")).startsWith("There is no pair #99 in Residents 2026.");
        assertThat(say(claire, "frobnicate")).startsWith("Je ne connais pas `/rapport frobnicate`.");
        assertThat(say(claire, "cadence tuesday 9h"))
                .isEqualTo("Écrivez l’heure au format HH:MM (sur 24 heures)," + " par exemple 10:00.");
    }

    @Test
    void a_spanish_mentee_reads_her_own_summary_and_the_help_in_spanish() {
        assertThat(say(ana, "language es")).isEqualTo("A partir de ahora, Rapport le escribe en español (es).");
        say(ana, "quiet 22:00-07:00");

        assertThat(say(ana, "me"))
                .contains("Su mentor es Dr Lee (desde el 23 de noviembre de 2026)")
                .contains("Próximo seguimiento: lunes 30 de noviembre, 10:00")
                .contains("Zona horaria: Europe/Lisbon · horas de silencio 22:00–07:00")
                .contains("Los coordinadores consultaron su pareja 0 veces en los últimos 30 días");
        assertThat(say(ana, "help"))
                .contains("*Para todos*", "*Para mentores y mentorizados*")
                .contains("• `/rapport me` – Sus parejas, su próximo seguimiento y sus ajustes")
                .contains("• `/rapport pause AAAA-MM-DD` – Pausar sus seguimientos hasta una fecha (incluida)")
                .endsWith("Los coordinadores tienen más comandos; los ven aquí.")
                .doesNotContain("Para coordinadores");
        assertThat(say(ana, "pause 31/12/2026"))
                .isEqualTo("«31/12/2026» no es una fecha que entienda; escríbala como AAAA-MM-DD, por ejemplo"
                        + " 2026-11-23.");
        assertThat(say(lee, "me")).contains("You mentor Ana (since 2026-11-23)").contains("Time zone: Europe/Lisbon");
    }

    private static ChatUser inLocale(ChatUser u, String locale) {
        return new ChatUser(
                u.platform(), u.workspaceId(), u.userId(), u.displayName(), u.maySetUp(), u.roleIds(), locale);
    }
}
