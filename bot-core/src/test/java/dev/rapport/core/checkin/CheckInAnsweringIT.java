package dev.rapport.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.InteractionResult;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.test.CoreTestSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CheckInAnsweringIT extends CoreTestSupport {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    CheckInService checkIns;

    ChatUser mentor;
    ChatUser mentee;
    ChatMessage menteeMessage;

    @BeforeEach
    void aCheckInHasBeenSent() {
        ProgrammeView programme = programme("Cardiology", user("Cora"), BERLIN);
        mentor = user("Dr Lee");
        mentee = user("Ana");
        pair(programme, mentor, mentee, BERLIN, LocalDate.parse("2026-11-23"));
        clock.set(Instant.parse("2026-11-30T09:00:00Z")); // Monday 10:00 in Berlin
        tick();
        menteeMessage = slack.to(mentee.userId()).stream()
                .map(d -> d.message())
                .filter(m -> m.summary().contains("check-in is ready"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void a_mentee_answers_by_clicking_and_the_message_shows_the_answer_instead_of_the_buttons() {
        String action = choices(menteeMessage).get(2).get(3).actionId(); // first pulse statement, score 4
        InteractionResult result = checkIns.click(mentee, action);

        assertThat(result.notice()).isNull();
        assertThat(result.updatedMessage().blocks())
                .filteredOn(b -> b instanceof Block.Answered)
                .singleElement()
                .extracting(b -> ((Block.Answered) b).answer())
                .isEqualTo("4 – agree");
        assertThat(jdbc.queryForObject("select count(*) from answer", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select score from answer", Integer.class))
                .isEqualTo(4);
        assertThat(jdbc.queryForObject(
                        "select answered_at is not null from check_in where role = 'MENTEE'", Boolean.class))
                .isTrue();
    }

    @Test
    void the_same_click_twice_records_one_answer() {
        String action = choices(menteeMessage).get(1).get(0).actionId();
        checkIns.click(mentee, action);
        InteractionResult again = checkIns.click(mentee, action);
        String other = choices(menteeMessage).get(1).get(4).actionId(); // a different score for the same statement
        InteractionResult changed = checkIns.click(mentee, other);

        assertThat(jdbc.queryForObject("select count(*) from answer", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select score from answer", Integer.class))
                .isEqualTo(1);
        assertThat(again.notice()).contains("already answered");
        assertThat(changed.notice()).contains("first answer is kept");
    }

    @Test
    void someone_else_clicking_a_mentees_button_records_nothing_and_learns_nothing() {
        String action = choices(menteeMessage).get(1).get(4).actionId();
        InteractionResult result = checkIns.click(mentor, action);

        assertThat(result.updatedMessage()).isNull();
        assertThat(result.notice()).isEqualTo("This check-in isn't yours to answer.");
        assertThat(jdbc.queryForObject("select count(*) from answer", Integer.class))
                .isZero();
    }

    @Test
    void a_forged_action_id_is_rejected_politely() {
        assertThat(checkIns.click(mentee, "rapport:rate:999999:respect.1.mentee:5")
                        .notice())
                .isEqualTo("This check-in isn't yours to answer.");
        long mine = jdbc.queryForObject("select id from check_in where role = 'MENTEE'", Long.class);
        assertThat(checkIns.click(mentee, "rapport:rate:" + mine + ":not-a-question:5")
                        .notice())
                .contains("didn't recognise");
        assertThat(checkIns.click(mentee, "rapport:rate:" + mine + ":respect.1.mentee:9")
                        .notice())
                .contains("didn't recognise");
        assertThat(checkIns.click(mentee, "rapport:rate:x:y").notice()).contains("didn't recognise");
        assertThat(jdbc.queryForObject("select count(*) from answer", Integer.class))
                .isZero();
    }

    @Test
    void answering_everything_completes_the_check_in_with_a_thank_you_and_a_private_comment_stays_private() {
        List<List<ChatMessage.Choice>> questions = choices(menteeMessage);
        checkIns.click(mentee, questions.get(0).get(0).actionId()); // met: yes
        InteractionResult last = null;
        for (int q = 1; q < questions.size(); q++) {
            last = checkIns.click(mentee, questions.get(q).get(4).actionId());
        }
        assertThat(last.updatedMessage().summary()).isEqualTo("Check-in recorded. Thank you!");
        assertThat(jdbc.queryForObject("select status from check_in where role = 'MENTEE'", String.class))
                .isEqualTo("ANSWERED");

        String open = last.updatedMessage().blocks().stream()
                .filter(b -> b instanceof Block.FormButton)
                .map(b -> ((Block.FormButton) b).actionId())
                .findFirst()
                .orElseThrow();
        InteractionResult form = checkIns.click(mentee, open);
        assertThat(form.form().fields()).extracting(f -> f.key()).containsExactly("comment", "share");

        InteractionResult saved =
                checkIns.submitComment(mentee, form.form().formId(), Map.of("comment", "Great session on the grant."));
        assertThat(saved.notice()).contains("stays private");
        assertThat(jdbc.queryForObject("select comment_shared from check_in where role = 'MENTEE'", Boolean.class))
                .isFalse();
        assertThat(checkIns.submitComment(mentor, form.form().formId(), Map.of("comment", "x", "share", "true"))
                        .notice())
                .isEqualTo("This check-in isn't yours to answer.");
    }

    @Test
    void an_overlong_or_empty_comment_is_refused_with_a_reason_and_nothing_is_saved() {
        String formId = ActionId.submitComment(
                jdbc.queryForObject("select id from check_in where role = 'MENTEE'", Long.class));
        assertThat(checkIns.submitComment(mentee, formId, Map.of("comment", "  "))
                        .notice())
                .contains("empty");
        assertThat(checkIns.submitComment(mentee, formId, Map.of("comment", "x".repeat(1001)))
                        .notice())
                .contains("under 1000");
        assertThat(jdbc.queryForObject("select comment is null from check_in where role = 'MENTEE'", Boolean.class))
                .isTrue();
    }

    /** The choices of each question block, in order: "did you meet?" first, then the pulse statements. */
    static List<List<ChatMessage.Choice>> choices(ChatMessage message) {
        return message.blocks().stream()
                .filter(b -> b instanceof Block.Question)
                .map(b -> ((Block.Question) b).choices())
                .toList();
    }
}
