package dev.rapport.core.health;

import dev.rapport.core.jobs.RecurringJobs;
import dev.rapport.core.jobs.WhenScheduleEnabled;
import dev.rapport.core.programme.CoordinatorRoles;
import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The hourly health refresh. Health moves with weekly check-ins, so hourly is prompt enough for alerts and cheap. */
@Configuration(proxyBeanMethods = false)
class HealthJobs {

    @Bean
    JobDetail healthJob() {
        return RecurringJobs.job(
                HealthJob.class,
                "health",
                "Recomputes pair health and alerts coordinators about pairs that turned at risk");
    }

    @Bean
    @WhenScheduleEnabled
    Trigger healthTrigger(JobDetail healthJob) {
        return RecurringJobs.every(Duration.ofHours(1), healthJob);
    }

    /**
     * Runs {@link CoordinatorRoles#revalidate()}, then {@link HealthService#refresh()}. Not concurrent within the cluster: a refresh compares with the previous
     * one to decide who turned AT_RISK, so two at once could both think they saw the turn.
     */
    @DisallowConcurrentExecution
    public static class HealthJob extends QuartzJobBean {
        @Autowired
        private HealthService health;

        @Autowired
        private CoordinatorRoles roles;

        @Override
        protected void executeInternal(JobExecutionContext context) {
            // Alerts go to coordinators who hold their role now, not to whoever held it at their last command.
            roles.revalidate();
            health.refresh();
        }
    }
}
