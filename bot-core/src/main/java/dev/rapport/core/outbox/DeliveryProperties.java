package dev.rapport.core.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this instance delivers the outbox, bound from {@code rapport.delivery.*} ({@code RAPPORT_DELIVERY_WORKERS} and
 * so on). Whether it delivers at all is {@code rapport.schedule.enabled}, the one switch for background work.
 *
 * @param workers threads that claim and send outbox rows
 * @param batchSize rows one worker claims at a time
 * @param maxInFlight the most sends a worker begins before it records their outcomes: the most that can be left
 *     unknown by a crash. The worker begins fewer when sends are slow, so each outcome is recorded within about
 *     {@link #recordWithin} of being known.
 * @param recordWithin how long a known outcome may wait for the transaction that records it
 * @param idlePoll how long an idle worker waits before looking again
 * @param lease how long a live worker's claim lasts; a dead instance's claims are released as soon as its heartbeat
 *     stops ({@link #instanceTimeout})
 * @param instanceTimeout how long an instance's heartbeat may be silent before it is taken for dead
 * @param maxAttempts sends of one message that failed because of the message or its recipient before it is given up;
 *     platform outages and rate limits never count
 * @param probeMaxInterval the longest wait between two checks of whether an unavailable platform works again
 */
@ConfigurationProperties("rapport.delivery")
public record DeliveryProperties(
        @DefaultValue("2") int workers,
        @DefaultValue("500") int batchSize,
        @DefaultValue("128") int maxInFlight,
        @DefaultValue("200ms") Duration recordWithin,
        @DefaultValue("1s") Duration idlePoll,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("20s") Duration instanceTimeout,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("60s") Duration probeMaxInterval) {

    public DeliveryProperties {
        if (workers < 0 || batchSize < 1 || maxInFlight < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "rapport.delivery: workers must be 0 or more; batch-size, max-in-flight and max-attempts 1 or more");
        }
    }

    /** The defaults, for tools and tests that build a dispatcher by hand. */
    public static DeliveryProperties defaults() {
        return new DeliveryProperties(
                2,
                500,
                128,
                Duration.ofMillis(200),
                Duration.ofSeconds(1),
                Duration.ofMinutes(5),
                Duration.ofSeconds(20),
                8,
                Duration.ofSeconds(60));
    }
}
