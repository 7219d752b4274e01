package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.localslack.LocalSlack;
import dev.rapport.localslack.UserProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may run {@code /rapport setup} in a Slack workspace with no allowlist configured: its admins and owners, as
 * {@code users.info} reports them, end to end through Bolt over Socket Mode against the local Slack.
 */
class SlackSetupIT extends SlackEndToEnd {

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

    @Test
    void a_member_who_is_not_an_admin_is_refused_and_nothing_is_set_up() {
        String reply = rapport(ana, "setup \"Residents 2026\"");
        assertThat(reply).contains("set up by its admins and owners");
        assertThat(jdbc.queryForObject("select count(*) from programme", Integer.class))
                .isZero();
        assertThat(rapport(ana, "add-pair <@" + lee + "> <@" + cora + ">")).contains("Only programme coordinators");
    }

    @Test
    void an_admin_sets_up_and_coordinates() {
        assertThat(rapport(cora, "setup \"Residents 2026\"")).contains("you are its coordinator");
        assertThat(rapport(cora, "add-pair <@" + lee + "> <@" + ana + ">")).contains("Pair #1 added");
    }

    @Test
    void an_owner_and_the_primary_owner_may_set_up_too() {
        String owner = "U0OWNER" + System.nanoTime() % 100000;
        SLACK.addUser(UserProfile.member(TEAM, owner, "owner", "Olga Owner", "Europe/Lisbon")
                .withRoles(false, true, false));
        String primary = "U0PRIMARY" + System.nanoTime() % 100000;
        SLACK.addUser(UserProfile.member(TEAM, primary, "primary", "Pat Primary", "Europe/Lisbon")
                .withRoles(false, false, true));
        assertThat(rapport(owner, "setup \"Fellows\"")).contains("you are its coordinator");
        assertThat(rapport(primary, "setup \"Surgery\"")).contains("you are its coordinator");
    }
}
