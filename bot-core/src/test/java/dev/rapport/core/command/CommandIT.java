package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.secrets.SecretField;
import dev.rapport.core.secrets.Secrets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CommandIT extends CommandTestSupport {

    @Autowired
    Secrets secrets;

    ChatUser cora;
    ChatUser lee;
    ChatUser ana;

    @BeforeEach
    void aProgrammeWithOnePair() {
        cora = admin("Cora");
        lee = user("Dr Lee");
        ana = user("Ana");
        assertThat(say(cora, "setup \"Residents 2026\" Europe/Lisbon")).contains("you are its coordinator");
        assertThat(say(cora, "add-pair " + mention(lee) + " " + mention(ana) + " 2026-11-23"))
                .contains("Pair #1 added");
    }

    @Test
    void whoever_sets_a_programme_up_becomes_its_coordinator_and_can_add_others() {
        ChatUser bo = user("Bo");
        assertThat(say(bo, "add-pair " + mention(lee) + " " + mention(ana)))
                .startsWith("Only programme coordinators can run `/rapport add-pair`");
        assertThat(say(cora, "coordinator add " + mention(bo))).contains("is now a coordinator of Residents 2026");
        tick();
        assertThat(slack.to(bo.userId()))
                .singleElement()
                .satisfies(d -> assertThat(d.message().summary())
                        .contains("You are now a coordinator of Residents 2026")
                        .contains("added by Cora"));
        assertThat(say(bo, "cadence tuesday 09:30 every 2 weeks")).contains("every 2 weeks on Tuesday at 09:30");
        assertThat(jdbc.queryForObject("select cadence_day from programme", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void adding_a_pair_welcomes_both_people_with_who_sees_what_and_how_to_pause_or_leave() {
        clock.set(Instant.parse("2026-11-23T12:00:00Z"));
        tick();
        String welcome = slack.to(ana.userId()).get(0).message().summary();
        assertThat(welcome)
                .contains("Welcome to Residents 2026")
                .contains("never shown to the other person")
                .contains("/rapport pause")
                .contains("/rapport leave")
                .contains("/rapport my-data");
    }

    @Test
    void a_mentee_running_a_coordinator_command_is_refused_politely() {
        String reply = say(ana, "end-pair #1");
        assertThat(reply)
                .startsWith("Only programme coordinators can run `/rapport end-pair`")
                .contains("confidential");
        assertThat(jdbc.queryForObject("select status from pair where id = 1", String.class))
                .isEqualTo("ACTIVE");
    }

    @Test
    void nothing_crosses_programmes_a_coordinator_cannot_touch_another_programmes_pair() {
        ChatUser dee = admin("Dee");
        say(dee, "setup \"Surgery\"");
        assertThat(say(dee, "end-pair #1")).startsWith("There is no pair #1 in Surgery.");
        assertThat(say(dee, "pause-pair " + mention(ana) + " 2026-12-31"))
                .startsWith("There is no open pair with that person in it in Surgery.");
        assertThat(jdbc.queryForObject("select status from pair where id = 1", String.class))
                .isEqualTo("ACTIVE");
    }

    @Test
    void participants_log_meetings_set_their_time_zone_pause_and_leave() {
        clock.set(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(say(lee, "meeting 2026-11-24 talked about the thesis"))
                .contains("Logged: you met Ana on 2026-11-24");
        assertThat(say(ana, "meeting 2026-11-24")).contains("already logged");
        assertThat(say(ana, "meeting 2030-01-01")).contains("in the future");
        assertThat(jdbc.queryForObject("select count(*) from meeting", Integer.class))
                .isEqualTo(1);

        assertThat(say(ana, "timezone Mars/Olympus")).contains("isn't a time zone I know");
        assertThat(say(ana, "timezone Asia/Kolkata")).contains("Asia/Kolkata");
        assertThat(jdbc.queryForObject(
                        "select time_zone from participant where platform_user_id = ?", String.class, ana.userId()))
                .isEqualTo("Asia/Kolkata");

        assertThat(say(ana, "pause next-week")).contains("isn't a date I understand");
        assertThat(say(ana, "pause 2026-12-31")).contains("Paused until 2026-12-31");

        assertThat(say(ana, "leave")).contains("/rapport leave confirm");
        assertThat(jdbc.queryForObject("select status from pair where id = 1", String.class))
                .isEqualTo("ACTIVE");
        assertThat(say(ana, "leave confirm")).contains("You have left Rapport");
        assertThat(jdbc.queryForObject("select status from pair where id = 1", String.class))
                .isEqualTo("ENDED");
        tick();
        assertThat(slack.to(cora.userId()))
                .anySatisfy(d -> assertThat(d.message().summary()).contains("Ana has left Residents 2026"));
        assertThat(say(ana, "timezone Europe/Paris")).contains("not part of a Rapport programme");
    }

    @Test
    void a_participant_sees_their_pairs_next_check_in_and_settings() {
        say(ana, "quiet 22:00-07:00");
        String me = say(ana, "me");
        assertThat(me)
                .contains("Your mentor is Dr Lee (since 2026-11-23)")
                .contains("Next check-in: Monday 30 November, 10:00")
                .contains("Time zone: Europe/Lisbon · quiet hours 22:00–07:00");
        assertThat(say(lee, "me")).contains("You mentor Ana");
        assertThat(say(user("Nobody"), "me")).contains("not part of a Rapport programme");
    }

    @Test
    void the_only_coordinator_is_warned_before_leaving() {
        assertThat(say(cora, "leave")).contains("You are the only coordinator of Residents 2026");
        say(cora, "coordinator add " + mention(lee));
        assertThat(say(cora, "leave")).doesNotContain("only coordinator");
    }

    @Test
    void bad_input_gets_a_friendly_message_and_changes_nothing() {
        assertThat(say(cora, "frobnicate")).contains("I don't know `/rapport frobnicate`");
        assertThat(say(cora, "add-pair " + mention(lee))).startsWith("Usage: `/rapport add-pair");
        assertThat(say(cora, "add-pair lee ana")).contains("I expected a person");
        assertThat(say(cora, "add-pair " + mention(lee) + " " + mention(lee))).contains("two different people");
        assertThat(say(cora, "add-pair " + mention(lee) + " " + mention(ana))).contains("already a pair");
        assertThat(say(cora, "cadence someday 10:00")).contains("isn't a day of the week");
        assertThat(say(cora, "cadence monday 25:00")).contains("HH:MM");
        assertThat(say(cora, "skip 2026-12-31 2026-12-01")).contains("before the start date");
        assertThat(jdbc.queryForObject("select count(*) from pair", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void help_shows_coordinator_commands_only_to_coordinators() {
        assertThat(say(cora, "help")).contains("For coordinators").contains("/rapport add-pair");
        assertThat(say(ana, "help"))
                .doesNotContain("For coordinators")
                .contains("/rapport meeting")
                .contains("/rapport pause");
        assertThat(say(user("Stranger"), "")).contains("/rapport setup");
    }

    @Test
    void a_second_programme_in_the_same_workspace_needs_naming() {
        say(cora, "setup \"Fellows\"");
        assertThat(say(cora, "cadence friday 15:00"))
                .contains("several programmes")
                .contains("programme=");
        assertThat(say(cora, "cadence friday 15:00 programme=Fellows")).contains("Fellows now checks in every Friday");
    }

    @Test
    void a_coordinator_sees_the_pair_in_health_and_a_mentee_running_it_is_refused_politely() {
        String health = say(cora, "health");
        assertThat(health)
                .contains("Residents 2026")
                .contains("1 pair:")
                .contains("#1 Dr Lee → Ana")
                .contains("too early");
        assertThat(say(ana, "health")).startsWith("Only programme coordinators can run `/rapport health`");
        assertThat(say(lee, "at-risk")).startsWith("Only programme coordinators");
    }

    @Test
    void a_mentor_asking_for_the_mentees_answers_is_refused_and_a_coordinator_sees_only_shared_comments() {
        answeredCheckIn("Ana's private worry", false);
        assertThat(say(lee, "pair " + mention(ana))).startsWith("Only programme coordinators can run `/rapport pair`");
        assertThat(say(lee, "export")).startsWith("Only programme coordinators can run `/rapport export`");

        String detail = say(cora, "pair " + mention(ana));
        assertThat(detail).contains("Pair #1 Dr Lee → Ana").doesNotContain("Ana's private worry");
        jdbc.update("update check_in set comment_shared = true where role = 'MENTEE'");
        assertThat(say(cora, "pair #1")).contains("Comments shared with you").contains("Ana's private worry");

        Reply withChart = commands.handle(new CommandRequest(cora, "pair #1"));
        byte[] png = withChart.message().blocks().stream()
                .filter(b -> b instanceof ChatMessage.Block.Image)
                .map(b -> ((ChatMessage.Block.Image) b).png())
                .findFirst()
                .orElseThrow();
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
            java.nio.file.Files.write(java.nio.file.Path.of("target/pair-trend.png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_coordinator_who_mentors_in_the_programme_cannot_read_their_own_mentees_answers() {
        ChatUser eve = user("Eve");
        assertThat(say(cora, "add-pair " + mention(cora) + " " + mention(eve))).contains("Pair #2 added");
        assertThat(say(cora, "pair " + mention(eve))).contains("You are in this pair yourself");
        assertThat(say(cora, "health"))
                .contains("Not shown: the pair you are in yourself (#2)")
                .doesNotContain("Eve")
                .contains("1 pair:");
        Reply export = commands.handle(new CommandRequest(cora, "export"));
        byte[] csv = export.message().blocks().stream()
                .filter(b -> b instanceof ChatMessage.Block.Attachment)
                .map(b -> ((ChatMessage.Block.Attachment) b).content())
                .findFirst()
                .orElseThrow();
        assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("pair_id,")
                .doesNotContain("Eve");
    }

    @Test
    void importing_a_csv_with_a_bad_line_imports_nothing_and_names_the_line() {
        String csv = "mentor_id,mentor_name,mentee_id,mentee_name,mentee_timezone\n"
                + "U900,Mo,U901,Ida,Europe/Paris\n"
                + "U902,Ray,U903,Kit,Moon/Base\n";
        String reply = commands.handle(new CommandRequest(cora, "import", csv))
                .message()
                .summary();
        assertThat(reply).contains("Nothing was imported").contains("Line 3");
        assertThat(jdbc.queryForObject("select count(*) from pair", Integer.class))
                .isEqualTo(1);
        String ok = commands.handle(new CommandRequest(cora, "import", csv.replace("Moon/Base", "Asia/Tokyo")))
                .message()
                .summary();
        assertThat(ok).contains("Imported 2 pairs");
        assertThat(say(cora, "import")).contains("Attach a CSV file");
    }

    /** Sends the first check-in and lets Ana answer it, with a comment. */
    private void answeredCheckIn(String comment, boolean shared) {
        clock.set(Instant.parse("2026-11-30T10:00:00Z"));
        tick();
        long id = jdbc.queryForObject("select id from check_in where role = 'MENTEE'", Long.class);
        jdbc.update(
                "insert into answer (check_in_id, question_id, bank_version, dimension, score, answered_at)"
                        + " values (?, 'respect.1.mentee', '2026.1', 'RESPECT', 2, now())",
                id);
        jdbc.update(
                "update check_in set comment = ?, comment_shared = ?, answered_at = now(), met = true where id = ?",
                secrets.seal(SecretField.CHECK_IN_COMMENT, id, comment),
                shared,
                id);
    }

    static ChatUser discordUser(String id) {
        return ChatUser.of(Platform.DISCORD, "G1", id, id);
    }
}
