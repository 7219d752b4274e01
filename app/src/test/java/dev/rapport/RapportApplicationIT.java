package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.test.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/** The assembled application starts on a fresh database, migrates it and runs its jobs on the clustered Quartz store. */
@SpringBootTest(properties = "rapport.sandbox.enabled=false")
@ContextConfiguration(initializers = FreshDatabase.class)
@DirtiesContext
class RapportApplicationIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Scheduler scheduler;

    @Test
    void the_application_starts_migrates_the_schema_and_schedules_its_recurring_jobs_in_clustered_quartz()
            throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isGreaterThanOrEqualTo(2);
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(scheduler.getMetaData().getJobStoreClass().getSimpleName()).isEqualTo("LocalDataSourceJobStore");
        assertThat(scheduler.checkExists(JobKey.jobKey("sweep", "rapport"))).isTrue();
        assertThat(scheduler.checkExists(TriggerKey.triggerKey("sweep", "rapport")))
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from qrtz_triggers where trigger_name = 'sweep'", Integer.class))
                .isEqualTo(1);
    }
}
