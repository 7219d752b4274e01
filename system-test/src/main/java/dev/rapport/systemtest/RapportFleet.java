package dev.rapport.systemtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Several application processes on one database, started together; closing the fleet kills whichever still run. */
public final class RapportFleet implements AutoCloseable {

    private final List<RapportProcess> instances;

    private RapportFleet(List<RapportProcess> instances) {
        this.instances = instances;
    }

    /**
     * Starts {@code count} processes of {@code jar} at once, named {@code rapport-1} …, instance {@code i} (from 0)
     * with {@code environment.apply(i)}.
     */
    public static RapportFleet start(int count, Path jar, IntFunction<Map<String, String>> environment, Path logs) {
        List<RapportProcess> started = new ArrayList<>();
        RapportFleet fleet = new RapportFleet(started);
        try {
            for (int i = 0; i < count; i++) {
                started.add(RapportProcess.start("rapport-" + (i + 1), jar, environment.apply(i), logs));
            }
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    /** Waits for every instance to be ready; they start in parallel, so this is about the slowest one. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (RapportProcess p : instances) {
            p.awaitReady(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
    }

    public RapportProcess get(int index) {
        return instances.get(index);
    }

    public int size() {
        return instances.size();
    }

    /** Fails if an instance that was not killed on purpose has exited. */
    public void checkAlive(RapportProcess... killed) {
        for (RapportProcess p : instances) {
            if (!p.alive() && !List.of(killed).contains(p)) {
                throw new IllegalStateException(
                        p.name() + " (pid " + p.pid() + ") exited by itself: " + ChildProcess.tail(p.log()));
            }
        }
    }

    @Override
    public void close() {
        instances.forEach(RapportProcess::close);
    }
}
