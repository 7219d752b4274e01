package dev.rapport.core.participant;

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

/** Reads new people's platform profiles every minute: soon enough that a time zone is right before the first check-in. */
@Configuration(proxyBeanMethods = false)
class ProfileJobs {

    @Bean
    JobDetail profileJob() {
        return RecurringJobs.job(
                ProfileJob.class, "profiles", "Reads new participants' platform profiles: display name and time zone");
    }

    @Bean
    @WhenScheduleEnabled
    Trigger profileTrigger(JobDetail profileJob) {
        return RecurringJobs.every(Duration.ofMinutes(1), profileJob);
    }

    /** Runs {@link ProfileRefresh#readNewProfiles()}; one at a time in the cluster, so no profile is read twice. */
    @DisallowConcurrentExecution
    public static class ProfileJob extends QuartzJobBean {
        @Autowired
        private ProfileRefresh profiles;

        @Override
        protected void executeInternal(JobExecutionContext context) {
            profiles.readNewProfiles();
        }
    }
}
