package dev.rapport.benchmark;

import dev.rapport.core.database.ThrowawayDatabase;
import dev.rapport.core.outbox.Dispatcher;
import dev.rapport.core.outbox.Outbox;
import dev.rapport.core.outbox.OutboxKind;
import dev.rapport.core.outbox.OutboxMessage;
import dev.rapport.localslack.Delivery;
import dev.rapport.localslack.LocalSlack;
import dev.rapport.slack.SlackConnection;
import dev.rapport.slack.SlackProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a coordinator waits for in Slack, and how fast Rapport sends into Slack, measured against the local Slack with
 * the real Bolt app over Socket Mode, on a throwaway PostgreSQL database:
 *
 * <ul>
 *   <li>{@code /rapport health} on one programme of {@code --pairs} pairs (default 10,000) with {@code --weeks} (7) of
 *       answered check-ins on both sides: the acknowledgement latency (what Slack's 3 s applies to) and the time
 *       until the answer arrives through {@code response_url}, p50/p99 over {@code --runs} (30) one after another,
 *       and over {@code --concurrent} (10) at once;
 *   <li>{@code --messages} (600) direct messages to {@code --recipients} (60) people, through the outbox, a dispatch
 *       worker and the real chat port, against the local Slack's documented limits (Slack's: about 1 per second per
 *       channel, several hundred per minute per workspace; 300 here): the rate achieved and the 429s met.
 * </ul>
 *
 * <pre>
 * ./mvnw -q -pl benchmark -am package -DskipTests
 * java -cp benchmark/target/rapport-benchmark.jar dev.rapport.benchmark.SlackLatencyBenchmark [--pairs 10000]
 * </pre>
 */
public final class SlackLatencyBenchmark {

    static final String TEAM = "T0BENCH";
    static final String COORDINATOR = "U0COORD";
    static final String BOT_TOKEN = "local-bench-bot-token-0000001";
    static final String APP_TOKEN = "local-bench-app-token-0000001";

    /** Charts {@code /rapport overview} sends: levels, gaps, states, response. */
    static final int OVERVIEW_CHARTS = 4;

    /**
     * How long a programme's reports are held before they are read afresh: shorter than the default (10 minutes), so
     * that the benchmark can wait it out and measure what the first coordinator after a quiet spell waits for. The
     * reports are kept fresh in the background (rapport.health.keep-fresh, on in production) every half of it.
     */
    static final Duration BOARD_MAX_AGE = Duration.ofSeconds(120);

    /** Pairs that log a meeting between two runs of {@link #changing}. */
    static final int CHANGED_PAIRS = 20;

    private SlackLatencyBenchmark() {}

    /** The core and the Slack adapter, as the application assembles them. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackages = {"dev.rapport.core", "dev.rapport.slack"})
    static class App {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = RapportBenchmark.parse(args);
        long pairs = Long.parseLong(o.getOrDefault("pairs", "10000"));
        int weeks = Integer.parseInt(o.getOrDefault("weeks", "7"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "30"));
        int concurrent = Integer.parseInt(o.getOrDefault("concurrent", "10"));
        int messages = Integer.parseInt(o.getOrDefault("messages", "600"));
        int recipients = Integer.parseInt(o.getOrDefault("recipients", "60"));
        BenchServer bench = BenchServer.from(o);
        BenchServer.printMachine("Rapport Slack benchmark");

        LocalSlack.Builder builder = LocalSlack.builder()
                // Every overview uploads four charts; a hundred overviews in a few minutes would pass Slack's upload
                // limits (Tier 4, 100+ a minute), which this benchmark does not measure (SlackUploadLimitIT tests
                // them).
                .rateLimit("files.getUploadURLExternal", 1000, 6000)
                .rateLimit("files.completeUploadExternal", 1000, 6000)
                .rateLimit("conversations.open", 1000, 6000) // each overview opens the DM its charts go to
                .workspace(TEAM, BOT_TOKEN)
                .appToken(APP_TOKEN)
                .user(TEAM, COORDINATOR, "coordinator", "Coordinator", "UTC", false);
        for (int i = 0; i < recipients; i++) {
            builder.user(TEAM, "U0REC" + i, "person" + i, "Person " + i, "UTC", false);
        }
        try (LocalSlack slack = builder.start();
                ThrowawayDatabase db = bench.database("rapport_slackbench")) {
            Map<String, Object> props = new HashMap<>();
            props.putAll(bench.properties(db));
            props.put("rapport.schedule.enabled", "false");
            props.put("spring.quartz.auto-startup", "false");
            props.put("rapport.slack.bot-token", BOT_TOKEN);
            props.put("rapport.slack.app-token", APP_TOKEN);
            props.put("rapport.slack.api-url", slack.apiUrl());
            props.put("spring.main.web-application-type", "none");
            props.put("spring.main.banner-mode", "off");
            props.put("logging.level.root", "WARN");
            props.put("rapport.health.board-max-age", BOARD_MAX_AGE.toString());
            // The schedule is off (nothing is sent), but the reports are kept fresh as in production.
            props.put("rapport.health.keep-fresh", "true");
            SpringApplication application = new SpringApplication(App.class);
            application.setDefaultProperties(props);
            try (ConfigurableApplicationContext ctx = application.run()) {
                long t = System.nanoTime();
                ProgrammeSeeder.seed(
                        ctx.getBean(DataSource.class),
                        "SLACK",
                        TEAM,
                        COORDINATOR,
                        pairs,
                        weeks,
                        ctx.getBean(Clock.class).instant());
                System.out.printf(
                        Locale.ROOT,
                        "seeded %d pairs with %d weeks of answers in %.1f s%n",
                        pairs,
                        weeks,
                        (System.nanoTime() - t) / 1e9);
                waitForConnection(ctx.getBean(SlackConnection.class), slack);
                for (String subcommand : List.of("health", "overview")) {
                    command(slack, subcommand, 1, 1, "first, before the keeper's first pass (nothing held yet)");
                    command(slack, subcommand, 2, 1, "warm-up");
                    command(slack, subcommand, runs, 1, "one at a time");
                    command(slack, subcommand, concurrent, concurrent, concurrent + " at once");
                    changing(ctx, slack, subcommand, runs);
                    Thread.sleep(BOARD_MAX_AGE.plusSeconds(1).toMillis());
                    command(
                            slack,
                            subcommand,
                            concurrent,
                            concurrent,
                            concurrent + " at once, after a quiet spell longer than the max age");
                }
                ChartTimings.print(ctx, runs);
                sending(ctx, slack, messages, recipients);
            }
        }
    }

    private static void waitForConnection(SlackConnection connection, LocalSlack slack) throws InterruptedException {
        Instant give = Instant.now().plusSeconds(30);
        while ((connection.status() != SlackConnection.Status.CONNECTED || slack.socketModeConnections() == 0)
                && Instant.now().isBefore(give)) {
            Thread.sleep(100);
        }
        System.out.println("Slack connection: " + connection.status() + ", " + slack.socketModeConnections()
                + " Socket Mode connection(s)");
    }

    /** Latencies of one or more runs of a command, in nanoseconds. */
    private record Timings(List<Long> acks, List<Long> answers, List<Long> charts) {
        Timings() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        void add(Timings other) {
            acks.addAll(other.acks());
            answers.addAll(other.answers());
            charts.addAll(other.charts());
        }
    }

    /** Runs {@code /rapport <subcommand>} {@code count} times, {@code parallel} at once, and prints its figures. */
    private static void command(LocalSlack slack, String subcommand, int count, int parallel, String label)
            throws Exception {
        print(subcommand, label, count, time(slack, subcommand, count, parallel));
    }

    /**
     * The acknowledgement's and the answer's latencies of {@code count} runs, {@code parallel} at once; when the
     * command sends charts, also the time until the last of them is in Slack.
     */
    private static Timings time(LocalSlack slack, String subcommand, int count, int parallel) throws Exception {
        int chartsEach = subcommand.startsWith("overview") ? OVERVIEW_CHARTS : 0;
        int filesBefore = slack.files().size();
        Timings timings = new Timings();
        long batchStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    int files = slack.files().size();
                    Delivery d = slack.as(TEAM, COORDINATOR).command("/rapport", subcommand);
                    long ack = d.awaitAck(Duration.ofSeconds(10)).latency().toNanos();
                    d.awaitResponses(1, Duration.ofSeconds(60));
                    long answered = System.nanoTime() - start;
                    String text = d.responses().getFirst().text();
                    if (!text.contains("Benchmark programme")) {
                        throw new IllegalStateException("unexpected answer to " + subcommand + ": " + text);
                    }
                    long charts = 0;
                    if (parallel == 1 && chartsEach > 0) {
                        awaitFiles(slack, files + chartsEach);
                        charts = System.nanoTime() - start;
                    }
                    return new long[] {ack, answered, charts};
                }));
            }
            for (Future<long[]> f : futures) {
                long[] r = f.get();
                timings.acks().add(r[0]);
                timings.answers().add(r[1]);
                if (r[2] > 0) {
                    timings.charts().add(r[2]);
                }
            }
            if (parallel > 1 && chartsEach > 0) {
                awaitFiles(slack, filesBefore + count * chartsEach);
                timings.charts().add(System.nanoTime() - batchStart);
            }
        } finally {
            pool.shutdown();
        }
        return timings;
    }

    private static void print(String subcommand, String label, int count, Timings t) {
        System.out.printf(
                Locale.ROOT,
                "/rapport %s, %s (%d): acknowledged p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                        + " answered p50 %.0f ms, p99 %.0f ms, max %.0f ms%s%n",
                subcommand,
                label,
                count,
                BenchServer.percentileMillis(t.acks(), 50),
                BenchServer.percentileMillis(t.acks(), 99),
                BenchServer.percentileMillis(t.acks(), 100),
                BenchServer.percentileMillis(t.answers(), 50),
                BenchServer.percentileMillis(t.answers(), 99),
                BenchServer.percentileMillis(t.answers(), 100),
                t.charts().isEmpty()
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "; all %d charts uploaded p50 %.0f ms, p99 %.0f ms",
                                OVERVIEW_CHARTS,
                                BenchServer.percentileMillis(t.charts(), 50),
                                BenchServer.percentileMillis(t.charts(), 99)));
    }

    /**
     * The command {@code runs} times one after another, with {@value #CHANGED_PAIRS} pairs logging a meeting before
     * each: what a coordinator waits for in a programme where people keep answering.
     */
    private static void changing(ConfigurableApplicationContext ctx, LocalSlack slack, String subcommand, int runs)
            throws Exception {
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        long pairs = jdbc.queryForObject("select count(*) from pair", Long.class);
        Timings all = new Timings();
        for (int i = 0; i < runs; i++) {
            long first = 1 + (long) i * CHANGED_PAIRS % pairs;
            jdbc.update(
                    "insert into meeting (pair_id, held_on, logged_by, created_at)"
                            + " select p.id, current_date, p.mentor_id, now() from pair p where p.id between ? and ?",
                    first,
                    first + CHANGED_PAIRS - 1);
            all.add(time(slack, subcommand, 1, 1));
        }
        print(subcommand, "one at a time, " + CHANGED_PAIRS + " pairs logged a meeting before each", runs, all);
    }

    private static void awaitFiles(LocalSlack slack, int atLeast) throws InterruptedException {
        Instant give = Instant.now().plusSeconds(120);
        while (slack.files().size() < atLeast) {
            if (Instant.now().isAfter(give)) {
                throw new IllegalStateException(
                        "only " + slack.files().size() + " of " + atLeast + " charts arrived in 120 s");
            }
            Thread.sleep(5);
        }
    }

    /**
     * Direct messages the way Rapport sends them: outbox rows, sent by a dispatch worker through the real port, paced
     * to the port's rate and slowed by any 429.
     */
    private static void sending(ConfigurableApplicationContext ctx, LocalSlack slack, int messages, int recipients)
            throws InterruptedException {
        Outbox outbox = ctx.getBean(Outbox.class);
        Dispatcher dispatcher = ctx.getBean(Dispatcher.class);
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        List<OutboxMessage> rows = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            long participant = 1 + (i % recipients);
            rows.add(OutboxMessage.text(
                    null, participant, OutboxKind.NOTICE, "benchmark-" + i, "Benchmark message " + i, null));
        }
        outbox.enqueueAll(rows);
        long before429 = slack.calls().stream().filter(c -> c.status() == 429).count();
        int postedBefore = slack.messages().size();
        long start = System.nanoTime();
        while (true) {
            dispatcher.drain("benchmark");
            Integer left = jdbc.queryForObject(
                    "select count(*) from outbox where kind = 'NOTICE' and status in ('PENDING', 'CLAIMED')",
                    Integer.class);
            if (left == null || left == 0) {
                break;
            }
            Thread.sleep(50); // rows wait for their Retry-After; look again shortly
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int posted = slack.messages().size() - postedBefore;
        Integer sent = jdbc.queryForObject(
                "select count(*) from outbox where kind = 'NOTICE' and status = 'SENT'", Integer.class);
        System.out.printf(
                Locale.ROOT,
                "sent %d DMs to %d people through the outbox in %.1f s: %.2f messages/s (Rapport paces to %.0f/s; the"
                        + " local Slack allows 300/min = 5/s per workspace after a burst of 50, 1/s per channel after"
                        + " a burst of 3); %d answered 429 and were retried after Retry-After; %d posted (none twice)%n",
                sent,
                recipients,
                seconds,
                posted / seconds,
                ctx.getBean(SlackProperties.class).sendsPerSecond(),
                slack.calls().stream().filter(c -> c.status() == 429).count() - before429,
                posted);
    }
}
