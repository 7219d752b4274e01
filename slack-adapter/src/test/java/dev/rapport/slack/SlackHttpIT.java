package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.localslack.Delivery;
import dev.rapport.localslack.LocalSlack;
import dev.rapport.localslack.PostedMessage;
import dev.rapport.localslack.Signing;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every scenario over HTTP delivery (Slack posts to {@code /slack/events} on Rapport's web server), and what only
 * HTTP has: signed requests, forged ones refused, events Slack retries.
 */
class SlackHttpIT extends SlackScenarios {

    static final LocalSlack SLACK = startSlack(LocalSlack.builder());

    @DynamicPropertySource
    static void slackOverHttp(DynamicPropertyRegistry registry) {
        http(registry, SLACK);
        registry.add("rapport.slack.bot-token", () -> BOT_TOKEN);
    }

    @Override
    LocalSlack slack() {
        return SLACK;
    }

    @Override
    boolean deliversOverHttp() {
        return true;
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @Test
    void forged_or_stale_requests_get_401_and_change_nothing() {
        aProgrammeWithOnePair();
        clock.set(Instant.parse("2026-11-30T10:05:00Z"));
        tick();
        PostedMessage checkIn = awaitDm(ana, "check-in is ready");
        String yes = metYes(checkIn.actionIds());

        for (Signing forged : new Signing[] {Signing.WRONG_SIGNATURE, Signing.STALE_TIMESTAMP, Signing.UNSIGNED}) {
            Delivery click = SLACK.as(TEAM, ana).signed(forged).click(checkIn, yes);
            assertThat(click.awaitAck().status()).as(forged.name()).isEqualTo(401);
            Delivery command = SLACK.as(TEAM, cora).signed(forged).command("/rapport", "end-pair #1");
            assertThat(command.awaitAck().status()).as(forged.name()).isEqualTo(401);
            assertThat(command.responses()).isEmpty();
        }

        assertThat(jdbc.queryForObject("select met from check_in where role = 'MENTEE'", Boolean.class))
                .isNull();
        assertThat(jdbc.queryForObject("select status from pair where id = 1", String.class))
                .isEqualTo("ACTIVE");
    }

    @Test
    void an_event_slack_delivers_again_is_recognised_and_handled_once() {
        aProgrammeWithOnePair();
        Delivery change = SLACK.changeUser(TEAM, ana, "Ana M.", "Europe/Lisbon");
        acknowledgedInTime(change);
        Delivery again = SLACK.retry(change, "http_timeout");
        acknowledgedInTime(again);

        org.awaitility.Awaitility.await()
                .until(() -> "Ana M."
                        .equals(jdbc.queryForObject(
                                "select display_name from participant where platform_user_id = ?", String.class, ana)));
        assertThat(count("select count(*) from inbound_event")).isEqualTo(1);
        assertThat(again.acks().getLast().attempt()).isEqualTo(1);
    }
}
