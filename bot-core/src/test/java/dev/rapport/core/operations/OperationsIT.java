package dev.rapport.core.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.SendResult;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.test.CoreTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What operators see: meters for sending and answering, gauges of the backlog, and a shutdown that loses nothing. */
class OperationsIT extends CoreTestSupport {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @Autowired
    SimpleMeterRegistry meters;

    @Autowired
    RapportGauges gauges;

    @Test
    void sends_and_their_outcomes_are_counted_by_platform_and_kind_and_timed() {
        ChatUser cora = user("Cora");
        ChatUser ana = user("Ana");
        ProgrammeView programme = programme("Residents", cora, LISBON);
        double before = count("rapport.messages.sent", "kind", "welcome");
        slack.script(r -> r.userId().equals(ana.userId()) ? new SendResult.RateLimited(Duration.ofSeconds(3)) : null);
        pair(programme, user("Lee"), ana, LISBON, LocalDate.parse("2026-11-23"));

        tick();

        assertThat(count("rapport.messages.sent", "kind", "welcome") - before).isEqualTo(1);
        assertThat(meters.get("rapport.messages.rate.limited")
                        .tag("platform", "slack")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get("rapport.messages.send")
                        .tag("platform", "slack")
                        .timer()
                        .count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_send_without_a_connection_is_counted_as_such_never_as_rate_limiting_and_spends_no_attempt() {
        ChatUser cora = user("Cora");
        ProgrammeView programme = programme("Residents", cora, LISBON);
        double limitedBefore = count("rapport.messages.rate.limited", "platform", "slack");
        double notConnectedBefore = count("rapport.messages.not.connected", "platform", "slack");
        slack.script(r -> new SendResult.NotConnected("Slack: not connected"));
        pair(programme, user("Lee"), user("Ana"), LISBON, LocalDate.parse("2026-11-23"));

        tick();

        assertThat(count("rapport.messages.not.connected", "platform", "slack") - notConnectedBefore)
                .isGreaterThanOrEqualTo(1);
        assertThat(count("rapport.messages.rate.limited", "platform", "slack") - limitedBefore)
                .as("a missing connection is not a rate limit")
                .isZero();
        assertThat(slack.deliveries()).isEmpty();
        assertThat(jdbc.queryForList("select status || ':' || attempts from outbox", String.class))
                .as("the messages wait, their attempts untouched")
                .containsOnly("PENDING:0");
        assertThat(jdbc.queryForList("select platform from delivery_outage", String.class))
                .as("waiting as for a short outage, which a probe ends")
                .containsExactly("SLACK");

        slack.script(r -> null);
        clock.advance(Duration.ofSeconds(6));
        tick();

        assertThat(jdbc.queryForList("select platform from delivery_outage", String.class))
                .isEmpty();
        assertThat(slack.deliveries()).hasSize(2);
    }

    @Test
    void the_backlog_is_a_gauge_read_from_the_outbox() {
        ChatUser cora = user("Cora");
        ProgrammeView programme = programme("Residents", cora, LISBON);
        pair(programme, user("Lee"), user("Ana"), LISBON, LocalDate.parse("2026-11-23"));
        SimpleMeterRegistry fresh = new SimpleMeterRegistry();
        gauges.bindTo(fresh);

        assertThat(fresh.get("rapport.outbox.depth")
                        .tag("status", "pending")
                        .gauge()
                        .value())
                .isEqualTo(2);
    }

    @Test
    void a_worker_stopping_mid_batch_gives_back_what_it_did_not_send_without_spending_an_attempt() {
        ChatUser cora = user("Cora");
        ProgrammeView programme = programme("Residents", cora, LISBON);
        pair(programme, user("Lee"), user("Ana"), LISBON, LocalDate.parse("2026-11-23"));

        dispatcher.stopSending();
        try {
            dispatcher.dispatchBatch("stopping-worker");
        } finally {
            dispatcher.resumeSending();
        }

        assertThat(slack.deliveries()).isEmpty();
        assertThat(jdbc.queryForList("select status || ':' || attempts from outbox", String.class))
                .containsOnly("PENDING:0");
        tick();
        assertThat(slack.deliveries()).hasSize(2);
    }

    private double count(String name, String tag, String value) {
        var found = meters.find(name).tag(tag, value).counter();
        return found == null ? 0 : found.count();
    }
}
