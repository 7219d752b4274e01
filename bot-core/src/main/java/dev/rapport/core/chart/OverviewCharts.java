package dev.rapport.core.chart;

import dev.rapport.core.health.HealthState;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.insight.Overview;
import dev.rapport.core.insight.Overview.Side;
import dev.rapport.core.pulse.Dimension;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The programme overview's three charts: each dimension's level week by week for mentees and for mentors, the two
 * sides side by side per dimension (the perception gap), and how many pairs were in each state each week. Series differ
 * by shape or fill as well as colour.
 */
public final class OverviewCharts {

    static final int WIDTH = 800;
    static final int HEIGHT = 360;

    private static final Logger log = LoggerFactory.getLogger(OverviewCharts.class);
    private static final Catalogue CATALOGUE = Catalogue.standard();
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Color[] DIMENSION_COLOURS = {
        new Color(0x1f4e79),
        new Color(0xa23b3b),
        new Color(0x2e7d32),
        new Color(0x6a4c93),
        new Color(0xb26a00),
        new Color(0x00838f)
    };
    private static final Shape[] DIMENSION_SHAPES = {
        new Ellipse2D.Double(-4, -4, 8, 8),
        new Rectangle2D.Double(-4, -4, 8, 8),
        triangle(),
        new Rectangle2D.Double(-2, -5, 4, 10),
        new Rectangle2D.Double(-5, -2, 10, 4),
        diamond()
    };

    private OverviewCharts() {}

    /** A named image of the overview. */
    public record Chart(String title, byte[] png) {}

    /**
     * The charts worth drawing for this overview (none before anyone answered), as PNG images, titled and labelled
     * in {@code locale}'s language.
     */
    public static List<Chart> draw(Overview overview, Locale locale) {
        if (overview.levels().isEmpty()) {
            return List.of();
        }
        Locale in = Locale.of(Catalogue.language(locale));
        List<Chart> charts = new ArrayList<>();
        for (Side side : Side.values()) {
            png(levels(overview, side, in)).ifPresent(p -> charts.add(new Chart(title(side, in), p)));
        }
        png(gaps(overview, in)).ifPresent(p -> charts.add(new Chart(CATALOGUE.text(in, "chart.overview.gaps"), p)));
        png(states(overview, in)).ifPresent(p -> charts.add(new Chart(CATALOGUE.text(in, "chart.overview.states"), p)));
        return List.copyOf(charts);
    }

    private static String title(Side side, Locale in) {
        return CATALOGUE.text(in, "chart.overview.levels", "side", side.name());
    }

    private static String week(LocalDate week, Locale in) {
        return DateTimeFormatter.ofPattern(PairChart.DAY_PATTERN, in).format(week);
    }

    private static String dimension(Dimension d, Locale in) {
        return d.label(in);
    }

    private static Optional<byte[]> png(JFreeChart chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return Optional.of(out.toByteArray());
        } catch (IOException | RuntimeException | Error e) {
            log.warn("An overview chart could not be drawn: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    static JFreeChart levels(Overview overview, Side side, Locale in) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (LocalDate week : overview.weeks()) {
            Map<Dimension, Double> levels =
                    overview.levels().getOrDefault(week, Map.of()).getOrDefault(side, Map.of());
            for (Dimension d : Dimension.values()) {
                data.addValue(levels.get(d), dimension(d, in), week(week, in));
            }
        }
        LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < Dimension.values().length; i++) {
            lines.setSeriesPaint(i, DIMENSION_COLOURS[i]);
            lines.setSeriesShape(i, DIMENSION_SHAPES[i]);
            lines.setSeriesStroke(i, new BasicStroke(1.8f));
        }
        CategoryPlot plot = new CategoryPlot(data, axis(in), level(in), lines);
        return chart(title(side, in), plot);
    }

    static JFreeChart gaps(Overview overview, Locale in) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String mentees = CATALOGUE.text(in, "chart.mentees");
        String mentors = CATALOGUE.text(in, "chart.mentors");
        for (Dimension d : Dimension.values()) {
            data.addValue(overview.level(Side.MENTEE, d), mentees, dimension(d, in));
            data.addValue(overview.level(Side.MENTOR, d), mentors, dimension(d, in));
        }
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(true);
        bars.setSeriesPaint(0, new Color(0x1b2a3a));
        bars.setSeriesOutlinePaint(0, new Color(0x1b2a3a));
        bars.setSeriesPaint(1, Color.WHITE);
        bars.setSeriesOutlinePaint(1, new Color(0x1b2a3a));
        bars.setSeriesOutlineStroke(1, new BasicStroke(1.5f));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), level(in), bars);
        return chart(CATALOGUE.text(in, "chart.overview.gaps"), plot);
    }

    static JFreeChart states(Overview overview, Locale in) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        HealthState[] order = {HealthState.AT_RISK, HealthState.WATCH, HealthState.ON_TRACK, HealthState.TOO_EARLY};
        for (LocalDate week : overview.weeks()) {
            for (HealthState s : order) {
                data.addValue(
                        overview.states().getOrDefault(week, Map.of()).getOrDefault(s, 0),
                        CATALOGUE.text(in, PairChart.label(s)),
                        week(week, in));
            }
        }
        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(true);
        for (int i = 0; i < order.length; i++) {
            bars.setSeriesPaint(i, PairChart.shade(order[i]).darker());
            bars.setSeriesOutlinePaint(i, Color.DARK_GRAY);
        }
        NumberAxis pairs = new NumberAxis(CATALOGUE.text(in, "chart.axis.pairs"));
        pairs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CategoryPlot plot = new CategoryPlot(data, axis(in), pairs, bars);
        return chart(CATALOGUE.text(in, "chart.overview.states"), plot);
    }

    private static CategoryAxis axis(Locale in) {
        CategoryAxis weeks = new CategoryAxis(CATALOGUE.text(in, "chart.axis.week"));
        weeks.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        return weeks;
    }

    private static NumberAxis level(Locale in) {
        NumberAxis level = new NumberAxis(CATALOGUE.text(in, "chart.axis.level"));
        level.setRange(0.5, 5.5);
        level.setTickUnit(new NumberTickUnit(1));
        return level;
    }

    private static JFreeChart chart(String title, CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static Shape triangle() {
        Path2D.Double t = new Path2D.Double();
        t.moveTo(0, -5);
        t.lineTo(5, 4);
        t.lineTo(-5, 4);
        t.closePath();
        return t;
    }

    private static Shape diamond() {
        Path2D.Double d = new Path2D.Double();
        d.moveTo(0, -5);
        d.lineTo(5, 0);
        d.lineTo(0, 5);
        d.lineTo(-5, 0);
        d.closePath();
        return d;
    }
}
