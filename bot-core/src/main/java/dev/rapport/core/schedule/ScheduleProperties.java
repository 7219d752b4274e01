package dev.rapport.core.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the sweep and the dispatcher, bound from {@code rapport.schedule.*}
 * ({@code RAPPORT_SCHEDULE_DISPATCH_WORKERS} and so on).
 *
 * @param enabled whether this instance runs the recurring jobs and dispatch workers (tests drive them by hand)
 * @param sweepInterval how often Quartz runs the sweep
 * @param sweepBatchSize slots claimed per sweep transaction
 * @param dispatchWorkers threads per instance that claim and send outbox rows
 * @param dispatchBatchSize rows one worker claims at a time
 * @param dispatchIdlePoll how long an idle worker waits before looking again
 * @param lease how long a claim lasts; a crashed instance's rows are retried after it
 * @param maxAttempts sends of one row before it is marked failed
 */
@ConfigurationProperties("rapport.schedule")
public record ScheduleProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("1000") int sweepBatchSize,
        @DefaultValue("2") int dispatchWorkers,
        @DefaultValue("500") int dispatchBatchSize,
        @DefaultValue("1s") Duration dispatchIdlePoll,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("8") int maxAttempts) {}
