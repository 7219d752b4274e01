package dev.rapport.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.test.CoreTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CheckInLoopIT extends CoreTestSupport {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @Test
    void a_new_pair_gets_its_first_check_in_on_the_next_cadence_day_at_ten_local_time() {
        ProgrammeView programme = programme("Residents", user("Cora"), LISBON);
        var mentor = user("Dr Lee");
        var mentee = user("Ana");
        pair(programme, mentor, mentee, LISBON, LocalDate.parse("2026-11-23"));
        clock.set(Instant.parse("2026-11-23T12:00:00Z"));
        tick();
        assertThat(slack.to(mentee.userId()))
                .extracting(d -> d.message().summary())
                .singleElement()
                .asString()
                .contains("Welcome to Residents");

        clock.set(Instant.parse("2026-11-30T09:59:00Z"));
        tick();
        assertThat(slack.to(mentee.userId()))
                .noneMatch(d -> d.message().summary().contains("check-in is ready"));

        clock.set(Instant.parse("2026-11-30T10:00:00Z"));
        tick();
        assertThat(slack.to(mentee.userId()))
                .filteredOn(d -> d.message().summary().contains("check-in is ready"))
                .hasSize(1);
        assertThat(slack.to(mentor.userId()))
                .filteredOn(d -> d.message().summary().contains("check-in is ready"))
                .hasSize(1);
        ChatMessage checkIn = slack.to(mentee.userId()).stream()
                .filter(d -> d.message().summary().contains("check-in is ready"))
                .findFirst()
                .orElseThrow()
                .message();
        assertThat(checkIn.blocks())
                .filteredOn(b -> b instanceof ChatMessage.Block.Question)
                .hasSize(4);

        clock.advance(Duration.ofHours(1));
        tick();
        assertThat(slack.to(mentee.userId()))
                .filteredOn(d -> d.message().summary().contains("check-in is ready"))
                .hasSize(1);
    }

    @Test
    void a_check_in_the_platform_refuses_is_recorded_as_undelivered_and_the_coordinator_is_told() {
        var cora = user("Cora");
        ProgrammeView programme = programme("Residents", cora, LISBON);
        var mentee = user("Ana");
        pair(programme, user("Dr Lee"), mentee, LISBON, LocalDate.parse("2026-11-23"));
        clock.set(Instant.parse("2026-11-30T10:00:00Z"));
        slack.script(r -> r.userId().equals(mentee.userId())
                ? new dev.rapport.core.chat.SendResult.PermanentFailure("cannot_dm_user")
                : null);
        tick();
        assertThat(jdbc.queryForObject("select status from check_in where role = 'MENTEE'", String.class))
                .isEqualTo("UNDELIVERED");
        assertThat(jdbc.queryForObject("select status from check_in where role = 'MENTOR'", String.class))
                .isEqualTo("SENT");
        slack.script(r -> null);
        tick();
        assertThat(slack.to(cora.userId()))
                .singleElement()
                .satisfies(d -> assertThat(d.message().summary()).contains("could not deliver a message to Ana"));
    }
}
