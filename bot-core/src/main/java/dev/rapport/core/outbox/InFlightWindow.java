package dev.rapport.core.outbox;

import java.time.Duration;

/**
 * How many sends a worker begins before it records their outcomes. Recording after every send would cost a commit
 * per message; recording after many would leave many outcomes unknown after a crash and keep known ones waiting. So
 * the window adapts: it doubles while a window's sends finish within {@code target}, and halves when they take
 * longer, between 1 and {@code max}. Fast sends (a local platform, a benchmark) share a commit among dozens; sends
 * paced to a few a second commit one by one.
 */
final class InFlightWindow {

    private final int max;
    private final long targetNanos;
    private int size = 1;

    InFlightWindow(int max, Duration target) {
        this.max = max;
        this.targetNanos = target.toNanos();
    }

    int size() {
        return size;
    }

    /** Adjusts the size after a window of {@code sends} sends took {@code tookNanos}. */
    void took(int sends, long tookNanos) {
        if (sends == 0) {
            return;
        }
        if (tookNanos <= targetNanos && sends >= size) {
            size = Math.min(max, size * 2);
        } else if (tookNanos > targetNanos) {
            size = Math.max(1, size / 2);
        }
    }
}
