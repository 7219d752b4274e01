package dev.rapport.core.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps every programme's held reports ({@link HeldReport}: the health board, the overview) read afresh in the
 * background, at start and every half {@code rapport.health.board-max-age}, so they never expire in front of a
 * coordinator: the first request after a quiet spell is answered from a read at most that old, brought up to date
 * with what changed since (every change committed before the request still shows). Each instance keeps its own;
 * the cost is one read of every open pair per half max-age (about 2 s of database time for 10,000 pairs every five
 * minutes by default). On by default where the schedule runs ({@code rapport.health.keep-fresh}, default
 * {@code rapport.schedule.enabled}); an instance that only serves requests may turn it on.
 */
@Component
@ConditionalOnExpression("${rapport.health.keep-fresh:${rapport.schedule.enabled:true}}")
class ReportKeeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReportKeeper.class);

    private final JdbcTemplate jdbc;
    private final List<HeldReport> reports;
    private final Duration interval;
    private volatile boolean running;
    private Thread thread;

    ReportKeeper(
            JdbcTemplate jdbc,
            List<HeldReport> reports,
            @Value("${rapport.health.board-max-age:PT10M}") Duration maxAge) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.interval = maxAge.dividedBy(2);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("rapport-report-keeper").daemon().start(this::loop);
    }

    private void loop() {
        while (running) {
            long started = System.nanoTime();
            try {
                keepAll();
            } catch (RuntimeException e) {
                // The database may be briefly unreachable: requests then read for themselves, as without a keeper.
                log.warn("Could not read the programmes' reports afresh: {}", e.toString());
            }
            LockSupport.parkNanos(Math.max(0, interval.toNanos() - (System.nanoTime() - started)));
        }
    }

    /** Reads every report of every programme with an open pair afresh, once. */
    void keepAll() {
        for (long programmeId : jdbc.queryForList(
                "select distinct programme_id from pair where status <> 'ENDED' order by 1", Long.class)) {
            for (HeldReport report : reports) {
                if (!running) {
                    return;
                }
                report.readAfresh(programmeId);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Like the dispatch workers: start after the DataSource, stop before it.
        return Integer.MAX_VALUE - 100;
    }
}
