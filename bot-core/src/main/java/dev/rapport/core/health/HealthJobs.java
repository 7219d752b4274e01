package dev.rapport.core.health;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The hourly health refresh. Health moves with weekly check-ins, so hourly is prompt enough for alerts and cheap. */
@Configuration(proxyBeanMethods = false)
class HealthJobs {

    static final String GROUP = "rapport";

    @Bean
    JobDetail healthJob() {
        return JobBuilder.newJob(HealthJob.class)
                .withIdentity("health", GROUP)
                .storeDurably()
                .withDescription("Recomputes pair health and alerts coordinators about pairs that turned at risk")
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "rapport.schedule.enabled", havingValue = "true", matchIfMissing = true)
    Trigger healthTrigger(JobDetail healthJob) {
        return TriggerBuilder.newTrigger()
                .forJob(healthJob)
                .withIdentity("health", GROUP)
                .withSchedule(SimpleScheduleBuilder.repeatHourlyForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    /**
     * Runs {@link HealthService#refresh()}. Not concurrent within the cluster: a refresh compares with the previous
     * one to decide who turned AT_RISK, so two at once could both think they saw the turn.
     */
    @DisallowConcurrentExecution
    public static class HealthJob extends QuartzJobBean {
        @Autowired
        private HealthService health;

        @Override
        protected void executeInternal(JobExecutionContext context) {
            health.refresh();
        }
    }
}
