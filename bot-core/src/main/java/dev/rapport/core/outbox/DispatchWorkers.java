package dev.rapport.core.outbox;

import dev.rapport.core.jobs.WhenScheduleEnabled;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The dispatch workers of this instance: a few threads that keep claiming and sending outbox rows, and a heartbeat
 * that vouches for their claims ({@link Instances}) and releases the rows of instances that died. On shutdown each
 * worker finishes the send it is in, records what it sent and gives the rest of its batch back at once; then the
 * instance says goodbye, so nobody takes it for dead.
 */
@Component
@WhenScheduleEnabled
class DispatchWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchWorkers.class);

    private final Dispatcher dispatcher;
    private final Instances instances;
    private final DeliveryProperties properties;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private String instance;

    DispatchWorkers(Dispatcher dispatcher, Instances instances, DeliveryProperties properties) {
        this.dispatcher = dispatcher;
        this.instances = instances;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (running || properties.workers() == 0) {
            return;
        }
        running = true;
        dispatcher.resumeSending();
        // A fresh name each start: a restarted process (same host, same pid in a container) is not its dead self.
        instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        instances.beat(instance);
        threads.add(
                Thread.ofPlatform().name("rapport-dispatch-heartbeat").daemon().start(this::heartbeat));
        for (int i = 0; i < properties.workers(); i++) {
            String workerId = instance + "/dispatch-" + i;
            threads.add(Thread.ofPlatform().name("rapport-dispatch-" + i).start(() -> loop(workerId)));
        }
        log.info("Started {} dispatch workers as {}", properties.workers(), instance);
    }

    private void loop(String workerId) {
        while (running) {
            try {
                if (dispatcher.dispatchBatch(workerId).total() == 0) {
                    LockSupport.parkNanos(properties.idlePoll().toNanos());
                }
            } catch (RuntimeException e) {
                // The database may be briefly unreachable; what the worker held is given back (or, failing that,
                // leased), so waiting and retrying is safe.
                log.warn("Dispatch worker {} failed a batch: {}", workerId, e.toString());
                giveBack(workerId);
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
            } catch (Error e) {
                // A worker that died here would leave the instance looking alive (its heartbeat beats on) while it
                // sends nothing. It keeps working instead, loudly: an error of the code (a class missing after a
                // bad deploy) is an operator's to fix, and the JVM's own (out of memory) may pass.
                log.error("Dispatch worker {} failed a batch with {}; retrying in 5 s", workerId, e.toString(), e);
                giveBack(workerId);
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
            }
        }
    }

    private void giveBack(String workerId) {
        try {
            dispatcher.releaseAll(workerId);
        } catch (RuntimeException e) {
            // The database is what failed: the rows come back when their lease runs out.
            log.debug("Could not give back what {} held: {}", workerId, e.toString());
        }
    }

    /** Beats four times per timeout, so one late beat never makes a live instance look dead. */
    private void heartbeat() {
        long interval = properties.instanceTimeout().toNanos() / 4;
        while (running) {
            try {
                instances.beat(instance);
                instances.recoverDead();
            } catch (RuntimeException e) {
                log.warn("Dispatch heartbeat failed: {}", e.toString());
            }
            LockSupport.parkNanos(interval);
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        dispatcher.stopSending();
        for (Thread t : threads) {
            LockSupport.unpark(t);
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        try {
            instances.leave(instance);
        } catch (RuntimeException e) {
            // The database is going away too; the others will find the heartbeat stopped and release nothing, as
            // every row was given back above.
            log.debug("Could not say goodbye: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stop before the DataSource and Quartz, start after them.
        return Integer.MAX_VALUE - 100;
    }
}
