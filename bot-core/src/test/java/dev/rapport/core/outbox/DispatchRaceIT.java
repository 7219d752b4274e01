package dev.rapport.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.SendResult;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.test.CoreTestSupport;
import dev.rapport.core.test.RecordingChatPort.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DispatchRaceIT extends CoreTestSupport {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    static final int RECIPIENTS = 1_000;

    /**
     * Seeds {@code rows} ready personal NOTICE rows spread over {@link #RECIPIENTS} participants, in two statements.
     * Row {@code g} goes to user {@code URACE<g % RECIPIENTS>} and says {@code race message <g>}.
     */
    private void seed(int rows) {
        OffsetDateTime now = SqlTime.of(clock.instant());
        jdbc.update("""
                insert into participant (platform, workspace_id, platform_user_id, display_name, time_zone, created_at)
                select 'SLACK', ?, 'URACE' || i, 'Racer ' || i, 'Europe/Lisbon', ? from generate_series(0, ? - 1) i""", WORKSPACE, now, Math.min(rows, RECIPIENTS));
        jdbc.update("""
                insert into outbox (pair_id, recipient_id, kind, period, payload, status, next_attempt_at, created_at)
                select null, p.id, 'NOTICE', 'race:' || g, 'race message ' || g, 'PENDING', ?, ?
                from generate_series(0, ? - 1) g join participant p on p.platform_user_id = 'URACE' || (g % ?)""", now, now, rows, RECIPIENTS);
    }

    private long count(String where, Object... args) {
        return jdbc.queryForObject("select count(*) from outbox where " + where, Long.class, args);
    }

    private static String key(Delivery d) {
        return d.recipient().userId() + "|" + d.message().summary();
    }

    /** Every seeded row delivered exactly once, to its own recipient. */
    private void assertEachRowSentExactlyOnce(int rows) {
        List<Delivery> deliveries = slack.deliveries();
        assertThat(deliveries).hasSize(rows);
        assertThat(deliveries.stream().map(DispatchRaceIT::key).distinct().count())
                .isEqualTo(rows);
        assertThat(deliveries).allSatisfy(d -> {
            int g = Integer.parseInt(d.message().summary().substring("race message ".length()));
            assertThat(d.recipient().userId()).isEqualTo("URACE" + (g % RECIPIENTS));
        });
        assertThat(count("status = 'SENT'")).isEqualTo(rows);
        assertThat(count(
                        "status <> 'SENT' or sent_at is null or platform_message_id is null or claimed_by is not null"))
                .isZero();
    }

    @Test
    void two_workers_draining_ten_thousand_rows_at_once_send_each_exactly_once() throws Exception {
        int rows = 10_000;
        seed(rows);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<DispatchResult>> results = new ArrayList<>();
            for (String worker : List.of("instance-a/dispatch-0", "instance-b/dispatch-0")) {
                results.add(pool.submit(() -> {
                    start.await();
                    return dispatcher.drain(worker);
                }));
            }
            DispatchResult a = results.get(0).get();
            DispatchResult b = results.get(1).get();
            assertThat(a.sent() + b.sent()).isEqualTo(rows);
            assertThat(a.retried() + a.failed() + a.cancelled() + b.retried() + b.failed() + b.cancelled())
                    .isZero();
            assertThat(a.sent()).as("both workers took part").isPositive();
            assertThat(b.sent()).as("both workers took part").isPositive();
        } finally {
            pool.shutdownNow();
        }
        assertEachRowSentExactlyOnce(rows);
        assertThat(count("attempts <> 1")).isZero();
        assertThat(dispatcher.drain("late-worker").total()).isZero();
    }

    @Test
    void a_burst_of_rate_limits_delays_sends_but_loses_none_and_sends_none_twice() {
        int rows = 40;
        seed(rows);
        AtomicInteger calls = new AtomicInteger();
        slack.script(r -> calls.incrementAndGet() <= 3 ? new SendResult.RateLimited(Duration.ofSeconds(30)) : null);

        DispatchResult first = dispatcher.drain("w1");
        assertThat(first.sent()).isZero();
        assertThat(first.retried()).isEqualTo(rows);
        assertThat(calls)
                .as("after a 429 the workspace gets no more requests in that batch")
                .hasValue(1);
        assertThat(count("status = 'PENDING' and last_error = 'rate limited'")).isEqualTo(rows);

        assertThat(dispatcher.drain("w1").total())
                .as("nothing is retried before Retry-After")
                .isZero();
        clock.advance(Duration.ofSeconds(29));
        assertThat(dispatcher.drain("w2").total()).isZero();
        for (int burst = 2; burst <= 3; burst++) {
            clock.advance(Duration.ofSeconds(30));
            assertThat(dispatcher.drain("w2").sent()).isZero();
            assertThat(calls).hasValue(burst);
        }
        clock.advance(Duration.ofSeconds(30));
        DispatchResult last = dispatcher.drain("w2");
        assertThat(last.sent()).isEqualTo(rows);

        assertEachRowSentExactlyOnce(rows);
        assertThat(calls)
                .as("three 429s cost three requests, then each row one")
                .hasValue(3 + rows);
        assertThat(count("attempts <> 1"))
                .as("a rate limit is not a failed attempt")
                .isZero();
    }

    @Test
    void a_transient_failure_is_retried_with_backoff() {
        seed(1);
        AtomicInteger calls = new AtomicInteger();
        slack.script(r -> calls.incrementAndGet() == 1 ? new SendResult.TransientFailure("HTTP 503") : null);
        Instant t0 = clock.instant();

        assertThat(dispatcher.drain("w").retried()).isEqualTo(1);
        assertThat(slack.deliveries()).isEmpty();
        assertThat(count(
                        "status = 'PENDING' and attempts = 1 and last_error = 'HTTP 503' and next_attempt_at = ?",
                        SqlTime.of(t0.plusSeconds(10))))
                .isEqualTo(1);
        clock.set(t0.plusSeconds(9));
        assertThat(dispatcher.drain("w").total()).isZero();
        clock.set(t0.plusSeconds(10));
        assertThat(dispatcher.drain("w").sent()).isEqualTo(1);
        assertEachRowSentExactlyOnce(1);
    }

    @Test
    void a_row_that_keeps_failing_transiently_backs_off_longer_each_time_and_is_failed_after_the_last_attempt() {
        seed(1);
        slack.script(r -> new SendResult.TransientFailure("timeout"));
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 8; attempt++) {
            Instant before = clock.instant();
            assertThat(dispatcher.drain("w").total()).as("attempt %d", attempt).isEqualTo(1);
            if (attempt < 8) {
                Instant next = jdbc.queryForObject(
                        "select next_attempt_at from outbox",
                        (rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant());
                waits.add(Duration.between(before, next));
                clock.set(next);
            }
        }
        assertThat(waits).isSortedAccordingTo(Duration::compareTo).doesNotHaveDuplicates();
        assertThat(waits.getFirst()).isEqualTo(Duration.ofSeconds(10));
        assertThat(count("status = 'FAILED' and attempts = 8")).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.drain("w").total()).isZero();
        assertThat(slack.deliveries()).isEmpty();
    }

    @Test
    void a_permanent_failure_is_failed_and_the_pairs_coordinator_gets_one_notice() {
        clock.set(Instant.parse("2026-11-23T12:00:00Z"));
        ChatUser cora = user("Cora");
        ChatUser mentee = user("Ana");
        ChatUser mentor = user("Dr Lee");
        ProgrammeView programme = programme("Residents", cora, LISBON);
        PairView pair = pair(programme, mentor, mentee, LISBON, LocalDate.parse("2026-11-23"));
        tick();
        slack.clear();
        Function<dev.rapport.core.chat.Recipient, SendResult> closedDms =
                r -> r.userId().equals(mentee.userId()) ? new SendResult.PermanentFailure("cannot_dm_user") : null;
        slack.script(closedDms);

        for (String monday : List.of("2026-11-30", "2026-12-07")) {
            clock.set(Instant.parse(monday + "T10:00:00Z"));
            tick();
            clock.advance(Duration.ofHours(1));
            tick();
        }
        assertThat(count(
                        "recipient_id = ? and kind = 'CHECK_IN' and status = 'FAILED' and attempts = 1",
                        pair.menteeId()))
                .isEqualTo(2);
        assertThat(slack.to(mentee.userId())).isEmpty();
        assertThat(slack.to(mentor.userId())).hasSize(2);
        assertThat(slack.to(cora.userId()))
                .singleElement()
                .satisfies(d -> assertThat(d.message().summary()).contains("could not deliver a message to Ana"));
        assertThat(count("kind = 'NOTICE'")).isEqualTo(1);
    }

    @Test
    void a_row_claimed_by_a_worker_that_crashed_is_sent_once_by_another_worker_when_its_lease_runs_out() {
        seed(6);
        Instant now = clock.instant();
        // Three rows were claimed by a worker that died mid-batch; their lease ran out a second ago.
        jdbc.update(
                "update outbox set status = 'CLAIMED', claimed_by = 'crashed/dispatch-0', attempts = 1, next_attempt_at = ?"
                        + " where period in ('race:0', 'race:1', 'race:2')",
                SqlTime.of(now.minusSeconds(1)));
        // Two rows are held by a live worker whose lease still runs for four minutes.
        jdbc.update(
                "update outbox set status = 'CLAIMED', claimed_by = 'slow/dispatch-0', attempts = 1, next_attempt_at = ?"
                        + " where period in ('race:3', 'race:4')",
                SqlTime.of(now.plus(Duration.ofMinutes(4))));

        DispatchResult survivor = dispatcher.drain("survivor/dispatch-0");
        assertThat(survivor.sent()).isEqualTo(4);
        assertThat(slack.deliveries())
                .extracting(d -> d.message().summary())
                .containsExactlyInAnyOrder("race message 0", "race message 1", "race message 2", "race message 5");
        assertThat(count("status = 'SENT' and attempts = 2")).isEqualTo(3);
        assertThat(dispatcher.drain("survivor/dispatch-0").total()).isZero();

        clock.advance(Duration.ofMinutes(4));
        assertThat(dispatcher.drain("survivor/dispatch-1").sent()).isEqualTo(2);
        assertThat(dispatcher.drain("survivor/dispatch-1").total()).isZero();
        assertEachRowSentExactlyOnce(6);
        Map<String, Long> perRecipient = slack.deliveries().stream()
                .collect(Collectors.groupingBy(d -> d.recipient().userId(), Collectors.counting()));
        assertThat(perRecipient.values()).containsOnly(1L);
    }
}
