package dev.rapport.core.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResearchSummaryTest {

    static final LocalDate START = LocalDate.parse("2026-11-02");

    final List<ResearchFacts.Answer> answers = new ArrayList<>();

    void answer(
            long person, long checkIn, LocalDate period, String version, String item, String dimension, Integer score) {
        answers.add(
                new ResearchFacts.Answer(person, 1, checkIn, "MENTEE", period, START, version, item, dimension, score));
    }

    /**
     * Respect's two items, each person answering once: three complete cases and one whose second item has no score
     * (not applicable), which is not a complete case and counts in no mean.
     *
     * <pre>
     *   person    r1  r2 | total
     *   1          4   5 |   9
     *   2          2   3 |   5
     *   3          5   5 |  10
     *   4          3   –   (not complete)
     *   σ²(r1) = var(4, 2, 5) = 7/3;  σ²(r2) = var(5, 3, 5) = 4/3;  Σ = 11/3
     *   σ²ₜ = var(9, 5, 10) = (1 + 9 + 4) / 2 = 7
     *   α = 2/1 · (1 − (11/3) / 7) = 2 · 10/21 = 20/21 ≈ 0.952381
     * </pre>
     */
    @Test
    void alpha_is_computed_over_complete_cases_and_scoreless_answers_count_nowhere() {
        LocalDate w1 = LocalDate.parse("2026-11-30");
        answer(1, 10, w1, "v2", "respect.1.mentee", "RESPECT", 4);
        answer(1, 10, w1, "v2", "respect.2.mentee", "RESPECT", 5);
        answer(2, 11, w1, "v2", "respect.1.mentee", "RESPECT", 2);
        answer(2, 11, w1, "v2", "respect.2.mentee", "RESPECT", 3);
        answer(3, 12, w1, "v2", "respect.1.mentee", "RESPECT", 5);
        answer(3, 12, w1, "v2", "respect.2.mentee", "RESPECT", 5);
        answer(4, 13, w1, "v2", "respect.1.mentee", "RESPECT", 3);
        answer(4, 13, w1, "v2", "respect.2.mentee", "RESPECT", null);
        answer(4, 14, w1.plusWeeks(1), "v1", "effort.1.mentee", "EFFORT", 2);

        ResearchSummary summary = ResearchSummary.of(new ResearchFacts(answers, List.of()));

        assertThat(summary.people()).isEqualTo(4);
        ResearchSummary.Reliability respect = summary.reliabilities().getFirst();
        assertThat(summary.reliabilities()).as("effort has one item: no alpha").hasSize(1);
        assertThat(respect.items()).containsExactly("respect.1.mentee", "respect.2.mentee");
        assertThat(respect.completeCases()).isEqualTo(3);
        assertThat(respect.alpha().orElseThrow()).isCloseTo(20.0 / 21.0, within(1e-12));

        ResearchSummary.Level level = summary.levels().stream()
                .filter(l -> l.dimension().equals("RESPECT"))
                .findFirst()
                .orElseThrow();
        assertThat(level.n()).as("seven scores; the one without is left out").isEqualTo(7);
        assertThat(level.mean()).isCloseTo((4 + 5 + 2 + 3 + 5 + 5 + 3) / 7.0, within(1e-12));

        assertThat(summary.versions())
                .extracting(ResearchSummary.Version::bankVersion, ResearchSummary.Version::answers)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("v1", 1L), org.assertj.core.groups.Tuple.tuple("v2", 8L));
    }

    /**
     * Respect's two items asked in different check-ins, as the rotation asks them: a case is a respondent, each item
     * their mean over the periods; person 4 never scored r2 and is not a complete case.
     *
     * <pre>
     *   person  r1 scores → mean  r2 scores → mean | total
     *   1       4, 2      → 3     5         → 5    |   8
     *   2       2         → 2     3, 3      → 3    |   5
     *   3       5         → 5     4         → 4    |   9
     *   4       3         → 3     –               (not complete)
     *   σ²(r1) = var(3, 2, 5) = (1/9 + 16/9 + 25/9) / 2 = 7/3;  σ²(r2) = var(5, 3, 4) = 1;  Σ = 10/3
     *   σ²ₜ = var(8, 5, 9) = (4/9 + 49/9 + 25/9) / 2 = 13/3
     *   α = 2/1 · (1 − (10/3) / (13/3)) = 2 · 3/13 = 6/13 ≈ 0.461538
     * </pre>
     */
    @Test
    void alpha_takes_each_respondents_mean_per_item_across_check_ins() {
        LocalDate w = LocalDate.parse("2026-11-30");
        answer(1, 20, w, "v2", "respect.1.mentee", "RESPECT", 4);
        answer(1, 21, w.plusWeeks(1), "v2", "respect.2.mentee", "RESPECT", 5);
        answer(1, 22, w.plusWeeks(2), "v2", "respect.1.mentee", "RESPECT", 2);
        answer(2, 30, w, "v2", "respect.1.mentee", "RESPECT", 2);
        answer(2, 31, w.plusWeeks(1), "v2", "respect.2.mentee", "RESPECT", 3);
        answer(2, 32, w.plusWeeks(2), "v2", "respect.2.mentee", "RESPECT", 3);
        answer(3, 40, w, "v2", "respect.1.mentee", "RESPECT", 5);
        answer(3, 41, w.plusWeeks(1), "v2", "respect.2.mentee", "RESPECT", 4);
        answer(4, 50, w, "v2", "respect.1.mentee", "RESPECT", 3);
        answer(4, 51, w.plusWeeks(1), "v2", "respect.2.mentee", "RESPECT", null);

        ResearchSummary.Reliability respect = ResearchSummary.of(new ResearchFacts(answers, List.of()))
                .reliabilities()
                .getFirst();

        assertThat(respect.completeCases()).isEqualTo(3);
        assertThat(respect.alpha().orElseThrow()).isCloseTo(6.0 / 13.0, within(1e-12));
    }

    @Test
    void weeks_since_start_count_whole_weeks_from_the_pairs_start() {
        answer(1, 1, START.plusDays(6), "v1", "respect.1.mentee", "RESPECT", 4);
        answer(1, 2, START.plusDays(7), "v1", "respect.1.mentee", "RESPECT", 4);
        answer(1, 3, START.plusDays(29), "v1", "respect.1.mentee", "RESPECT", 4);

        assertThat(answers).extracting(ResearchFacts.Answer::weeksSinceStart).containsExactly(0L, 1L, 4L);
    }
}
