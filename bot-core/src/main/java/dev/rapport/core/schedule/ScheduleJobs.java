package dev.rapport.core.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

    static final String GROUP = "rapport";

    @Bean
    JobDetail sweepJob() {
        return JobBuilder.newJob(SweepJob.class)
                .withIdentity("sweep", GROUP)
                .storeDurably()
                .withDescription("Turns due check-in slots into outbox rows")
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "rapport.schedule.enabled", havingValue = "true", matchIfMissing = true)
    Trigger sweepTrigger(JobDetail sweepJob, ScheduleProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(sweepJob)
                .withIdentity("sweep", GROUP)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.sweepInterval().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    @Bean
    JobDetail reminderJob() {
        return JobBuilder.newJob(ReminderJob.class)
                .withIdentity("reminders", GROUP)
                .storeDurably()
                .withDescription("Reminds once about unanswered check-ins")
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "rapport.schedule.enabled", havingValue = "true", matchIfMissing = true)
    Trigger reminderTrigger(JobDetail reminderJob) {
        return TriggerBuilder.newTrigger()
                .forJob(reminderJob)
                .withIdentity("reminders", GROUP)
                .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever(5)
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    @Bean
    JobDetail meetingReminderJob() {
        return JobBuilder.newJob(MeetingReminderJob.class)
                .withIdentity("meeting-reminders", GROUP)
                .storeDurably()
                .withDescription("Reminds mentors when no meeting has been logged for the programme's threshold")
                .build();
    }

    /** Hourly: the threshold is counted in weeks, and the check reads every open pair, so more often buys nothing. */
    @Bean
    @ConditionalOnProperty(name = "rapport.schedule.enabled", havingValue = "true", matchIfMissing = true)
    Trigger meetingReminderTrigger(JobDetail meetingReminderJob) {
        return TriggerBuilder.newTrigger()
                .forJob(meetingReminderJob)
                .withIdentity("meeting-reminders", GROUP)
                .withSchedule(SimpleScheduleBuilder.repeatHourlyForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
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
