package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.command.CommandService;
import dev.rapport.core.database.DomainTables;
import dev.rapport.core.outbox.Dispatcher;
import dev.rapport.core.schedule.Reminders;
import dev.rapport.core.schedule.Sweeper;
import dev.rapport.core.test.MutableClock;
import dev.rapport.discord.LocalDiscordWorld.Person;
import dev.rapport.localdiscord.DiscordMessage;
import dev.rapport.localdiscord.Interaction;
import dev.rapport.localdiscord.InteractionResponse;
import dev.rapport.localdiscord.LocalDiscord;
import dev.rapport.localdiscord.Options;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the Discord adapter's end-to-end tests: one Spring context with a real JDA logged in to one local Discord
 * for all of them. Before each test the domain tables are wiped and the clock reset (tests never depend on each
 * other's data or order) and the bot is connected; each test draws people of its own from the world, so the local
 * Discord's direct messages of other tests never get in the way.
 */
@DiscordIT
abstract class DiscordTestSupport {

    /** A bad payload makes JDA hang rather than fail, and a reconnect takes a few seconds: never wait longer. */
    static final Duration CONNECT = Duration.ofSeconds(30);

    /** Discord's window for the initial response, which the adapter must always keep to. */
    static final Duration THREE_SECONDS = Duration.ofSeconds(3);

    /** The longest a follow-up or a delivery may take here. */
    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    LocalDiscord discord;

    @Autowired
    DiscordConnection connection;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Sweeper sweeper;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    Reminders reminders;

    @Autowired
    CommandService commands;

    @BeforeEach
    void connectedToAnEmptyWorld() {
        DomainTables.empty(jdbc);
        clock.set(DiscordTestApplication.START);
        await().atMost(CONNECT).until(() -> connection.status() == DiscordConnection.Status.CONNECTED);
        await().atMost(CONNECT).until(() -> discord.commandNames(0).contains("rapport"));
    }

    /** Runs the sweep and then the dispatcher, as the jobs would. */
    void tick() {
        sweeper.sweep();
        dispatcher.drain("test-worker");
    }

    /** Sets the clock and runs the schedule. */
    void at(String instant) {
        clock.set(Instant.parse(instant));
        tick();
    }

    /**
     * Runs {@code /rapport <sub>} as a member of the server and returns the interaction, already acknowledged. A
     * coordinator command is run where Discord lists it, in its group ({@code /rapport programme health}).
     */
    Interaction run(Person who, String sub, Map<String, ?> options) {
        Interaction i = discord.as(LocalDiscordWorld.GUILD, who.id()).slashCommand("rapport", path(sub), options);
        InteractionResponse ack = i.awaitResponse();
        assertThat(ack.accepted()).as("the acknowledgement of /rapport %s", sub).isTrue();
        assertThat(ack.latency()).isLessThan(THREE_SECONDS);
        return i;
    }

    /** Where Discord lists the core's subcommand {@code sub}: in its group, if it has one. */
    String path(String sub) {
        return commands.find(sub)
                .flatMap(found -> found.subcommand().group())
                .map(group -> group + " " + sub)
                .orElse(sub);
    }

    /** The text of a command's reply once it has replaced the deferred "thinking" message. */
    String reply(Interaction i) {
        await().atMost(WAIT)
                .until(() -> i.originalMessage().map(m -> !m.loading()).orElse(false));
        DiscordMessage m = i.originalMessage().orElseThrow();
        assertThat(m.ephemeral()).as("a reply only its user sees").isTrue();
        return text(m);
    }

    /** Runs a command and returns its reply's text. */
    String say(Person who, String sub, Map<String, ?> options) {
        return reply(run(who, sub, options));
    }

    /** A message's content and its embeds' descriptions (where tables go), as a person reads them. */
    /**
     * Whether a message is a check-in: it carries a rating's select menu (or, on an older message, its buttons). The
     * welcome's research buttons are {@code rapport:} ids too, so any Rapport component is not enough.
     */
    static boolean isCheckIn(DiscordMessage m) {
        return m.customIds().stream().anyMatch(id -> id.startsWith("rapport:scale:") || id.startsWith("rapport:rate:"));
    }

    static String text(DiscordMessage m) {
        return plain(m.content() + "\n" + String.join("\n", m.embedDescriptions()));
    }

    /** Discord Markdown as a person reads it: without the escapes that keep names and ids literal. */
    static String plain(String markdown) {
        return markdown.replaceAll("\\\\(.)", "$1").replace("**", "").replace("\u200B", "");
    }

    /**
     * The server's admin (Manage Server) sets a programme up, bound to the configured coordinator role, whose members
     * ({@link LocalDiscordWorld#coordinator()}) coordinate it.
     */
    void setUp(String name) {
        assertThat(say(ADMIN, "setup", Map.of("name", name, "timezone", "Europe/Lisbon")))
                .contains("is set up");
    }

    static final Person ADMIN = new Person(LocalDiscordWorld.ADMIN, "Admin");

    /** Sets up a programme with a coordinator and one pair, the way a server would in Discord. */
    void programmeWithPair(Person coordinator, Person mentor, Person mentee) {
        setUp("Residents");
        assertThat(say(
                        coordinator,
                        "add-pair",
                        Map.of("mentor", Options.user(mentor.id()), "mentee", Options.user(mentee.id()))))
                .contains(mentor.name())
                .contains(mentee.name());
    }

    /** The last direct message to someone that satisfies {@code test}, waiting for it. */
    DiscordMessage awaitDm(Person to, java.util.function.Predicate<DiscordMessage> test) {
        await().atMost(WAIT).until(() -> lastDm(to, test).isPresent());
        return lastDm(to, test).orElseThrow();
    }

    Optional<DiscordMessage> lastDm(Person to, java.util.function.Predicate<DiscordMessage> test) {
        List<DiscordMessage> all = discord.messagesTo(to.id());
        for (int i = all.size() - 1; i >= 0; i--) {
            if (!all.get(i).ephemeral() && test.test(all.get(i))) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** Direct messages (not interaction replies) the bot sent someone. */
    List<DiscordMessage> dms(Person to) {
        return discord.messagesTo(to.id()).stream()
                .filter(m -> m.interactionId() == 0)
                .toList();
    }
}
