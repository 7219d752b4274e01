package dev.rapport.core.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chart.PairTimeline.Band;
import dev.rapport.core.chart.PairTimeline.Point;
import dev.rapport.core.chart.PairTimeline.Timeline;
import dev.rapport.core.health.HealthState;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

class PairChartTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-02");

    private static Timeline sixWeeks() {
        List<Point> mentee = List.of(
                new Point(MONDAY, 4.5),
                new Point(MONDAY.plusWeeks(1), 4.0),
                new Point(MONDAY.plusWeeks(2), 3.0),
                new Point(MONDAY.plusWeeks(3), 2.0),
                new Point(MONDAY.plusWeeks(4), 1.5));
        List<Point> mentor = List.of(
                new Point(MONDAY.plusDays(1), 4.0),
                new Point(MONDAY.plusWeeks(3).plusDays(1), 4.0));
        List<Band> bands = List.of(
                new Band(MONDAY, MONDAY.plusWeeks(1), HealthState.TOO_EARLY),
                new Band(MONDAY.plusWeeks(1), MONDAY.plusWeeks(3), HealthState.ON_TRACK),
                new Band(MONDAY.plusWeeks(3), MONDAY.plusWeeks(5), HealthState.AT_RISK));
        return new Timeline(
                mentee, mentor, List.of(MONDAY.plusDays(3), MONDAY.plusWeeks(1).plusDays(2)), bands);
    }

    @Test
    void both_sides_differ_without_colour_and_meetings_and_states_are_drawn_against_dates() {
        JFreeChart chart = PairChart.chart("Trust over time: #1 Dr Lee → Ana", sixWeeks());
        XYPlot plot = chart.getXYPlot();

        assertThat(chart.getTitle().getText()).isEqualTo("Trust over time: #1 Dr Lee → Ana");
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(2);
        assertThat(plot.getDataset().getItemCount(0)).isEqualTo(5);
        assertThat(plot.getDataset().getItemCount(1)).isEqualTo(2);
        var lines = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) plot.getRenderer();
        assertThat(lines.getSeriesStroke(0)).isNotEqualTo(lines.getSeriesStroke(1));
        assertThat(lines.getSeriesShape(0)).isNotEqualTo(lines.getSeriesShape(1));
        assertThat(lines.getSeriesShapesFilled(0)).isNotEqualTo(lines.getSeriesShapesFilled(1));
        assertThat(plot.getDomainMarkers(Layer.BACKGROUND)).hasSize(3);
        assertThat(plot.getDomainMarkers(Layer.FOREGROUND))
                .as("one line per meeting")
                .hasSize(2);
        assertThat(plot.getDomainAxis()).isInstanceOf(org.jfree.chart.axis.DateAxis.class);
        assertThat(plot.getFixedLegendItems().getItemCount()).isEqualTo(3);
        assertThat(((LegendItem) plot.getFixedLegendItems().get(2)).getLabel()).isEqualTo("Meeting");
    }

    @Test
    void the_png_is_the_promised_size_and_shades_the_at_risk_weeks() throws Exception {
        byte[] png = PairChart.png("Trust over time", sixWeeks()).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(PairChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(PairChart.HEIGHT);
        int atRisk = PairChart.shade(HealthState.AT_RISK).getRGB();
        boolean shaded = false;
        for (int x = 0; x < image.getWidth() && !shaded; x++) {
            for (int y = 0; y < image.getHeight() && !shaded; y++) {
                shaded = image.getRGB(x, y) == atRisk;
            }
        }
        assertThat(shaded).as("the at-risk band is drawn").isTrue();
    }

    @Test
    void the_words_say_what_the_chart_shows_and_nothing_is_drawn_before_any_answer() {
        assertThat(PairChart.describe(sixWeeks()))
                .isEqualTo(
                        "Trust over time: the mentee went from 4.5 (2026-11-02) to 1.5 (2026-11-30) over 5 check-ins;"
                                + " the mentor went from 4.0 (2026-11-03) to 4.0 (2026-11-24) over 2 check-ins; 2 meetings"
                                + " logged; at risk since 2026-11-23.");
        Timeline none = new Timeline(List.of(), List.of(), List.of(), List.of());
        assertThat(PairChart.png("Trust over time", none)).isEmpty();
        assertThat(PairChart.describe(none)).contains("the mentee has not answered yet");
    }

    @Test
    void the_chart_and_its_words_are_in_the_readers_language() {
        assertThat(PairChart.describe(sixWeeks(), Locale.FRENCH))
                .isEqualTo(
                        "La confiance au fil du temps : le mentoré est passé de 4,5 (2026-11-02) à 1,5 (2026-11-30) en"
                                + " 5 points de suivi ; le mentor est passé de 4,0 (2026-11-03) à 4,0 (2026-11-24) en 2 points de"
                                + " suivi ; 2 rencontres notées\u00a0; en difficulté depuis le 2026-11-23.");
        assertThat(PairChart.describe(sixWeeks(), Locale.forLanguageTag("es-ES")))
                .startsWith("La confianza a lo largo del tiempo: el mentorizado pasó de 4,5 (2026-11-02)")
                .endsWith("2 reuniones registradas; en riesgo desde el 2026-11-23.");

        XYPlot plot = PairChart.chart(PairChart.title(Locale.FRENCH, "#1 Dr Lee → Ana"), sixWeeks(), Locale.FRENCH)
                .getXYPlot();
        List<String> legend = new java.util.ArrayList<>();
        for (int i = 0; i < plot.getFixedLegendItems().getItemCount(); i++) {
            legend.add(plot.getFixedLegendItems().get(i).getLabel());
        }
        assertThat(legend).containsExactly("Mentoré", "Mentor", "Rencontre");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("Niveau (1–5)");
        assertThat(plot.getDomainMarkers(Layer.BACKGROUND))
                .anySatisfy(m ->
                        assertThat(((org.jfree.chart.plot.Marker) m).getLabel()).isEqualTo("en difficulté"));
    }

    @Test
    void the_overview_charts_are_titled_in_the_readers_language() {
        assertThat(PairChart.title(Locale.forLanguageTag("es"), "#1"))
                .isEqualTo("La confianza a lo largo del tiempo: #1");
    }
}
