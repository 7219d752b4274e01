package dev.rapport.benchmark;

import dev.rapport.core.database.ThrowawayDatabase;
import dev.rapport.core.outbox.DispatchResult;
import dev.rapport.core.outbox.Dispatcher;
import dev.rapport.core.schedule.SweepResult;
import dev.rapport.core.schedule.Sweeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures Rapport's schedule against a Quartz trigger per pair. See benchmark/README.md.
 *
 * <pre>
 * java -Xmx512m -jar benchmark/target/rapport-benchmark.jar [--pairs 100000] [--workers 2] [--naive-pairs 5000] ...
 * java -jar benchmark/target/rapport-benchmark.jar discord [--pairs 10000] ...   (DiscordLatencyBenchmark)
 * </pre>
 */
public final class RapportBenchmark {

    /** Monday 10:00 UTC: the seeded programmes' cadence, so the sweep plans the next slot exactly one week on. */
    static final Instant DUE = Instant.parse("2026-11-23T10:00:00Z");

    private RapportBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("discord")) {
            // The Discord adapter's latency and send rate against the local Discord (DiscordLatencyBenchmark).
            DiscordLatencyBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Map<String, String> o = parse(args);
        long pairs = Long.parseLong(o.getOrDefault("pairs", "100000"));
        int workers = Integer.parseInt(o.getOrDefault("workers", "2"));
        int naivePairs = Integer.parseInt(o.getOrDefault("naive-pairs", String.valueOf(Math.min(pairs, 5000))));
        int programmes = Integer.parseInt(o.getOrDefault("programmes", "10"));
        int sweepBatch = Integer.parseInt(o.getOrDefault("sweep-batch", "1000"));
        int dispatchBatch = Integer.parseInt(o.getOrDefault("dispatch-batch", "500"));
        int pool = Integer.parseInt(o.getOrDefault("pool", String.valueOf(workers + 4)));
        int quartzThreads = Integer.parseInt(o.getOrDefault("quartz-threads", "10"));
        int quartzBatch = Integer.parseInt(o.getOrDefault("quartz-batch", String.valueOf(quartzThreads)));
        boolean skipOutbox = o.containsKey("skip-outbox");
        boolean skipNaive = o.containsKey("skip-naive") || naivePairs <= 0;
        BenchServer bench = BenchServer.from(o);
        BenchServer.printMachine("Rapport benchmark");

        ThrowawayDatabase db = bench.database("rapport_bench");
        System.out.println("database: " + db.name());
        List<String> rows = new ArrayList<>();
        double outboxRate = Double.NaN;
        NaiveQuartz.Result naive = null;
        String naiveConfig = null;
        try {
            Map<String, Object> props = new HashMap<>();
            props.put("bench.now", DUE.plusSeconds(30).toString());
            props.putAll(bench.properties(db));
            props.put("rapport.db.max-pool-size", String.valueOf(pool));
            props.put("rapport.schedule.enabled", "false");
            props.put("rapport.schedule.sweep-batch-size", String.valueOf(sweepBatch));
            props.put("rapport.delivery.batch-size", String.valueOf(dispatchBatch));
            // The core's own Quartz scheduler has nothing to do here (its triggers are off); keep it from polling the
            // store.
            props.put("spring.quartz.auto-startup", "false");
            props.put("spring.main.web-application-type", "none");
            props.put("spring.main.banner-mode", "off");
            props.put("logging.level.root", "WARN");
            props.put("logging.level.dev.rapport", "INFO");
            SpringApplication app = new SpringApplication(BenchmarkApplication.class);
            app.setDefaultProperties(props);
            long t = System.nanoTime();
            try (ConfigurableApplicationContext ctx = app.run()) {
                System.out.printf(
                        Locale.ROOT, "context and schema (Flyway) ready in %.1f s%n", (System.nanoTime() - t) / 1e9);
                if (!skipOutbox) {
                    outboxRate = runOutbox(ctx, pairs, programmes, workers, sweepBatch, dispatchBatch, pool, rows);
                }
            }
            if (!skipNaive) {
                var config = new NaiveQuartz.Config(quartzThreads, quartzBatch, 0, 600_000, 1000);
                naiveConfig = config.describe();
                System.out.printf(Locale.ROOT, "naive: storing %d cron triggers (%s)...%n", naivePairs, naiveConfig);
                naive = NaiveQuartz.run(db.url(), bench.user(), bench.password(), naivePairs, config);
                System.out.println("naive: " + naive.note());
                rows.add(String.format(
                        Locale.ROOT,
                        "| Quartz trigger per pair | %d | %d | %.2f (schedule) | %.2f (fire) | %.0f | %.0f |",
                        naive.triggers(),
                        naive.fired(),
                        naive.scheduleSeconds(),
                        naive.fireSeconds(),
                        naive.firesPerSecond(),
                        naive.peakHeapMb()));
            }
        } finally {
            db.close();
        }

        System.out.println();
        System.out.println("load average at end: " + loadAverage());
        System.out.println("| design | pairs | messages | enqueue s | dispatch s | msgs/s end-to-end | peak heap MB |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        if (naiveConfig != null) {
            System.out.println("naive Quartz config: " + naiveConfig);
        }
        if (naive != null && !Double.isNaN(outboxRate)) {
            System.out.printf(
                    Locale.ROOT,
                    "ratio: outbox is %.1f times the naive design's rate%n",
                    outboxRate / naive.firesPerSecond());
        }
    }

    private static double runOutbox(
            ConfigurableApplicationContext ctx,
            long pairs,
            int programmes,
            int workers,
            int sweepBatch,
            int dispatchBatch,
            int pool,
            List<String> rows)
            throws Exception {
        DataSource ds = ctx.getBean(DataSource.class);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        long t = System.nanoTime();
        Seeder.seed(ds, pairs, programmes, DUE);
        System.out.printf(
                Locale.ROOT,
                "seeded %d pairs (%d participants, %d slots due at %s) in %.1f s (not measured)%n",
                pairs,
                2 * pairs,
                2 * pairs,
                DUE,
                (System.nanoTime() - t) / 1e9);
        System.out.printf(
                Locale.ROOT,
                "outbox: sweep-batch-size=%d, dispatch-batch-size=%d, workers=%d, pool=%d%n",
                sweepBatch,
                dispatchBatch,
                workers,
                pool);
        System.gc();

        Sweeper sweeper = ctx.getBean(Sweeper.class);
        Dispatcher dispatcher = ctx.getBean(Dispatcher.class);
        var port = ctx.getBean(BenchmarkApplication.NoopChatPort.class);
        double enqueueSeconds, dispatchSeconds, peakMb, poolPeaksMb;
        SweepResult swept;
        long sent = 0;
        try (HeapSampler heap = new HeapSampler()) {
            t = System.nanoTime();
            swept = sweeper.sweep();
            enqueueSeconds = (System.nanoTime() - t) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "sweep: %s in %.2f s (%.0f check-ins/s)%n",
                    swept,
                    enqueueSeconds,
                    swept.enqueued() / enqueueSeconds);

            ExecutorService pool2 = Executors.newFixedThreadPool(workers);
            List<Callable<DispatchResult>> tasks = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                String id = "bench/dispatch-" + w;
                tasks.add(() -> dispatcher.drain(id));
            }
            t = System.nanoTime();
            List<Future<DispatchResult>> results = pool2.invokeAll(tasks);
            dispatchSeconds = (System.nanoTime() - t) / 1e9;
            pool2.shutdown();
            for (Future<DispatchResult> r : results) {
                DispatchResult d = r.get();
                sent += d.sent();
                System.out.println("dispatch worker: " + d);
            }
            System.out.printf(
                    Locale.ROOT,
                    "dispatch: %d sent in %.2f s (%.0f msgs/s)%n",
                    sent,
                    dispatchSeconds,
                    sent / dispatchSeconds);
            peakMb = heap.peakUsedMb();
            poolPeaksMb = heap.poolPeaksMb();
        }
        long outboxSent = jdbc.queryForObject("select count(*) from outbox where status = 'SENT'", Long.class);
        long checkInsSent = jdbc.queryForObject("select count(*) from check_in where status = 'SENT'", Long.class);
        long slotsMoved = jdbc.queryForObject(
                "select count(*) from checkin_slot where next_due_at = ?",
                Long.class,
                DUE.plus(java.time.Duration.ofDays(7)).atOffset(java.time.ZoneOffset.UTC));
        boolean ok = outboxSent == 2 * pairs
                && checkInsSent == 2 * pairs
                && port.sent() == 2 * pairs
                && slotsMoved == 2 * pairs;
        System.out.printf(
                Locale.ROOT,
                "check: outbox SENT %d, check_in SENT %d, port received %d, slots moved to next week %d -> %s%n",
                outboxSent,
                checkInsSent,
                port.sent(),
                slotsMoved,
                ok ? "OK" : "MISMATCH");
        System.out.printf(
                Locale.ROOT,
                "heap: sampled peak used %.0f MB, sum of heap pools' peaks %.0f MB%n",
                peakMb,
                poolPeaksMb);
        double rate = sent / (enqueueSeconds + dispatchSeconds);
        rows.add(String.format(
                Locale.ROOT,
                "| outbox + SKIP LOCKED | %d | %d | %.2f | %.2f | %.0f | %.0f |",
                pairs,
                sent,
                enqueueSeconds,
                dispatchSeconds,
                rate,
                peakMb));
        return rate;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String key = a.substring(2);
            if (key.equals("help")) {
                System.out.println(
                        "flags: --pairs N (100000) --workers W (2) --naive-pairs M (min(N,5000)) --programmes P (10)"
                                + " --sweep-batch (1000) --dispatch-batch (500) --pool (workers+4) --quartz-threads (10) --quartz-batch (threads)"
                                + " --skip-outbox --skip-naive --db-url (jdbc:postgresql://127.0.0.1:5432/postgres) --db-user --db-password");
                System.exit(0);
            }
            if (key.startsWith("skip-")) {
                o.put(key, "true");
            } else if (key.contains("=")) {
                o.put(key.substring(0, key.indexOf('=')), key.substring(key.indexOf('=') + 1));
            } else {
                o.put(key, args[++i]);
            }
        }
        return o;
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
