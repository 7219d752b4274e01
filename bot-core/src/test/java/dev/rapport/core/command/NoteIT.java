package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.health.HealthService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Coordinators' notes on a pair, next to its health history in {@code /rapport pair}, on PostgreSQL. */
class NoteIT extends CommandTestSupport {

    @Autowired
    HealthService health;

    ChatUser cora;
    ChatUser lee;
    ChatUser ana;

    @BeforeEach
    void aPair() {
        cora = admin("Cora");
        lee = user("Dr Lee");
        ana = user("Ana");
        clock.set(Instant.parse("2026-11-23T09:00:00Z"));
        say(cora, "setup \"Residents 2026\" Europe/Lisbon");
        say(cora, "add-pair " + mention(lee) + " " + mention(ana) + " 2026-11-23");
    }

    @Test
    void a_note_is_kept_sealed_and_shown_to_coordinators_with_the_pairs_history() {
        health.refresh();
        clock.advance(Duration.ofDays(1));
        assertThat(say(cora, "note #1 called both; agreed to meet fortnightly"))
                .isEqualTo("Noted on pair #1 Dr Lee → Ana. The programme's coordinators see it in `/rapport pair #1`.");

        assertThat(jdbc.queryForObject("select body from coordinator_note", String.class))
                .as("sealed at rest")
                .doesNotContain("fortnightly");
        String pair = say(cora, "pair #1");
        assertThat(pair)
                .contains("History and notes")
                .contains("2026-11-24 – Note by Cora: called both; agreed to meet fortnightly")
                .contains("2026-11-23 – ⚪ too early");
        assertThat(pair.indexOf("Note by Cora")).as("newest first").isLessThan(pair.indexOf("2026-11-23 – ⚪"));
        assertThat(say(ana, "pair #1")).startsWith("Only programme coordinators");
    }

    @Test
    void an_empty_or_long_note_is_refused_and_nothing_is_kept() {
        assertThat(say(cora, "note #1")).startsWith("Write the note after the pair");
        assertThat(say(cora, "note #1 " + "x".repeat(1001)))
                .isEqualTo("A note can be up to 1000 characters; this one has 1001.");
        assertThat(say(cora, "note #7 hello")).startsWith("There is no pair #7");
        assertThat(jdbc.queryForObject("select count(*) from coordinator_note", Integer.class))
                .isZero();
    }

    @Test
    void erasing_a_side_of_the_pair_deletes_the_notes_on_it() {
        say(cora, "note " + mention(ana) + " Ana asked to change mentor");
        assertThat(jdbc.queryForObject("select count(*) from coordinator_note", Integer.class))
                .isEqualTo(1);
        say(cora, "erase " + mention(ana) + " confirm");
        assertThat(jdbc.queryForObject("select count(*) from coordinator_note", Integer.class))
                .isZero();
    }
}
