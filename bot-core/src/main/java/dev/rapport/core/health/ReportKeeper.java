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
 * coordinator, and reads a programme that holds nothing yet (just imported) within {@link #NEW_PROGRAMMES}: the first request after a quiet spell is answered from a read at most that old, brought up to date
 * with what changed since (every change committed before the request still shows). Each instance keeps its own;
 * the cost is one read of every open pair per half max-age (about 2 s of database time for 10,000 pairs every five
 * minutes by default). On by default where the schedule runs ({@code rapport.health.keep-fresh}, default
 * {@code rapport.schedule.enabled}); an instance that only serves requests may turn it on.
 */
@Component
@ConditionalOnExpression("${rapport.health.keep-fresh:${rapport.schedule.enabled:true}}")
class ReportKeeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReportKeeper.class);

    /** How soon a programme with nothing held (just imported) is read, between the passes over every programme. */
    static final Duration NEW_PROGRAMMES = Duration.ofSeconds(15);

    private final JdbcTemplate jdbc;
    private final List<HeldReport> reports;
    private final Duration interval;
    private final Duration poll;
    private volatile boolean running;
    private Thread thread;

    ReportKeeper(
            JdbcTemplate jdbc,
            List<HeldReport> reports,
            @Value("${rapport.health.board-max-age:PT10M}") Duration maxAge) {
        this.jdbc = jdbc;
        this.reports = reports;
        if (maxAge.isNegative() || maxAge.isZero()) {
            // Every half of nothing would be a loop that never rests.
            throw new IllegalStateException("rapport.health.board-max-age must be longer than zero to keep reports"
                    + " fresh (it is " + maxAge + "); set rapport.health.keep-fresh=false to hold nothing in advance");
        }
        this.interval = maxAge.dividedBy(2);
        this.poll = interval.compareTo(NEW_PROGRAMMES) < 0 ? interval : NEW_PROGRAMMES;
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
        long lastPass = 0;
        boolean first = true;
        while (running) {
            long started = System.nanoTime();
            boolean pass = first || started - lastPass >= interval.toNanos();
            try {
                keep(pass);
            } catch (RuntimeException e) {
                // The database may be briefly unreachable: requests then read for themselves, as without a keeper.
                log.warn("Could not read the programmes' reports afresh: {}", e.toString());
            }
            if (pass) {
                lastPass = started;
                first = false;
            }
            LockSupport.parkNanos(Math.max(0, poll.toNanos() - (System.nanoTime() - started)));
        }
    }

    /**
     * Reads the reports of every programme with an open pair afresh ({@code all}), or only those that hold nothing yet.
     */
    void keep(boolean all) {
        for (long programmeId : jdbc.queryForList(
                "select distinct programme_id from pair where status <> 'ENDED' order by 1", Long.class)) {
            for (HeldReport report : reports) {
                if (!running) {
                    return;
                }
                try {
                    if (all || !report.holds(programmeId)) {
                        report.readAfresh(programmeId);
                    }
                } catch (RuntimeException e) {
                    // One programme's failure does not keep the others from being read.
                    log.warn("Could not read programme {}'s report afresh: {}", programmeId, e.toString());
                }
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
