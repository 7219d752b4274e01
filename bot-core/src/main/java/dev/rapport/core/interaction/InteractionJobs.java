package dev.rapport.core.interaction;

import dev.rapport.core.jobs.RecurringJobs;
import dev.rapport.core.jobs.WhenScheduleEnabled;
import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Forgets handled platform event ids once no redelivery can come: every six hours is plenty. */
@Configuration(proxyBeanMethods = false)
class InteractionJobs {

    @Bean
    JobDetail inboundEventsJob() {
        return RecurringJobs.job(
                InboundEventsJob.class, "inbound-events", "Forgets handled platform event ids older than two days");
    }

    @Bean
    @WhenScheduleEnabled
    Trigger inboundEventsTrigger(JobDetail inboundEventsJob) {
        return RecurringJobs.every(Duration.ofHours(6), inboundEventsJob);
    }

    /** Runs {@link InboundEvents#forgetOld()}. */
    @DisallowConcurrentExecution
    public static class InboundEventsJob extends QuartzJobBean {
        @Autowired
        private InboundEvents events;

        @Override
        protected void executeInternal(JobExecutionContext context) {
            events.forgetOld();
        }
    }
}
