package dev.rapport.core.insight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.insight.Overview.Side;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.test.AnsweredWeeks;
import dev.rapport.core.test.CoreTestSupport;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A programme's overview is held while nothing in the programme changes, and read again after any change, from any
 * connection: answers, state changes, names.
 */
class HeldReadsIT extends CoreTestSupport {

    static final LocalDate FIRST_MONDAY = LocalDate.parse("2026-11-02");

    @Autowired
    OverviewReader reader;

    AnsweredWeeks weeks;
    ProgrammeView programme;
    PairView pair;

    @BeforeEach
    void aPairAfterTwoWeeks() {
        weeks = new AnsweredWeeks(jdbc, FIRST_MONDAY);
        programme = programme("Residents", user("Cora"), ZoneOffset.UTC);
        pair = pair(programme, user("Lee"), user("Ana"), ZoneOffset.UTC, FIRST_MONDAY);
        weeks.week(pair.id(), 1, 4, 4);
        weeks.week(pair.id(), 2, 4, null);
        clock.set(weeks.midweek(3));
    }

    @Test
    void the_overview_is_held_until_something_in_the_programme_changes() {
        Overview first = overview();
        assertThat(overview()).as("nothing changed").isSameAs(first);

        weeks.week(pair.id(), 3, 2, 2);
        Overview answered = overview();
        assertThat(answered.answered().get(Side.MENTOR)).isEqualTo(new Overview.Rate(2, 3));
        assertThat(overview()).isSameAs(answered);

        jdbc.update(
                "insert into pair_state_change (pair_id, at, state, previous_state, reasons)"
                        + " values (?, now(), 'WATCH', 'ON_TRACK', '')",
                pair.id());
        assertThat(overview().changes())
                .singleElement()
                .satisfies(c -> assertThat(c.mentee()).isEqualTo("Ana"));

        jdbc.update("update participant set display_name = 'Ana B.' where id = ?", pair.menteeId());
        assertThat(overview().changes())
                .singleElement()
                .satisfies(c -> assertThat(c.mentee()).isEqualTo("Ana B."));
    }

    @Test
    void another_programmes_changes_do_not_count() {
        Overview first = overview();
        ProgrammeView other = programme("Fellows", user("Dev"), ZoneOffset.UTC);
        weeks.week(
                pair(other, user("Kim"), user("Joe"), ZoneOffset.UTC, FIRST_MONDAY)
                        .id(),
                1,
                5,
                5);

        assertThat(overview()).isSameAs(first);
    }

    @Test
    void coordinators_asking_at_once_share_one_read() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Overview>> asked = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                asked.add(pool.submit(this::overview));
            }
            Overview one = asked.getFirst().get();
            for (Future<Overview> f : asked) {
                assertThat(f.get()).isSameAs(one);
            }
        } finally {
            pool.shutdown();
        }
    }

    private Overview overview() {
        return reader.read(programme.id(), ZoneOffset.UTC, 4, List.of());
    }
}
