package dev.rapport.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.pair.PairService;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.programme.ProgrammeService;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.test.CoreTestApplication;
import dev.rapport.core.test.FreshDatabase;
import dev.rapport.core.test.MutableClock;
import dev.rapport.core.test.RecordingChatPort;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of the core on one database, with their Quartz schedulers (clustered JDBC store) and dispatch
 * workers running for real: between them they send every due check-in exactly once.
 */
class ClusteredInstancesIT {

    static final int PAIRS = 40;

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void two_instances_share_the_schedule_through_quartz_and_send_each_check_in_exactly_once() throws Exception {
        String url = FreshDatabase.create(
                        "rapport_cluster", FreshDatabase.serverUrl(), FreshDatabase.user(), FreshDatabase.password())
                .url();
        ConfigurableApplicationContext a = start(url, "a");
        ConfigurableApplicationContext b = start(url, "b");

        ZoneId zone = ZoneId.of("Europe/Madrid");
        ProgrammeService programmes = a.getBean(ProgrammeService.class);
        ParticipantService participants = a.getBean(ParticipantService.class);
        PairService pairs = a.getBean(PairService.class);
        long coordinator = participants
                .ensure(ChatUser.of(Platform.SLACK, "T-CLUSTER", "UCOORD", "Cora"), zone)
                .participant()
                .id();
        ProgrammeView programme = programmes.create(Platform.SLACK, "T-CLUSTER", "Cluster", zone, coordinator);
        for (int i = 0; i < PAIRS; i++) {
            pairs.add(
                    programme,
                    new PairService.Person(
                            ChatUser.of(Platform.SLACK, "T-CLUSTER", "UMENTOR" + i, "Mentor " + i), zone),
                    new PairService.Person(
                            ChatUser.of(Platform.SLACK, "T-CLUSTER", "UMENTEE" + i, "Mentee " + i), zone),
                    LocalDate.parse("2026-11-23"));
        }
        // Monday 30 November, 10:00 in Madrid: every pair's first check-in is due on both instances' clocks.
        for (ConfigurableApplicationContext instance : instances) {
            instance.getBean(MutableClock.class).set(Instant.parse("2026-11-30T09:00:30Z"));
        }

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> checkIns().size() == 2 * PAIRS);

        List<String> delivered = checkIns();
        assertThat(delivered).doesNotHaveDuplicates().hasSize(2 * PAIRS);
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from outbox where kind = 'CHECK_IN' and status = 'SENT'", Integer.class))
                .isEqualTo(2 * PAIRS);
        assertThat(jdbc.queryForObject("select count(distinct instance_name) from qrtz_scheduler_state", Integer.class))
                .as("both schedulers joined the cluster")
                .isEqualTo(2);
        assertThat(a.getBean(Scheduler.class).getMetaData().isJobStoreClustered())
                .isTrue();
    }

    private ConfigurableApplicationContext start(String url, String name) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CoreTestApplication.class)
                .properties(Map.of(
                        "rapport.db.url",
                        url,
                        "rapport.schedule.sweep-interval",
                        "1s",
                        "rapport.delivery.idle-poll",
                        "200ms",
                        "spring.quartz.properties.org.quartz.scheduler.instanceId",
                        "instance-" + name,
                        "spring.application.name",
                        "rapport-" + name,
                        "rapport.secret-key",
                        FreshDatabase.SECRET_KEY))
                .run();
        instances.add(context);
        return context;
    }

    /** Every check-in delivered by either instance, as "user/summary". */
    private List<String> checkIns() {
        return instances.stream()
                .flatMap(c -> c.getBeansOfType(RecordingChatPort.class).values().stream())
                .flatMap(p -> p.deliveries().stream())
                .filter(d -> d.message().summary().contains("check-in is ready"))
                .map(d -> d.recipient().userId() + "/" + d.message().summary())
                .collect(Collectors.toList());
    }
}
