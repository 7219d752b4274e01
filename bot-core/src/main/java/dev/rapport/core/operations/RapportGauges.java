package dev.rapport.core.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the database, each query run at most once per {@link #FRESH} however often Prometheus scrapes:
 *
 * <ul>
 *   <li>{@code rapport.outbox.depth} {status}: outbox rows {@code pending}, {@code claimed} by a worker, and of those
 *       the ones being sent ({@code sending}, the workers' current groups): the backlog the dispatch workers have left;
 *   <li>{@code rapport.delivery.outages} {platform}: platforms or workspaces unavailable now;
 *   <li>{@code rapport.pairs} {state}: pairs by their last computed health ({@code on_track}, {@code watch},
 *       {@code at_risk}, {@code too_early}).
 * </ul>
 */
@Component
public class RapportGauges implements MeterBinder {

    static final Duration FRESH = Duration.ofSeconds(30);

    private static final List<String> OUTBOX = List.of("PENDING", "CLAIMED", "SENDING");
    private static final List<String> PLATFORMS = List.of("SLACK", "DISCORD");
    private static final List<String> STATES = List.of("ON_TRACK", "WATCH", "AT_RISK", "TOO_EARLY");

    private final JdbcTemplate jdbc;
    private final Snapshot outbox;
    private final Snapshot pairs;
    private final Snapshot outages;

    RapportGauges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.outbox = new Snapshot(() -> counts("""
                select status, count(*) from outbox where status in ('PENDING', 'CLAIMED') group by status
                union all
                select 'SENDING', coalesce(sum(cardinality(ids)), 0) from dispatch_group"""));
        this.outages = new Snapshot(() -> counts("select platform, count(*) from delivery_outage group by platform"));
        this.pairs = new Snapshot(() -> counts("select state, count(*) from pair_health group by state"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : OUTBOX) {
            Gauge.builder("rapport.outbox.depth", () -> outbox.get(status))
                    .description("Outbox rows waiting to be sent or being sent")
                    .tag("status", status.toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        for (String platform : PLATFORMS) {
            Gauge.builder("rapport.delivery.outages", () -> outages.get(platform))
                    .description("Platforms or workspaces unavailable now: messages to them wait")
                    .tag("platform", platform.toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        for (String state : STATES) {
            Gauge.builder("rapport.pairs", () -> pairs.get(state))
                    .description("Pairs by their last computed health")
                    .tag("state", state.toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> out = new ConcurrentHashMap<>();
        jdbc.query(sql, rs -> {
            out.put(rs.getString(1), rs.getLong(2));
        });
        return out;
    }

    /** The last counts, read again once they are older than {@link #FRESH}; NaN while the database cannot say. */
    private static final class Snapshot {
        private final Supplier<Map<String, Long>> read;
        private volatile Map<String, Long> last = Map.of();
        private volatile long readAt;
        private volatile boolean failed;

        Snapshot(Supplier<Map<String, Long>> read) {
            this.read = read;
        }

        double get(String key) {
            long now = System.nanoTime();
            if (readAt == 0 || now - readAt > FRESH.toNanos()) {
                synchronized (this) {
                    if (readAt == 0 || now - readAt > FRESH.toNanos()) {
                        try {
                            last = read.get();
                            failed = false;
                        } catch (RuntimeException e) {
                            failed = true;
                        }
                        readAt = now;
                    }
                }
            }
            return failed ? Double.NaN : last.getOrDefault(key, 0L);
        }
    }
}
