package dev.rapport.benchmark;

import dev.rapport.core.database.ThrowawayDatabase;
import dev.rapport.core.secrets.Secrets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every benchmark shares: the PostgreSQL server it makes its throwaway database on ({@code --db-url},
 * {@code --db-user}, {@code --db-password}, else {@code RAPPORT_DB_*}, else localhost as postgres), the line that
 * says what machine the figures come from, and the nearest-rank percentile its latency tables print.
 */
record BenchServer(String url, String user, String password) {

    static BenchServer from(Map<String, String> options) {
        return new BenchServer(
                options.getOrDefault(
                        "db-url", RapportBenchmark.env("RAPPORT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres")),
                options.getOrDefault("db-user", RapportBenchmark.env("RAPPORT_DB_USER", "postgres")),
                options.getOrDefault("db-password", RapportBenchmark.env("RAPPORT_DB_PASSWORD", "")));
    }

    /** A database of its own on this server, dropped when the benchmark closes it. */
    ThrowawayDatabase database(String prefix) {
        return ThrowawayDatabase.create(prefix, url, user, password);
    }

    /** The application properties that point the core at {@code db} (and never at an embedded PostgreSQL). */
    Map<String, Object> properties(ThrowawayDatabase db) {
        Map<String, Object> props = new HashMap<>();
        props.put("rapport.db.url", db.url());
        props.put("rapport.db.user", user);
        props.put("rapport.db.password", password);
        props.put("rapport.db.embedded", "false");
        // The database is dropped when the benchmark ends: a key that lives as long as the process serves.
        props.put(Secrets.EPHEMERAL_KEY_PROPERTY, "true");
        return props;
    }

    /** Prints which benchmark this is and on what: cores, heap, Java, load. */
    static void printMachine(String benchmark) {
        System.out.printf(
                Locale.ROOT,
                "%s at %s on %d cores, max heap %d MB, Java %s%n",
                benchmark,
                ZonedDateTime.now(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1048576,
                System.getProperty("java.version"));
        System.out.println("load average at start: " + RapportBenchmark.loadAverage());
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
