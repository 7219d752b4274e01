package dev.rapport.sandbox;

import dev.rapport.localslack.LocalSlack;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's stand-ins for the chat platforms, running in the application's process: the local Slack with the
 * demo workspace and its people. Started once, by {@link SandboxActivation}, before the application's beans exist
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
            new Person("slack", SLACK_TEAM, "U0BEN", "ben", "Ben Carter", "mentee"));

    private static SandboxWorld current;

    private final LocalSlack slack;

    private SandboxWorld(LocalSlack slack) {
        this.slack = slack;
    }

    /** Starts the world once per process; a second call (a restarted context, a test) gets the same one. */
    static synchronized SandboxWorld start() {
        if (current == null) {
            LocalSlack.Builder slack = LocalSlack.builder()
                    .workspace(SLACK_TEAM, SLACK_BOT_TOKEN)
                    .workspaceName(SLACK_TEAM, SLACK_WORKSPACE_NAME)
                    .appToken(SLACK_APP_TOKEN);
            for (Person p : SLACK_PEOPLE) {
                slack.user(SLACK_TEAM, p.userId(), p.handle(), p.name(), "Europe/Lisbon", false);
            }
            current = new SandboxWorld(slack.start());
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

    /** What the real adapters need to talk to the local platforms instead of the real ones. */
    Map<String, String> adapterProperties() {
        return Map.of(
                "rapport.slack.bot-token", SLACK_BOT_TOKEN,
                "rapport.slack.app-token", SLACK_APP_TOKEN,
                "rapport.slack.api-url", slack.apiUrl());
    }

    @Override
    public synchronized void close() {
        slack.close();
        if (current == this) {
            current = null;
        }
    }
}
