package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.command.Parameter;
import dev.rapport.core.command.Subcommand;
import dev.rapport.core.command.Tokens;
import dev.rapport.core.database.DomainTables;
import dev.rapport.core.test.AuthorizationTable;
import dev.rapport.core.test.AuthorizationTable.Outcome;
import dev.rapport.core.test.AuthorizationTable.Who;
import dev.rapport.discord.LocalDiscordWorld.Person;
import dev.rapport.localdiscord.Options;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link AuthorizationTable}'s Discord columns through Discord's real way in: each cell is a {@code /rapport}
 * interaction the local Discord sends to JDA over the gateway, with the roles and permissions the member holds there
 * right now, and its reply read from the interaction. The world each cell runs in is made afresh through the core (it is
 * the same for every platform; the cell under test is what goes through Discord).
 *
 * <p>One cell differs from the core's table on purpose: the operator of this test application configured a default
 * coordinator role ({@code rapport.discord.coordinator-role}), so Manage Server's {@code setup} without a role is bound
 * to it instead of being asked to name one.
 */
class DiscordAuthorizationMatrixIT extends DiscordTestSupport {

    /** The kinds of person a Discord server has. */
    static final List<Who> COLUMNS = List.of(
            Who.MENTEE,
            Who.MENTOR,
            Who.COORDINATOR_IN_THE_PAIR,
            Who.STRANGER,
            Who.ROLE_HOLDER,
            Who.FORMER_ROLE_HOLDER,
            Who.MANAGE_SERVER);

    private static final String ROLE = Long.toString(LocalDiscordWorld.COORDINATOR_ROLE);

    private final Person holder = LocalDiscordWorld.coordinator();
    private final Person cip = LocalDiscordWorld.coordinator();
    private final Person lee = LocalDiscordWorld.member();
    private final Person ana = LocalDiscordWorld.member();
    private final Person eve = LocalDiscordWorld.member();
    private final Person former = LocalDiscordWorld.member();
    private final Person stranger = LocalDiscordWorld.member();
    private final Person admin = new Person(LocalDiscordWorld.ADMIN, "Admin");
    private final List<Person> newPeople = List.of(
            LocalDiscordWorld.member(),
            LocalDiscordWorld.member(),
            LocalDiscordWorld.member(),
            LocalDiscordWorld.member());

    @Test
    void every_subcommand_for_every_kind_of_discord_member_matches_the_table() {
        assertThat(AuthorizationTable.names())
                .containsExactlyInAnyOrderElementsOf(
                        commands.subcommands().stream().map(Subcommand::name).toList());
        List<String> newIds = newPeople.stream().map(Person::userId).toList();

        List<String> mismatches = new ArrayList<>();
        for (AuthorizationTable.Row row : AuthorizationTable.rows()) {
            for (Who who : COLUMNS) {
                Map<Who, Person> world = world();
                long pair = pairOf(who == Who.COORDINATOR_IN_THE_PAIR ? cip : lee);
                String line = row.line(pair, newIds, id -> "<@" + id + ">");
                String reply = say(world.get(who), row.name(), options(row.name(), line));
                Outcome expected = row.name().equals("setup") && who == Who.MANAGE_SERVER
                        ? Outcome.DONE // bound to the operator's default role (see the class comment)
                        : row.expected(who);
                Outcome actual = AuthorizationTable.outcome(reply);
                if (actual != expected) {
                    mismatches.add(row.name() + " by " + who + ": expected " + expected + ", got " + actual + " ("
                            + reply.lines().findFirst().orElse("") + ")");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /**
     * The line's words as the subcommand's typed options, in the order of its parameters, as a person fills them; a
     * required file is a CSV with only its header (the import then explains there is nothing to add).
     */
    private Map<String, Object> options(String name, String line) {
        Subcommand sub = commands.find(line).orElseThrow().subcommand();
        List<String> words = Tokens.split(line).subList(1, Tokens.split(line).size());
        Map<String, Object> options = new LinkedHashMap<>();
        commands.parameters(sub).stream()
                .filter(p -> p.kind() == Parameter.Kind.FILE && p.required())
                .forEach(p -> options.put(
                        p.name(),
                        Options.attachment(
                                "pairs.csv",
                                "text/csv",
                                "mentor_id,mentor_name,mentee_id,mentee_name\n".getBytes(StandardCharsets.UTF_8))));
        List<Parameter> parameters = commands.parameters(sub).stream()
                .filter(p -> p.kind() != Parameter.Kind.FILE)
                .toList();
        for (int i = 0; i < words.size(); i++) {
            Parameter p = parameters.get(i);
            String word = words.get(i);
            options.put(
                    p.name(),
                    switch (p.kind()) {
                        case USER -> Options.user(Long.parseLong(word.replaceAll("[<@!>]", "")));
                        case NUMBER -> Long.parseLong(word);
                        case REST -> String.join(" ", words.subList(i, words.size()));
                        default -> word;
                    });
            if (p.kind() == Parameter.Kind.REST) {
                break;
            }
        }
        return options;
    }

    /**
     * The table's Discord world, made afresh: Residents bound to the coordinator role; its holder added Lee → Ana and
     * Cip (a holder too) → Eve; someone enrolled through the role at their last command who no longer holds it.
     */
    private Map<Who, Person> world() {
        DomainTables.empty(jdbc);
        discord.setRoles(LocalDiscordWorld.GUILD, former.id());
        core(
                new ChatUser(Platform.DISCORD, guild(), admin.userId(), admin.name(), true, Set.of()),
                "setup \"Residents\" role=<@&" + ROLE + ">");
        ChatUser coordinator = holding(holder);
        core(coordinator, "add-pair <@" + lee.userId() + "> <@" + ana.userId() + ">");
        core(coordinator, "add-pair <@" + cip.userId() + "> <@" + eve.userId() + ">");
        core(holding(former), "help");
        Map<Who, Person> kinds = new EnumMap<>(Who.class);
        kinds.put(Who.MENTEE, ana);
        kinds.put(Who.MENTOR, lee);
        kinds.put(Who.COORDINATOR_IN_THE_PAIR, cip);
        kinds.put(Who.STRANGER, stranger);
        kinds.put(Who.ROLE_HOLDER, holder);
        kinds.put(Who.FORMER_ROLE_HOLDER, former);
        kinds.put(Who.MANAGE_SERVER, admin);
        return kinds;
    }

    private static String guild() {
        return Long.toString(LocalDiscordWorld.GUILD);
    }

    private static ChatUser holding(Person who) {
        return new ChatUser(Platform.DISCORD, guild(), who.userId(), who.name(), false, Set.of(ROLE));
    }

    private void core(ChatUser who, String line) {
        AuthorizationTable.prepare(commands, who, line);
    }

    private long pairOf(Person mentor) {
        return AuthorizationTable.pairMentoredBy(jdbc, mentor.userId());
    }
}
