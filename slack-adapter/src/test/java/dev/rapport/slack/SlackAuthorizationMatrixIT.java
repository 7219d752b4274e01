package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.command.CommandService;
import dev.rapport.core.command.Subcommand;
import dev.rapport.core.database.DomainTables;
import dev.rapport.core.test.AuthorizationTable;
import dev.rapport.core.test.AuthorizationTable.Outcome;
import dev.rapport.core.test.AuthorizationTable.Who;
import dev.rapport.localslack.Delivery;
import dev.rapport.localslack.LocalSlack;
import dev.rapport.localslack.UserProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link AuthorizationTable}'s Slack columns through Slack's real way in: each cell is a {@code /rapport} slash
 * command sent by the local Slack over Socket Mode to Bolt, the person's admin rights read by the adapter from
 * {@code users.info}, the reply read from the {@code response_url}. The world each cell runs in is made afresh through
 * the core (it is the same for every platform; the cell under test is what goes through Slack).
 */
class SlackAuthorizationMatrixIT extends SlackEndToEnd {

    static final LocalSlack SLACK = startSlack(LocalSlack.builder());

    /** The kinds of person a Slack workspace has. */
    static final List<Who> COLUMNS = List.of(
            Who.MENTEE,
            Who.MENTOR,
            Who.COORDINATOR,
            Who.OTHER_PROGRAMMES_COORDINATOR,
            Who.COORDINATOR_IN_THE_PAIR,
            Who.STRANGER,
            Who.SLACK_ADMIN);

    static final List<String> NEW_PEOPLE = List.of("U0MXNEW1", "U0MXNEW2", "U0MXNEW3", "U0MXNEW4");

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
    CommandService commands;

    private final Map<String, ChatUser> people = new java.util.HashMap<>();

    /** Someone of the workspace, known to the local Slack (an admin when {@code admin}) and to the core's world. */
    private ChatUser member(String id, String name, boolean admin) {
        return people.computeIfAbsent(id, key -> {
            UserProfile profile =
                    UserProfile.member(TEAM, id, id.toLowerCase(java.util.Locale.ROOT), name, "Europe/Lisbon");
            SLACK.addUser(admin ? profile.withRoles(true, false, false) : profile);
            return new ChatUser(Platform.SLACK, TEAM, id, name, admin, Set.of());
        });
    }

    @Test
    void every_subcommand_for_every_kind_of_slack_member_matches_the_table() {
        assertThat(AuthorizationTable.names())
                .containsExactlyInAnyOrderElementsOf(
                        commands.subcommands().stream().map(Subcommand::name).toList());
        NEW_PEOPLE.forEach(id -> member(id, "New " + id.substring(id.length() - 1), false));

        List<String> mismatches = new ArrayList<>();
        for (AuthorizationTable.Row row : AuthorizationTable.rows()) {
            for (Who who : COLUMNS) {
                World world = world();
                String line = row.line(world.pairFor(who), NEW_PEOPLE, id -> "<@" + id + ">");
                String reply = run(world.people().get(who).userId(), row.name(), line);
                Outcome actual = AuthorizationTable.outcome(reply);
                if (actual != row.expected(who)) {
                    mismatches.add(row.name() + " by " + who + ": expected " + row.expected(who) + ", got " + actual
                            + " (" + reply.lines().findFirst().orElse("") + ")");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /**
     * Sends {@code /rapport line} as the person and reads what they got: the reply, or, for the import (whose file
     * Slack takes through a form), the form opening.
     */
    private String run(String userId, String name, String line) {
        int formsBefore = SLACK.openedViews().size();
        Delivery d = SLACK.as(TEAM, userId).command("/rapport", line);
        acknowledgedInTime(d);
        if (name.equals("import")) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !d.responses().isEmpty() || SLACK.openedViews().size() > formsBefore);
            if (d.responses().isEmpty()) {
                return "(the import form opened)";
            }
        }
        return d.awaitResponse().text();
    }

    private record World(Map<Who, ChatUser> people, long pair, long ownPair) {
        long pairFor(Who who) {
            return who == Who.COORDINATOR_IN_THE_PAIR ? ownPair : pair;
        }
    }

    /** The table's Slack world, made afresh, so no cell's effect (an ended pair, a leave) reaches the next. */
    private World world() {
        DomainTables.empty(jdbc);
        ChatUser cora = member("U0MXCORA", "Cora", true);
        ChatUser cip = member("U0MXCIP", "Cip", false);
        ChatUser lee = member("U0MXLEE", "Lee", false);
        ChatUser ana = member("U0MXANA", "Ana", false);
        ChatUser eve = member("U0MXEVE", "Eve", false);
        ChatUser dee = member("U0MXDEE", "Dee", true);
        core(cora, "setup \"Residents\"");
        core(cora, "add-pair " + mention(lee) + " " + mention(ana));
        core(cora, "coordinator add " + mention(cip));
        core(cora, "add-pair " + mention(cip) + " " + mention(eve));
        core(dee, "setup \"Surgery\"");
        Map<Who, ChatUser> kinds = new EnumMap<>(Who.class);
        kinds.put(Who.MENTEE, ana);
        kinds.put(Who.MENTOR, lee);
        kinds.put(Who.COORDINATOR, cora);
        kinds.put(Who.OTHER_PROGRAMMES_COORDINATOR, dee);
        kinds.put(Who.COORDINATOR_IN_THE_PAIR, cip);
        kinds.put(Who.STRANGER, member("U0MXSTRANGER", "Stranger", false));
        kinds.put(Who.SLACK_ADMIN, member("U0MXADA", "Ada", true));
        return new World(kinds, pairOf(lee), pairOf(cip));
    }

    private void core(ChatUser who, String line) {
        AuthorizationTable.prepare(commands, who, line);
    }

    private long pairOf(ChatUser mentor) {
        return AuthorizationTable.pairMentoredBy(jdbc, mentor.userId());
    }

    private static String mention(ChatUser user) {
        return "<@" + user.userId() + "|" + user.displayName() + ">";
    }
}
