package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.test.CoreTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** On Discord the server's coordinator role (or Manage Server) makes a coordinator; on Slack only being named does. */
class CoordinatorRolesIT extends CoreTestSupport {

    @Autowired
    CommandService commands;

    private final ChatUser admin = new ChatUser(Platform.DISCORD, "G1", "100", "Cora", true);
    private final ChatUser otherAdmin = new ChatUser(Platform.DISCORD, "G1", "400", "Dee", true);
    private final ChatUser member = ChatUser.of(Platform.DISCORD, "G1", "300", "Ana");

    @Test
    void only_a_member_with_the_role_sets_up_a_programme_on_discord() {
        assertThat(say(member, "setup \"Residents\"")).contains("set up by members with the coordinator role");
        assertThat(say(admin, "setup \"Residents\"")).contains("you are its coordinator");
    }

    @Test
    void every_role_holder_coordinates_the_servers_programmes_and_is_enrolled_for_alerts() {
        say(admin, "setup \"Residents\"");
        say(admin, "add-pair <@200> <@300>");

        assertThat(say(otherAdmin, "health")).contains("Residents").contains("#1");
        assertThat(jdbc.queryForObject(
                        "select count(*) from coordinator c join participant p on p.id = c.participant_id"
                                + " where p.platform_user_id = '400'",
                        Integer.class))
                .isEqualTo(1);
        assertThat(say(member, "health"))
                .startsWith("Only programme coordinators")
                .contains("coordinator role");
    }

    @Test
    void a_role_holder_is_not_a_coordinator_of_another_servers_programmes() {
        say(admin, "setup \"Residents\"");
        ChatUser elsewhere = new ChatUser(Platform.DISCORD, "G2", "500", "Eve", true);
        assertThat(say(elsewhere, "health")).startsWith("Only programme coordinators");
    }

    @Test
    void a_slack_admin_flag_grants_nothing_coordinators_are_named() {
        ChatUser cora = user("Cora");
        say(cora, "setup \"Residents\"");
        ChatUser slackAdmin = new ChatUser(Platform.SLACK, WORKSPACE, "U0ADMIN", "Admin", true);
        assertThat(say(slackAdmin, "health")).startsWith("Only programme coordinators");
    }

    @Test
    void a_coordinator_can_be_removed_but_not_the_last_one() {
        ChatUser cora = user("Cora");
        ChatUser bo = user("Bo");
        say(cora, "setup \"Residents\"");
        assertThat(say(cora, "coordinator remove <@" + cora.userId() + ">")).contains("needs a coordinator");
        say(cora, "coordinator add <@" + bo.userId() + ">");
        assertThat(say(bo, "coordinator remove <@" + cora.userId() + ">")).contains("no longer a coordinator");
        assertThat(say(cora, "health")).startsWith("Only programme coordinators");
    }

    private String say(ChatUser who, String text) {
        ChatMessage m = commands.handle(new CommandRequest(who, text)).message();
        return m.blocks().stream()
                .map(b -> switch (b) {
                    case ChatMessage.Block.Text t -> t.text();
                    case ChatMessage.Block.Table t ->
                        String.join(" ", t.headers()) + " "
                                + t.rows().stream()
                                        .map(r -> String.join(" ", r))
                                        .reduce("", (x, y) -> x + " " + y);
                    default -> "";
                })
                .reduce(m.summary(), (a, b) -> a + "\n" + b);
    }
}
