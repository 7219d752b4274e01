package dev.rapport.discord;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps this instance's REST requests under Discord's global limit (50 per second per bot, whatever the guild or
 * route). The core's dispatcher paces per workspace, which on Discord is a guild, but the global limit spans every
 * guild, so the pace is kept here, shared by everything that spends requests in bulk: direct messages (opening the DM
 * channel and posting to it), profile lookups and command registration. Interaction responses are exempt from the
 * global limit on Discord, so they never wait here.
 *
 * <p>A token bucket that holds a tenth of a second's worth of requests: a burst after a quiet spell stays small, so
 * no one-second window ever sees more than {@code rate} plus that burst (under 50 at the default 45/s). Time is the
 * machine's monotonic clock, not the application's {@link java.time.Clock}: this is about real seconds on the wire,
 * and tests move the application's clock freely.
 */
final class DiscordPacer {

    private final long intervalNanos;
    private final long burstNanos;
    private final double perSecond;
    /** When the next request may go, in {@link System#nanoTime()}; lags behind now by at most the burst. */
    private long next;

    DiscordPacer(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("a pace is a positive number of requests per second");
        }
        this.perSecond = perSecond;
        this.intervalNanos = Math.max(1, (long) (TimeUnit.SECONDS.toNanos(1) / perSecond));
        long burst = Math.max(1, (long) Math.floor(perSecond / 10));
        this.burstNanos = (burst - 1) * intervalNanos;
        this.next = System.nanoTime();
    }

    double perSecond() {
        return perSecond;
    }

    /**
     * Waits for the right to make one request, up to {@code maxWait}. Returns false, without using a slot, when the
     * wait would be longer: the caller reports "rate limited" instead of queueing without bound.
     */
    boolean acquire(Duration maxWait) {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(next, now - burstNanos);
            if (slot - now > maxWait.toNanos()) {
                return false;
            }
            next = slot + intervalNanos;
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** How long until a request made now could go: what a caller that gave up says to wait. */
    synchronized Duration backlog() {
        return Duration.ofNanos(Math.max(0, next - System.nanoTime()));
    }
}
