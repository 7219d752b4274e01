package dev.rapport.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * The design Rapport does not use: one Quartz cron trigger per pair, on the clustered JDBC job store
 * (JobStoreTX, PostgreSQLDelegate) in the same database's qrtz_* tables. Every trigger is due at the same
 * second; the job does nothing but count, so the figure is Quartz's own ceiling.
 */
final class NaiveQuartz {

    /** The job every trigger fires: counts, nothing else. */
    public static final class CountingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            FIRED.increment();
            LAST_FIRE_NANOS.accumulateAndGet(System.nanoTime(), Math::max);
            FIRST_FIRE_NANOS.accumulateAndGet(System.nanoTime(), (a, b) -> a == 0 ? b : Math.min(a, b));
            LATCH.get().countDown();
        }
    }

    static final LongAdder FIRED = new LongAdder();
    static final AtomicLong LAST_FIRE_NANOS = new AtomicLong();
    static final AtomicLong FIRST_FIRE_NANOS = new AtomicLong();
    static final java.util.concurrent.atomic.AtomicReference<CountDownLatch> LATCH =
            new java.util.concurrent.atomic.AtomicReference<>();

    record Result(
            int triggers, double scheduleSeconds, double fireSeconds, long fired, double peakHeapMb, String note) {
        double firesPerSecond() {
            return fired / fireSeconds;
        }
    }

    record Config(int threads, int batchMaxCount, long fireAheadMillis, long misfireThresholdMillis, int chunk) {
        String describe() {
            return "JobStoreTX, PostgreSQLDelegate, isClustered=true, threadCount=" + threads
                    + ", batchTriggerAcquisitionMaxCount=" + batchMaxCount
                    + ", batchTriggerAcquisitionFireAheadTimeWindow=" + fireAheadMillis
                    + "ms, acquireTriggersWithinLock=true"
                    + ", misfireThreshold=" + misfireThresholdMillis + "ms, pool=" + (threads + 4) + " connections";
        }
    }

    private NaiveQuartz() {}

    static Result run(String jdbcUrl, String user, String password, int triggers, Config config) throws Exception {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(config.threads() + 4);
        hc.setPoolName("quartz-naive");
        try (HikariDataSource ds = new HikariDataSource(hc)) {
            DBConnectionManager.getInstance().addConnectionProvider("naive", new ConnectionProvider() {
                @Override
                public Connection getConnection() throws SQLException {
                    return ds.getConnection();
                }

                @Override
                public void shutdown() {}

                @Override
                public void initialize() {}
            });
            Properties p = new Properties();
            p.setProperty("org.quartz.scheduler.instanceName", "naive-bench");
            p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
            p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            p.setProperty(
                    "org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(config.batchMaxCount()));
            p.setProperty(
                    "org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow",
                    String.valueOf(config.fireAheadMillis()));
            p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
            p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(config.threads()));
            p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            p.setProperty("org.quartz.jobStore.dataSource", "naive");
            p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
            p.setProperty("org.quartz.jobStore.isClustered", "true");
            p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "10000");
            p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
            p.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(config.misfireThresholdMillis()));
            Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
            try {
                return fire(scheduler, triggers, config);
            } finally {
                scheduler.shutdown(true);
            }
        }
    }

    private static Result fire(Scheduler scheduler, int triggers, Config config)
            throws SchedulerException, InterruptedException {
        FIRED.reset();
        LAST_FIRE_NANOS.set(0);
        FIRST_FIRE_NANOS.set(0);
        LATCH.set(new CountDownLatch(triggers));
        // The scheduler stays in standby while triggers are stored. All of them fire at one second F, a little
        // after storing should be done (assumed >= 1,000 triggers/s, plus 10 s); F is a weekly cron time, as a
        // pair's check-in would be.
        long t0 = System.nanoTime();
        Instant fireAt = Instant.now()
                .plusSeconds(10 + triggers / 1000)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plusSeconds(1);
        ZonedDateTime f = fireAt.atZone(ZoneOffset.UTC);
        String cron = f.getSecond() + " " + f.getMinute() + " " + f.getHour() + " ? * "
                + f.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT);
        JobDetail job = JobBuilder.newJob(CountingJob.class)
                .withIdentity("check-in", "naive")
                .storeDurably()
                .build();
        try (HeapSampler heap = new HeapSampler()) {
            for (int from = 0; from < triggers; from += config.chunk()) {
                Set<Trigger> chunk = new HashSet<>();
                for (int i = from; i < Math.min(triggers, from + config.chunk()); i++) {
                    chunk.add(TriggerBuilder.newTrigger()
                            .withIdentity("pair-" + i, "naive")
                            .forJob(job)
                            .usingJobData("pairId", (long) i)
                            .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                                    .inTimeZone(TimeZone.getTimeZone("UTC"))
                                    .withMisfireHandlingInstructionFireAndProceed())
                            .build());
                }
                Map<JobDetail, Set<? extends Trigger>> batch = new HashMap<>();
                batch.put(job, chunk);
                scheduler.scheduleJobs(batch, true);
            }
            double scheduleSeconds = (System.nanoTime() - t0) / 1e9;
            String note = "cron '" + cron + "' UTC, due " + fireAt;
            scheduler.start();
            long startNanos = System.nanoTime();
            long dueNanos = startNanos
                    + java.time.Duration.between(Instant.now(), fireAt).toNanos();
            if (dueNanos < startNanos) {
                note +=
                        "; storing took longer than planned, so every trigger was already due at start: timed from start";
                dueNanos = startNanos;
            }
            boolean all = LATCH.get().await(config.misfireThresholdMillis() + 60_000, TimeUnit.MILLISECONDS);
            if (!all) {
                note += "; TIMED OUT with " + FIRED.sum() + " fired";
            }
            double fireSeconds = (LAST_FIRE_NANOS.get() - dueNanos) / 1e9;
            note += String.format("; first fire %.3f s after due", (FIRST_FIRE_NANOS.get() - dueNanos) / 1e9);
            return new Result(triggers, scheduleSeconds, fireSeconds, FIRED.sum(), heap.peakUsedMb(), note);
        }
    }
}
