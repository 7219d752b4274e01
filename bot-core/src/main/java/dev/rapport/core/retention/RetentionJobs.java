package dev.rapport.core.retention;

import dev.rapport.core.jobs.RecurringJobs;
import dev.rapport.core.jobs.WhenScheduleEnabled;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The retention job: one Quartz job for the cluster, every {@code rapport.retention.interval}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionJobs {

    @Bean
    JobDetail retentionJob() {
        return RecurringJobs.job(
                RetentionJob.class,
                "retention",
                "Erases what Rapport no longer needs: sent messages' text, old event ids, ended pairs past their limit");
    }

    @Bean
    @WhenScheduleEnabled
    Trigger retentionTrigger(JobDetail retentionJob, RetentionProperties properties) {
        return RecurringJobs.every(properties.interval(), retentionJob);
    }

    /** Runs {@link Retention#run()}, on one instance of the cluster at a time. */
    @DisallowConcurrentExecution
    public static class RetentionJob extends QuartzJobBean {
        @Autowired
        private Retention retention;

        @Override
        protected void executeInternal(JobExecutionContext context) {
            retention.run();
        }
    }
}
