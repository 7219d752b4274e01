package dev.rapport.benchmark;

import static org.awaitility.Awaitility.await;

import dev.rapport.systemtest.CheckInSeed;
import dev.rapport.systemtest.CrashScenario;
import dev.rapport.systemtest.LocalDiscordProcess;
import dev.rapport.systemtest.LocalPlatform;
import dev.rapport.systemtest.LocalSlackProcess;
import dev.rapport.systemtest.Project;
import dev.rapport.systemtest.RapportFleet;
import dev.rapport.systemtest.SystemDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How close Rapport sends to a platform's rate limit when several of its processes share it, and whether it ever
 * oversteps it: 1, 2 and 3 processes of the assembled application ({@code app/target/rapport.jar}, as deployed) on
 * one database, sending check-ins to ONE local Slack workspace or ONE local Discord bot, each platform a process of
 * its own.
 *
 * <ul>
 *   <li>Slack: the local Slack's own {@code chat.postMessage} limit, Slack's 300 a minute per workspace with a burst
 *       of 50; only {@code conversations.open} is raised (6,000 a minute, and {@code RAPPORT_SLACK_OPENS_PER_MINUTE}
 *       with it) so that posting is what binds. Rapport's default pace, {@code RAPPORT_SLACK_SENDS_PER_SECOND} 5.
 *   <li>Discord: the local Discord's global limit, Discord's 50 requests a second per bot; only the DM-channel bucket
 *       ({@code CREATE_DM}) is raised so that the global limit binds. Rapport's default pace (48 a second, one bucket
 *       for the bot). Every recipient is new, so each check-in costs two requests: open the DM, post.
 * </ul>
 *
 * <p>The platform's control API is read every second. After the first message, {@code --warmup} seconds are left out
 * (the start, and the platform's initial burst); over the next {@code --measure} seconds it reports messages and
 * requests per second against the limit, and the 429s the platform answered. Enough check-ins are seeded that the
 * backlog never runs out during the window (checked).
 *
 * <pre>
 * ./mvnw -q -pl benchmark -am package -DskipTests
 * java -cp benchmark/target/rapport-benchmark.jar dev.rapport.benchmark.PacingBenchmark --instances 1,2,3
 * </pre>
 */
public final class PacingBenchmark {

    /** The local Slack's (and Slack's) {@code chat.postMessage} limit per workspace. */
    static final int SLACK_POSTS_PER_MINUTE = 300;

    /** The local Discord's (and Discord's) global limit per bot. */
    static final int DISCORD_REQUESTS_PER_SECOND = 50;

    private PacingBenchmark() {}

    /** One reading of the platform's counters. */
    record Sample(long nanos, LocalPlatform.Counters counters) {}

    /**
     * What one run measured over its steady window.
     *
     * @param limit the limit that binds, per second: messages for Slack, requests for Discord
     */
    record Result(
            String platform,
            int instances,
            double seconds,
            double messagesPerSecond,
            double requestsPerSecond,
            double limit,
            long rateLimitedInWindow,
            long rateLimitedInWarmup,
            long rateLimitedAtStartup,
            double slowestSecond,
            double fastestSecond,
            long backlogAfter) {

        /** The binding rate as a share of the limit. */
        double share() {
            return (platform.equals("slack") ? messagesPerSecond : requestsPerSecond) / limit;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = RapportBenchmark.parse(args);
        List<Integer> instances = Arrays.stream(
                        o.getOrDefault("instances", "1,2,3").split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
        List<String> platforms =
                Arrays.asList(o.getOrDefault("platforms", "slack,discord").split(","));
        Duration warmup = Duration.ofSeconds(Long.parseLong(o.getOrDefault("warmup", "15")));
        Duration measure = Duration.ofSeconds(Long.parseLong(o.getOrDefault("measure", "60")));
        BenchServer bench = BenchServer.from(o);
        SystemDatabase.Server server = new SystemDatabase.Server(bench.url(), bench.user(), bench.password());
        Project project = Project.find();
        Path logs = Path.of(o.getOrDefault(
                "logs", project.root().resolve("benchmark/target/pacing").toString()));
        BenchServer.printMachine("Rapport pacing benchmark");
        System.out.println("processes' output in " + logs);

        List<Result> results = new ArrayList<>();
        for (String platform : platforms) {
            for (int n : instances) {
                Result r = run(platform.trim(), n, warmup, measure, server, project, logs);
                results.add(r);
                print(List.of(r));
            }
        }
        System.out.println();
        System.out.println("load average at end: " + RapportBenchmark.loadAverage());
        print(results);
    }

    static Result run(
            String platform,
            int instances,
            Duration warmup,
            Duration measure,
            SystemDatabase.Server server,
            Project project,
            Path logs) {
        Path runLogs = logs.resolve(platform + "-" + instances);
        boolean slack = platform.equals("slack");
        if (!slack && !platform.equals("discord")) {
            throw new IllegalArgumentException("--platforms takes slack and discord, not " + platform);
        }
        double limit = slack ? SLACK_POSTS_PER_MINUTE / 60.0 : DISCORD_REQUESTS_PER_SECOND;
        // Enough for the whole window and a minute to spare; a new recipient costs Discord two requests.
        double messagesPerSecond = slack ? limit : limit / 2;
        long seconds = warmup.plus(measure).toSeconds() + 60;
        int pairs = (int) Math.ceil(messagesPerSecond * seconds / 2);
        System.out.printf(
                Locale.ROOT,
                "%n%s, %d instance(s): %d check-ins due, limit %.0f %s/s%n",
                platform,
                instances,
                2 * pairs,
                limit,
                slack ? "chat.postMessage" : "requests");
        Path jar = project.applicationJarCopy(logs);
        try (SystemDatabase db = SystemDatabase.create("rapport_bench_pacing", server);
                LocalPlatform local = slack
                        ? LocalSlackProcess.start(
                                LocalSlackProcess.Settings.slackLimits(2 * pairs)
                                        .withConversationsOpen(6_000, 100),
                                runLogs)
                        : LocalDiscordProcess.start(
                                new LocalDiscordProcess.Settings(
                                        2 * pairs, DISCORD_REQUESTS_PER_SECOND, List.of("CREATE_DM=1000/1s")),
                                runLogs);
                RapportFleet fleet = RapportFleet.start(
                        instances,
                        jar,
                        i -> {
                            Map<String, String> env = new HashMap<>(CrashScenario.common(Duration.ofSeconds(20)));
                            env.putAll(db.applicationEnvironment());
                            env.putAll(local.applicationEnvironment(i, instances));
                            if (slack) {
                                env.put("RAPPORT_SLACK_OPENS_PER_MINUTE", "6000");
                            }
                            return env;
                        },
                        runLogs)) {
            fleet.awaitReady(Duration.ofMinutes(4));
            // Before anything is due: what the instances' start-up alone cost (logins, command registration).
            LocalPlatform.Counters atStartup = local.counters();
            CheckInSeed.seed(db, local, pairs);
            List<Sample> samples = new CopyOnWriteArrayList<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            try {
                sampler.scheduleAtFixedRate(
                        () -> samples.add(new Sample(System.nanoTime(), local.counters())), 0, 1, TimeUnit.SECONDS);
                await("the first check-in")
                        .atMost(Duration.ofMinutes(2))
                        .until(() -> !samples.isEmpty()
                                && samples.getLast().counters().messages() > 0);
                long first = samples.getLast().nanos();
                long end = first + warmup.plus(measure).toNanos();
                await("the measured window")
                        .atMost(warmup.plus(measure).plusMinutes(1))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> {
                            fleet.checkAlive();
                            return samples.getLast().nanos() >= end;
                        });
            } finally {
                sampler.shutdownNow();
                sampler.awaitTermination(10, TimeUnit.SECONDS);
            }
            long backlog = db.number("select count(*) from outbox where status in ('PENDING', 'CLAIMED')");
            return measure(platform, instances, atStartup, List.copyOf(samples), warmup, limit, backlog);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The steady window's figures: from the first sample {@code warmup} after the first message, to the last. */
    static Result measure(
            String platform,
            int instances,
            LocalPlatform.Counters atStartup,
            List<Sample> samples,
            Duration warmup,
            double limit,
            long backlog) {
        Sample first = samples.stream()
                .filter(s -> s.counters().messages() > 0)
                .findFirst()
                .orElseThrow();
        Sample from = samples.stream()
                .filter(s -> s.nanos() >= first.nanos() + warmup.toNanos())
                .findFirst()
                .orElseThrow();
        Sample to = samples.getLast();
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        double slowest = Double.MAX_VALUE;
        double fastest = 0;
        for (int i = samples.indexOf(from) + 1; i < samples.size(); i++) {
            Sample a = samples.get(i - 1);
            Sample b = samples.get(i);
            double perSecond = (b.counters().messages() - a.counters().messages()) / ((b.nanos() - a.nanos()) / 1e9);
            slowest = Math.min(slowest, perSecond);
            fastest = Math.max(fastest, perSecond);
        }
        return new Result(
                platform,
                instances,
                seconds,
                (to.counters().messages() - from.counters().messages()) / seconds,
                (to.counters().requests() - from.counters().requests()) / seconds,
                limit,
                to.counters().rateLimited() - from.counters().rateLimited(),
                from.counters().rateLimited() - atStartup.rateLimited(),
                atStartup.rateLimited(),
                slowest,
                fastest,
                backlog);
    }

    static void print(List<Result> results) {
        System.out.println(
                "| platform | instances | window s | messages/s | requests/s | limit /s | of limit | 429s in window |"
                        + " 429s in warm-up | 429s at start-up | messages/s per second (min-max) | backlog after |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %.0f | %.2f | %.2f | %.0f %s | %.1f%% | %d | %d | %d | %.1f-%.1f | %d |%n",
                    r.platform(),
                    r.instances(),
                    r.seconds(),
                    r.messagesPerSecond(),
                    r.requestsPerSecond(),
                    r.limit(),
                    r.platform().equals("slack") ? "posts" : "requests",
                    100 * r.share(),
                    r.rateLimitedInWindow(),
                    r.rateLimitedInWarmup(),
                    r.rateLimitedAtStartup(),
                    r.slowestSecond(),
                    r.fastestSecond(),
                    r.backlogAfter());
        }
    }
}
