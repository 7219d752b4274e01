package dev.rapport.benchmark;

import dev.rapport.core.database.ThrowawayDatabase;
import dev.rapport.core.outbox.Dispatcher;
import dev.rapport.core.outbox.Outbox;
import dev.rapport.core.outbox.OutboxKind;
import dev.rapport.core.outbox.OutboxMessage;
import dev.rapport.discord.DiscordChatPort;
import dev.rapport.discord.DiscordConnection;
import dev.rapport.discord.DiscordProperties;
import dev.rapport.localdiscord.Bucket;
import dev.rapport.localdiscord.Endpoint;
import dev.rapport.localdiscord.Interaction;
import dev.rapport.localdiscord.InteractionResponse;
import dev.rapport.localdiscord.LocalDiscord;
import dev.rapport.localdiscord.RestCall;
import dev.rapport.localdiscord.Snowflakes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures the Discord adapter end to end against the local Discord, with a real JDA and a real PostgreSQL: how fast
 * {@code /rapport health} over one programme of many pairs (the Slack benchmark's, {@link ProgrammeSeeder}) is
 * acknowledged and answered, and how fast direct messages go out through the outbox, the dispatch workers and the real
 * {@link DiscordChatPort} against Discord's global limit of 50 requests per second. See benchmark/README.md
 * ("Discord").
 *
 * <pre>
 * java -jar benchmark/target/rapport-benchmark.jar discord [--pairs 10000] [--weeks 8] [--runs 30] [--dms 2000] ...
 * </pre>
 */
public final class DiscordLatencyBenchmark {

    /** The Monday of the last seeded week; the programme's "now" is the day after it. */
    static final LocalDate LAST_WEEK = LocalDate.parse("2026-11-23");

    static final long GUILD = Snowflakes.forShard(0, 1, 42);
    static final long COORDINATOR_ROLE = GUILD + 2;
    static final long COORDINATOR = 1_600_000_000_000_000_001L;
    /** Seeded participants' Discord ids are this plus their row id; DM recipients are this plus 1..D. */
    static final long PEOPLE = 1_600_000_000_001_000_000L;

    private DiscordLatencyBenchmark() {}

    /**
     * The core and the Discord adapter, on a clock that starts the day after the last seeded check-in and moves in real
     * time, so an outbox row put off for a few seconds comes due again.
     */
    @SpringBootApplication(scanBasePackages = {"dev.rapport.core", "dev.rapport.discord"})
    static class DiscordBenchmarkApplication {
        @Bean
        @Primary
        Clock benchmarkClock(@Value("${bench.now}") String now) {
            Clock system = Clock.systemUTC();
            return Clock.offset(system, Duration.between(system.instant(), Instant.parse(now)));
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = RapportBenchmark.parse(args);
        int pairs = Integer.parseInt(o.getOrDefault("pairs", "10000"));
        int weeks = Integer.parseInt(o.getOrDefault("weeks", "7"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "30"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "3"));
        int concurrent = Integer.parseInt(o.getOrDefault("concurrent", "10"));
        int dms = Integer.parseInt(o.getOrDefault("dms", "2000"));
        int senders = Integer.parseInt(o.getOrDefault("senders", "2"));
        int dmOpenLimit = Integer.parseInt(o.getOrDefault("dm-open-limit", "50"));
        String pace = o.get("pace");
        boolean skipHealth = o.containsKey("skip-health");
        BenchServer bench = BenchServer.from(o);
        BenchServer.printMachine("Rapport Discord benchmark");

        LocalDiscord.Builder world = LocalDiscord.builder()
                // Discord publishes no figure for opening DMs; the local Discord's default (10 per 10 s) is a guess.
                // The port follows whatever the headers say, so the measured rate is the global limit's, not this one.
                .rateLimit(Bucket.CREATE_DM, dmOpenLimit, Duration.ofSeconds(1))
                .guild(
                        GUILD,
                        "Benchmark",
                        g -> g.textChannel(GUILD + 1, "general")
                                .role(COORDINATOR_ROLE, "Rapport Coordinator", 0)
                                .member(COORDINATOR - 1, "owner", "Owner")
                                .member(COORDINATOR, "cora", "Cora", COORDINATOR_ROLE));
        for (int i = 1; i <= dms; i++) {
            world.user(PEOPLE + i, "person" + i, "Person " + i);
        }
        ThrowawayDatabase db = bench.database("rapport_bench");
        System.out.println("database: " + db.name());
        try (LocalDiscord discord = world.start()) {
            Map<String, Object> props = new HashMap<>();
            props.put(
                    "bench.now",
                    LAST_WEEK.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC).toString());
            props.putAll(bench.properties(db));
            props.put("rapport.schedule.enabled", "false");
            // Nothing is swept, but the coordinators' reports are kept fresh as in production.
            props.put("rapport.health.keep-fresh", "true");
            props.put("spring.quartz.auto-startup", "false");
            props.put("spring.main.web-application-type", "none");
            props.put("spring.main.banner-mode", "off");
            props.put("logging.level.root", "WARN");
            props.put("logging.level.dev.rapport", "INFO");
            props.put("rapport.discord.token", discord.botToken());
            props.put("rapport.discord.api-url", discord.restUrl());
            if (pace != null) {
                props.put("rapport.discord.sends-per-second", pace);
            }
            SpringApplication app = new SpringApplication(DiscordBenchmarkApplication.class);
            app.setDefaultProperties(props);
            try (ConfigurableApplicationContext ctx = app.run()) {
                DiscordConnection connection = ctx.getBean(DiscordConnection.class);
                waitFor(() -> connection.status() == DiscordConnection.Status.CONNECTED, Duration.ofSeconds(60));
                waitFor(() -> discord.commandNames(0).contains("rapport"), Duration.ofSeconds(30));
                DiscordProperties properties = ctx.getBean(DiscordProperties.class);
                System.out.printf(
                        Locale.ROOT,
                        "bot connected; pace %.0f requests/s, call timeout %s%n",
                        properties.pace(),
                        properties.callTimeout());

                long t = System.nanoTime();
                // The same programme as the Slack benchmark's, so the two adapters' figures compare.
                ProgrammeSeeder.seed(
                        ctx.getBean(DataSource.class),
                        "DISCORD",
                        Long.toString(GUILD),
                        Long.toString(COORDINATOR),
                        pairs,
                        weeks,
                        ctx.getBean(Clock.class).instant());
                long firstRecipient = addRecipients(ctx.getBean(JdbcTemplate.class), 2L * pairs + 2, dms);
                System.out.printf(
                        Locale.ROOT,
                        "seeded %d pairs with %d weeks of answers, and %d people to message, in %.1f s (not"
                                + " measured)%n",
                        pairs,
                        weeks,
                        dms,
                        (System.nanoTime() - t) / 1e9);

                if (!skipHealth) {
                    health(discord, warmup, 1, pairs, "warm-up", false);
                    health(discord, runs, 1, pairs, "one at a time", true);
                    health(discord, concurrent, concurrent, pairs, concurrent + " at once", true);
                }
                System.out.println();
                System.out.printf(
                        Locale.ROOT,
                        "%d direct messages a round through the outbox, %d dispatch workers and DiscordChatPort"
                                + " (pace %.0f requests/s; the local Discord allows 50/s):%n",
                        dms,
                        senders,
                        properties.pace());
                sendRound(
                        ctx, discord, firstRecipient, dms, senders, 1, "new recipients (each DM channel opened first)");
                sendRound(
                        ctx,
                        discord,
                        firstRecipient,
                        dms,
                        senders,
                        2,
                        "the same recipients again (DM channels cached)");
            }
        } finally {
            db.close();
        }
        System.out.println("load average at end: " + RapportBenchmark.loadAverage());
    }

    // ---- /rapport health

    /**
     * Runs {@code /rapport health} {@code count} times as the coordinator, {@code parallel} at a time, and prints the
     * latency of the deferral and of the reply that replaces it, from the moment the gateway handed the interaction to
     * the bot.
     */
    private static void health(LocalDiscord discord, int count, int parallel, int pairs, String label, boolean print)
            throws Exception {
        List<Long> acks = Collections.synchronizedList(new ArrayList<>());
        List<Long> answers = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<String>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                done.add(pool.submit(() -> {
                    Interaction health =
                            discord.as(GUILD, COORDINATOR).slashCommand("rapport", "programme health", Map.of());
                    InteractionResponse ack = health.awaitResponse(Duration.ofSeconds(10));
                    List<InteractionResponse> all = health.awaitResponses(2, Duration.ofSeconds(120));
                    InteractionResponse edit = all.stream()
                            .filter(r -> r.kind() == InteractionResponse.Kind.EDIT_ORIGINAL)
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("no reply edit: " + all));
                    if (!ack.accepted() || !edit.accepted() || !edit.content().contains("Benchmark programme")) {
                        throw new IllegalStateException("unexpected answers: " + all);
                    }
                    acks.add(ack.latency().toNanos());
                    answers.add(edit.latency().toNanos());
                    return edit.content() + "\n" + edit.embedsJson();
                }));
            }
            String last = null;
            for (Future<String> f : done) {
                last = f.get();
            }
            if (System.getProperty("bench.show") != null) {
                System.out.println(last);
            }
        } finally {
            pool.shutdown();
        }
        if (print) {
            System.out.printf(
                    Locale.ROOT,
                    "/rapport health over %d pairs, %s (%d): deferred p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                            + " answered p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    pairs,
                    label,
                    count,
                    BenchServer.percentileMillis(acks, 50),
                    BenchServer.percentileMillis(acks, 99),
                    BenchServer.percentileMillis(acks, 100),
                    BenchServer.percentileMillis(answers, 50),
                    BenchServer.percentileMillis(answers, 99),
                    BenchServer.percentileMillis(answers, 100));
        }
    }

    // ---- direct messages

    /** People to message, in the programme's server: participants with Discord ids the local Discord knows. */
    private static long addRecipients(JdbcTemplate jdbc, long firstId, int count) {
        jdbc.update(
                "insert into participant (id, platform, workspace_id, platform_user_id, display_name, time_zone,"
                        + " time_zone_source, profile_checked_at, created_at) select ? + i - 1, 'DISCORD', ?, (? + i)::text,"
                        + " 'Person ' || i, 'UTC', 'CHOSEN', now(), now() from generate_series(1, ?) i",
                firstId,
                Long.toString(GUILD),
                PEOPLE,
                count);
        jdbc.execute("select setval('participant_id_seq', (select max(id) from participant))");
        return firstId;
    }

    /**
     * One round of direct messages the way Rapport sends them: outbox rows, claimed and sent by {@code workers}
     * dispatch workers through the real port, each row retried after its wait when Discord (or the pace) says so.
     */
    private static void sendRound(
            ConfigurableApplicationContext ctx,
            LocalDiscord discord,
            long firstRecipient,
            int dms,
            int workers,
            int round,
            String what)
            throws Exception {
        Outbox outbox = ctx.getBean(Outbox.class);
        Dispatcher dispatcher = ctx.getBean(Dispatcher.class);
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        List<OutboxMessage> rows = new ArrayList<>();
        for (int i = 0; i < dms; i++) {
            rows.add(OutboxMessage.text(
                    null,
                    firstRecipient + i,
                    OutboxKind.NOTICE,
                    "benchmark-" + round,
                    "*Benchmark* round " + round + ": how is the mentorship going?",
                    null));
        }
        outbox.enqueueAll(rows);
        int callsBefore = discord.calls().size();
        int invalidBefore = discord.invalidRequests();
        long t = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            String worker = "bench-" + round + "-" + w;
            done.add(pool.submit(() -> {
                while (pending(jdbc, round) > 0) {
                    if (dispatcher.drain(worker).total() == 0) {
                        sleep(Duration.ofMillis(50)); // rows waiting for their retry time; look again shortly
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        pool.shutdown();
        List<RestCall> calls =
                discord.calls().subList(callsBefore, discord.calls().size());
        long requests = calls.stream()
                .filter(c -> c.endpoint() == Endpoint.CREATE_DM || c.endpoint() == Endpoint.CREATE_MESSAGE)
                .count();
        long tooMany = calls.stream().filter(c -> c.status() == 429).count();
        Integer sent = jdbc.queryForObject(
                "select count(*) from outbox where period = ? and status = 'SENT'",
                Integer.class,
                "benchmark-" + round);
        Integer failed = jdbc.queryForObject(
                "select count(*) from outbox where period = ? and status = 'FAILED'",
                Integer.class,
                "benchmark-" + round);
        long delivered = discord.messages().stream()
                .filter(m -> !m.edited() && m.content().contains("round " + round + ":"))
                .count();
        System.out.printf(
                Locale.ROOT,
                "  %s: %d sent in %.1f s = %.1f DMs/s, %d REST requests = %.1f requests/s; 429s %d, invalid requests"
                        + " %d; failed %d; messages in the local Discord %d%n",
                what,
                sent,
                seconds,
                sent / seconds,
                requests,
                requests / seconds,
                tooMany,
                discord.invalidRequests() - invalidBefore,
                failed,
                delivered);
    }

    private static int pending(JdbcTemplate jdbc, int round) {
        Integer left = jdbc.queryForObject(
                "select count(*) from outbox where period = ? and status in ('PENDING', 'CLAIMED')",
                Integer.class,
                "benchmark-" + round);
        return left == null ? 0 : left;
    }

    // ---- helpers

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + timeout);
            }
            sleep(Duration.ofMillis(50));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
