package dev.rapport.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in the sandbox: real time, plus however far the person trying Rapport has moved it on
 * ("next check-in", "+1 day"). Every part of the core reads time from the clock bean, so moving this moves the whole
 * schedule; it never goes back.
 */
final class SandboxClock extends Clock {

    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }

    /** Moves the clock on by {@code by}. */
    void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the sandbox clock only moves forward");
        }
        ahead.updateAndGet(d -> d.plus(by));
    }

    /** Moves the clock on to {@code moment}, if that is ahead of it. */
    void advanceTo(Instant moment) {
        Duration by = Duration.between(instant(), moment);
        if (!by.isNegative()) {
            advance(by);
        }
    }

    Duration ahead() {
        return ahead.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), ahead.get());
    }
}
