package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.health.HealthService;
import dev.rapport.core.test.AnsweredWeeks;
import dev.rapport.discord.LocalDiscordWorld.Person;
import dev.rapport.localdiscord.DiscordMessage;
import dev.rapport.localdiscord.Interaction;
import dev.rapport.localdiscord.UploadedFile;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /rapport programme overview} end to end through JDA: a coordinator runs it where Discord lists it, in the
 * group {@code programme}, and her private reply carries the summary and the four charts as PNG attachments, each
 * described (alt text) and shown by an embed; nobody else receives anything.
 */
class DiscordOverviewIT extends DiscordTestSupport {

    /** The pair's first Monday: the clock's start, when {@code add-pair} starts it. */
    static final LocalDate FIRST_MONDAY = LocalDate.parse("2026-11-23");

    static final List<String> CHARTS = List.of(
            "Mentees' trust, week by week, over the last 8 weeks.",
            "Mentors' trust, week by week, over the last 8 weeks.",
            "Mentees and mentors per dimension, over the last 8 weeks.",
            "Pairs by state, week by week, over the last 8 weeks.");

    @Autowired
    HealthService health;

    @Test
    void a_coordinator_runs_overview_and_her_private_reply_carries_the_summary_and_the_png_charts() {
        Person cora = LocalDiscordWorld.coordinator();
        Person lee = LocalDiscordWorld.member();
        Person ana = LocalDiscordWorld.member();
        programmeWithPair(cora, lee, ana);
        long pair = jdbc.queryForObject("select id from pair", Long.class);
        AnsweredWeeks weeks = new AnsweredWeeks(jdbc, FIRST_MONDAY);
        // Ana agrees strongly for two weeks, then disagrees; Lee agrees every week.
        weeks.week(pair, 1, 5, 4);
        weeks.week(pair, 2, 5, 4);
        weeks.week(pair, 3, 2, 4);
        clock.set(weeks.midweek(3));
        health.refresh();

        assertThat(path("overview")).isEqualTo("programme overview");
        Interaction overview = run(cora, "overview", Map.of());
        String shown = reply(overview);

        assertThat(shown)
                .startsWith("Residents – the last 8 weeks")
                .contains("Check-ins answered: mentees 3 of 3 (100%), mentors 3 of 3 (100%).")
                .contains("Respect");
        DiscordMessage m = overview.originalMessage().orElseThrow();
        assertThat(m.attachments()).hasSize(CHARTS.size());
        assertThat(m.attachments())
                .extracting(UploadedFile::filename)
                .containsExactly("trend.png", "trend-2.png", "trend-3.png", "trend-4.png");
        assertThat(m.attachments()).extracting(UploadedFile::description).containsExactlyElementsOf(CHARTS);
        assertThat(m.attachments()).allSatisfy(f -> {
            assertThat(f.bytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G', (byte) 13, (byte) 10);
            assertThat(f.size()).isGreaterThan(1000);
        });
        assertThat(m.embedsJson())
                .contains("attachment://trend.png")
                .contains("attachment://trend-2.png")
                .contains("attachment://trend-3.png")
                .contains("attachment://trend-4.png");
        assertThat(m.embedDescriptions()).containsAll(CHARTS);
        for (Person other : List.of(lee, ana)) {
            assertThat(discord.messagesTo(other.id()))
                    .as("nothing with charts reached %s", other.name())
                    .allSatisfy(d -> assertThat(d.attachments()).isEmpty());
        }
    }
}
