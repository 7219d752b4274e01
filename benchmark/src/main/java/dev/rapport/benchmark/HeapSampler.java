package dev.rapport.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap of one phase: samples the heap's used bytes every few milliseconds, and also reads the heap
 * pools' own peak counters (reset at the start of the phase). Used bytes include garbage not yet collected,
 * so the figure is an upper bound on what the phase really keeps; under -Xmx512m it shows the phase fits.
 */
final class HeapSampler implements AutoCloseable {

    private final Thread thread;
    private volatile boolean running = true;
    private volatile long maxUsed;

    HeapSampler() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        var memory = ManagementFactory.getMemoryMXBean();
        thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            while (running) {
                long used = memory.getHeapMemoryUsage().getUsed();
                if (used > maxUsed) {
                    maxUsed = used;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Highest sampled heap use, in MB. */
    double peakUsedMb() {
        return maxUsed / 1048576d;
    }

    /** Sum of the heap pools' peak usage since the start (pools peak at different moments: an upper bound), in MB. */
    double poolPeaksMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / 1048576d;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
