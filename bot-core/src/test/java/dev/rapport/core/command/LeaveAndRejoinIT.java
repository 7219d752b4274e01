package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatUser;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pausing, leaving and coming back: the partner and the coordinators hear of it, and leaving can be undone. */
class LeaveAndRejoinIT extends CommandTestSupport {

    ChatUser cora;
    ChatUser lee;
    ChatUser ana;

    @BeforeEach
    void aPair() {
        cora = admin("Cora");
        lee = user("Dr Lee");
        ana = user("Ana");
        say(cora, "setup \"Residents 2026\" Europe/Lisbon");
        say(cora, "add-pair " + mention(lee) + " " + mention(ana) + " 2026-11-23");
        clock.set(Instant.parse("2026-11-24T12:00:00Z"));
        tick();
        slack.clear();
    }

    @Test
    void when_one_side_pauses_the_partner_and_the_coordinators_are_told_until_when() {
        assertThat(say(ana, "pause 2026-12-31")).contains("Paused until 2026-12-31");
        tick();
        assertThat(last(lee)).contains("Ana has paused their check-ins in Residents 2026 until 2026-12-31");
        assertThat(last(cora)).contains("Ana has paused their check-ins").contains("#1");
    }

    @Test
    void leaving_ends_the_pair_and_tells_the_partner_and_rejoining_undoes_it_so_the_pair_can_be_made_again() {
        assertThat(say(ana, "leave confirm")).contains("/rapport rejoin");
        tick();
        assertThat(last(lee)).contains("Ana has left Residents 2026, so your pair has ended");
        assertThat(say(cora, "add-pair " + mention(lee) + " " + mention(ana))).contains("/rapport rejoin");

        assertThat(say(ana, "rejoin")).contains("Welcome back");
        tick();
        assertThat(last(cora)).contains("Ana has rejoined Rapport and can be paired again in Residents 2026");
        assertThat(say(cora, "add-pair " + mention(lee) + " " + mention(ana))).contains("Pair #2 added");
        assertThat(say(ana, "rejoin")).contains("nothing to rejoin");
    }

    private String last(ChatUser who) {
        return slack.to(who.userId()).getLast().message().summary();
    }
}
