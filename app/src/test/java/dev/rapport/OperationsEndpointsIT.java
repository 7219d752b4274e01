package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.test.FreshDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * What an orchestrator and Prometheus see on the management port: liveness, readiness with the database and the
 * scheduler in it, and Rapport's meters; none of it on the public port.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "rapport.sandbox.enabled=false"})
@ContextConfiguration(initializers = FreshDatabase.class)
@DirtiesContext
class OperationsEndpointsIT {

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void probes_report_up_with_the_database_and_the_scheduler_and_metrics_are_exported_for_prometheus()
            throws Exception {
        assertThat(get(management("/actuator/health/liveness")).body()).contains("\"status\":\"UP\"");
        HttpResponse<String> readiness = get(management("/actuator/health/readiness"));
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body())
                .contains("\"db\"")
                .contains("\"scheduler\"")
                .contains("\"status\":\"UP\"");

        String metrics = get(management("/actuator/prometheus")).body();
        assertThat(metrics).contains("rapport_outbox_depth{").contains("rapport_pairs{");

        assertThat(get(URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port")
                                + "/actuator/health"))
                        .statusCode())
                .as("nothing of the management endpoints on the public port")
                .isEqualTo(404);
    }

    @Test
    void a_platform_outage_shows_in_the_health_endpoint_but_leaves_the_instance_ready() throws Exception {
        jdbc.update("""
                insert into delivery_outage (platform, workspace_id, since, reason, next_probe_at)
                values ('SLACK', 'T0123', now(), 'Slack chat.postMessage: HTTP 503', now())""");
        try {
            String health = get(management("/actuator/health")).body();
            assertThat(health)
                    .contains("\"delivery\"")
                    .contains("Slack workspace T0123")
                    .contains("HTTP 503");
            assertThat(get(management("/actuator/health/readiness")).statusCode())
                    .as("an outage of Slack is no reason to take Rapport out of service")
                    .isEqualTo(200);
            assertThat(get(management("/actuator/prometheus")).body())
                    .contains("rapport_delivery_outages{platform=\"slack\"}");
        } finally {
            jdbc.update("delete from delivery_outage");
        }
        assertThat(get(management("/actuator/health")).body()).contains("\"delivery\":{\"status\":\"UP\"");
    }

    private URI management(String path) {
        return URI.create("http://127.0.0.1:" + environment.getProperty("local.management.port") + path);
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
