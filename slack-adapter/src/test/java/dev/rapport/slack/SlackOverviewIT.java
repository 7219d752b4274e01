package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.health.HealthService;
import dev.rapport.core.test.AnsweredWeeks;
import dev.rapport.localslack.LocalSlack;
import dev.rapport.localslack.Seen;
import dev.rapport.localslack.UploadedFile;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /rapport overview} end to end over Socket Mode: a coordinator runs it as a slash command, the summary comes
 * back privately through the command's {@code response_url}, and the four charts are uploaded as PNG files
 * ({@code files.uploadV2}) into her own DM, titled and described, and nowhere else.
 */
class SlackOverviewIT extends SlackEndToEnd {

    static final LocalSlack SLACK = startSlack(LocalSlack.builder());

    /** The pair's first Monday: {@link #aProgrammeWithOnePair()} starts it then. */
    static final LocalDate FIRST_MONDAY = LocalDate.parse("2026-11-23");

    static final List<String> CHARTS = List.of(
            "Mentees' trust, week by week, over the last 8 weeks.",
            "Mentors' trust, week by week, over the last 8 weeks.",
            "Mentees and mentors per dimension, over the last 8 weeks.",
            "Pairs by state, week by week, over the last 8 weeks.");

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
    void a_coordinator_runs_overview_and_gets_the_summary_and_the_png_charts_in_her_own_dm() {
        aProgrammeWithOnePair();
        long pair = jdbc.queryForObject("select id from pair", Long.class);
        AnsweredWeeks weeks = new AnsweredWeeks(jdbc, FIRST_MONDAY);
        // Ana agrees strongly for two weeks, then disagrees; Dr Lee agrees every week.
        weeks.week(pair, 1, 5, 4);
        weeks.week(pair, 2, 5, 4);
        weeks.week(pair, 3, 2, 4);
        clock.set(weeks.midweek(3));
        health.refresh();

        String reply = rapport(cora, "overview");

        assertThat(reply)
                .contains("Residents 2026: overview of 8 weeks")
                .contains("the last 8 weeks")
                .contains("Check-ins answered: mentees 3 of 3 (100%), mentors 3 of 3 (100%).")
                .contains("Respect")
                .contains("Mentees' trust, week by week, over the last 8 weeks."
                        + " (the chart follows in your direct messages with Rapport)");
        List<UploadedFile> charts = await().atMost(Duration.ofSeconds(15))
                .until(() -> filesInTheDmOf(cora), files -> files.size() == CHARTS.size());
        String dm = slack().dmChannelOf(TEAM, cora);
        assertThat(charts).extracting(UploadedFile::title).containsExactlyElementsOf(CHARTS);
        assertThat(charts).extracting(UploadedFile::altTxt).containsExactlyElementsOf(CHARTS);
        assertThat(charts).allSatisfy(f -> {
            assertThat(f.name()).endsWith(".png");
            assertThat(f.mimetype()).isEqualTo("image/png");
            assertThat(f.bytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G', (byte) 13, (byte) 10);
            assertThat(f.bytes().length).isGreaterThan(1000);
            assertThat(f.channels()).containsExactly(dm);
            assertThat(f.initialComment()).isEqualTo("Here are the files.");
        });
        assertThat(slack().files()).as("nothing was uploaded anywhere else").hasSize(CHARTS.size());
        assertThat(filesSeenBy(cora)).extracting(Seen::text).containsExactlyElementsOf(CHARTS);
        assertThat(filesSeenBy(lee)).isEmpty();
        assertThat(filesSeenBy(ana)).isEmpty();
    }

    private List<UploadedFile> filesInTheDmOf(String userId) {
        String dm = slack().dmChannelOf(TEAM, userId);
        return dm == null
                ? List.of()
                : slack().files().stream()
                        .filter(f -> f.channels().contains(dm))
                        .toList();
    }

    private List<Seen> filesSeenBy(String userId) {
        return slack().as(TEAM, userId).screen().stream()
                .filter(s -> s.kind() == Seen.Kind.FILE)
                .toList();
    }
}
