package dev.rapport.core.test;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.command.CommandRequest;
import dev.rapport.core.command.CommandService;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may run which {@code /rapport} subcommand, as a table: one row per subcommand, one column per kind of person,
 * each cell the outcome a person of that kind gets. The core's {@code AuthorizationMatrixIT} runs every cell through
 * {@code CommandService}; the adapters' matrix tests run the cells of their platform through the platform's real way
 * in (Slack's slash command through Bolt, Discord's interaction through JDA). A subcommand without a row fails them.
 *
 * <p>The worlds the columns assume: in a Slack workspace, the programme Residents (coordinator Cora, a workspace admin
 * who set it up; Cip, a coordinator she added, who mentors pair Cip → Eve; pair Lee → Ana) and Surgery (its coordinator
 * Dee, an admin). On Discord, a programme bound to a coordinator role: a holder of the role, someone who held it at
 * their last command and no longer does (a participant record with no pair), a member with Manage Server only.
 */
public final class AuthorizationTable {

    private AuthorizationTable() {}

    /** The kinds of person, the table's columns. */
    public enum Who {
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
    public enum Outcome {
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
        /** The pair or person is none of this coordinator's: "there is no …". */
        NOT_FOUND
    }

    private static final Outcome D = Outcome.DONE;
    private static final Outcome C = Outcome.COORDINATORS_ONLY;
    private static final Outcome P = Outcome.NOT_A_PARTICIPANT;
    private static final Outcome S = Outcome.MAY_NOT_SET_UP;
    private static final Outcome R = Outcome.NAME_THE_ROLE;
    private static final Outcome O = Outcome.OWN_PAIR;
    private static final Outcome N = Outcome.NOT_FOUND;

    /**
     * One subcommand's row.
     *
     * @param line the words after {@code /rapport}: {@code {pair}} is the pair the person would mean (written
     *     {@code #id}), {@code {new1}} … {@code {new4}} are mentions of people Rapport does not know yet
     * @param outcomes in the order of {@link Who}
     */
    public record Row(String name, String line, List<Outcome> outcomes) {

        public Outcome expected(Who who) {
            return outcomes.get(who.ordinal());
        }

        /** The line with the pair and the new people filled in; {@code mention} writes a person id as a mention. */
        public String line(long pair, List<String> newPeople, java.util.function.Function<String, String> mention) {
            String out = line.replace("{pair}", "#" + pair);
            for (int i = 0; i < newPeople.size(); i++) {
                out = out.replace("{new" + (i + 1) + "}", mention.apply(newPeople.get(i)));
            }
            return out;
        }
    }

    private static final Map<String, Row> ROWS = new LinkedHashMap<>();

    private static void row(String name, String line, Outcome... outcomes) {
        if (outcomes.length != Who.values().length) {
            throw new IllegalArgumentException(name + ": one outcome per kind of person");
        }
        ROWS.put(name, new Row(name, line, List.of(outcomes)));
    }

    static {
        //                                     mentee mentor coord other in-pair stranger slack-admin role former manage
        row("help", "help", D, D, D, D, D, D, D, D, D, D);
        row("setup", "setup \"New programme\"", S, S, D, D, S, S, D, S, S, R);
        row("me", "me", D, D, D, D, D, P, P, D, D, P);
        row("meeting", "meeting", D, D, D, D, D, P, P, D, D, P);
        row("timezone", "timezone Europe/Paris", D, D, D, D, D, P, P, D, D, P);
        row("language", "language fr", D, D, D, D, D, P, P, D, D, P);
        row("consent", "consent yes", D, D, D, D, D, P, P, D, D, P);
        row("quiet", "quiet 22:00-07:00", D, D, D, D, D, P, P, D, D, P);
        row("pause", "pause 2026-12-31", D, D, D, D, D, P, P, D, D, P);
        row("resume", "resume", D, D, D, D, D, P, P, D, D, P);
        row("leave", "leave confirm", D, D, D, D, D, P, P, D, D, P);
        row("rejoin", "rejoin", D, D, D, D, D, P, P, D, D, P);
        row("my-data", "my-data", D, D, D, D, D, D, D, D, D, D);
        row("erase-me", "erase-me confirm", D, D, D, D, D, D, D, D, D, D);
        row("health", "health", C, C, D, D, D, C, C, D, C, C);
        row("overview", "overview 4", C, C, D, D, D, C, C, D, C, C);
        row("at-risk", "at-risk", C, C, D, D, D, C, C, D, C, C);
        row("export", "export", C, C, D, D, D, C, C, D, C, C);
        row("pair", "pair {pair}", C, C, D, N, O, C, C, D, C, C);
        row("end-pair", "end-pair {pair}", C, C, D, N, O, C, C, D, C, C);
        row("pause-pair", "pause-pair {pair} 2026-12-31", C, C, D, N, O, C, C, D, C, C);
        row("snooze", "snooze {pair} 30", C, C, D, N, O, C, C, D, C, C);
        row("audit", "audit {pair}", C, C, D, N, O, C, C, D, C, C);
        row("note", "note {pair} called both; agreed to meet fortnightly", C, C, D, N, O, C, C, D, C, C);
        row("add-pair", "add-pair {new1} {new2}", C, C, D, D, D, C, C, D, C, C);
        row("import", "import", C, C, D, D, D, C, C, D, C, C);
        row("cadence", "cadence friday 15:00", C, C, D, D, D, C, C, D, C, C);
        row("skip", "skip 2026-12-24 2026-12-26", C, C, D, D, D, C, C, D, C, C);
        row("coordinator", "coordinator add {new3}", C, C, D, D, D, C, C, D, C, C);
        row("erase", "erase {new4} confirm", C, C, N, N, N, C, C, N, C, C);
        row("settings", "settings", C, C, D, D, D, C, C, D, C, C);
        row("set", "set grace 24", C, C, D, D, D, C, C, D, C, C);
        row("digest", "digest off", C, C, D, D, D, C, C, D, C, C);
    }

    /** Every row, in the table's order. */
    public static Collection<Row> rows() {
        return ROWS.values();
    }

    /** The subcommands the table decides. */
    public static Set<String> names() {
        return ROWS.keySet();
    }

    /** Builds a cell's world through the core: runs {@code line} as {@code who}, and fails the test unless it was done. */
    public static void prepare(CommandService commands, ChatUser who, String line) {
        String reply = commands.handle(new CommandRequest(who, line)).message().summary();
        if (outcome(reply) != Outcome.DONE) {
            throw new AssertionError("preparing the world, " + line + ": " + reply);
        }
    }

    /** The pair the person with this platform user id mentors. */
    public static long pairMentoredBy(JdbcTemplate jdbc, String platformUserId) {
        Long id = jdbc.queryForObject(
                "select p.id from pair p join participant m on m.id = p.mentor_id where m.platform_user_id = ?",
                Long.class,
                platformUserId);
        return id == null ? 0 : id;
    }

    private static final Pattern FIRST_LINE = Pattern.compile("^\\s*(.*)$", Pattern.MULTILINE);

    /** The outcome a reply's text says, from the core's wording of each refusal. */
    public static Outcome outcome(String reply) {
        Matcher first = FIRST_LINE.matcher(reply.strip());
        String start = first.find() ? first.group(1) : reply;
        if (start.startsWith("Only programme coordinators")) {
            return Outcome.COORDINATORS_ONLY;
        }
        if (start.startsWith("You're not part of a Rapport programme")) {
            return Outcome.NOT_A_PARTICIPANT;
        }
        if (reply.contains("programmes are set up by")) {
            return Outcome.MAY_NOT_SET_UP;
        }
        if (start.startsWith("Name the role")) {
            return Outcome.NAME_THE_ROLE;
        }
        if (start.startsWith("You are in this pair yourself")) {
            return Outcome.OWN_PAIR;
        }
        if (start.startsWith("There is no")) {
            return Outcome.NOT_FOUND;
        }
        return Outcome.DONE;
    }
}
