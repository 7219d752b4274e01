package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.secrets.SecretField;
import dev.rapport.core.secrets.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code /rapport my-data}: everything stored about the person who asks, and nothing of their partner's. */
class MyDataIT extends CommandTestSupport {

    @Autowired
    Secrets secrets;

    ChatUser cora;
    ChatUser lee;
    ChatUser ana;

    @BeforeEach
    void bothSidesAnsweredAndLoggedAMeeting() {
        cora = admin("Cora");
        lee = user("Dr Lee");
        ana = user("Ana");
        commands.handle(new CommandRequest(cora, "setup \"Residents 2026\" Europe/Lisbon"));
        commands.handle(new CommandRequest(cora, "add-pair " + mention(lee) + " " + mention(ana) + " 2026-11-23"));
        clock.set(Instant.parse("2026-11-30T10:00:00Z")); // Monday 10:00 in Lisbon
        tick();
        answer("MENTEE", "Ana's own words about the rota", 4);
        answer("MENTOR", "Lee's private worry about Ana", 2);
        meeting("mentee_id", "Ana noted: coffee");
        meeting("mentor_id", "Lee noted: she seemed tired");
    }

    private void meeting(String side, String note) {
        long id = jdbc.queryForObject(
                "insert into meeting (pair_id, held_on, logged_by, created_at)" + " select id, date '2026-11-28', "
                        + side + ", now() from pair returning id",
                Long.class);
        jdbc.update("update meeting set note = ? where id = ?", secrets.seal(SecretField.MEETING_NOTE, id, note), id);
    }

    private void answer(String role, String comment, int score) {
        long id = jdbc.queryForObject("select id from check_in where role = ?", Long.class, role);
        jdbc.update(
                "update check_in set status = 'ANSWERED', met = true, comment = ?, answered_at = now() where id = ?",
                secrets.seal(SecretField.CHECK_IN_COMMENT, id, comment),
                id);
        jdbc.update("""
                insert into answer (check_in_id, question_id, bank_version, dimension, score, answered_at)
                values (?, 'respect.1.' || lower(?), 'v1', 'RESPECT', ?, now())""", id, role, score);
    }

    @Test
    void a_mentee_gets_a_file_with_her_profile_pairs_own_answers_meetings_and_messages_and_none_of_her_mentors() {
        Reply reply = commands.handle(new CommandRequest(ana, "my-data"));
        assertThat(reply.ephemeral()).isTrue();
        ChatMessage.Block.Attachment file = reply.message().blocks().stream()
                .filter(b -> b instanceof ChatMessage.Block.Attachment)
                .map(b -> (ChatMessage.Block.Attachment) b)
                .findFirst()
                .orElseThrow();
        assertThat(file.fileName()).isEqualTo("rapport-my-data-2026-11-30.json");
        String text = new String(file.content(), StandardCharsets.UTF_8);

        assertThat(text)
                .as("nothing of the partner's answers or notes")
                .doesNotContain("Lee's private worry")
                .doesNotContain("Lee noted")
                .doesNotContain("respect.1.mentor");
        JsonNode copy = json(file.content());
        assertThat(copy.at("/profiles/0/display_name").asText()).isEqualTo("Ana");
        assertThat(copy.at("/profiles/0/platform_user_id").asText()).isEqualTo(ana.userId());
        JsonNode pair = copy.at("/pairs/0");
        assertThat(pair.at("/programme").asText()).isEqualTo("Residents 2026");
        assertThat(pair.at("/your_role").asText()).isEqualTo("MENTEE");
        assertThat(pair.at("/partner").asText()).isEqualTo("Dr Lee");
        assertThat(pair.at("/checkIns")).hasSize(1);
        assertThat(pair.at("/checkIns/0/comment").asText()).isEqualTo("Ana's own words about the rota");
        assertThat(pair.at("/checkIns/0/answers/0/score").asInt()).isEqualTo(4);
        assertThat(pair.at("/meetings")).hasSize(2);
        assertThat(text).contains("Ana noted: coffee");
        assertThat(copy.at("/messages").size())
                .as("the welcome and the check-in")
                .isGreaterThanOrEqualTo(2);
        assertThat(text).contains("CHECK_IN").contains("WELCOME");
    }

    @Test
    void a_coordinator_sees_the_programmes_they_coordinate_and_a_stranger_is_told_nothing_is_stored() {
        JsonNode copy = json(attachment(commands.handle(new CommandRequest(cora, "my-data"))));
        assertThat(copy.at("/coordinates/0/programme").asText()).isEqualTo("Residents 2026");
        assertThat(copy.at("/pairs")).isEmpty();

        Reply stranger = commands.handle(new CommandRequest(user("Zed"), "my-data"));
        assertThat(stranger.message().blocks()).noneMatch(b -> b instanceof ChatMessage.Block.Attachment);
        assertThat(stranger.message().summary()).isEqualTo("Rapport stores nothing about you here.");
    }

    private static byte[] attachment(Reply reply) {
        return reply.message().blocks().stream()
                .filter(b -> b instanceof ChatMessage.Block.Attachment)
                .map(b -> ((ChatMessage.Block.Attachment) b).content())
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode json(byte[] content) {
        try {
            return new ObjectMapper().readTree(content);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
