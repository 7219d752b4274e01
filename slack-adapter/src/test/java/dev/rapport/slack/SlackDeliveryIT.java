package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.localkit.Outage;
import dev.rapport.localslack.LocalSlack;
import dev.rapport.localslack.PostedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sending under Slack's pressure, end to end: a workspace limit low enough that Rapport's messages meet 429s, and an
 * outage of the whole local Slack. Through both, every message arrives exactly once; and no token ever reaches the
 * log.
 */
@ExtendWith(OutputCaptureExtension.class)
class SlackDeliveryIT extends SlackEndToEnd {

    /** Three messages at once, then one a second, for the whole workspace: far below Rapport's own pace of 50/s here. */
    static final LocalSlack SLACK = startSlack(LocalSlack.builder().perWorkspace(3, 60));

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
    void a_burst_of_429s_delays_the_welcomes_but_loses_none_and_sends_none_twice(CapturedOutput output) {
        List<String> people = aProgrammeWithPairs(4);
        int before = SLACK.messages().size();

        sendUntilEveryoneHasTheirWelcome(people);

        Map<String, Long> welcomes = welcomesTo(people, before);
        assertThat(welcomes)
                .hasSize(people.size())
                .allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(1L));
        assertThat(SLACK.calls().stream().filter(c -> c.status() == 429)).isNotEmpty();
        assertThat(count("select count(*) from outbox where status <> 'SENT' and kind = 'WELCOME'"))
                .isZero();
        assertThat(count("select count(*) from outbox where platform_message_id is null and status = 'SENT'"))
                .as("every sent message keeps Slack's ts")
                .isZero();
        assertThat(output.getAll()).doesNotContain(BOT_TOKEN).doesNotContain(APP_TOKEN);
    }

    @Test
    void during_an_outage_nothing_is_lost_and_after_it_every_due_message_arrives_once() {
        List<String> people = aProgrammeWithPairs(2);
        int before = SLACK.messages().size();

        SLACK.startOutage(Outage.UNAVAILABLE);
        try {
            tick();
            clock.advance(Duration.ofMinutes(1));
            tick();
            assertThat(SLACK.messages()).hasSize(before);
            assertThat(
                            count(
                                    "select count(*) from outbox where status = 'PENDING' and attempts = 0 and kind = 'WELCOME'"))
                    .as("waiting for Slack, none given up, no attempt spent on the outage")
                    .isEqualTo(people.size());
            assertThat(count("select count(*) from delivery_outage where platform = 'SLACK'"))
                    .as("the workspace is recorded as down, once")
                    .isEqualTo(1);
        } finally {
            SLACK.endOutage();
        }

        sendUntilEveryoneHasTheirWelcome(people);

        assertThat(welcomesTo(people, before))
                .hasSize(people.size())
                .allSatisfy((user, n) -> assertThat(n).isEqualTo(1L));
        // The socket came back too: a command is answered.
        await().atMost(Duration.ofSeconds(60)).until(() -> SLACK.socketModeConnections() >= 1);
        assertThat(rapport(cora, "health")).contains("Residents 2026");
    }

    /** A programme of {@code pairs} pairs; returns the mentors and mentees, who each have a welcome coming. */
    private List<String> aProgrammeWithPairs(int pairs) {
        assertThat(rapport(cora, "setup \"Residents 2026\" Europe/Lisbon")).contains("you are its coordinator");
        List<String> people = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            String mentor = person(lee + "M" + i, "mentor" + i, "Mentor " + i, "Europe/Lisbon");
            String mentee = person(ana + "E" + i, "mentee" + i, "Mentee " + i, "Europe/Lisbon");
            assertThat(rapport(cora, "add-pair <@" + mentor + "> <@" + mentee + ">"))
                    .contains("added");
            people.add(mentor);
            people.add(mentee);
        }
        return people;
    }

    /** Runs the dispatcher as its workers would, the clock moving on so that retries fall due, until all arrived. */
    private void sendUntilEveryoneHasTheirWelcome(List<String> people) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    clock.advance(Duration.ofMinutes(1));
                    tick();
                    return people.stream().allMatch(p -> dmsTo(p).stream().anyMatch(SlackDeliveryIT::isWelcome));
                });
    }

    private Map<String, Long> welcomesTo(List<String> people, int from) {
        List<PostedMessage> since =
                SLACK.messages().subList(from, SLACK.messages().size());
        return since.stream()
                .filter(SlackDeliveryIT::isWelcome)
                .filter(m -> people.contains(m.userId()))
                .collect(Collectors.groupingBy(PostedMessage::userId, Collectors.counting()));
    }

    private static boolean isWelcome(PostedMessage m) {
        return m.text() != null && m.text().contains("Welcome to Residents 2026");
    }
}
