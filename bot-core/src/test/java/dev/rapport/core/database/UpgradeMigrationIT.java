package dev.rapport.core.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.test.FreshDatabase;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrading a database that an earlier version of Rapport was using, with messages in every state: nothing is lost,
 * and a message the earlier version was sending when it stopped is sent again only after checking that it arrived.
 */
class UpgradeMigrationIT {

    @Test
    void rows_a_worker_of_version_4_was_sending_wait_again_in_doubt_and_the_others_keep_their_state() {
        try (ThrowawayDatabase db = FreshDatabase.create(
                "rapport_upgrade", FreshDatabase.serverUrl(), FreshDatabase.user(), FreshDatabase.password())) {
            var source = new DriverManagerDataSource(db.url(), FreshDatabase.user(), FreshDatabase.password());
            flyway(source, "4").migrate();
            JdbcTemplate jdbc = new JdbcTemplate(source);
            jdbc.update("""
                    insert into participant (id, platform, workspace_id, platform_user_id, display_name, time_zone,
                                             created_at)
                    values (1, 'SLACK', 'T1', 'U1', 'Ada', 'UTC', now())""");
            String insert = """
                    insert into outbox (id, recipient_id, kind, period, status, attempts, next_attempt_at, claimed_by,
                                        claimed_instance, in_flight_since, created_at)
                    values (?, 1, 'NOTICE', ?, ?, 1, '2026-12-01T09:00Z', ?, ?, ?::timestamptz, '2026-12-01T08:00Z')""";
            jdbc.update(insert, 1L, "a", "SENDING", "w-1", "i-1", "2026-12-01T09:00:05Z");
            jdbc.update(insert, 2L, "b", "CLAIMED", "w-1", "i-1", null);
            jdbc.update(insert, 3L, "c", "PENDING", null, null, null);
            jdbc.update(insert, 4L, "d", "SENT", null, null, null);

            flyway(source, "latest").migrate();

            Map<String, Object> sending = jdbc.queryForMap(
                    "select status, claimed_by, unknown_since = '2026-12-01T09:00:05Z' as since_its_send from outbox"
                            + " where id = 1");
            assertThat(sending)
                    .containsEntry("status", "PENDING")
                    .containsEntry("since_its_send", true)
                    .containsEntry("claimed_by", null);
            assertThat(jdbc.queryForList("select status from outbox where id in (2, 3, 4) order by id", String.class))
                    .containsExactly("CLAIMED", "PENDING", "SENT");
            assertThat(jdbc.queryForObject(
                            "select count(*) from outbox where unknown_since is not null", Integer.class))
                    .as("only the row being sent is in doubt")
                    .isEqualTo(1);
        }
    }

    private static Flyway flyway(DriverManagerDataSource source, String target) {
        return Flyway.configure()
                .dataSource(source)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }
}
