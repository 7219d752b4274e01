package dev.rapport.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.chat.SendResult;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.test.CoreTestSupport;
import dev.rapport.core.test.RecordingChatPort.Delivery;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a crash leaves behind: outcomes are recorded group by group, so a worker that dies mid-batch leaves only the
 * group it was sending in doubt, and the rows in doubt are resolved with the platform's means (the port recognises
 * the send key) rather than sent twice. The crash is a worker thread dying in the middle of a send, as a process
 * killed with SIGKILL would: the system-test module does the same with real processes.
 */
class DeliveryDurabilityIT extends CoreTestSupport {

    @Autowired
    Instances instances;

    @Autowired
    DeliveryProperties properties;

    /** Thrown from inside a send, past every catch of the dispatcher's: the worker is gone, as in a SIGKILL. */
    static final class ProcessDied extends Error {
        ProcessDied() {
            super("the process died", null, false, false);
        }
    }

    private void seed(int rows) {
        OffsetDateTime now = SqlTime.of(clock.instant());
        jdbc.update("""
                insert into participant (platform, workspace_id, platform_user_id, display_name, time_zone, created_at)
                select 'SLACK', ?, 'UCRASH' || i, 'Person ' || i, 'Europe/Lisbon', ? from generate_series(0, ? - 1) i""", WORKSPACE, now, rows);
        jdbc.update("""
                insert into outbox (pair_id, recipient_id, kind, period, payload, status, next_attempt_at, created_at)
                select null, p.id, 'NOTICE', 'crash', 'message to ' || p.platform_user_id, 'PENDING', ?, ?
                from participant p where p.platform_user_id like 'UCRASH%'""", now, now);
    }

    /** Rows by status, the rows of a worker's group being sent counted as SENDING. */
    private Map<String, Long> statuses() {
        return jdbc.queryForList("""
                        select case when o.id = any(g.ids) then 'SENDING' else o.status end as status, count(*) as n
                        from outbox o left join dispatch_group g on g.worker = o.claimed_by group by 1""").stream()
                .collect(Collectors.toMap(r -> (String) r.get("status"), r -> ((Number) r.get("n")).longValue()));
    }

    private long count(String where) {
        return jdbc.queryForObject("select count(*) from outbox where " + where, Long.class);
    }

    /** Makes the port die on its {@code n}th send, before that message reaches the platform. */
    private void dieOnSend(int n) {
        AtomicInteger sends = new AtomicInteger();
        slack.script(r -> {
            if (sends.incrementAndGet() == n) {
                throw new ProcessDied();
            }
            return null;
        });
    }

    @Test
    void a_worker_killed_mid_batch_leaves_only_its_group_in_flight_in_doubt_and_nothing_is_sent_twice() {
        int rows = 400;
        seed(rows);
        dieOnSend(150);

        assertThatThrownBy(() -> dispatcher.dispatchBatch("crashed-instance/dispatch-0"))
                .isInstanceOf(ProcessDied.class);

        Map<String, Long> left = statuses();
        long delivered = slack.deliveries().size();
        assertThat(delivered)
                .as("sends that reached the platform before the crash")
                .isEqualTo(149);
        assertThat(left.getOrDefault("SENDING", 0L))
                .as("only the group in flight is in doubt")
                .isPositive()
                .isLessThanOrEqualTo(properties.maxInFlight());
        assertThat(left.getOrDefault("SENT", 0L) + left.getOrDefault("SENDING", 0L) + left.getOrDefault("CLAIMED", 0L))
                .as("every outcome known before the group began is recorded")
                .isEqualTo(rows);
        assertThat(left.getOrDefault("SENT", 0L)).isGreaterThanOrEqualTo(delivered - properties.maxInFlight());

        // The heartbeat of the crashed instance stopped long ago: any instance releases its rows at once.
        jdbc.update(
                "insert into dispatch_instance (id, started_at, seen_at) values ('crashed-instance', now(), now() - interval '1 hour')");
        slack.script(r -> null);
        assertThat(instances.recoverDead()).isEqualTo(rows - left.getOrDefault("SENT", 0L));
        DispatchResult after = dispatcher.drain("survivor/dispatch-0");

        assertThat(after.sent()).isEqualTo(rows - left.getOrDefault("SENT", 0L));
        assertThat(count("status = 'SENT'")).isEqualTo(rows);
        Map<Long, Long> perRow =
                slack.deliveries().stream().collect(Collectors.groupingBy(Delivery::outboxId, Collectors.counting()));
        assertThat(perRow)
                .hasSize(rows)
                .allSatisfy((row, n) ->
                        assertThat(n).as("deliveries of row %d", row).isEqualTo(1));
        long inDoubt = count("unknown_since is not null");
        assertThat(inDoubt).isEqualTo(left.getOrDefault("SENDING", 0L));
        long alreadyThere = delivered - left.getOrDefault("SENT", 0L);
        assertThat(count("resolution = 'FOUND'"))
                .as("sends in doubt that had arrived, found rather than sent again")
                .isEqualTo(alreadyThere);
        assertThat(count("resolution = 'RESENT'")).isEqualTo(inDoubt - alreadyThere);
        assertThat(count("attempts > 1 and resolution is null"))
                .as("rows never begun spent no attempt")
                .isZero();
    }

    @Test
    void a_crashed_workers_rows_are_retried_after_its_lease_when_no_heartbeat_vouches_for_it() {
        seed(20);
        dieOnSend(5);
        assertThatThrownBy(() -> dispatcher.dispatchBatch("gone/dispatch-0")).isInstanceOf(ProcessDied.class);
        slack.script(r -> null);

        assertThat(dispatcher.drain("survivor/dispatch-0").total())
                .as("within the lease nobody takes them")
                .isZero();
        clock.advance(properties.lease().plus(Duration.ofSeconds(1)));
        dispatcher.drain("survivor/dispatch-0");

        assertThat(count("status = 'SENT'")).isEqualTo(20);
        assertThat(slack.deliveries().stream()
                        .map(Delivery::outboxId)
                        .distinct()
                        .count())
                .isEqualTo(slack.deliveries().size())
                .isEqualTo(20);
    }

    @Test
    void a_worker_whose_batch_failed_half_way_gives_back_what_it_held_at_once_with_the_rows_it_was_sending_in_doubt() {
        seed(40);
        dieOnSend(10);
        assertThatThrownBy(() -> dispatcher.dispatchBatch("live/dispatch-0")).isInstanceOf(ProcessDied.class);
        slack.script(r -> null);

        // What the worker loop does when a batch throws, in the same process.
        long recorded = count("status = 'SENT'");
        int released = dispatcher.releaseAll("live/dispatch-0");
        dispatcher.drain("live/dispatch-0");

        assertThat(released).as("everything not yet recorded, at once").isEqualTo(40 - recorded);
        assertThat(count("status = 'SENT'")).isEqualTo(40);
        assertThat(slack.deliveries()).hasSize(40);
        assertThat(count("unknown_since is not null"))
                .as("the group it was sending")
                .isPositive();
    }

    @Test
    void a_send_that_timed_out_is_retried_in_doubt_and_found_instead_of_sent_twice() {
        seed(3);
        AtomicInteger sends = new AtomicInteger();
        // The first send reaches the platform, but its answer is lost: the port reports that it may have arrived.
        slack.loseAnswers(r -> sends.incrementAndGet() == 1
                ? new SendResult.Unavailable(
                        SendResult.Unavailable.Scope.WORKSPACE, "Slack chat.postMessage: timeout", true)
                : null);

        dispatcher.drain("w/dispatch-0");
        assertThat(count("status = 'PENDING' and unknown_since is not null and attempts = 0"))
                .as("in doubt, waiting for Slack, no attempt spent")
                .isEqualTo(1);

        // The probe finds Slack back; the row in doubt is recognised by the platform instead of posted again.
        clock.advance(Duration.ofSeconds(6));
        dispatcher.drain("w/dispatch-0");

        assertThat(count("status = 'SENT'")).isEqualTo(3);
        assertThat(count("resolution = 'FOUND'")).isEqualTo(1);
        assertThat(slack.deliveries()).hasSize(3);
    }
}
