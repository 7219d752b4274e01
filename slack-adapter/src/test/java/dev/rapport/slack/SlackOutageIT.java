package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.outbox.Outages;
import dev.rapport.core.pair.PairService;
import dev.rapport.localkit.Outage;
import dev.rapport.localslack.LocalSlack;
import dev.rapport.localslack.PostedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An outage delays, never drops, against the local Slack: for two hours of Rapport's clock Slack answers every call
 * with 503, or refuses every connection; check-ins fall due meanwhile and a pair ends. No message spends an attempt or
 * fails, no coordinator is told, Rapport probes with {@code auth.test}; when Slack is back, every message still worth
 * sending arrives once and the rest expire with their reason.
 */
class SlackOutageIT extends SlackEndToEnd {

    static final LocalSlack SLACK = startSlack(LocalSlack.builder());

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

    @Autowired
    PairService pairs;

    @Autowired
    Outages outages;

    private long count(String where) {
        return jdbc.queryForObject("select count(*) from outbox where " + where, Long.class);
    }

    /** The workers' loop as the jobs run it, the clock moving a minute at a time. */
    private void runUntil(String instant) {
        Instant end = Instant.parse(instant);
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofMinutes(1));
            tick();
        }
    }

    @ParameterizedTest
    @EnumSource(Outage.class)
    void two_hours_of_outage_delay_every_message_and_lose_none(Outage kind) {
        // Socket Mode reconnects on its own schedule after an earlier outage.
        await().atMost(Duration.ofSeconds(60)).until(() -> SLACK.socketModeConnections() >= 1);
        assertThat(rapport(cora, "setup \"Residents 2026\" Europe/Lisbon")).contains("you are its coordinator");
        String sam = person(lee + "S", "sam", "Sam Mentor", "Europe/Lisbon");
        String mia = person(ana + "M", "mia", "Mia Mentee", "Europe/Lisbon");
        assertThat(rapport(cora, "add-pair <@" + lee + "> <@" + ana + ">")).contains("added");
        assertThat(rapport(cora, "add-pair <@" + sam + "> <@" + mia + ">")).contains("added");
        long ending = jdbc.queryForObject(
                "select p.id from pair p join participant m on m.id = p.mentor_id where m.platform_user_id = ?",
                Long.class,
                sam);
        runUntil("2026-11-30T09:00:00Z"); // the welcomes go out; the check-ins are due at 10:00 (Lisbon is UTC)
        int before = SLACK.messages().size();
        long callsBefore = SLACK.callsTo("chat.postMessage") + SLACK.callsTo("conversations.open");

        SLACK.startOutage(kind);
        try {
            runUntil("2026-11-30T10:30:00Z");
            pairs.end(ending);
            runUntil("2026-11-30T11:00:00Z");

            assertThat(SLACK.messages()).hasSize(before);
            assertThat(count("kind = 'CHECK_IN' and status = 'PENDING' and attempts = 0"))
                    .as("the check-ins wait, no attempt spent; whether they are still worth sending is decided when"
                            + " they can be sent")
                    .isEqualTo(4);
            assertThat(count("status = 'FAILED'")).isZero();
            assertThat(outages.current())
                    .singleElement()
                    .satisfies(o -> assertThat(o.describe()).isEqualTo("Slack workspace " + TEAM));
        } finally {
            SLACK.endOutage();
        }
        if (kind == Outage.UNAVAILABLE) {
            assertThat(SLACK.callsTo("auth.test"))
                    .as("probes during the outage")
                    .isPositive();
        }
        assertThat(SLACK.callsTo("chat.postMessage") + SLACK.callsTo("conversations.open") - callsBefore)
                .as("one send met the outage; no other message was tried while it lasted")
                .isLessThanOrEqualTo(1);
        runUntil("2026-11-30T11:03:00Z");

        List<PostedMessage> after =
                SLACK.messages().subList(before, SLACK.messages().size());
        Map<String, Long> checkIns = after.stream()
                .filter(m -> m.text() != null && m.text().contains("check-in is ready"))
                .collect(Collectors.groupingBy(PostedMessage::userId, Collectors.counting()));
        assertThat(checkIns).containsOnly(Map.entry(lee, 1L), Map.entry(ana, 1L));
        assertThat(jdbc.queryForList("select last_error from outbox where status = 'EXPIRED'", String.class))
                .containsExactly("PAIR_ENDED: the pair has ended", "PAIR_ENDED: the pair has ended");
        assertThat(count("status not in ('SENT', 'EXPIRED')")).isZero();
        assertThat(count("kind = 'NOTICE'"))
                .as("no coordinator is told of an outage")
                .isZero();
        assertThat(outages.current()).isEmpty();
    }
}
