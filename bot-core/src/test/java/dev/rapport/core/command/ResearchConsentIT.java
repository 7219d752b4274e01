package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.interaction.InteractionService;
import dev.rapport.core.participant.WelcomeMessage;
import dev.rapport.core.test.RecordingChatPort;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Research consent: no by default; given with one tap in the welcome or with {@code /rapport consent}, withdrawn the
 * same way, each change timestamped; shown in {@code /rapport me} and included in {@code /rapport my-data}.
 */
class ResearchConsentIT extends CommandTestSupport {

    @Autowired
    InteractionService interactions;

    ChatUser cora;
    ChatUser lee;
    ChatUser ana;

    @BeforeEach
    void aPairWelcomed() {
        cora = admin("Cora");
        lee = user("Dr Lee");
        ana = user("Ana");
        say(cora, "setup \"Residents 2026\" Europe/Lisbon");
        say(cora, "add-pair " + mention(lee) + " " + mention(ana));
        tick();
    }

    private Map<String, Object> stored(ChatUser who) {
        return jdbc.queryForMap(
                "select research_consent, research_consent_at from participant where platform_user_id = ?",
                who.userId());
    }

    private Instant consentedAt(ChatUser who) {
        return jdbc.queryForObject(
                        "select research_consent_at from participant where platform_user_id = ?",
                        OffsetDateTime.class,
                        who.userId())
                .toInstant();
    }

    @Test
    void the_welcome_asks_with_two_buttons_and_a_tap_records_the_answer_of_whoever_tapped_with_its_time() {
        ChatMessage welcome = slack.to(ana.userId()).stream()
                .map(RecordingChatPort.Delivery::message)
                .filter(m -> m.summary().contains("Welcome to Residents 2026"))
                .findFirst()
                .orElseThrow();
        Block.Question question = welcome.blocks().stream()
                .filter(b -> b instanceof Block.Question)
                .map(b -> (Block.Question) b)
                .findFirst()
                .orElseThrow();
        assertThat(question.prompt()).contains("may your anonymised answers be used to study mentoring?");
        assertThat(question.choices())
                .extracting(ChatMessage.Choice::actionId)
                .containsExactly(WelcomeMessage.CONSENT_YES, WelcomeMessage.CONSENT_NO);
        assertThat(stored(ana)).containsEntry("research_consent", false).containsEntry("research_consent_at", null);
        assertThat(say(ana, "me"))
                .contains("Research: your answers are not used for research (you have not said yes).");

        String notice = interactions.click(ana, WelcomeMessage.CONSENT_YES).notice();

        assertThat(notice).startsWith("Thank you: your anonymised answers may now be used to study mentoring.");
        assertThat(stored(ana)).containsEntry("research_consent", true);
        assertThat(consentedAt(ana)).isEqualTo(clock.instant());
        assertThat(stored(lee)).as("only the person who tapped").containsEntry("research_consent", false);
        assertThat(say(ana, "me"))
                .contains(
                        "Research: your anonymised answers may be used to study mentoring (you said yes on November 23, 2026).");

        clock.set(clock.instant().plus(Duration.ofDays(3)));
        assertThat(interactions.click(ana, WelcomeMessage.CONSENT_NO).notice())
                .startsWith("Noted: your answers will not be used");
        assertThat(stored(ana)).containsEntry("research_consent", false);
        assertThat(consentedAt(ana)).isEqualTo(clock.instant());
        assertThat(say(ana, "me")).contains("you said no on November 26, 2026");
        assertThat(InteractionService.recognises(WelcomeMessage.CONSENT_YES)).isTrue();
    }

    @Test
    void consent_is_changed_with_the_command_shown_without_a_word_and_included_in_my_data() throws IOException {
        assertThat(say(lee, "consent"))
                .startsWith("Research: your answers are not used for research (you have not said yes).")
                .contains("/rapport consent yes");

        assertThat(say(lee, "consent yes")).startsWith("Thank you");
        assertThat(say(lee, "consent")).startsWith("Research: your anonymised answers may be used");
        assertThat(say(lee, "consent perhaps")).startsWith("Usage: `/rapport consent [yes | no]`");
        assertThat(stored(lee)).containsEntry("research_consent", true);

        Reply reply = commands.handle(new CommandRequest(lee, "my-data"));
        byte[] json = reply.message().blocks().stream()
                .filter(b -> b instanceof Block.Attachment)
                .map(b -> ((Block.Attachment) b).content())
                .findFirst()
                .orElseThrow();
        JsonNode copy = new ObjectMapper().readTree(json);
        assertThat(copy.at("/profiles/0/research_consent").asBoolean()).isTrue();
        assertThat(copy.at("/profiles/0/research_consent_at").isMissingNode()).isFalse();
        assertThat(copy.at("/profiles/0/research_consent_at").isNull()).isFalse();

        long id =
                jdbc.queryForObject("select id from participant where platform_user_id = ?", Long.class, lee.userId());
        say(lee, "erase-me confirm");
        assertThat(jdbc.queryForMap("select research_consent, research_consent_at from participant where id = ?", id))
                .as("an erased shell consents to nothing")
                .containsEntry("research_consent", false)
                .containsEntry("research_consent_at", null);
    }

    @Test
    void consent_replies_come_in_the_persons_language() {
        say(ana, "language fr");
        assertThat(say(ana, "consent yes")).startsWith("Merci : vos réponses anonymisées peuvent désormais servir");
        assertThat(interactions.click(ana, WelcomeMessage.CONSENT_NO).notice()).startsWith("C’est noté");
        say(ana, "language es");
        assertThat(say(ana, "me"))
                .contains("Investigación: sus respuestas no se usan para investigación (dijo que no el");
    }
}
