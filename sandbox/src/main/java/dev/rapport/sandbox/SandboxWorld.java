package dev.rapport.sandbox;

import dev.rapport.localdiscord.LocalDiscord;
import dev.rapport.localdiscord.Permissions;
import dev.rapport.localslack.LocalSlack;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sandbox's stand-ins for the chat platforms, running in the application's process: the local Slack with the
 * demo workspace and the local Discord with the demo server, and their people. Started once, by {@link SandboxActivation}, before the application's beans exist
 * (the adapters need the URLs at start); handed to the sandbox's beans through {@link #current()}; closed with the
 * application.
 */
public final class SandboxWorld implements AutoCloseable {

    /** The sandbox's own database, reset at every start. */
    static final String DATABASE = "rapport_sandbox";

    /** Set when the sandbox chose its own database, which it may therefore reset. */
    static final String OWN_DATABASE = "rapport.sandbox.own-database";

    static final String SLACK_TEAM = "T0DEMO";
    static final String SLACK_WORKSPACE_NAME = "Northfield Medical School";
    static final String SLACK_BOT_TOKEN = "sandbox-slack-bot-token-0001";
    static final String SLACK_APP_TOKEN = "sandbox-slack-app-token-0001";

    /** Someone in the demo, and the part they play in it. */
    record Person(String platform, String workspace, String userId, String handle, String name, String role) {}

    static final List<Person> SLACK_PEOPLE = List.of(
            new Person("slack", SLACK_TEAM, "U0CORA", "cora", "Cora Lindqvist", "coordinator"),
            new Person("slack", SLACK_TEAM, "U0LEE", "lee", "Dr Lee Okafor", "mentor"),
            new Person("slack", SLACK_TEAM, "U0ANA", "ana", "Ana Ribeiro", "mentee"),
            new Person("slack", SLACK_TEAM, "U0PATEL", "priya", "Dr Priya Patel", "mentor"),
            new Person("slack", SLACK_TEAM, "U0BEN", "ben", "Ben Carter", "mentee"),
            new Person("slack", SLACK_TEAM, "U0OMAR", "omar", "Dr Omar Haddad", "mentor"),
            new Person("slack", SLACK_TEAM, "U0ZOE", "zoe", "Zoe Adams", "mentee"));

    static final long DISCORD_GUILD = 1_300_000_000_000_000_100L;
    static final long DISCORD_CHANNEL = 1_300_000_000_000_000_101L;
    static final long DISCORD_COORDINATOR_ROLE = 1_300_000_000_000_000_102L;
    static final long DISCORD_ADMIN_ROLE = 1_300_000_000_000_000_103L;
    static final String DISCORD_GUILD_NAME = "Rapport Demo Server";
    static final String DISCORD_BOT_TOKEN = "sandbox-discord-bot-token-0001";

    static final List<Person> DISCORD_PEOPLE = List.of(
            new Person(
                    "discord",
                    Long.toString(DISCORD_GUILD),
                    "1300000000000000201",
                    "sam",
                    "Dr Sam Whitfield",
                    "coordinator"),
            new Person(
                    "discord",
                    Long.toString(DISCORD_GUILD),
                    "1300000000000000202",
                    "grace",
                    "Prof Grace Mensah",
                    "mentor"),
            new Person("discord", Long.toString(DISCORD_GUILD), "1300000000000000203", "mia", "Mia Chen", "mentee"));

    /** Everyone in the demo, Slack first. */
    static final List<Person> PEOPLE =
            Stream.concat(SLACK_PEOPLE.stream(), DISCORD_PEOPLE.stream()).toList();

    private static SandboxWorld current;

    private final LocalSlack slack;
    private final LocalDiscord discord;

    private SandboxWorld(LocalSlack slack, LocalDiscord discord) {
        this.slack = slack;
        this.discord = discord;
    }

    /** Starts the world once per process; a second call (a restarted context, a test) gets the same one. */
    static synchronized SandboxWorld start() {
        if (current == null) {
            LocalSlack.Builder slack = LocalSlack.builder()
                    .workspace(SLACK_TEAM, SLACK_BOT_TOKEN)
                    .workspaceName(SLACK_TEAM, SLACK_WORKSPACE_NAME)
                    .appToken(SLACK_APP_TOKEN);
            for (Person p : SLACK_PEOPLE) {
                // The coordinator is a workspace admin: Slack workspaces let their admins and owners set programmes up.
                slack.user(
                        SLACK_TEAM,
                        p.userId(),
                        p.handle(),
                        p.name(),
                        "Europe/Lisbon",
                        p.role().equals("coordinator"));
            }
            LocalDiscord.Builder discord = LocalDiscord.builder()
                    .botToken(DISCORD_BOT_TOKEN)
                    .guild(DISCORD_GUILD, DISCORD_GUILD_NAME, g -> {
                        g.textChannel(DISCORD_CHANNEL, "mentoring");
                        // The configured coordinator role (by id): programmes set up without naming one are bound to
                        // it.
                        g.role(DISCORD_COORDINATOR_ROLE, "Rapport Coordinator", 0);
                        // The server's admins may set programmes up (Manage Server).
                        g.role(DISCORD_ADMIN_ROLE, "Admins", Permissions.MANAGE_GUILD);
                        for (Person p : DISCORD_PEOPLE) {
                            long id = Long.parseLong(p.userId());
                            if (p.role().equals("coordinator")) {
                                g.member(id, p.handle(), p.name(), DISCORD_COORDINATOR_ROLE, DISCORD_ADMIN_ROLE);
                            } else {
                                g.member(id, p.handle(), p.name());
                            }
                        }
                    });
            current = new SandboxWorld(slack.start(), discord.start());
        }
        return current;
    }

    /** The world {@link SandboxActivation} started, if it did. */
    static synchronized SandboxWorld current() {
        if (current == null) {
            throw new IllegalStateException("the sandbox's local platforms were not started");
        }
        return current;
    }

    LocalSlack slack() {
        return slack;
    }

    LocalDiscord discord() {
        return discord;
    }

    /** What the real adapters need to talk to the local platforms instead of the real ones. */
    Map<String, String> adapterProperties() {
        return Map.of(
                "rapport.slack.bot-token",
                SLACK_BOT_TOKEN,
                "rapport.slack.app-token",
                SLACK_APP_TOKEN,
                "rapport.slack.api-url",
                slack.apiUrl(),
                "rapport.discord.token",
                DISCORD_BOT_TOKEN,
                "rapport.discord.api-url",
                discord.restUrl(),
                "rapport.discord.coordinator-role",
                Long.toString(DISCORD_COORDINATOR_ROLE));
    }

    @Override
    public synchronized void close() {
        slack.close();
        discord.close();
        if (current == this) {
            current = null;
        }
    }
}
