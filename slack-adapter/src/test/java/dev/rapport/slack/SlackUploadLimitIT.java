package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.health.HealthService;
import dev.rapport.core.test.AnsweredWeeks;
import dev.rapport.localslack.LocalSlack;
import dev.rapport.localslack.UploadedFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Charts are not lost to Slack's rate limits: when {@code files.getUploadURLExternal} answers 429 (here after a burst
 * of four a minute-worth, as a workspace where several coordinators ask for overviews at once would meet it), the
 * upload is made again after Slack's {@code Retry-After}.
 */
class SlackUploadLimitIT extends SlackEndToEnd {

    static final LocalSlack SLACK = startSlack(
            LocalSlack.builder().rateLimit("files.getUploadURLExternal", SlackOverviewIT.CHARTS.size(), 240));

    @DynamicPropertySource
    static void slackOverSocketMode(DynamicPropertyRegistry registry) {
        socketMode(registry, SLACK);
    }

    @Override
    LocalSlack slack() {
        return SLACK;
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @Autowired
    HealthService health;

    @Test
    void two_overviews_in_a_row_over_the_upload_limit_still_bring_all_their_charts() {
        aProgrammeWithOnePair();
        long pair = jdbc.queryForObject("select id from pair", Long.class);
        AnsweredWeeks weeks = new AnsweredWeeks(jdbc, SlackOverviewIT.FIRST_MONDAY);
        weeks.week(pair, 1, 5, 4);
        weeks.week(pair, 2, 3, 4);
        clock.set(weeks.midweek(2));
        health.refresh();
        int charts = SlackOverviewIT.CHARTS.size();

        rapport(cora, "overview");
        rapport(cora, "overview");

        String dm = slack().dmChannelOf(TEAM, cora);
        List<UploadedFile> uploaded = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> slack().files().stream()
                                .filter(f -> f.channels().contains(dm))
                                .toList(),
                        files -> files.size() == 2 * charts);
        List<String> twice = new ArrayList<>(SlackOverviewIT.CHARTS);
        twice.addAll(SlackOverviewIT.CHARTS);
        assertThat(uploaded).extracting(UploadedFile::title).containsExactlyInAnyOrderElementsOf(twice);
        assertThat(slack().calls()).as("Slack refused an upload at least once").anySatisfy(c -> {
            assertThat(c.method()).isEqualTo("files.getUploadURLExternal");
            assertThat(c.status()).isEqualTo(429);
        });
    }
}
