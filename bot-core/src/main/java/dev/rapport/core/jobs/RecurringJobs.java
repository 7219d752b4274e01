package dev.rapport.core.jobs;

import java.time.Duration;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * How Rapport declares its few recurring Quartz jobs (sweep, reminders, health): a durable job and a repeating
 * trigger in one group. A trigger that misfired (every instance was down) fires once at the next interval
 * rather than catching up, because each job works from the current state anyway.
 */
public final class RecurringJobs {

    /** The Quartz group of every Rapport job and trigger. */
    public static final String GROUP = "rapport";

    private RecurringJobs() {}

    public static JobDetail job(Class<? extends Job> type, String name, String description) {
        return JobBuilder.newJob(type)
                .withIdentity(name, GROUP)
                .storeDurably()
                .withDescription(description)
                .build();
    }

    public static Trigger every(Duration interval, JobDetail job) {
        return TriggerBuilder.newTrigger()
                .forJob(job)
                .withIdentity(job.getKey().getName(), GROUP)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
