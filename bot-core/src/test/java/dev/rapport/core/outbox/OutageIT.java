package dev.rapport.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatPort.Probe;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.SendResult;
import dev.rapport.core.checkin.CheckInService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.schedule.Reminders;
import dev.rapport.core.test.CoreTestSupport;
import dev.rapport.core.test.RecordingChatPort.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An outage delays, never drops: while a platform fails as a whole no message spends an attempt or fails, nobody is
 * told, one probe at a time checks for recovery; after it, what is still worth sending goes once and what became
 * pointless meanwhile expires with its reason. (The adapters' outage tests show the same against the local Slack and
 * the local Discord answering 503 or refusing connections.)
 */
class OutageIT extends CoreTestSupport {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    static final SendResult DOWN = new SendResult.Unavailable(
            SendResult.Unavailable.Scope.WORKSPACE, "Slack chat.postMessage: HTTP 503", false);

    @Autowired
    Outages outages;

    @Autowired
    Reminders reminders;

    @Autowired
    CheckInService checkIns;

    private long count(String where) {
        return jdbc.queryForObject("select count(*) from outbox where " + where, Long.class);
    }

    /** The workers' loop, with the clock moving a minute at a time. */
    private void runFor(Duration length) {
        runFor(length, Duration.ofMinutes(1));
    }

    private void runFor(Duration length, Duration step) {
        Instant end = clock.instant().plus(length);
        while (clock.instant().isBefore(end)) {
            clock.advance(step);
            tick();
        }
    }

    @Test
    void two_hours_of_outage_lose_nothing_spend_no_attempt_tell_no_coordinator_and_expire_what_became_pointless() {
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        ChatUser cora = user("Cora");
        ProgrammeView programme = programme("Residents", cora, LISBON);
        ChatUser lee = user("Lee");
        ChatUser ana = user("Ana");
        ChatUser sam = user("Sam");
        ChatUser mia = user("Mia");
        pair(programme, lee, ana, LISBON, LocalDate.parse("2026-11-23"));
        PairView ending = pair(programme, sam, mia, LISBON, LocalDate.parse("2026-11-23"));
        AtomicInteger sends = new AtomicInteger();
        AtomicInteger probes = new AtomicInteger();
        slack.script(r -> {
            sends.incrementAndGet();
            return DOWN;
        });
        slack.probes(w -> {
            probes.incrementAndGet();
            return Probe.down("Slack auth.test: HTTP 503");
        });

        // 09:00 to 11:00: the check-ins fall due at 10:00 (Monday, Lisbon), and pair 2 ends at 10:30.
        runFor(Duration.ofMinutes(90));
        pairs.end(ending.id());
        runFor(Duration.ofMinutes(30));

        assertThat(slack.deliveries()).isEmpty();
        assertThat(sends)
                .as("only the first send met the outage; the rest waited")
                .hasValue(1);
        assertThat(probes.get())
                .as("one probe at a time, at most a minute apart")
                .isBetween(100, 130);
        assertThat(count("status = 'FAILED'")).isZero();
        assertThat(count("attempts > 0")).as("no attempt spent on the outage").isZero();
        assertThat(outages.current()).singleElement().satisfies(o -> {
            assertThat(o.describe()).isEqualTo("Slack workspace " + WORKSPACE);
            assertThat(o.since()).isEqualTo(Instant.parse("2026-11-30T09:01:00Z"));
        });

        slack.script(r -> null);
        slack.probes(w -> Probe.up());
        runFor(Duration.ofMinutes(2));

        assertThat(outages.current()).isEmpty();
        Map<String, Long> perPerson = slack.deliveries().stream()
                .collect(Collectors.groupingBy(d -> d.recipient().displayName(), Collectors.counting()));
        // A welcome each, and the check-ins of the pair that is still on; none twice.
        assertThat(perPerson).containsEntry("Lee", 2L).containsEntry("Ana", 2L);
        assertThat(perPerson).containsEntry("Sam", 1L).containsEntry("Mia", 1L);
        assertThat(slack.deliveries().stream()
                        .map(Delivery::outboxId)
                        .distinct()
                        .count())
                .isEqualTo(slack.deliveries().size());
        assertThat(jdbc.queryForList(
                        "select last_error from outbox where status = 'EXPIRED' order by id", String.class))
                .containsExactly("PAIR_ENDED: the pair has ended", "PAIR_ENDED: the pair has ended");
        assertThat(count("status = 'FAILED'")).isZero();
        assertThat(count("kind = 'NOTICE'"))
                .as("no coordinator is told of an outage")
                .isZero();
    }

    @Test
    void after_a_five_day_outage_the_late_check_in_is_asked_and_reminders_that_became_pointless_are_dropped() {
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        ProgrammeView programme = programme("Residents", user("Cora"), LISBON);
        ChatUser lee = user("Lee");
        ChatUser ana = user("Ana");
        pair(programme, lee, ana, LISBON, LocalDate.parse("2026-11-23"));
        runFor(Duration.ofMinutes(90)); // the check-ins of 11-30 arrive
        assertThat(slack.to(ana.userId())).hasSize(2);

        // Two days later the reminders are due, and Slack goes down before they are sent.
        clock.set(Instant.parse("2026-12-02T11:00:00Z"));
        slack.script(r -> DOWN);
        slack.probes(w -> Probe.down("Slack auth.test: HTTP 503"));
        reminders.run();
        tick();
        assertThat(count("kind = 'CHECK_IN_REMINDER' and status = 'PENDING'")).isEqualTo(2);
        // Ana answers meanwhile (on another platform, or before the outage reached her workspace).
        String firstScore = slack.to(ana.userId()).getLast().message().blocks().stream()
                .filter(b -> b instanceof dev.rapport.core.chat.ChatMessage.Block.Question)
                .map(b -> ((dev.rapport.core.chat.ChatMessage.Block.Question) b).choices())
                .filter(c -> c.size() == 6) // a statement: 1–5 and N/A
                .findFirst()
                .orElseThrow()
                .get(3)
                .actionId();
        checkIns.click(ana, firstScore);

        // The outage lasts past the next Monday's check-ins (12-07, 10:00), and ends at 15:00 that day.
        runFor(Duration.between(clock.instant(), Instant.parse("2026-12-07T15:00:00Z")), Duration.ofMinutes(10));
        assertThat(count("kind = 'CHECK_IN' and status = 'PENDING'")).isEqualTo(2);
        slack.script(r -> null);
        slack.probes(w -> Probe.up());
        runFor(Duration.ofMinutes(2));

        List<String> expired = jdbc.queryForList(
                "select kind || ' ' || last_error from outbox where status = 'EXPIRED' order by kind, id",
                String.class);
        assertThat(expired)
                .as("Ana answered hers; Lee's was overtaken by the newer check-in")
                .containsExactlyInAnyOrder(
                        "CHECK_IN_REMINDER ANSWERED: the check-in was answered",
                        "CHECK_IN_REMINDER SUPERSEDED: a newer check-in has been asked");
        assertThat(slack.to(ana.userId()).stream()
                        .filter(d -> d.message().summary().contains("check-in is ready")))
                .as("11-30's and 12-07's check-ins, once each, five hours late; no reminder")
                .hasSize(2);
        assertThat(slack.to(lee.userId())).noneMatch(d -> d.message().summary().startsWith("Reminder"));
        assertThat(count("status = 'FAILED'")).isZero();
    }
}
