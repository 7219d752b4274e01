package dev.rapport.core.digest;

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

/**
 * The hourly digest run: tells coordinators of long silences, then writes the weekly digests due (each coordinator's
 * day begins at a different hour in their zone, so hourly is when they become due). Both write outbox rows keyed so a
 * second run, here or on another instance, writes nothing more.
 */
@Configuration(proxyBeanMethods = false)
class DigestJobs {

    @Bean
    JobDetail digestJob() {
        return RecurringJobs.job(
                DigestJob.class, "digest", "Tells coordinators of long silences and writes the weekly digests due");
    }

    @Bean
    @WhenScheduleEnabled
    Trigger digestTrigger(JobDetail digestJob) {
        return RecurringJobs.every(Duration.ofHours(1), digestJob);
    }

    /** Runs {@link SilenceNotices#run()}, then {@link DigestService#run()}. */
    @DisallowConcurrentExecution
    public static class DigestJob extends QuartzJobBean {
        @Autowired
        private DigestService digests;

        @Autowired
        private SilenceNotices silences;

        @Override
        protected void executeInternal(JobExecutionContext context) {
            silences.run();
            digests.run();
        }
    }
}
