package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.database.DomainTables;
import dev.rapport.core.test.AuthorizationTable;
import dev.rapport.core.test.AuthorizationTable.Outcome;
import dev.rapport.core.test.AuthorizationTable.Who;
import dev.rapport.core.test.CoreTestSupport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every subcommand the registry holds, run by every kind of person, through {@link CommandService} on a real
 * PostgreSQL, against {@link AuthorizationTable}. A subcommand added without a row there fails the test, so nobody adds
 * a command without deciding who may run it. The adapters' matrix tests run the same table through each platform's
 * real way in.
 *
 * <p>The Slack columns run in a workspace with the programme Residents (coordinator Cora, who set it up as a workspace
 * admin; Cip, a coordinator she added who mentors pair Cip → Eve; pair Lee → Ana) and Surgery (Dee). The Discord columns
 * run in a server whose programme Research is bound to role 900: a holder of that role, someone who held it at their
 * last command and no longer does (still a participant record, so their own settings answer, with no pair), and a
 * member with Manage Server only.
 */
class AuthorizationMatrixIT extends CoreTestSupport {

    @Autowired
    CommandService commands;

    private static final String ROLE = "900";

    /** People Rapport does not know yet, for the rows that add or name someone new. */
    private static final List<String> NEW_PEOPLE = List.of("U0NEW1", "U0NEW2", "U0NEW3", "U0NEW4");

    @Test
    void every_subcommand_for_every_kind_of_person_matches_the_table() {
        List<String> registered =
                commands.subcommands().stream().map(Subcommand::name).toList();
        assertThat(AuthorizationTable.names())
                .as("every subcommand needs a row in AuthorizationTable, deciding who may run it")
                .containsExactlyInAnyOrderElementsOf(registered);

        List<String> mismatches = new ArrayList<>();
        for (AuthorizationTable.Row row : AuthorizationTable.rows()) {
            for (Who who : Who.values()) {
                World world = world();
                ChatUser actor = world.people.get(who);
                String line = row.line(world.pairFor(who), NEW_PEOPLE, AuthorizationMatrixIT::mention);
                String reply = say(actor, line);
                Outcome actual = AuthorizationTable.outcome(reply);
                if (actual != row.expected(who)) {
                    mismatches.add(row.name() + " by " + who + ": expected " + row.expected(who) + ", got " + actual
                            + " (" + reply.lines().findFirst().orElse("") + ")");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private record World(Map<Who, ChatUser> people, long slackPair, long ownPair, long discordPair) {
        long pairFor(Who who) {
            return switch (who) {
                case COORDINATOR_IN_THE_PAIR -> ownPair;
                case ROLE_HOLDER, FORMER_ROLE_HOLDER, MANAGE_SERVER -> discordPair;
                default -> slackPair;
            };
        }
    }

    /** A fresh world for one run, so no command's effect (an ended pair, a leave) reaches the next. */
    private World world() {
        DomainTables.empty(jdbc);
        Map<Who, ChatUser> people = new EnumMap<>(Who.class);
        ChatUser cora = admin("Cora");
        ChatUser cip = user("Cip");
        ChatUser lee = user("Lee");
        ChatUser ana = user("Ana");
        ChatUser dee = admin("Dee");
        expectDone(cora, "setup \"Residents\"");
        expectDone(cora, "add-pair " + mention(lee) + " " + mention(ana));
        expectDone(cora, "coordinator add " + mention(cip));
        expectDone(cora, "add-pair " + mention(cip) + " " + mention(user("Eve")));
        expectDone(dee, "setup \"Surgery\"");
        people.put(Who.MENTEE, ana);
        people.put(Who.MENTOR, lee);
        people.put(Who.COORDINATOR, cora);
        people.put(Who.OTHER_PROGRAMMES_COORDINATOR, dee);
        people.put(Who.COORDINATOR_IN_THE_PAIR, cip);
        people.put(Who.STRANGER, user("Stranger"));
        people.put(Who.SLACK_ADMIN, admin("Ada"));

        ChatUser holder = discord("100", false, ROLE);
        ChatUser formerWithRole = discord("150", false, ROLE);
        expectDone(discord("400", true), "setup \"Research\" role=<@&900>");
        expectDone(holder, "add-pair <@200> <@300>");
        expectDone(formerWithRole, "help");
        people.put(Who.ROLE_HOLDER, holder);
        people.put(Who.FORMER_ROLE_HOLDER, discord("150", false));
        people.put(Who.MANAGE_SERVER, discord("400", true));
        long slackPair = pairOf(lee);
        long ownPair = pairOf(cip);
        long discordPair = jdbc.queryForObject(
                "select p.id from pair p join programme g on g.id = p.programme_id where g.name = 'Research'",
                Long.class);
        return new World(people, slackPair, ownPair, discordPair);
    }

    private long pairOf(ChatUser mentor) {
        return jdbc.queryForObject(
                "select p.id from pair p join participant m on m.id = p.mentor_id where m.platform_user_id = ?",
                Long.class,
                mentor.userId());
    }

    private void expectDone(ChatUser who, String line) {
        String reply = say(who, line);
        assertThat(AuthorizationTable.outcome(reply)).as(line + ": " + reply).isEqualTo(Outcome.DONE);
    }

    private static ChatUser discord(String id, boolean manageServer, String... roles) {
        return new ChatUser(Platform.DISCORD, "G1", id, "Person " + id, manageServer, Set.of(roles));
    }

    private String say(ChatUser who, String text) {
        ChatMessage m = commands.handle(new CommandRequest(who, text)).message();
        return m.blocks().stream()
                .map(b -> b instanceof ChatMessage.Block.Text t ? t.text() : "")
                .reduce(m.summary(), (a, b) -> a + "\n" + b);
    }

    private static String mention(ChatUser user) {
        return "<@" + user.userId() + "|" + user.displayName() + ">";
    }

    private static String mention(String userId) {
        return "<@" + userId + ">";
    }
}
