package dev.rapport.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What every benchmark shares: the PostgreSQL server it makes its throwaway database on ({@code --db-url},
 * {@code --db-user}, {@code --db-password}, else {@code RAPPORT_DB_*}, else localhost as postgres), and the
 * nearest-rank percentile its latency tables print.
 */
record BenchServer(String url, String user, String password) {

    static BenchServer from(Map<String, String> options) {
        return new BenchServer(
                options.getOrDefault(
                        "db-url", RapportBenchmark.env("RAPPORT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres")),
                options.getOrDefault("db-user", RapportBenchmark.env("RAPPORT_DB_USER", "postgres")),
                options.getOrDefault("db-password", RapportBenchmark.env("RAPPORT_DB_PASSWORD", "")));
    }

    /** The {@code p}th percentile (nearest rank) of nanosecond latencies, in milliseconds; NaN when there are none. */
    static double percentileMillis(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.clamp(index, 0, sorted.size() - 1)) / 1e6;
    }
}
