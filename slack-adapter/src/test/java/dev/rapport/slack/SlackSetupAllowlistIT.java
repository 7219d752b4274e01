package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.localslack.LocalSlack;
import dev.rapport.localslack.UserProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code rapport.slack.setup-allowed} configured, exactly the people it names may run {@code /rapport setup}:
 * not the workspace's other admins. End to end through Bolt over Socket Mode against the local Slack.
 */
class SlackSetupAllowlistIT extends SlackEndToEnd {

    static final LocalSlack SLACK = startSlack(LocalSlack.builder());

    static final String ALLOWED = "U0ALLOWED";

    @DynamicPropertySource
    static void slackOverSocketMode(DynamicPropertyRegistry registry) {
        socketMode(registry, SLACK);
        registry.add("rapport.slack.setup-allowed", () -> "U0SOMEONE, " + ALLOWED);
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
    void an_allowlisted_member_sets_up_and_an_admin_not_on_the_list_is_refused() {
        SLACK.addUser(UserProfile.member(TEAM, ALLOWED, "alex", "Alex Allowed", "Europe/Lisbon"));

        assertThat(rapport(ALLOWED, "setup \"Residents 2026\"")).contains("you are its coordinator");
        assertThat(rapport(cora, "setup \"Fellows\"")).contains("set up by its admins and owners");
        assertThat(rapport(ana, "setup \"Surgery\"")).contains("set up by its admins and owners");
        assertThat(jdbc.queryForObject("select count(*) from programme", Integer.class))
                .isEqualTo(1);
    }
}
