package dev.rapport.core.schedule;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The dispatch workers of this instance: a few threads that keep claiming and sending outbox rows. On
 * shutdown each finishes the send it is in, records what it sent and gives the rest of its batch back
 * ({@code PENDING}, attempt not counted) for another instance at once, rather than waiting for the lease.
 */
@Component
class DispatchWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchWorkers.class);

    private final Dispatcher dispatcher;
    private final ScheduleProperties properties;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    DispatchWorkers(Dispatcher dispatcher, ScheduleProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (running || !properties.enabled()) {
            return;
        }
        running = true;
        dispatcher.resumeSending();
        String instance = ManagementFactory.getRuntimeMXBean().getName();
        for (int i = 0; i < properties.dispatchWorkers(); i++) {
            String workerId = instance + "/dispatch-" + i;
            Thread t = Thread.ofPlatform().name("rapport-dispatch-" + i).start(() -> loop(workerId));
            threads.add(t);
        }
        log.info("Started {} dispatch workers", threads.size());
    }

    private void loop(String workerId) {
        while (running) {
            try {
                if (dispatcher.dispatchBatch(workerId).total() == 0) {
                    LockSupport.parkNanos(properties.dispatchIdlePoll().toNanos());
                }
            } catch (RuntimeException e) {
                // The database may be briefly unreachable; claims are leased, so waiting and retrying is safe.
                log.warn("Dispatch worker {} failed a batch: {}", workerId, e.toString());
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
            }
        }
    }

    @Override
    public synchronized void stop() {
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
