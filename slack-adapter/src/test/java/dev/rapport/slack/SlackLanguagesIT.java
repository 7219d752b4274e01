package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.test.EnglishWords;
import dev.rapport.localslack.LocalSlack;
import dev.rapport.localslack.PostedMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each person reads Rapport in their own language, end to end over Socket Mode: a mentee whose Slack is in French
 * ({@code users.info} answers {@code locale: fr-FR} when asked with {@code include_locale}) gets her welcome, her
 * check-in and its reminder entirely in French, while her mentor and the coordinator, whose Slack is in English, get
 * theirs in English, in the same programme.
 */
class SlackLanguagesIT extends SlackEndToEnd {

    static final LocalSlack SLACK = startSlack(LocalSlack.builder());

    /** Sentences and words of Rapport's English texts that a French reader must never see. */
    static final List<String> ENGLISH = EnglishWords.SENTINELS;

    @DynamicPropertySource
    static void slackOverSocketMode(DynamicPropertyRegistry registry) {
        socketMode(registry, SLACK);
    }

    @Override
    LocalSlack slack() {
        return SLACK;
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @Test
    void a_mentee_whose_slack_is_in_french_reads_everything_in_french_and_the_others_in_english() {
        slack().addUser(slack().user(TEAM, ana).orElseThrow().withLocale("fr-FR"));
        aProgrammeWithOnePair();
        // The profile job reads the new people's users.info: names, zones and now languages.
        profiles.readNewProfiles();
        assertThat(jdbc.queryForObject(
                        "select platform_locale from participant where platform_user_id = ?", String.class, ana))
                .isEqualTo("fr-FR");
        dispatcher.drain("e2e");

        PostedMessage welcome = awaitDm(ana, "Bienvenue dans Residents 2026");
        assertThat(readable(welcome))
                .contains("Je suis Rapport")
                .contains("Votre mentor est Dr Lee Mentor")
                .contains("Qui voit quoi");
        inFrenchOnly(welcome);
        assertThat(readable(awaitDm(lee, "Welcome to Residents 2026"))).contains("You are mentoring Ana Mentee");

        clock.set(Instant.parse("2026-11-30T10:05:00Z")); // Monday 10:05 in Lisbon: check-in time
        tick();
        PostedMessage checkIn = awaitDm(ana, "Votre point de suivi Residents 2026 vous attend");
        assertThat(readable(checkIn))
                .contains("*Bonjour Ana Mentee*, c’est l’heure du point de suivi")
                .contains("Avez-vous rencontré Dr Lee Mentor depuis le dernier point ?")
                .contains("1 = pas du tout d’accord · 5 = tout à fait d’accord")
                .contains("Oui", "Non", "Ajouter un commentaire (facultatif)");
        inFrenchOnly(checkIn);
        assertThat(readable(awaitDm(lee, "Your Residents 2026 check-in is ready")))
                .contains("it's check-in time")
                .contains("Since our last check-in");

        clock.set(Instant.parse("2026-12-02T11:00:00Z")); // past the programme's 48 h
        assertThat(reminders.remindUnansweredCheckIns()).isEqualTo(2);
        dispatcher.drain("e2e");
        PostedMessage reminder = awaitDm(ana, "Rappel :");
        assertThat(readable(reminder))
                .contains("Petit rappel : votre point de suivi est toujours ouvert.")
                .contains("Avez-vous rencontré Dr Lee Mentor");
        inFrenchOnly(reminder);

        // Her tap is answered in French too: the message updated in place keeps her language.
        String yes = reminder.actionIds().stream()
                .filter(id -> id.startsWith("rapport:met:") && id.endsWith(":yes"))
                .findFirst()
                .orElseThrow();
        acknowledgedInTime(slack().as(TEAM, ana).click(reminder, yes));
        await().until(() -> readable(now(reminder)).contains("Oui"));
        assertThat(readable(now(reminder))).contains("Avez-vous rencontré Dr Lee Mentor");
        inFrenchOnly(now(reminder));

        // The coordinator, whose Slack is in English, is answered in English in the same programme.
        assertThat(rapport(cora, "health")).contains("Residents 2026").contains("Dr Lee Mentor → Ana Mentee");
    }

    private static void inFrenchOnly(PostedMessage m) {
        String text = readable(m);
        for (String english : ENGLISH) {
            assertThat(text).as("a French message has no English (%s)", english).doesNotContain(english);
        }
    }
}
