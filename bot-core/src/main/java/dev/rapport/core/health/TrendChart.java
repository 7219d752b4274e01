package dev.rapport.core.health;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Draws a pair's trend: the mentee's scores per dimension over their latest check-ins, as a small PNG for the
 * coordinator's pair view. Trends rather than single scores, as the mentoring-instrument literature advises.
 */
public final class TrendChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    private static final Color[] COLOURS = {
        new Color(0x1f77b4),
        new Color(0xd62728),
        new Color(0x2ca02c),
        new Color(0x9467bd),
        new Color(0xff7f0e),
        new Color(0x17becf)
    };

    private TrendChart() {}

    /** The chart as PNG bytes, or empty when there is nothing to draw (or no graphics on this machine). */
    public static Optional<byte[]> png(PairHealth health) {
        List<DimensionTrend> series = health.dimensions().stream()
                .filter(d -> d.menteeScores() != null && !d.menteeScores().isEmpty())
                .toList();
        if (series.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(draw(health.dimensions()));
        } catch (IOException | RuntimeException | LinkageError e) {
            // A chart is a nicety: a server without graphics support still gets the table.
            return Optional.empty();
        }
    }

    private static byte[] draw(List<DimensionTrend> dimensions) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int left = 40, right = WIDTH - 150, top = 20, bottom = HEIGHT - 30;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int score = 1; score <= 5; score++) {
                int y = y(score, top, bottom);
                g.setColor(new Color(0xe5e5e5));
                g.drawLine(left, y, right, y);
                g.setColor(Color.DARK_GRAY);
                g.drawString(Integer.toString(score), left - 16, y + 4);
            }
            int longest = dimensions.stream()
                    .mapToInt(
                            d -> d.menteeScores() == null ? 0 : d.menteeScores().size())
                    .max()
                    .orElse(1);
            g.drawString("older", left, HEIGHT - 10);
            g.drawString("latest", right - 30, HEIGHT - 10);
            g.setStroke(new BasicStroke(2.2f));
            for (int i = 0; i < dimensions.size(); i++) {
                DimensionTrend d = dimensions.get(i);
                Color colour = COLOURS[d.dimension().ordinal() % COLOURS.length];
                g.setColor(colour);
                List<Integer> scores = d.menteeScores() == null ? List.of() : d.menteeScores();
                // Align every series on the latest check-in, so the right edge is "now" for all of them.
                int offset = longest - scores.size();
                int prevX = -1, prevY = -1;
                for (int k = 0; k < scores.size(); k++) {
                    int x = x(offset + k, longest, left, right);
                    int y = y(scores.get(k), top, bottom);
                    if (prevX >= 0) {
                        g.drawLine(prevX, prevY, x, y);
                    }
                    g.fillOval(x - 3, y - 3, 6, 6);
                    prevX = x;
                    prevY = y;
                }
                int ly = top + 6 + i * 18;
                g.fillRect(right + 16, ly - 8, 12, 8);
                g.setColor(Color.DARK_GRAY);
                g.drawString(d.dimension().label(), right + 34, ly);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static int x(int index, int count, int left, int right) {
        return count <= 1 ? (left + right) / 2 : left + (right - left) * index / (count - 1);
    }

    private static int y(int score, int top, int bottom) {
        return bottom - (bottom - top) * (score - 1) / 4;
    }
}
