package dev.rapport.core.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    /**
     * Four respondents, three items (k = 3), worked by hand; variances are sample variances (n − 1 = 3).
     *
     * <pre>
     *            item1 item2 item3 | total
     *   A          4     5     4   |  13
     *   B          2     3     3   |   8
     *   C          5     5     4   |  14
     *   D          3     3     1   |   7
     *   mean      3.5   4.0   3.0  |  10.5
     *
     *   σ²(item1) = (0.25 + 2.25 + 2.25 + 0.25) / 3 = 5/3
     *   σ²(item2) = (1 + 1 + 1 + 1) / 3             = 4/3
     *   σ²(item3) = (1 + 0 + 1 + 4) / 3             = 2
     *   Σσ²ᵢ = 5/3 + 4/3 + 2 = 5
     *   σ²ₜ = (6.25 + 6.25 + 12.25 + 12.25) / 3 = 37/3
     *   α = k/(k − 1) · (1 − Σσ²ᵢ/σ²ₜ) = 3/2 · (1 − 5 / (37/3)) = 3/2 · (1 − 15/37) = 3/2 · 22/37 = 33/37 ≈ 0.891892
     * </pre>
     */
    @Test
    void cronbachs_alpha_matches_the_hand_worked_example() {
        List<double[]> cases =
                List.of(new double[] {4, 5, 4}, new double[] {2, 3, 3}, new double[] {5, 5, 4}, new double[] {3, 3, 1});

        assertThat(Statistics.cronbachAlpha(cases).orElseThrow()).isCloseTo(33.0 / 37.0, within(1e-12));
    }

    /** item3 above: 4, 3, 4, 1; mean 3; squared deviations 1 + 0 + 1 + 4 = 6; σ² = 6/3 = 2; SD = √2 ≈ 1.414214. */
    @Test
    void mean_and_sample_standard_deviation_match_the_hand_worked_example() {
        double[] item3 = {4, 3, 4, 1};

        assertThat(Statistics.mean(item3)).isEqualTo(3.0);
        assertThat(Statistics.variance(item3).orElseThrow()).isCloseTo(2.0, within(1e-12));
        assertThat(Statistics.sd(item3).orElseThrow()).isCloseTo(Math.sqrt(2), within(1e-12));
    }

    @Test
    void alpha_and_spread_are_undefined_where_the_formula_has_no_meaning() {
        assertThat(Statistics.sd(new double[] {4}))
                .as("one value has no spread")
                .isEmpty();
        assertThat(Statistics.cronbachAlpha(List.of(new double[] {4, 5})))
                .as("one case")
                .isEmpty();
        assertThat(Statistics.cronbachAlpha(List.of(new double[] {4}, new double[] {2})))
                .as("one item")
                .isEmpty();
        assertThat(Statistics.cronbachAlpha(List.of(new double[] {3, 3}, new double[] {3, 3})))
                .as("totals that do not vary")
                .isEmpty();
    }
}
