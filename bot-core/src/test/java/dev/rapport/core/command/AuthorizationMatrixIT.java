package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.database.DomainTables;
import dev.rapport.core.test.CoreTestSupport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every subcommand the registry holds, run by every kind of person, through {@link CommandService} on a real
 * PostgreSQL, against a table of expected outcomes. A subcommand added without a row here fails the test, so nobody
 * adds a command without deciding who may run it.
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

    enum Who {
        MENTEE,
        MENTOR,
        COORDINATOR,
        OTHER_PROGRAMMES_COORDINATOR,
        COORDINATOR_IN_THE_PAIR,
        STRANGER,
        SLACK_ADMIN,
        ROLE_HOLDER,
        FORMER_ROLE_HOLDER,
        MANAGE_SERVER
    }

    /** What happened, read from the reply. */
    enum Outcome {
        /** The command did its work (or answered the person about themselves). */
        DONE,
        /** Refused: coordinators only. */
        COORDINATORS_ONLY,
        /** Refused: the person takes part in no programme here. */
        NOT_A_PARTICIPANT,
        /** Refused: the workspace does not let this person set programmes up. */
        MAY_NOT_SET_UP,
        /** Refused until the person names the role that will coordinate (Discord's setup, given none). */
        NAME_THE_ROLE,
        /** Refused: the coordinator is in that pair. */
        OWN_PAIR,
        /** The pair is none of this coordinator's: "no such pair". */
        NOT_FOUND
    }

    private static final Outcome D = Outcome.DONE;
    private static final Outcome C = Outcome.COORDINATORS_ONLY;
    private static final Outcome P = Outcome.NOT_A_PARTICIPANT;
    private static final Outcome S = Outcome.MAY_NOT_SET_UP;
    private static final Outcome R = Outcome.NAME_THE_ROLE;
    private static final Outcome O = Outcome.OWN_PAIR;
    private static final Outcome N = Outcome.NOT_FOUND;

    /** The line each subcommand is run with; {@code {pair}} is the pair the person would mean. */
    private static final Map<String, String> LINES = new LinkedHashMap<>();

    /** Expected outcomes, in the order of {@link Who}. */
    private static final Map<String, Outcome[]> EXPECTED = new LinkedHashMap<>();

    private static void row(String name, String line, Outcome... outcomes) {
        LINES.put(name, line);
        EXPECTED.put(name, outcomes);
    }

    static {
        //                                              mentee mentor coord other in-pair stranger slack-admin role
        // former manage
        row("help", "help", D, D, D, D, D, D, D, D, D, D);
        row("setup", "setup \"New programme\"", S, S, D, D, S, S, D, S, S, R);
        row("me", "me", D, D, D, D, D, P, P, D, D, P);
        row("meeting", "meeting", D, D, D, D, D, P, P, D, D, P);
        row("timezone", "timezone Europe/Paris", D, D, D, D, D, P, P, D, D, P);
        row("quiet", "quiet 22:00-07:00", D, D, D, D, D, P, P, D, D, P);
        row("pause", "pause 2026-12-31", D, D, D, D, D, P, P, D, D, P);
        row("resume", "resume", D, D, D, D, D, P, P, D, D, P);
        row("leave", "leave confirm", D, D, D, D, D, P, P, D, D, P);
        row("rejoin", "rejoin", D, D, D, D, D, P, P, D, D, P);
        row("my-data", "my-data", D, D, D, D, D, D, D, D, D, D);
        row("erase-me", "erase-me confirm", D, D, D, D, D, D, D, D, D, D);
        row("health", "health", C, C, D, D, D, C, C, D, C, C);
        row("at-risk", "at-risk", C, C, D, D, D, C, C, D, C, C);
        row("export", "export", C, C, D, D, D, C, C, D, C, C);
        row("pair", "pair {pair}", C, C, D, N, O, C, C, D, C, C);
        row("end-pair", "end-pair {pair}", C, C, D, N, O, C, C, D, C, C);
        row("pause-pair", "pause-pair {pair} 2026-12-31", C, C, D, N, O, C, C, D, C, C);
        row("snooze", "snooze {pair} 30", C, C, D, N, O, C, C, D, C, C);
        row("add-pair", "add-pair <@U0NEW1> <@U0NEW2>", C, C, D, D, D, C, C, D, C, C);
        row("import", "import", C, C, D, D, D, C, C, D, C, C);
        row("cadence", "cadence friday 15:00", C, C, D, D, D, C, C, D, C, C);
        row("skip", "skip 2026-12-24 2026-12-26", C, C, D, D, D, C, C, D, C, C);
        row("coordinator", "coordinator add <@U0NEW3>", C, C, D, D, D, C, C, D, C, C);
        row("erase", "erase <@U0NEW4> confirm", C, C, N, N, N, C, C, N, C, C);
        row("audit", "audit {pair}", C, C, D, N, O, C, C, D, C, C);
    }

    private static final String ROLE = "900";

    @Test
    void every_subcommand_for_every_kind_of_person_matches_the_table() {
        List<String> registered =
                commands.subcommands().stream().map(Subcommand::name).toList();
        assertThat(EXPECTED.keySet())
                .as("every subcommand needs a row in this table, deciding who may run it")
                .containsExactlyInAnyOrderElementsOf(registered);

        List<String> mismatches = new ArrayList<>();
        for (String name : registered) {
            Outcome[] expected = EXPECTED.get(name);
            assertThat(expected).as(name).hasSize(Who.values().length);
            for (Who who : Who.values()) {
                World world = world();
                ChatUser actor = world.people.get(who);
                String line = LINES.get(name).replace("{pair}", "#" + world.pairFor(who));
                String reply = say(actor, line);
                Outcome actual = outcome(reply);
                if (actual != expected[who.ordinal()]) {
                    mismatches.add(name + " by " + who + ": expected " + expected[who.ordinal()] + ", got " + actual
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
        assertThat(outcome(reply)).as(line + ": " + reply).isEqualTo(Outcome.DONE);
    }

    static Outcome outcome(String reply) {
        if (reply.startsWith("Only programme coordinators")) {
            return Outcome.COORDINATORS_ONLY;
        }
        if (reply.startsWith("You're not part of a Rapport programme")) {
            return Outcome.NOT_A_PARTICIPANT;
        }
        if (reply.contains("programmes are set up by")) {
            return Outcome.MAY_NOT_SET_UP;
        }
        if (reply.startsWith("Name the role")) {
            return Outcome.NAME_THE_ROLE;
        }
        if (reply.startsWith(PairLookup.OWN_PAIR)) {
            return Outcome.OWN_PAIR;
        }
        if (reply.startsWith("There is no")) {
            return Outcome.NOT_FOUND;
        }
        return Outcome.DONE;
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
}
