package dev.rapport.core.schedule;

import dev.rapport.core.jobs.RecurringJobs;
import dev.rapport.core.jobs.WhenScheduleEnabled;
import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The recurring Quartz jobs of the schedule. Quartz runs clustered on the JDBC store, so each fires on one
 * instance at a time; the work itself is also safe to run concurrently (skip-locked claims, unique outbox rows).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleProperties.class)
class ScheduleJobs {

    @Bean
    JobDetail sweepJob() {
        return RecurringJobs.job(SweepJob.class, "sweep", "Turns due check-in slots into outbox rows");
    }

    @Bean
    @WhenScheduleEnabled
    Trigger sweepTrigger(JobDetail sweepJob, ScheduleProperties properties) {
        return RecurringJobs.every(properties.sweepInterval(), sweepJob);
    }

    @Bean
    JobDetail reminderJob() {
        return RecurringJobs.job(ReminderJob.class, "reminders", "Reminds once about unanswered check-ins");
    }

    @Bean
    @WhenScheduleEnabled
    Trigger reminderTrigger(JobDetail reminderJob) {
        return RecurringJobs.every(Duration.ofMinutes(5), reminderJob);
    }

    @Bean
    JobDetail meetingReminderJob() {
        return RecurringJobs.job(
                MeetingReminderJob.class,
                "meeting-reminders",
                "Reminds mentors when no meeting has been logged for the programme's threshold");
    }

    /** Hourly: the threshold is counted in weeks, and the check reads every open pair, so more often buys nothing. */
    @Bean
    @WhenScheduleEnabled
    Trigger meetingReminderTrigger(JobDetail meetingReminderJob) {
        return RecurringJobs.every(Duration.ofHours(1), meetingReminderJob);
    }

    /** Runs the sweep. Not concurrent within the cluster: one sweep at a time is plenty, and cheaper. */
    @DisallowConcurrentExecution
    public static class SweepJob extends QuartzJobBean {
        @Autowired
        private Sweeper sweeper;

        @Override
        protected void executeInternal(JobExecutionContext context) {
            sweeper.sweep();
        }
    }

    /** Runs the unanswered-check-in reminders. */
    @DisallowConcurrentExecution
    public static class ReminderJob extends QuartzJobBean {
        @Autowired
        private Reminders reminders;

        @Override
        protected void executeInternal(JobExecutionContext context) {
            reminders.remindUnansweredCheckIns();
        }
    }

    /** Runs the meeting reminders. */
    @DisallowConcurrentExecution
    public static class MeetingReminderJob extends QuartzJobBean {
        @Autowired
        private Reminders reminders;

        @Override
        protected void executeInternal(JobExecutionContext context) {
            reminders.remindOverdueMeetings();
        }
    }
}
