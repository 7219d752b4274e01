package dev.rapport.benchmark;

import dev.rapport.systemtest.CrashReport;
import dev.rapport.systemtest.CrashScenario;
import dev.rapport.systemtest.CrashScenario.Target;
import dev.rapport.systemtest.Project;
import dev.rapport.systemtest.SystemDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The system test's crash scenario ({@link CrashScenario}, which {@code SlackCrashIT} and {@code DiscordCrashIT} run
 * in the build) at any size, with its figures: several processes of the assembled application send check-ins to a
 * local platform in a process of its own, one is killed with SIGKILL mid-send, and the survivors must deliver the rest.
 * Per target: check-ins due, how many were lost and how many arrived twice, how many sends the kill left in doubt and
 * how they were resolved (found on the platform, or sent again), and how long the survivors took.
 *
 * <pre>
 * ./mvnw -q -pl benchmark -am package -DskipTests
 * java -cp benchmark/target/rapport-benchmark.jar dev.rapport.benchmark.CrashBenchmark --targets discord,slack,slack-without-im-history
 * </pre>
 */
public final class CrashBenchmark {

    private CrashBenchmark() {}

    public static void main(String[] args) {
        Map<String, String> o = RapportBenchmark.parse(args);
        List<Target> targets = Arrays.stream(o.getOrDefault("targets", "discord,slack,slack-without-im-history")
                        .split(","))
                .map(t -> Target.valueOf(t.trim().toUpperCase(Locale.ROOT).replace('-', '_')))
                .toList();
        int pairs = Integer.parseInt(o.getOrDefault("pairs", "2500"));
        int instances = Integer.parseInt(o.getOrDefault("instances", "2"));
        double killAt = Double.parseDouble(o.getOrDefault("kill-at", "0.3"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "1"));
        Duration instanceTimeout = Duration.parse("PT" + o.getOrDefault("instance-timeout", "10s"));
        BenchServer bench = BenchServer.from(o);
        Path logs = Path.of(o.getOrDefault(
                "logs", Project.find().root().resolve("benchmark/target/crash").toString()));
        BenchServer.printMachine("Rapport crash benchmark");
        System.out.println("processes' output in " + logs);

        List<CrashReport> reports = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            for (Target target : targets) {
                CrashReport report = CrashScenario.run(new CrashScenario.Settings(
                        target,
                        pairs,
                        instances,
                        killAt,
                        instanceTimeout,
                        Duration.ofMinutes(10),
                        logs,
                        new SystemDatabase.Server(bench.url(), bench.user(), bench.password())));
                System.out.println();
                System.out.print(report.summary());
                long allowed = target == Target.SLACK_WITHOUT_IM_HISTORY ? report.resent() : 0;
                if (report.duplicates() > allowed) {
                    System.out.println("  more duplicates than the platform allows; the rows that arrived twice:");
                    System.out.print(report.copiedRows());
                }
                if (!report.lost().isEmpty()) {
                    System.out.println("  outbox rows of which nothing arrived: " + report.lost());
                }
                reports.add(report);
            }
        }
        System.out.println();
        System.out.println("load average at end: " + RapportBenchmark.loadAverage());
        System.out.println(
                "| target | instances | check-ins | arrived | lost | duplicates | failed | in flight at kill | in doubt |"
                        + " found | resent | kill to drained s | drain s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (CrashReport r : reports) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %.1f%s | %.1f |%n",
                    r.settings().target().label(),
                    r.settings().instances(),
                    r.checkIns(),
                    r.arrived(),
                    r.lost().size(),
                    r.duplicates(),
                    r.failed().size(),
                    r.heldByKilled().getOrDefault("SENDING", 0L),
                    r.inDoubt(),
                    r.found(),
                    r.resent(),
                    r.timeline().afterKill().toMillis() / 1000.0,
                    r.timeline().drained() ? "" : " (not drained)",
                    r.timeline().drain().toMillis() / 1000.0);
        }
    }
}
