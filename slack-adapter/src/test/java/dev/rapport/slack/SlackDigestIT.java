package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.database.SqlTime;
import dev.rapport.core.digest.DigestService;
import dev.rapport.localslack.LocalSlack;
import dev.rapport.localslack.PostedMessage;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The weekly digest end to end over Socket Mode: it arrives in the coordinator's DM with a line for the pair that
 * turned at risk, and its buttons, tapped through Slack, answer in her DM with what {@code /rapport pair #1} shows and
 * snooze the pair as {@code /rapport snooze #1} does, leaving the digest as it was.
 */
class SlackDigestIT extends SlackEndToEnd {

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
    DigestService digests;

    private String button(PostedMessage m, String prefix) {
        return m.actionIds().stream()
                .filter(id -> id.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button " + prefix + "… in " + m.actionIds()));
    }

    @Test
    void the_digest_arrives_in_the_coordinators_dm_and_its_buttons_open_and_snooze_the_pair() {
        aProgrammeWithOnePair();
        jdbc.update(
                "insert into pair_state_change (pair_id, at, state, previous_state, reasons) values (1, ?, 'AT_RISK',"
                        + " 'ON_TRACK', '')",
                SqlTime.of(Instant.parse("2026-11-29T12:00:00Z")));
        clock.set(Instant.parse("2026-11-30T10:05:00Z")); // Monday, past 09:00 in Lisbon: the digest's day
        assertThat(digests.run()).isEqualTo(1);
        dispatcher.drain("e2e");

        PostedMessage digest = awaitDm(cora, "Residents 2026: your weekly digest");
        assertThat(readable(digest))
                .contains("Dr Lee Mentor &amp; Ana Mentee: newly at risk") // Slack shows &amp; as &
                .contains("Open pair")
                .contains("Snooze 14 days")
                .contains("This digest comes every Monday");

        acknowledgedInTime(slack().as(TEAM, cora).click(digest, button(digest, "rapport:digest:open:")));
        PostedMessage pair = awaitDm(cora, "Pair #1");
        assertThat(readable(pair)).contains("Dr Lee Mentor").contains("Ana Mentee");

        acknowledgedInTime(slack().as(TEAM, cora).click(digest, button(digest, "rapport:digest:snooze:")));
        awaitDm(cora, "snoozed for 14 days");
        await().until(() -> count("select count(*) from pair_health where alert_snoozed_until is not null") == 1);
        assertThat(count("select count(*) from audit_event where action in ('pair', 'snooze')"))
                .isEqualTo(2);
        assertThat(now(digest).actionIds()).as("the digest stays as it was").isEqualTo(digest.actionIds());
        assertThat(dmsTo(lee)).noneMatch(m -> readable(m).contains("weekly digest"));
    }
}
