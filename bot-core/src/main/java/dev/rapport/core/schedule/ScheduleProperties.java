package dev.rapport.core.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the schedule, bound from {@code rapport.schedule.*} ({@code RAPPORT_SCHEDULE_SWEEP_INTERVAL} and so on).
 * How the outbox is delivered is {@code rapport.delivery.*} ({@link dev.rapport.core.outbox.DeliveryProperties}).
 *
 * @param enabled whether this instance runs background work: the recurring jobs and the dispatch workers (tests drive
 *     them by hand)
 * @param sweepInterval how often Quartz runs the sweep
 * @param sweepBatchSize slots claimed per sweep transaction
 */
@ConfigurationProperties("rapport.schedule")
public record ScheduleProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("1000") int sweepBatchSize) {}
