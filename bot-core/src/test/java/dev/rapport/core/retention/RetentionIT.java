package dev.rapport.core.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.Platform;
import dev.rapport.core.interaction.InboundEvents;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.test.CoreTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The retention limits, applied by the job's pass on real PostgreSQL, each on its own day. */
class RetentionIT extends CoreTestSupport {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    Retention retention;

    @Autowired
    InboundEvents events;

    ProgrammeView programme;
    PairView ended;
    PairView open;

    @BeforeEach
    void twoPairsWereAskedAndOneEnded() {
        programme = programme("Cardiology", user("Cora"), BERLIN);
        ended = pair(programme, user("Dr Lee"), user("Ana"), BERLIN, LocalDate.parse("2026-11-23"));
        open = pair(programme, user("Dr Kim"), user("Bo"), BERLIN, LocalDate.parse("2026-11-23"));
        clock.set(Instant.parse("2026-11-30T09:00:00Z")); // Monday 10:00 in Berlin
        tick();
        for (PairView p : new PairView[] {ended, open}) {
            long checkIn = jdbc.queryForObject(
                    "select id from check_in where pair_id = ? and role = 'MENTEE'", Long.class, p.id());
            jdbc.update(
                    "update check_in set comment = 'we talked about the night shifts', met = true where id = ?",
                    checkIn);
            jdbc.update("""
                    insert into answer (check_in_id, question_id, bank_version, dimension, score, answered_at)
                    values (?, 'respect.1', 'v1', 'RESPECT', 4, now())""", checkIn);
            jdbc.update("""
                    insert into meeting (pair_id, held_on, note, logged_by, created_at)
                    values (?, date '2026-11-29', 'coffee', (select mentee_id from pair where id = ?), now())""", p.id(), p.id());
        }
        assertThat(count("select count(*) from outbox where status = 'SENT' and payload is not null"))
                .as("the check-ins went out with their text")
                .isEqualTo(4);
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        pairs.end(ended.id());
    }

    @Test
    void the_text_of_sent_messages_is_erased_after_seven_days_and_the_rows_stay() {
        int sent = count("select count(*) from outbox where status = 'SENT'");
        clock.set(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(retention.run().payloadsCleared()).as("not yet seven days").isZero();

        clock.set(Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(retention.run().payloadsCleared()).isEqualTo(4);
        assertThat(count("select count(*) from outbox where payload is not null and status = 'SENT'"))
                .isZero();
        assertThat(count("select count(*) from outbox where status = 'SENT'"))
                .as("the rows stay, so the messages are never sent again")
                .isEqualTo(sent);
    }

    @Test
    void handled_event_ids_are_forgotten_after_two_days() {
        assertThat(events.firstDelivery(Platform.SLACK, "Ev123")).isTrue();
        assertThat(events.firstDelivery(Platform.SLACK, "Ev123")).isFalse();
        assertThat(events.firstDelivery(Platform.DISCORD, "Ev123")).isTrue();

        clock.advance(Duration.ofDays(1));
        assertThat(retention.run().eventsForgotten()).isZero();
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(retention.run().eventsForgotten()).isEqualTo(2);
        assertThat(events.firstDelivery(Platform.SLACK, "Ev123")).isTrue();
    }

    @Test
    void an_ended_pair_is_erased_with_everything_about_it_two_years_after_it_ended_and_an_open_one_is_kept() {
        clock.set(Instant.parse("2028-11-30T12:00:00Z"));
        assertThat(retention.run().pairsErased())
                .as("730 days after 2026-12-01 is 2028-12-01")
                .isZero();

        clock.set(Instant.parse("2028-12-02T12:00:00Z"));
        assertThat(retention.run().pairsErased()).isEqualTo(1);

        assertThat(count("select count(*) from pair where id = " + ended.id())).isZero();
        for (String table : new String[] {"check_in", "meeting", "outbox", "checkin_slot", "pair_health"}) {
            assertThat(count("select count(*) from " + table + " where pair_id = " + ended.id()))
                    .as(table + " of the ended pair")
                    .isZero();
        }
        assertThat(count("select count(*) from answer a join check_in c on c.id = a.check_in_id where c.pair_id = "
                        + open.id()))
                .as("the open pair's answers")
                .isEqualTo(1);
        assertThat(count("select count(*) from answer"))
                .as("only the open pair's answers are left")
                .isEqualTo(1);
        assertThat(count("select count(*) from meeting where pair_id = " + open.id()))
                .isEqualTo(1);
        assertThat(count("select count(*) from participant"))
                .as("the people stay: erasing a person is its own act")
                .isEqualTo(5);
    }

    @Test
    void a_programme_may_keep_ended_pairs_for_less_time() {
        jdbc.update("update programme set ended_pair_retention_days = 30 where id = ?", programme.id());

        clock.set(Instant.parse("2026-12-30T12:00:00Z"));
        assertThat(retention.run().pairsErased()).isZero();
        clock.set(Instant.parse("2027-01-01T12:00:00Z"));
        assertThat(retention.run().pairsErased()).isEqualTo(1);
        assertThat(count("select count(*) from pair")).isEqualTo(1);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
