package dev.rapport.core.chart;

import dev.rapport.core.chart.PairTimeline.Band;
import dev.rapport.core.chart.PairTimeline.Point;
import dev.rapport.core.chart.PairTimeline.Timeline;
import dev.rapport.core.health.HealthState;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Text;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pair's trust over time: both sides' levels at each check-in against real dates, the meetings as dotted lines,
 * and the pair's states as shaded bands. Mentee and mentor differ without colour (a solid line with filled circles, a
 * dashed line with open squares); each band carries its state's name.
 */
public final class PairChart {

    static final int WIDTH = 800;
    static final int HEIGHT = 360;

    private static final Logger log = LoggerFactory.getLogger(PairChart.class);
    private static final Catalogue CATALOGUE = Catalogue.standard();
    /** The axes' dates: day and short month in the reader's language (a pattern, not a text). */
    static final String DAY_PATTERN = "d MMM";

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final Color INK = new Color(0x1b2a3a);
    private static final Color MENTOR_INK = new Color(0x5a4a8a);
    private static final Shape CIRCLE = new Ellipse2D.Double(-4, -4, 8, 8);
    private static final Shape SQUARE = new Rectangle2D.Double(-4, -4, 8, 8);
    private static final BasicStroke SOLID = new BasicStroke(2f);
    private static final BasicStroke DASHED =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 5f}, 0f);
    private static final BasicStroke DOTTED =
            new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {2f, 3f}, 0f);

    private PairChart() {}

    /** The band's fill: light enough that the lines stay readable; the label names the state. */
    static Color shade(HealthState state) {
        return switch (state) {
            case AT_RISK -> new Color(0xf4, 0xc7, 0xc3);
            case WATCH -> new Color(0xfb, 0xe7, 0xb5);
            case ON_TRACK -> new Color(0xd4, 0xed, 0xda);
            case TOO_EARLY -> new Color(0xee, 0xee, 0xee);
        };
    }

    /** A state's name on a chart's band, legend or summary: "at risk", "to watch", "on track", "too early". */
    static Text label(HealthState state) {
        return Text.of("chart.state." + state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** The chart's title for a pair, as people read it ({@code pair}: who the pair is, e.g. "#1 Dr Lee → Ana"). */
    public static String title(Locale locale, String pair) {
        return CATALOGUE.text(locale, "chart.pair.title", "pair", pair);
    }

    /** {@link #png(String, Timeline, Locale)} in English. */
    public static Optional<byte[]> png(String title, Timeline timeline) {
        return png(title, timeline, Locale.ENGLISH);
    }

    /**
     * The chart as PNG bytes, its labels in {@code locale}'s language; empty when neither side has answered yet, or
     * when this machine cannot draw.
     */
    public static Optional<byte[]> png(String title, Timeline timeline, Locale locale) {
        if (timeline.isEmpty()) {
            return Optional.empty();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart(title, timeline, locale), WIDTH, HEIGHT);
            return Optional.of(out.toByteArray());
        } catch (IOException | RuntimeException | Error e) {
            // A server without fonts or graphics still answers; the text says what the chart would have shown.
            log.warn("The pair chart could not be drawn: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    static JFreeChart chart(String title, Timeline timeline) {
        return chart(title, timeline, Locale.ENGLISH);
    }

    static JFreeChart chart(String title, Timeline timeline, Locale locale) {
        Locale in = Locale.of(Catalogue.language(locale));
        TimeSeriesCollection data = new TimeSeriesCollection(UTC);
        data.addSeries(series(CATALOGUE.text(in, "chart.mentee"), timeline.mentee()));
        data.addSeries(series(CATALOGUE.text(in, "chart.mentor"), timeline.mentor()));

        DateAxis time = new DateAxis();
        time.setTimeZone(UTC);
        SimpleDateFormat format = new SimpleDateFormat(DAY_PATTERN, in);
        format.setTimeZone(UTC);
        time.setDateFormatOverride(format);
        NumberAxis level = new NumberAxis(CATALOGUE.text(in, "chart.axis.level"));
        level.setRange(0.5, 5.5);
        level.setTickUnit(new NumberTickUnit(1));

        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        lines.setSeriesPaint(0, INK);
        lines.setSeriesStroke(0, SOLID);
        lines.setSeriesShape(0, CIRCLE);
        lines.setSeriesShapesFilled(0, true);
        lines.setSeriesPaint(1, MENTOR_INK);
        lines.setSeriesStroke(1, DASHED);
        lines.setSeriesShape(1, SQUARE);
        lines.setSeriesShapesFilled(1, false);
        lines.setUseFillPaint(true);
        lines.setSeriesFillPaint(0, INK);
        lines.setSeriesFillPaint(1, Color.WHITE);

        XYPlot plot = new XYPlot(data, time, level, lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        for (Band b : timeline.bands()) {
            IntervalMarker band = new IntervalMarker(millis(b.from()), millis(b.to()));
            band.setPaint(shade(b.state()));
            band.setAlpha(1f);
            band.setLabel(CATALOGUE.text(in, label(b.state())));
            band.setLabelFont(small);
            band.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(band, Layer.BACKGROUND);
        }
        for (LocalDate met : timeline.meetings()) {
            ValueMarker meeting = new ValueMarker(millis(met) + 12 * 3_600_000L, Color.DARK_GRAY, DOTTED);
            plot.addDomainMarker(meeting, Layer.FOREGROUND);
        }
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(line(CATALOGUE.text(in, "chart.mentee"), CIRCLE, true, INK, SOLID));
        legend.add(line(CATALOGUE.text(in, "chart.mentor"), SQUARE, false, MENTOR_INK, DASHED));
        if (!timeline.meetings().isEmpty()) {
            legend.add(line(
                    CATALOGUE.text(in, "chart.meeting"),
                    new Rectangle2D.Double(-1, -6, 2, 12),
                    true,
                    Color.DARK_GRAY,
                    DOTTED));
        }
        plot.setFixedLegendItems(legend);

        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static LegendItem line(String label, Shape shape, boolean filled, Paint paint, BasicStroke stroke) {
        return new LegendItem(
                label,
                null,
                null,
                null,
                true,
                shape,
                filled,
                filled ? paint : Color.WHITE,
                true,
                paint,
                new BasicStroke(1.5f),
                true,
                new Line2D.Double(-9, 0, 9, 0),
                stroke,
                paint);
    }

    private static TimeSeries series(String name, List<Point> points) {
        TimeSeries s = new TimeSeries(name);
        for (Point p : points) {
            s.addOrUpdate(new Day(new Date(millis(p.day())), UTC, Locale.ROOT), p.level());
        }
        return s;
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** {@link #describe(Timeline, Locale)} in English. */
    public static String describe(Timeline timeline) {
        return describe(timeline, Locale.ENGLISH);
    }

    /**
     * What the chart shows, in words, in {@code locale}'s language: for a screen reader, a notification, or a server
     * that cannot draw.
     */
    public static String describe(Timeline timeline, Locale locale) {
        return CATALOGUE.text(locale, summary(timeline));
    }

    /** What the chart shows, in words, not rendered yet. */
    public static Text summary(Timeline timeline) {
        Object now = "";
        if (!timeline.bands().isEmpty()) {
            Band last = timeline.bands().getLast();
            now = Text.of(
                    "chart.pair.summary.since",
                    "state",
                    label(last.state()),
                    "since",
                    last.from().toString());
        }
        return Text.of(
                "chart.pair.summary",
                "mentee",
                side("mentee", timeline.mentee()),
                "mentor",
                side("mentor", timeline.mentor()),
                "meetings",
                timeline.meetings().size(),
                "now",
                now);
    }

    private static Text side(String who, List<Point> points) {
        if (points.isEmpty()) {
            return Text.of("chart.pair.side.none", "who", who);
        }
        Point first = points.getFirst();
        Point last = points.getLast();
        return Text.of(
                "chart.pair.side",
                "who",
                who,
                "first",
                first.level(),
                "firstDay",
                first.day().toString(),
                "last",
                last.level(),
                "lastDay",
                last.day().toString(),
                "count",
                points.size());
    }
}
