package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.retention.Retention;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Coordinators' reads and changes are recorded; participants learn how often their pair was looked at. */
class AuditIT extends CommandTestSupport {

    @Autowired
    Retention retention;

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
    }

    @Test
    void every_read_and_change_of_a_coordinator_is_recorded_with_who_what_which_pair_and_when() {
        clock.set(Instant.parse("2026-11-24T12:00:00Z"));
        say(cora, "health");
        say(cora, "pair #1");
        say(cora, "snooze #1 7");
        say(cora, "export");
        say(cora, "pair #99"); // not found: nothing was read
        say(ana, "me"); // a participant's own view is not a coordinator read

        List<Map<String, Object>> events = jdbc.queryForList("""
                select p.display_name as actor, a.action, a.kind, a.pair_id, a.at = timestamptz '2026-11-24T12:00Z' as now
                from audit_event a join participant p on p.id = a.actor_id order by a.id""");
        assertThat(events)
                .extracting(e -> e.get("actor") + " " + e.get("action") + " " + e.get("kind") + " " + e.get("pair_id"))
                .containsExactly(
                        "Cora add-pair CHANGE null",
                        "Cora health READ null",
                        "Cora pair READ 1",
                        "Cora snooze CHANGE 1",
                        "Cora export READ null");
        assertThat(events.subList(1, 5)).allMatch(e -> Boolean.TRUE.equals(e.get("now")));
    }

    @Test
    void a_participant_sees_how_often_coordinators_looked_at_their_pair_in_the_last_30_days() {
        assertThat(say(ana, "me")).contains("Coordinators looked at your pair 0 times in the last 30 days");
        say(cora, "health");
        say(cora, "pair " + mention(ana));
        assertThat(say(ana, "me")).contains("Coordinators looked at your pair 2 times in the last 30 days");
        assertThat(say(lee, "me")).contains("2 times");

        clock.advance(Duration.ofDays(31));
        assertThat(say(ana, "me")).contains("0 times");
    }

    @Test
    void coordinators_read_the_record_of_the_programme_or_of_one_pair_newest_first() {
        ChatUser cip = user("Cip");
        say(cora, "coordinator add " + mention(cip));
        say(cora, "add-pair " + mention(user("Bo")) + " " + mention(user("Eve")) + " 2026-11-23");
        clock.set(Instant.parse("2026-11-24T12:00:00Z"));
        say(cip, "pair #1");
        clock.set(Instant.parse("2026-11-25T09:30:00Z"));
        say(cora, "snooze #2 7");
        say(cora, "health");

        String all = say(cip, "audit");
        assertThat(all).contains("What coordinators read and changed: Residents 2026");
        assertThat(all.indexOf("Cora | changed: snooze"))
                .as("newest first")
                .isLessThan(all.indexOf("Cip | read: pair"));
        assertThat(all)
                .contains("2026-11-25 09:30 | Cora | read: health | the whole programme")
                .contains("2026-11-24 12:00 | Cip | read: pair | #1")
                .contains("Cora | changed: coordinator");

        String one = say(cip, "audit #1");
        assertThat(one).contains("pair #1 Dr Lee → Ana").contains("Cip | read: pair | #1");
        assertThat(one).doesNotContain("snooze").doesNotContain("health");

        assertThat(say(cora, "audit #77")).startsWith("There is no pair #77");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'audit'", Integer.class))
                .as("reading the record is not a read of pair-level data")
                .isZero();
    }

    @Test
    void the_record_is_deleted_after_a_year() {
        say(cora, "health");
        clock.advance(Duration.ofDays(364));
        assertThat(retention.run().auditDeleted()).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(retention.run().auditDeleted()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Integer.class))
                .isZero();
    }
}
