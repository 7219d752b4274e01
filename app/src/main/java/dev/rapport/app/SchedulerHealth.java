package dev.rapport.app;

import dev.rapport.core.schedule.ScheduleProperties;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code scheduler}: whether this instance's Quartz scheduler is running in the cluster (it fires the sweep,
 * reminders and health jobs). An instance started with {@code RAPPORT_SCHEDULE_ENABLED=false} runs no jobs on
 * purpose and says so while staying up.
 */
@Component("scheduler")
class SchedulerHealth implements HealthIndicator {

    private final Scheduler scheduler;
    private final ScheduleProperties properties;

    SchedulerHealth(Scheduler scheduler, ScheduleProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Override
    public Health health() {
        if (!properties.enabled()) {
            return Health.up().withDetail("jobs", "disabled on this instance").build();
        }
        try {
            if (scheduler.isShutdown()) {
                return Health.down().withDetail("quartz", "shut down").build();
            }
            if (!scheduler.isStarted() || scheduler.isInStandbyMode()) {
                return Health.down().withDetail("quartz", "not started").build();
            }
            return Health.up()
                    .withDetail("quartz", "running")
                    .withDetail("clustered", scheduler.getMetaData().isJobStoreClustered())
                    .build();
        } catch (SchedulerException e) {
            return Health.down()
                    .withDetail("quartz", e.getClass().getSimpleName())
                    .build();
        }
    }
}
