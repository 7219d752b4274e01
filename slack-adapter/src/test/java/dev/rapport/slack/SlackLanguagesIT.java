package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.conversations.ConversationsOpenRequest;
import dev.rapport.core.test.EnglishWords;
import dev.rapport.localslack.LocalSlack;
import dev.rapport.localslack.OpenedView;
import dev.rapport.localslack.PostedMessage;
import dev.rapport.localslack.SlackUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Autowired
    SlackApi api;

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

    @Test
    void the_adapters_own_words_are_in_each_persons_language_the_import_form_and_an_out_of_date_button()
            throws Exception {
        slack().addUser(slack().user(TEAM, cora).orElseThrow().withLocale("es-ES"));
        slack().addUser(slack().user(TEAM, ana).orElseThrow().withLocale("fr-FR"));
        aProgrammeWithOnePair();

        // The coordinator's Slack is in Spanish: the import form is, and so is what it says of a form sent empty.
        SlackUser coordinator = slack().as(TEAM, cora);
        acknowledgedInTime(coordinator.command("/rapport", "import"));
        OpenedView form = coordinator.openModal().orElseThrow();
        assertThat(form.title()).isEqualTo("Importar parejas");
        assertThat(form.view().getAsJsonObject("submit").get("text").getAsString())
                .isEqualTo("Importar");
        assertThat(form.view().getAsJsonObject("close").get("text").getAsString())
                .isEqualTo("Cancelar");
        assertThat(form.blocksJson()).contains("Archivo CSV").contains("…o pegue las líneas");
        acknowledgedInTime(coordinator.submit(form, Map.of()));
        assertThat(coordinator.openModal().orElseThrow().errors())
                .containsEntry(SlackImport.FILE, "Adjunte el archivo CSV o pegue sus líneas abajo.");

        // A tap on a button of a message from an older Rapport: she is told, in French, that it is out of date.
        String channel = api.methods(BOT_TOKEN)
                .conversationsOpen(
                        ConversationsOpenRequest.builder().users(List.of(ana)).build())
                .getChannel()
                .getId();
        api.methods(BOT_TOKEN)
                .chatPostMessage(ChatPostMessageRequest.builder()
                        .channel(channel)
                        .text("A message from an older Rapport")
                        .blocksAsString("[{\"type\":\"actions\",\"block_id\":\"old\",\"elements\":[{\"type\":"
                                + "\"button\",\"action_id\":\"rapport:gone:1\",\"value\":\"rapport:gone:1\","
                                + "\"text\":{\"type\":\"plain_text\",\"text\":\"Old\"}}]}]")
                        .build());
        PostedMessage old = awaitDm(ana, "older Rapport");
        acknowledgedInTime(slack().as(TEAM, ana).click(old, "rapport:gone:1"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> slack().ephemerals().stream().anyMatch(e -> ana.equals(e.userId())));
        assertThat(slack().ephemerals().stream()
                        .filter(e -> ana.equals(e.userId()))
                        .toList()
                        .getLast()
                        .text())
                .startsWith("Désolé, ce message n’est plus à jour");
    }

    private static void inFrenchOnly(PostedMessage m) {
        String text = readable(m);
        for (String english : ENGLISH) {
            assertThat(text).as("a French message has no English (%s)", english).doesNotContain(english);
        }
    }
}
