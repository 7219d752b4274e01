package dev.rapport.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.insight.Overview;
import dev.rapport.core.insight.OverviewReader;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.test.AnsweredWeeks;
import dev.rapport.core.test.CoreTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code rapport.health.keep-fresh} on, the held reports are read afresh in the background before they expire,
 * so a coordinator after a quiet spell does not wait for a whole programme to be read.
 */
@TestPropertySource(properties = {"rapport.health.keep-fresh=true", "rapport.health.board-max-age=PT2S"})
class ReportKeeperIT extends CoreTestSupport {

    static final LocalDate FIRST_MONDAY = LocalDate.parse("2026-11-02");

    @Autowired
    HealthService health;

    @Autowired
    HealthBoard board;

    @Autowired
    OverviewReader overviews;

    @Test
    void the_boards_are_read_afresh_without_a_request_before_they_expire() {
        AnsweredWeeks weeks = new AnsweredWeeks(jdbc, FIRST_MONDAY);
        ProgrammeView programme = programme("Residents", user("Cora"), ZoneOffset.UTC);
        PairView pair = pair(programme, user("Lee"), user("Ana"), ZoneOffset.UTC, FIRST_MONDAY);
        weeks.week(pair.id(), 1, 4, 4);
        weeks.week(pair.id(), 2, 2, 4);
        Instant before = weeks.midweek(3);
        clock.set(before);
        assertThat(health.assessProgramme(programme.id())).hasSize(1);

        // Past the board's age: without the keeper, the next request would read every pair itself.
        Instant later = before.plus(Duration.ofMinutes(1));
        clock.set(later);

        await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> board.readAt(programme.id()),
                        held -> held.isPresent() && held.get().equals(later));
        Overview overview = overviews.read(programme.id(), ZoneOffset.UTC, Overview.DEFAULT_WEEKS, List.of());
        assertThat(overview.answered().get(Overview.Side.MENTEE)).isEqualTo(new Overview.Rate(2, 2));
    }

    @Test
    void a_programme_nobody_asked_about_yet_is_read_without_a_request() {
        ProgrammeView programme = programme("Fellows", user("Dev"), ZoneOffset.UTC);
        PairView pair = pair(programme, user("Kim"), user("Joe"), ZoneOffset.UTC, FIRST_MONDAY);
        new AnsweredWeeks(jdbc, FIRST_MONDAY).week(pair.id(), 1, 5, 5);

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(List.of(board, overviews))
                        .allSatisfy(report ->
                                assertThat(report.holds(programme.id())).isTrue()));
    }
}
