package dev.rapport.benchmark;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatPort;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import dev.rapport.core.chat.SendResult;
import dev.rapport.core.database.ThrowawayDatabase;
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
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Measures the Discord adapter end to end against the local Discord, with a real JDA and a real PostgreSQL: how fast
 * {@code /rapport health} over one programme of many pairs is acknowledged and answered, and how fast direct messages
 * go out through the real {@link DiscordChatPort} against Discord's global limit of 50 requests per second. See
 * benchmark/README.md ("Discord").
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

    /** The core and the Discord adapter, with a clock fixed the day after the last seeded check-in. */
    @SpringBootApplication(scanBasePackages = {"dev.rapport.core", "dev.rapport.discord"})
    static class DiscordBenchmarkApplication {
        @Bean
        @Primary
        Clock benchmarkClock(@Value("${bench.now}") String now) {
            return Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = RapportBenchmark.parse(args);
        int pairs = Integer.parseInt(o.getOrDefault("pairs", "10000"));
        int weeks = Integer.parseInt(o.getOrDefault("weeks", "8"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "30"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "3"));
        int dms = Integer.parseInt(o.getOrDefault("dms", "2000"));
        int senders = Integer.parseInt(o.getOrDefault("senders", "2"));
        int dmOpenLimit = Integer.parseInt(o.getOrDefault("dm-open-limit", "50"));
        String pace = o.get("pace");
        boolean skipHealth = o.containsKey("skip-health");
        String server = o.getOrDefault(
                "db-url", RapportBenchmark.env("RAPPORT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"));
        String user = o.getOrDefault("db-user", RapportBenchmark.env("RAPPORT_DB_USER", "postgres"));
        String password = o.getOrDefault("db-password", RapportBenchmark.env("RAPPORT_DB_PASSWORD", ""));

        System.out.printf(
                Locale.ROOT,
                "Rapport Discord benchmark at %s on %d cores, max heap %d MB, Java %s%n",
                ZonedDateTime.now(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1048576,
                System.getProperty("java.version"));
        System.out.println("load average at start: " + RapportBenchmark.loadAverage());

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
        ThrowawayDatabase db = ThrowawayDatabase.create("rapport_bench", server, user, password);
        System.out.println("database: " + db.name());
        try (LocalDiscord discord = world.start()) {
            Map<String, Object> props = new HashMap<>();
            props.put(
                    "bench.now",
                    LAST_WEEK.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC).toString());
            props.put("rapport.db.url", db.url());
            props.put("rapport.db.user", user);
            props.put("rapport.db.password", password);
            props.put("rapport.db.embedded", "false");
            props.put("rapport.schedule.enabled", "false");
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
                seed(ctx.getBean(DataSource.class), pairs, weeks);
                System.out.printf(
                        Locale.ROOT,
                        "seeded 1 programme, %d pairs, %d weeks of check-ins and answers in %.1f s (not measured)%n",
                        pairs,
                        weeks,
                        (System.nanoTime() - t) / 1e9);

                if (!skipHealth) {
                    health(discord, runs, warmup, pairs);
                }
                sends(discord, ctx.getBean(DiscordChatPort.class), properties, dms, senders);
            }
        } finally {
            db.close();
        }
        System.out.println("load average at end: " + RapportBenchmark.loadAverage());
    }

    // ---- /rapport health

    private static void health(LocalDiscord discord, int runs, int warmup, int pairs) {
        List<Long> acks = new ArrayList<>();
        List<Long> answers = new ArrayList<>();
        String summary = null;
        for (int i = 0; i < warmup + runs; i++) {
            Interaction health = discord.as(GUILD, COORDINATOR).slashCommand("rapport", "health", Map.of());
            InteractionResponse ack = health.awaitResponse(Duration.ofSeconds(10));
            List<InteractionResponse> all = health.awaitResponses(2, Duration.ofSeconds(60));
            InteractionResponse edit = all.stream()
                    .filter(r -> r.kind() == InteractionResponse.Kind.EDIT_ORIGINAL)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no reply edit: " + all));
            if (!ack.accepted() || !edit.accepted()) {
                throw new IllegalStateException("Discord refused an answer: " + all);
            }
            if (i >= warmup) {
                acks.add(ack.latency().toNanos());
                answers.add(edit.latency().toNanos());
            }
            summary = edit.content() + "\n" + edit.embedsJson();
        }
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "/rapport health over %d pairs, %d runs after %d warm-up runs, one coordinator at a time:%n",
                pairs,
                runs,
                warmup);
        System.out.printf(
                Locale.ROOT,
                "  initial response (deferral): p50 %.1f ms, p99 %.1f ms, max %.1f ms (Discord's limit: 3000 ms)%n",
                percentile(acks, 50),
                percentile(acks, 99),
                percentile(acks, 100));
        System.out.printf(
                Locale.ROOT,
                "  reply (edit of the deferral): p50 %.1f ms, p99 %.1f ms, max %.1f ms after the interaction%n",
                percentile(answers, 50),
                percentile(answers, 99),
                percentile(answers, 100));
        System.out.println("  reply starts: "
                + (summary == null ? "" : summary.lines().findFirst().orElse("")));
        if (System.getProperty("bench.show") != null) {
            System.out.println(summary);
        }
    }

    // ---- direct messages

    private static void sends(LocalDiscord discord, ChatPort port, DiscordProperties properties, int dms, int senders)
            throws Exception {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%d direct messages through DiscordChatPort, %d senders (the dispatcher's default workers):%n",
                dms,
                senders);
        sendRound(discord, port, dms, senders, "new recipients (each DM channel opened first)");
        sendRound(discord, port, dms, senders, "the same recipients again (DM channels cached)");
        System.out.printf(
                Locale.ROOT,
                "  local Discord's global limit 50 requests/s; the port's pace %.0f/s%n",
                properties.pace());
    }

    private static void sendRound(LocalDiscord discord, ChatPort port, int dms, int senders, String what)
            throws Exception {
        List<RestCall> before = discord.calls();
        int invalidBefore = discord.invalidRequests();
        AtomicInteger next = new AtomicInteger();
        LongAdder sent = new LongAdder();
        LongAdder rateLimited = new LongAdder();
        LongAdder failed = new LongAdder();
        ChatMessage message = ChatMessage.text("*Benchmark* check-in reminder: how is the mentorship going?");
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long t = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            done.add(pool.submit(() -> {
                int i;
                while ((i = next.incrementAndGet()) <= dms) {
                    Recipient to = new Recipient(
                            Platform.DISCORD, Long.toString(GUILD), Long.toString(PEOPLE + i), "Person " + i);
                    // As the dispatcher does: a "rate limited" answer waits its turn and goes again.
                    while (true) {
                        SendResult r = port.send(to, message);
                        if (r instanceof SendResult.Sent) {
                            sent.increment();
                            break;
                        }
                        if (r instanceof SendResult.RateLimited limited) {
                            rateLimited.increment();
                            sleep(limited.retryAfter());
                            continue;
                        }
                        failed.increment();
                        break;
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        pool.shutdown();
        List<RestCall> calls =
                discord.calls().subList(before.size(), discord.calls().size());
        long requests = calls.stream()
                .filter(c -> c.endpoint() == Endpoint.CREATE_DM || c.endpoint() == Endpoint.CREATE_MESSAGE)
                .count();
        long tooMany = calls.stream().filter(c -> c.status() == 429).count();
        System.out.printf(
                Locale.ROOT,
                "  %s: %d sent in %.1f s = %.1f DMs/s, %d REST requests = %.1f requests/s; 429s %d, invalid requests %d,"
                        + " 'rate limited' answers to the sender %d, failures %d%n",
                what,
                sent.sum(),
                seconds,
                sent.sum() / seconds,
                requests,
                requests / seconds,
                tooMany,
                discord.invalidRequests() - invalidBefore,
                rateLimited.sum(),
                failed.sum());
    }

    // ---- seeding

    /**
     * One Discord programme of {@code pairs} pairs that started {@code weeks} weeks ago, with a weekly check-in for
     * each side: three statements each, answered by about 90% of mentees and 80% of mentors, scores of 4 or 5 by pair
     * with an occasional dip (one pair in twenty scores 1 or 2), and meetings: logged last week by eight pairs in ten
     * ("did you meet" mostly yes), four weeks ago by one (to watch), never by the tenth (at risk).
     * Shaped as the core's own tests shape answers (HealthServiceIT), written set-wise.
     */
    static void seed(DataSource dataSource, int pairs, int weeks) throws Exception {
        LocalDate first = LAST_WEEK.minusWeeks(weeks - 1L);
        String dims = "array['respect','confidentiality','empathy','humility','effort','communication']";
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("insert into programme (id, platform, workspace_id, name, time_zone, created_at) values (1,"
                    + " 'DISCORD', '" + GUILD + "', 'Benchmark programme', 'UTC', now())");
            s.execute("insert into participant (id, platform, workspace_id, platform_user_id, display_name, time_zone,"
                    + " created_at, profile_checked_at) select i, 'DISCORD', '" + GUILD + "', (" + PEOPLE
                    + "::bigint + i)::text, 'Person ' || i, 'UTC', now(), now() from generate_series(1, " + (2 * pairs)
                    + ") i");
            s.execute("insert into participant (id, platform, workspace_id, platform_user_id, display_name, time_zone,"
                    + " created_at, profile_checked_at) values (" + (2 * pairs + 1) + ", 'DISCORD', '" + GUILD + "', '"
                    + COORDINATOR + "', 'Cora', 'UTC', now(), now())");
            s.execute("insert into coordinator (programme_id, participant_id, added_at) values (1, " + (2 * pairs + 1)
                    + ", now())");
            s.execute("insert into pair (id, programme_id, mentor_id, mentee_id, started_on, status, created_at)"
                    + " select k, 1, 2 * k - 1, 2 * k, date '" + first + "', 'ACTIVE', now()"
                    + " from generate_series(1, " + pairs + ") k");
            s.execute("insert into checkin_slot (pair_id, role, next_due_at, next_period, seq) select k, r.role,"
                    + " timestamptz '" + LAST_WEEK.plusWeeks(1).atTime(10, 0).toInstant(ZoneOffset.UTC) + "', date '"
                    + LAST_WEEK.plusWeeks(1) + "', " + weeks + " from generate_series(1, " + pairs + ") k"
                    + " cross join (values ('MENTEE'), ('MENTOR')) r(role)");
            // Week w's statements: three dimensions, rotating, the same for both sides.
            s.execute("insert into check_in (pair_id, role, participant_id, period, seq, bank_version, question_ids,"
                    + " due_at, status, sent_at, answered_at, met)"
                    + " select k, r.role, case r.role when 'MENTEE' then 2 * k else 2 * k - 1 end, d, w - 1, '2026.1',"
                    + " (" + dims + ")[1 + (3 * w) % 6] || '.1.' || lower(r.role) || ',' || (" + dims
                    + ")[1 + (3 * w + 1) % 6] || '.1.' || lower(r.role) || ',' || (" + dims
                    + ")[1 + (3 * w + 2) % 6] || '.1.' || lower(r.role),"
                    + " x.sent, case when a then 'ANSWERED' else 'SENT' end, x.sent,"
                    + " case when a then x.sent + interval '3 hours' end, case when a then k % 5 <> 0 and (k + w) % 5 <> 0 end"
                    + " from generate_series(1, " + pairs + ") k cross join generate_series(1, " + weeks + ") w"
                    + " cross join (values ('MENTEE', 9), ('MENTOR', 8)) r(role, rate)"
                    + " cross join lateral (select date '" + first + "' + 7 * (w - 1) as d,"
                    + " ((date '" + first + "' + 7 * (w - 1)) + time '10:00') at time zone 'UTC' as sent,"
                    + " (k * 7 + w * 3 + r.rate) % 10 < r.rate as a) x");
            s.execute("insert into answer (check_in_id, question_id, bank_version, dimension, score, answered_at)"
                    + " select c.id, q.id, '2026.1', upper(split_part(q.id, '.', 1)),"
                    + " case when c.pair_id % 20 = 0 then 1 + (c.seq + j) % 2"
                    + " else 4 + c.pair_id % 2 - case when (c.pair_id + c.seq + j) % 7 = 0 then 1 else 0 end end,"
                    + " c.answered_at from check_in c cross join generate_series(1, 3) j"
                    + " cross join lateral (select split_part(c.question_ids, ',', j) as id) q"
                    + " where c.status = 'ANSWERED'");
            s.execute(
                    "insert into meeting (pair_id, held_on, note, logged_by, created_at) select k, case when k % 10 = 5"
                            + " then date '" + LAST_WEEK.minusWeeks(4) + "' else date '" + LAST_WEEK.minusDays(3)
                            + "' end,"
                            + " null, 2 * k - 1, now() from generate_series(1, " + pairs + ") k where k % 10 <> 0");
            s.execute("select setval('programme_id_seq', 1), setval('participant_id_seq', " + (2 * pairs + 1)
                    + "), setval('pair_id_seq', " + pairs + "), setval('check_in_id_seq', (select max(id) from"
                    + " check_in)), setval('meeting_id_seq', (select max(id) from meeting))");
            c.commit();
            c.setAutoCommit(true);
            s.execute("vacuum analyze programme, participant, coordinator, pair, check_in, answer, meeting");
        }
    }

    // ---- helpers

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.clamp(index, 0, sorted.size() - 1)) / 1e6;
    }

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
