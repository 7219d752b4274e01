package dev.rapport.systemtest;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The crash the outbox promises to survive, across real processes: several application instances on one database
 * send thousands of due check-ins to a local platform running as a process of its own; when a share of them has
 * arrived, one instance is killed with SIGKILL in the middle of its sends. The survivors must take over its rows
 * (after {@code rapport.delivery.instance-timeout}) and send every check-in, those whose send was in flight included,
 * without a second copy where the platform lets Rapport tell.
 *
 * <p>The scenario only runs and measures; what counts as a pass is the caller's ({@code SlackCrashIT},
 * {@code DiscordCrashIT}, the benchmark's {@code CrashBenchmark}). Every process it starts is killed, and its
 * database dropped, before {@link #run} returns, whatever happened.
 */
public final class CrashScenario {

    /** Where the check-ins go, and whether Rapport can look for a message whose send is in doubt. */
    public enum Target {
        /** Slack with {@code im:history}: a send in doubt is first looked for in the DM by its metadata. */
        SLACK,
        /** Slack without {@code im:history}: a send in doubt is posted again, and may arrive twice. */
        SLACK_WITHOUT_IM_HISTORY,
        /** Discord: every message carries its outbox id as {@code nonce} with {@code enforce_nonce}. */
        DISCORD;

        public String label() {
            return switch (this) {
                case SLACK -> "Slack (im:history granted)";
                case SLACK_WITHOUT_IM_HISTORY -> "Slack without im:history";
                case DISCORD -> "Discord";
            };
        }
    }

    /**
     * What to run.
     *
     * @param target the platform
     * @param pairs pairs seeded; both sides are due, so {@code 2 × pairs} check-ins
     * @param instances application processes
     * @param killAt the share of the check-ins that has arrived when one instance is killed
     * @param instanceTimeout {@code RAPPORT_DELIVERY_INSTANCE_TIMEOUT}: how soon a dead instance's rows are released
     * @param drainTimeout how long the survivors get to send everything after the kill
     * @param logs where the processes' output goes (a directory per target is made in it)
     * @param server the PostgreSQL server the run's database is made on
     */
    public record Settings(
            Target target,
            int pairs,
            int instances,
            double killAt,
            Duration instanceTimeout,
            Duration drainTimeout,
            Path logs,
            SystemDatabase.Server server) {

        public Settings {
            if (instances < 2) {
                throw new IllegalArgumentException("a crash needs a survivor: at least 2 instances");
            }
            if (killAt <= 0 || killAt >= 1) {
                throw new IllegalArgumentException("killAt is a share between 0 and 1, not " + killAt);
            }
        }

        /** 2,500 pairs (5,000 check-ins), two instances, one killed at 30%, dead noticed after 10 s. */
        public static Settings standard(Target target, Path logs) {
            return new Settings(
                    target,
                    2_500,
                    2,
                    0.3,
                    Duration.ofSeconds(10),
                    Duration.ofMinutes(6),
                    logs,
                    SystemDatabase.Server.fromEnvironment());
        }
    }

    /** How long the application instances get to start; two at once on two loaded cores take a while. */
    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);

    /** {@code RAPPORT_SECRET_KEY} of every instance of this run: random, never written anywhere. */
    private static final String SECRET_KEY = randomKey();

    private CrashScenario() {}

    /** Runs the crash and reads what came of it. */
    public static CrashReport run(Settings settings) {
        Path logs = settings.logs().resolve(settings.target().name().toLowerCase(Locale.ROOT));
        Path jar = Project.find().applicationJarCopy(settings.logs());
        int users = 2 * settings.pairs();
        long began = System.nanoTime();
        try (SystemDatabase db = SystemDatabase.create("rapport_system_test", settings.server());
                LocalPlatform platform = startPlatform(settings.target(), users, logs);
                RapportFleet fleet = RapportFleet.start(
                        settings.instances(), jar, i -> environment(settings, db, platform, i), logs)) {
            fleet.awaitReady(STARTUP_TIMEOUT);
            Duration startup = Duration.ofNanos(System.nanoTime() - began);

            int checkIns = CheckInSeed.seed(db, platform, settings.pairs());
            long seeded = System.nanoTime();
            long killWhen = (long) Math.ceil(settings.killAt() * checkIns);
            RapportProcess victim = fleet.get(0);
            await("a share of " + killWhen + " check-ins arriving")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        fleet.checkAlive();
                        return platform.delivered() >= killWhen;
                    });
            victim.kill();
            long killed = System.nanoTime();
            long deliveredAtKill = platform.delivered();
            // Frozen now: the dead instance can no longer change them, and nobody has released them yet. The rows of
            // its workers' current groups (dispatch_group) are the sends it had begun: counted as SENDING.
            Map<String, Long> heldByVictim = counts(db, """
                    select case when g.worker is not null then 'SENDING' else o.status end as status, count(*)
                    from outbox o
                    left join dispatch_group g on g.worker = o.claimed_by and o.id = any(g.ids)
                    where o.claimed_instance like ?
                    group by 1 order by 1""", victim.pid() + "@%");

            boolean drained = true;
            try {
                await("every check-in sent after the kill")
                        .atMost(settings.drainTimeout())
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> {
                            fleet.checkAlive(victim);
                            return drained(db, checkIns);
                        });
            } catch (ConditionTimeoutException e) {
                drained = false;
            }
            long done = System.nanoTime();

            return CrashReport.read(
                    settings,
                    db,
                    platform,
                    new CrashReport.Timeline(
                            startup,
                            Duration.ofNanos(killed - seeded),
                            Duration.ofNanos(done - killed),
                            Duration.ofNanos(done - seeded),
                            drained),
                    checkIns,
                    victim.pid(),
                    deliveredAtKill,
                    heldByVictim,
                    logs);
        }
    }

    /** All check-ins made, and no outbox row waiting or claimed (being sent is a claimed row in a worker's group). */
    private static boolean drained(SystemDatabase db, int checkIns) {
        return db.number("select count(*) from check_in") == checkIns
                && db.number("select count(*) from outbox where status in ('PENDING', 'CLAIMED')") == 0;
    }

    private static LocalPlatform startPlatform(Target target, int users, Path logs) {
        return switch (target) {
            case SLACK, SLACK_WITHOUT_IM_HISTORY ->
                // Limits raised so that the run takes seconds, not Slack's 17 minutes for 5,000 messages at 5/s.
                LocalSlackProcess.start(
                        LocalSlackProcess.Settings.slackLimits(users)
                                .withImHistory(target == Target.SLACK)
                                .withPostMessage(60_000, 1_000)
                                .withConversationsOpen(60_000, 1_000),
                        logs);
            case DISCORD ->
                LocalDiscordProcess.start(
                        new LocalDiscordProcess.Settings(users, 1_000, List.of("CREATE_DM=1000/1s")), logs);
        };
    }

    /** Instance {@code i}'s settings: the database, the platform, a fast schedule, and the raised limits. */
    private static Map<String, String> environment(
            Settings settings, SystemDatabase db, LocalPlatform platform, int instance) {
        Map<String, String> env = new HashMap<>(common(settings.instanceTimeout()));
        env.putAll(db.applicationEnvironment());
        env.putAll(platform.applicationEnvironment(instance, settings.instances()));
        switch (settings.target()) {
            case SLACK, SLACK_WITHOUT_IM_HISTORY -> {
                env.put("RAPPORT_SLACK_SENDS_PER_SECOND", "1000");
                env.put("RAPPORT_SLACK_OPENS_PER_MINUTE", "60000");
            }
            case DISCORD -> {
                env.put("RAPPORT_DISCORD_GLOBAL_LIMIT", "1000");
                env.put("RAPPORT_DISCORD_SENDS_PER_SECOND", "950");
            }
        }
        return env;
    }

    /**
     * What every instance the harness starts is given besides its database and platform: no sandbox, the sweep every
     * second and idle workers looking every 200 ms (so a run does not wait for the 30 s defaults), the instance
     * timeout, and the secret key (one per run, the same for every instance, as in a deployment).
     */
    public static Map<String, String> common(Duration instanceTimeout) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RAPPORT_SANDBOX_ENABLED", "false");
        env.put("RAPPORT_SECRET_KEY", SECRET_KEY);
        env.put("RAPPORT_SCHEDULE_SWEEP_INTERVAL", "1s");
        env.put("RAPPORT_DELIVERY_IDLE_POLL", "200ms");
        env.put("RAPPORT_DELIVERY_INSTANCE_TIMEOUT", instanceTimeout.toMillis() + "ms");
        return env;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    static Map<String, Long> counts(SystemDatabase db, String sql, Object... args) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map<String, Object> row : db.rows(sql, args)) {
            var values = row.values().iterator();
            Object key = values.next();
            counts.put(String.valueOf(key), ((Number) values.next()).longValue());
        }
        return counts;
    }
}
