package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.localslack.Delivery;
import dev.rapport.localslack.OpenedView;
import dev.rapport.localslack.PostedMessage;
import dev.rapport.localslack.Seen;
import dev.rapport.localslack.SlackUser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What mentees, mentors and coordinators do with Rapport in Slack, end to end: the real Bolt app, the local Slack,
 * real PostgreSQL. Each subclass runs every scenario over one of Slack's two ways of reaching the app.
 */
abstract class SlackScenarios extends SlackEndToEnd {

    private static final Instant CHECK_IN_DAY = Instant.parse("2026-11-30T10:05:00Z"); // Monday 10:05 in Lisbon

    @Test
    void a_mentee_answers_the_weekly_check_in_by_clicking_and_the_message_shows_each_answer() {
        aProgrammeWithOnePair();
        clock.set(CHECK_IN_DAY);
        tick();
        PostedMessage checkIn = awaitDm(ana, "check-in is ready");
        List<String> buttons = checkIn.actionIds();
        assertThat(buttons).anyMatch(id -> id.endsWith(":yes")).anyMatch(id -> id.startsWith("rapport:rate:"));
        SlackUser mentee = slack().as(TEAM, ana);

        acknowledgedInTime(mentee.click(checkIn, metYes(buttons)));
        await().until(() -> readable(now(checkIn)).contains("✓ Yes"));
        assertThat(jdbc.queryForObject("select met from check_in where role = 'MENTEE'", Boolean.class))
                .isTrue();

        for (String question : questionsOf(buttons)) {
            acknowledgedInTime(mentee.click(now(checkIn), question + ":4"));
            await().until(() -> !now(checkIn).actionIds().contains(question + ":4"));
        }
        await().until(() -> readable(now(checkIn)).contains("Thank you"));
        assertThat(count("select count(*) from answer where score = 4")).isEqualTo(3);
        assertThat(jdbc.queryForObject("select status from check_in where role = 'MENTEE'", String.class))
                .isEqualTo("ANSWERED");
        assertThat(readable(now(checkIn))).contains("4 – agree").doesNotContain("1 = strongly disagree");
    }

    @Test
    void every_statement_has_an_na_button_and_a_tap_on_it_is_stored_as_not_applicable() {
        aProgrammeWithOnePair();
        clock.set(CHECK_IN_DAY);
        tick();
        PostedMessage checkIn = awaitDm(ana, "check-in is ready");
        List<String> statements = questionsOf(checkIn.actionIds());
        assertThat(statements)
                .hasSize(3)
                .allSatisfy(q -> assertThat(checkIn.actionIds()).contains(q + ":1", q + ":5", q + ":na"));
        assertThat(checkIn.blocksJson()).contains("\"text\":\"N/A\"");
        SlackUser mentee = slack().as(TEAM, ana);

        acknowledgedInTime(mentee.click(checkIn, statements.getFirst() + ":na"));

        await().until(() -> readable(now(checkIn)).contains("N/A – does not apply"));
        assertThat(now(checkIn).actionIds())
                .doesNotContain(statements.getFirst() + ":na", statements.getFirst() + ":3");
        assertThat(jdbc.queryForObject(
                        "select coalesce(score::text, 'none') || ' ' || not_applicable || ' ' || question_id from answer",
                        String.class))
                .isEqualTo("none true "
                        + statements.getFirst().substring(statements.getFirst().lastIndexOf(':') + 1));
    }

    @Test
    void a_double_click_records_one_answer() {
        aProgrammeWithOnePair();
        clock.set(CHECK_IN_DAY);
        tick();
        PostedMessage checkIn = awaitDm(ana, "check-in is ready");
        String first = questionsOf(checkIn.actionIds()).getFirst();
        Seen asShown = slack().as(TEAM, ana).screen().stream()
                .filter(s -> s.id().equals(checkIn.ts()))
                .findFirst()
                .orElseThrow();

        Delivery once = slack().as(TEAM, ana).click(asShown, first + ":5");
        Delivery twice = slack().as(TEAM, ana).click(asShown, first + ":2");
        acknowledgedInTime(once);
        acknowledgedInTime(twice);

        await().until(() -> slack().ephemerals().stream()
                .anyMatch(e -> ana.equals(e.userId()) && e.text().contains("first answer is kept")));
        assertThat(count("select count(*) from answer")).isEqualTo(1);
    }

    @Test
    void a_mentee_adds_a_comment_in_a_modal_and_chooses_to_share_it_with_the_coordinator() {
        aProgrammeWithOnePair();
        clock.set(CHECK_IN_DAY);
        tick();
        PostedMessage checkIn = awaitDm(ana, "check-in is ready");
        String openComment = checkIn.actionIds().stream()
                .filter(id -> id.startsWith("rapport:comment:"))
                .findFirst()
                .orElseThrow();
        SlackUser mentee = slack().as(TEAM, ana);

        acknowledgedInTime(mentee.click(checkIn, openComment));
        OpenedView modal = mentee.openModal().orElseThrow();
        assertThat(modal.title()).isEqualTo("Add a comment");
        String tooLong = "x".repeat(1001);
        Delivery refused = mentee.submit(modal, Map.of("comment", tooLong));
        assertThat(refused.awaitAck().payload().toString()).contains("under 1000 characters");
        acknowledgedInTime(mentee.submit(modal, Map.of("comment", "We set goals for the audit.", "share", true)));

        await().until(() -> count("select count(*) from check_in where comment is not null") == 1);
        assertThat(jdbc.queryForObject("select comment_shared from check_in where role = 'MENTEE'", Boolean.class))
                .isTrue();
        await().until(() -> !now(checkIn).actionIds().contains(openComment));
        assertThat(rapport(cora, "pair #1")).contains("We set goals for the audit.");
    }

    @Test
    void a_mentor_is_reminded_after_three_weeks_without_a_meeting_and_logs_it_with_one_tap() {
        aProgrammeWithOnePair();
        clock.set(Instant.parse("2026-12-14T12:00:00Z"));
        assertThat(reminders.remindOverdueMeetings()).isEqualTo(1);
        tick();
        PostedMessage reminder = awaitDm(lee, "No meeting with");
        String today = reminder.actionIds().stream()
                .filter(id -> id.startsWith("rapport:meeting:") && id.endsWith(":0"))
                .findFirst()
                .orElseThrow();

        acknowledgedInTime(slack().as(TEAM, lee).click(reminder, today));

        await().until(() -> readable(now(reminder)).contains("Meeting logged"));
        assertThat(count("select count(*) from meeting where held_on = '2026-12-14'"))
                .isEqualTo(1);
        assertThat(rapport(lee, "meeting 2026-12-10 planned the next rotation")).contains("Logged: you met");
        assertThat(count("select count(*) from meeting")).isEqualTo(2);
    }

    @Test
    void a_coordinator_sees_the_pair_in_health_and_a_mentee_running_it_is_refused_politely() {
        aProgrammeWithOnePair();

        assertThat(rapport(cora, "health")).contains("Residents 2026").contains("Dr Lee Mentor → Ana Mentee");
        String refused = rapport(ana, "health");
        assertThat(refused).contains("Only programme coordinators can run `/rapport health`");
        assertThat(refused).doesNotContain("Dr Lee Mentor →");
    }

    @Test
    void command_replies_are_private_and_unknown_input_gets_a_friendly_answer() {
        Delivery d = slack().as(TEAM, ana).command("/rapport", "frobnicate");
        acknowledgedInTime(d);
        assertThat(d.awaitResponse().responseType()).isEqualTo("ephemeral");
        assertThat(d.awaitResponse().text()).contains("I don't know `/rapport frobnicate`");
    }

    @Test
    void names_and_time_zones_come_from_slack_and_stay_current() {
        String zoe = person("U0ZOE" + System.nanoTime() % 100000, "zoe", "Zoë Ferreira", "Asia/Kolkata");
        aProgrammeWithOnePair();
        assertThat(rapport(cora, "add-pair <@" + lee + "> <@" + zoe + ">")).contains("Zoë Ferreira");

        profiles.readNewProfiles();
        assertThat(jdbc.queryForObject(
                        "select time_zone from participant where platform_user_id = ?", String.class, zoe))
                .isEqualTo("Asia/Kolkata");

        Delivery change = slack().changeUser(TEAM, zoe, "Zoë F.", "America/Chicago");
        acknowledgedInTime(change);
        await().until(() -> ZoneId.of("America/Chicago")
                .getId()
                .equals(jdbc.queryForObject(
                        "select time_zone from participant where platform_user_id = ?", String.class, zoe)));
    }

    @Test
    void a_coordinator_imports_pairs_from_a_csv_file_in_a_modal_and_exports_the_answers() {
        aProgrammeWithOnePair();
        String ben = person("U0BEN" + System.nanoTime() % 100000, "ben", "Ben Mentee", "Europe/Lisbon");
        SlackUser coordinator = slack().as(TEAM, cora);

        acknowledgedInTime(coordinator.command("/rapport", "import"));
        OpenedView form = coordinator.openModal().orElseThrow();
        assertThat(form.title()).isEqualTo("Import pairs");
        byte[] csv = ("mentor_id,mentor_name,mentee_id,mentee_name\n" + lee + ",Dr Lee Mentor," + ben + ",Ben Mentee\n")
                .getBytes(StandardCharsets.UTF_8);
        acknowledgedInTime(coordinator.submit(form, Map.of(SlackImport.FILE, coordinator.upload("pairs.csv", csv))));

        PostedMessage result = awaitDm(cora, "Imported");
        assertThat(readable(result)).contains("1");
        assertThat(count("select count(*) from pair")).isEqualTo(2);

        acknowledgedInTime(coordinator.command("/rapport", "export"));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> slack().files().stream()
                        .anyMatch(f -> f.name().startsWith("rapport-residents-2026-answers-")
                                && f.text().startsWith("pair_id,mentor,mentee")));
    }

    @Test
    void a_mentee_agrees_to_research_with_one_tap_in_the_welcome_and_the_coordinator_gets_the_research_export() {
        aProgrammeWithOnePair();
        tick();
        PostedMessage welcome = awaitDm(ana, "Welcome to Residents 2026");
        assertThat(readable(welcome)).contains("may your anonymised answers be used to study mentoring?");
        assertThat(welcome.actionIds()).contains("rapport:consent:yes", "rapport:consent:no");

        acknowledgedInTime(slack().as(TEAM, ana).click(welcome, "rapport:consent:yes"));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                        "select research_consent from participant where platform_user_id = ?", Boolean.class, ana)));
        assertThat(rapport(ana, "me")).contains("your anonymised answers may be used to study mentoring");

        acknowledgedInTime(slack().as(TEAM, cora).command("/rapport", "export research"));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> slack().files().stream()
                        .anyMatch(f -> f.name().startsWith("rapport-research-")
                                && f.name().endsWith(".zip")
                                && f.bytes().length > 0
                                && f.bytes()[0] == 'P'
                                && f.bytes()[1] == 'K'));
    }

    static String metYes(List<String> buttons) {
        return buttons.stream().filter(id -> id.endsWith(":yes")).findFirst().orElseThrow();
    }

    /** The rating buttons' ids without the score: {@code rapport:rate:<check-in>:<question>}. */
    static List<String> questionsOf(List<String> buttons) {
        return buttons.stream()
                .filter(id -> id.startsWith("rapport:rate:"))
                .map(id -> id.substring(0, id.lastIndexOf(':')))
                .distinct()
                .toList();
    }
}
