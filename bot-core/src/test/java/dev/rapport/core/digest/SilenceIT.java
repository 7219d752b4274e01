package dev.rapport.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.checkin.SilentStreaks;
import dev.rapport.core.health.HealthService;
import dev.rapport.core.health.Reason;
import dev.rapport.core.interaction.InteractionService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.pair.Role;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.programme.Setting;
import dev.rapport.core.test.CoreTestSupport;
import dev.rapport.core.test.RecordingChatPort;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * People who stop answering, through the real check-in flow on PostgreSQL: after {@code silent-after} unanswered
 * check-ins in a row a gentler check-in; after {@code silent-tell-after} the coordinators told once per silence; an
 * answer ends the silence; health flags a silent mentor.
 */
class SilenceIT extends CoreTestSupport {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    static final LocalDate START = LocalDate.parse("2026-11-23");
    static final String USUAL = "Your Residents check-in is ready";
    static final String GENTLE = "No rush: a short Residents check-in, whenever you can";

    @Autowired
    SilenceNotices notices;

    @Autowired
    SilentStreaks streaks;

    @Autowired
    HealthService health;

    @Autowired
    InteractionService interactions;

    ChatUser cora;
    ChatUser lee;
    ChatUser ana;
    ProgrammeView programme;
    PairView pair;

    @BeforeEach
    void aPairWhoseSilencesCountFromTwoAndAreToldAtThree() {
        cora = user("Cora");
        programme = programme("Residents", cora, LISBON);
        programmes.set(programme.id(), Setting.SILENT_AFTER, "2");
        programmes.set(programme.id(), Setting.SILENT_TELL_AFTER, "3");
        lee = user("Dr Lee");
        ana = user("Ana");
        pair = pair(programme, lee, ana, LISBON, START);
    }

    /** Check-in day {@code n} at 10:00 in Lisbon: the sweep asks both sides, the coordinators' job runs. */
    private void week(int n) {
        clock.set(START.plusWeeks(n).atTime(10, 0).toInstant(ZoneOffset.UTC));
        tick();
        notices.run();
        dispatcher.drain("test-worker");
    }

    private List<String> checkInsTo(ChatUser who) {
        return slack.to(who.userId()).stream()
                .map(d -> d.message().summary())
                .filter(s -> s.equals(USUAL) || s.equals(GENTLE))
                .toList();
    }

    private List<String> noticesTo(ChatUser who) {
        return slack.to(who.userId()).stream()
                .map(d -> d.message().summary())
                .filter(s -> s.contains("in a row"))
                .toList();
    }

    @Test
    void after_k_unanswered_check_ins_a_gentle_one_after_more_the_coordinator_is_told_once_and_an_answer_resets() {
        for (int n = 1; n <= 5; n++) {
            week(n);
        }
        assertThat(checkInsTo(ana)).containsExactly(USUAL, USUAL, GENTLE, GENTLE, GENTLE);
        assertThat(checkInsTo(lee)).containsExactly(USUAL, USUAL, GENTLE, GENTLE, GENTLE);
        ChatMessage gentle = lastCheckInTo(ana);
        assertThat(((ChatMessage.Block.Text) gentle.blocks().getFirst()).text())
                .startsWith("*Hi Ana*, we haven't heard from you for a while, and that's all right");
        // Told at the third in a row (week 4), once, though the silence went on.
        assertThat(noticesTo(cora))
                .containsExactlyInAnyOrder(
                        "*Ana* (mentee in pair #" + pair.id()
                                + ", Residents) has not answered 3 check-ins in a row. Rapport now sends them a gentler"
                                + " check-in; a personal word from you may help more. This is said once for this silence;"
                                + " `/rapport pair #" + pair.id() + "` shows the pair.",
                        "*Dr Lee* (mentor in pair #" + pair.id()
                                + ", Residents) has not answered 3 check-ins in a row. Rapport now sends them a gentler"
                                + " check-in; a personal word from you may help more. This is said once for this silence;"
                                + " `/rapport pair #" + pair.id() + "` shows the pair.");
        assertThat(notices.run()).isZero();

        // Health shows the silent mentor (a flag: it judges nothing the mentee's side does not already).
        assertThat(health.assess(pair.id()).reasons())
                .extracting(Reason::code, Reason::text)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        "SILENT:MENTOR", "The mentor has left 4 check-ins in a row unanswered."));

        // Ana answers the fifth: her silence is over, her next check-in is the usual one.
        String met = ((ChatMessage.Block.Question) gentle.blocks().stream()
                        .filter(ChatMessage.Block.Question.class::isInstance)
                        .findFirst()
                        .orElseThrow())
                .choices()
                .getFirst()
                .actionId();
        interactions.click(ana, met);
        assertThat(streaks.ofProgramme(programme.id(), clock.instant()).get(pair.id()))
                .containsOnlyKeys(Role.MENTOR);
        week(6);
        assertThat(checkInsTo(ana)).last().isEqualTo(USUAL);
        assertThat(checkInsTo(lee)).last().isEqualTo(GENTLE);

        // A new silence is another: told again once it reaches three.
        for (int n = 7; n <= 9; n++) {
            week(n);
        }
        assertThat(noticesTo(cora)).filteredOn(s -> s.startsWith("*Ana*")).hasSize(2);
        assertThat(noticesTo(cora)).filteredOn(s -> s.startsWith("*Dr Lee*")).hasSize(1);
    }

    private ChatMessage lastCheckInTo(ChatUser who) {
        List<RecordingChatPort.Delivery> all = slack.to(who.userId()).stream()
                .filter(d -> d.message().summary().equals(GENTLE)
                        || d.message().summary().equals(USUAL))
                .toList();
        return all.getLast().message();
    }
}
