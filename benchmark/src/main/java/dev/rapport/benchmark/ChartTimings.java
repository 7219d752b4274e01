package dev.rapport.benchmark;

import dev.rapport.core.chart.OverviewCharts;
import dev.rapport.core.chart.PairChart;
import dev.rapport.core.chart.PairTimeline;
import dev.rapport.core.insight.Overview;
import dev.rapport.core.insight.OverviewReader;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationContext;

/**
 * How long the charts take to draw, apart from reading their data: the four overview charts of the seeded programme
 * (eight weeks) and one pair's chart, each drawn {@code runs} times after a warm-up, in this JVM.
 */
final class ChartTimings {

    private static final int WARM_UP = 5;

    private ChartTimings() {}

    static void print(ApplicationContext ctx, int runs) {
        Overview overview = ctx.getBean(OverviewReader.class).read(1, ZoneOffset.UTC, 8, List.of());
        List<Long> overviewDraws = time(runs, () -> {
            if (OverviewCharts.draw(overview, Locale.ENGLISH).size() != SlackLatencyBenchmark.OVERVIEW_CHARTS) {
                throw new IllegalStateException("the overview drew another number of charts");
            }
        });
        PairTimeline.Timeline course = ctx.getBean(PairTimeline.class).of(1, ZoneOffset.UTC);
        List<Long> pairDraws = time(runs, () -> {
            if (PairChart.png("Pair #1", course, Locale.ENGLISH).isEmpty()) {
                throw new IllegalStateException("the pair has nothing to draw");
            }
        });
        System.out.printf(
                Locale.ROOT,
                "charts drawn (%d runs): the overview's four p50 %.0f ms, p99 %.0f ms, max %.0f ms;"
                        + " one pair's p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                runs,
                BenchServer.percentileMillis(overviewDraws, 50),
                BenchServer.percentileMillis(overviewDraws, 99),
                BenchServer.percentileMillis(overviewDraws, 100),
                BenchServer.percentileMillis(pairDraws, 50),
                BenchServer.percentileMillis(pairDraws, 99),
                BenchServer.percentileMillis(pairDraws, 100));
    }

    private static List<Long> time(int runs, Runnable draw) {
        for (int i = 0; i < WARM_UP; i++) {
            draw.run();
        }
        List<Long> nanos = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            draw.run();
            nanos.add(System.nanoTime() - start);
        }
        return nanos;
    }
}
