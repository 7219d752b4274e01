package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.test.CoreTestSupport;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may set up, coordinate and act on a pair, through {@link CommandService} on a real PostgreSQL: the adapters report
 * facts ({@code maySetUp}, the roles held now), {@link Authority} decides.
 */
class AuthorityIT extends CoreTestSupport {

    static final String ROLE = "900";
    static final String FAKE_ROLE = "901";

    @Autowired
    CommandService commands;

    // ---- Slack: setting up is the workspace's decision

    @Test
    void on_slack_a_member_cannot_set_up_a_programme_and_an_admin_can() {
        assertThat(say(user("Bo"), "setup \"Residents\"")).contains("set up by its admins and owners");
        assertThat(count("programme")).isZero();
        assertThat(say(admin("Cora"), "setup \"Residents\"")).contains("you are its coordinator");
    }

    @Test
    void on_slack_setup_takes_no_role() {
        assertThat(say(admin("Cora"), "setup \"Residents\" role=<@&900>")).contains("Slack has no roles");
    }

    // ---- Discord: bound to a role by id, checked at every command

    @Test
    void on_discord_the_roles_holders_coordinate_and_lose_it_with_the_role_at_the_next_command() {
        ChatUser sam = discord("100", false, ROLE);
        assertThat(say(sam, "setup \"Research\" role=<@&900>")).contains("Manage Server");
        assertThat(say(discord("400", true, ROLE), "setup \"Research\" role=<@&900>"))
                .contains("is set up")
                .contains("you among them");
        say(sam, "add-pair <@200> <@300>");
        assertThat(say(sam, "health")).contains("1 pair:");
        assertThat(viaRole("100")).isEqualTo(ROLE);

        ChatUser samWithoutRole = discord("100", false);
        assertThat(say(samWithoutRole, "health")).startsWith("Only programme coordinators");
        assertThat(say(samWithoutRole, "pair #1")).startsWith("Only programme coordinators");
        assertThat(viaRole("100")).as("no longer enrolled for alerts").isNull();
    }

    @Test
    void on_discord_a_role_with_the_same_name_but_another_id_gets_nothing() {
        say(discord("400", true), "setup \"Research\" role=<@&900>");
        ChatUser mallory = discord("666", false, FAKE_ROLE);
        assertThat(say(mallory, "health")).startsWith("Only programme coordinators");
        assertThat(
                        count(
                                "coordinator where participant_id in (select id from participant where platform_user_id = '666')"))
                .isZero();
    }

    @Test
    void on_discord_manage_server_sets_up_and_names_the_role_but_sees_no_pair() {
        ChatUser admin = discord("400", true);
        assertThat(say(admin, "setup \"Research\" role=<@&900>"))
                .contains("is set up")
                .contains("You don't hold that role");
        say(discord("100", false, ROLE), "add-pair <@200> <@300>");
        for (String command : new String[] {"health", "pair #1", "export", "at-risk", "end-pair #1"}) {
            assertThat(say(admin, command)).as(command).startsWith("Only programme coordinators");
        }
        assertThat(status(1)).isEqualTo("ACTIVE");
    }

    @Test
    void on_discord_a_member_without_manage_server_or_the_role_cannot_set_up_and_a_role_is_required() {
        assertThat(say(discord("300", false), "setup \"Research\" role=<@&900>"))
                .contains("Manage Server");
        assertThat(say(discord("400", true), "setup \"Research\"")).contains("Name the role");
        assertThat(say(discord("400", true), "setup \"Research\" role=\"Rapport Coordinator\""))
                .contains("not its name");
        assertThat(say(discord("400", true), "setup \"Research\" role=<@&G1>")).contains("not its name");
        assertThat(count("programme")).isZero();
    }

    @Test
    void on_discord_everyone_cannot_be_the_coordinating_role() {
        ChatUser admin = new ChatUser(Platform.DISCORD, "1234", "400", "Admin", true, Set.of());
        assertThat(say(admin, "setup \"Research\" role=<@&1234>")).contains("@everyone cannot coordinate");
    }

    // ---- own pair: one rule for every command that finds a pair

    @Test
    void a_coordinator_in_a_pair_cannot_snooze_end_pause_or_view_it_by_number_or_by_mention() {
        ChatUser cora = admin("Cora");
        ChatUser eve = user("Eve");
        say(cora, "setup \"Residents\"");
        say(cora, "add-pair " + mention(cora) + " " + mention(eve));
        for (String target : new String[] {"#1", mention(eve), mention(cora)}) {
            assertThat(say(cora, "snooze " + target + " 30")).as(target).contains("You are in this pair yourself");
            assertThat(say(cora, "end-pair " + target)).as(target).contains("You are in this pair yourself");
            assertThat(say(cora, "pause-pair " + target + " 2026-12-31"))
                    .as(target)
                    .contains("You are in this pair yourself");
            assertThat(say(cora, "pair " + target)).as(target).contains("You are in this pair yourself");
        }
        assertThat(status(1)).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("select paused_until from pair where id = 1", java.sql.Date.class))
                .isNull();
        assertThat(count("pair_health where alert_snoozed_until is not null")).isZero();
    }

    // ---- names come from the platform

    @Test
    void add_pair_and_import_do_not_rename_people_rapport_knows() {
        ChatUser cora = admin("Cora");
        ChatUser lee = user("Dr Lee");
        ChatUser ana = user("Ana");
        say(cora, "setup \"Residents\"");
        say(cora, "setup \"Fellows\"");
        say(cora, "add-pair " + mention(lee) + " " + mention(ana) + " programme=Residents");

        say(cora, "add-pair <@" + lee.userId() + "|The Boss> <@" + cora.userId() + "|Someone Else> programme=Fellows");
        assertThat(nameOf(lee)).isEqualTo("Dr Lee");
        assertThat(nameOf(cora)).isEqualTo("Cora");

        String csv = "mentor_id,mentor_name,mentee_id,mentee_name\n" + ana.userId() + ",Fake Mentor,"
                + user("Zed").userId() + ",Zed\n";
        Reply imported = commands.handle(new CommandRequest(cora, "import programme=Fellows", csv));
        assertThat(text(imported)).contains("Imported 1 pair ");
        assertThat(nameOf(ana)).isEqualTo("Ana");
    }

    @Test
    void the_platform_name_of_the_person_acting_is_kept() {
        ChatUser cora = admin("Cora");
        say(cora, "setup \"Residents\"");
        say(new ChatUser(Platform.SLACK, WORKSPACE, cora.userId(), "Cora Lind", true, Set.of()), "help");
        assertThat(nameOf(cora)).isEqualTo("Cora Lind");
    }

    // ---- not-found answers say nothing about other programmes or people

    @Test
    void not_found_answers_are_the_same_whoever_is_named_and_list_no_programme_of_others() {
        ChatUser cora = admin("Cora");
        ChatUser dee = admin("Dee");
        ChatUser ana = user("Ana");
        say(cora, "setup \"Residents\"");
        say(cora, "add-pair " + mention(user("Lee")) + " " + mention(ana));
        say(dee, "setup \"Surgery\"");

        String inAnotherProgramme = say(dee, "pair " + mention(ana));
        String unknown = say(dee, "pair " + mention(user("Nobody")));
        assertThat(inAnotherProgramme)
                .isEqualTo(unknown)
                .doesNotContain("Residents")
                .doesNotContain("Ana");
        assertThat(say(dee, "pair #1"))
                .isEqualTo(say(dee, "pair #99").replace("#99", "#1"))
                .doesNotContain("Residents");
        assertThat(say(dee, "health programme=Residents"))
                .isEqualTo(say(dee, "health programme=Nope").replace("Nope", "Residents"))
                .contains("Yours: Surgery.");
        assertThat(say(user("Stranger"), "health programme=Residents"))
                .startsWith("Only programme coordinators")
                .doesNotContain("Residents")
                .isEqualTo(say(user("Other"), "health"));
    }

    // ---- helpers

    private static ChatUser discord(String id, boolean manageServer, String... roles) {
        return new ChatUser(Platform.DISCORD, "G1", id, "Person " + id, manageServer, Set.of(roles));
    }

    private String viaRole(String userId) {
        return jdbc
                .query(
                        "select c.via_role_id from coordinator c join participant p on p.id = c.participant_id"
                                + " where p.platform_user_id = ?",
                        (rs, n) -> rs.getString(1),
                        userId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private int count(String tableAndWhere) {
        return jdbc.queryForObject("select count(*) from " + tableAndWhere, Integer.class);
    }

    private String status(long pairId) {
        return jdbc.queryForObject("select status from pair where id = ?", String.class, pairId);
    }

    private String nameOf(ChatUser u) {
        return jdbc.queryForObject(
                "select display_name from participant where platform_user_id = ?", String.class, u.userId());
    }

    private String say(ChatUser who, String text) {
        return text(commands.handle(new CommandRequest(who, text)));
    }

    private static String text(Reply reply) {
        ChatMessage m = reply.message();
        return m.blocks().stream()
                .map(b -> b instanceof ChatMessage.Block.Text t ? t.text() : "")
                .reduce(m.summary(), (a, b) -> a + "\n" + b);
    }

    static String mention(ChatUser user) {
        return "<@" + user.userId() + "|" + user.displayName() + ">";
    }
}
