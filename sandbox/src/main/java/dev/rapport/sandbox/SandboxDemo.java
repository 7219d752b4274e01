package dev.rapport.sandbox;

import dev.rapport.core.database.DomainTables;
import dev.rapport.core.digest.DigestService;
import dev.rapport.core.digest.SilenceNotices;
import dev.rapport.core.health.HealthService;
import dev.rapport.core.outbox.Dispatcher;
import dev.rapport.core.participant.ProfileRefresh;
import dev.rapport.core.schedule.Reminders;
import dev.rapport.core.schedule.Sweeper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo: a clean start (the sandbox's own database is reset), the programme set up by its coordinator through
 * the real {@code /rapport} commands, and the clock moves the person trying Rapport asks for, each followed by the
 * schedule's work at once (the recurring jobs would get there within a minute anyway).
 */
@Component
@ConditionalOnProperty(name = SandboxActivation.ACTIVE, havingValue = "true")
class SandboxDemo {

    private static final Logger log = LoggerFactory.getLogger(SandboxDemo.class);

    private static final java.time.LocalTime DIGEST_FROM = dev.rapport.core.digest.DigestRules.SEND_FROM.plusMinutes(5);

    private final JdbcTemplate jdbc;
    private final SandboxClock clock;
    private final SlackSandbox slack;
    private final DiscordSandbox discord;
    private final Sweeper sweeper;
    private final Dispatcher dispatcher;
    private final Reminders reminders;
    private final HealthService health;
    private final ProfileRefresh profiles;
    private final SandboxHistory history;
    private final SilenceNotices silences;
    private final DigestService digests;
    private final Environment environment;
    private final boolean ownDatabase;
    private final ReentrantLock working = new ReentrantLock();
    private volatile String status = "starting";

    SandboxDemo(
            JdbcTemplate jdbc,
            SandboxClock clock,
            SlackSandbox slack,
            DiscordSandbox discord,
            Sweeper sweeper,
            Dispatcher dispatcher,
            Reminders reminders,
            HealthService health,
            ProfileRefresh profiles,
            SandboxHistory history,
            SilenceNotices silences,
            DigestService digests,
            Environment environment,
            @Value("${" + SandboxWorld.OWN_DATABASE + ":false}") boolean ownDatabase) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.slack = slack;
        this.discord = discord;
        this.sweeper = sweeper;
        this.dispatcher = dispatcher;
        this.reminders = reminders;
        this.health = health;
        this.profiles = profiles;
        this.history = history;
        this.silences = silences;
        this.digests = digests;
        this.environment = environment;
        this.ownDatabase = ownDatabase;
    }

    /** Seeds the demo once the application (and so the Slack adapter) is up, then says where the page is. */
    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        Thread.ofVirtual().name("sandbox-demo").start(this::seed);
    }

    void seed() {
        try {
            waitFor("the Slack adapter to connect to the local Slack", slack::connected);
            waitFor("the Discord adapter to log in to the local Discord", discord::connected);
            if (ownDatabase) {
                reset();
            }
            ZoneId lisbon = ZoneId.of("Europe/Lisbon");
            // The coordinators' digest goes out from 9:00 on its day: a demo started earlier begins at 9:00.
            clock.advanceTo(clock.instant().atZone(lisbon).with(DIGEST_FROM).toInstant());
            LocalDate today = clock.instant().atZone(lisbon).toLocalDate();
            if (programmesIn(SandboxWorld.SLACK_TEAM) == 0) {
                slack.command("U0CORA", "setup \"Residents 2026\" Europe/Lisbon");
                slack.command("U0CORA", "add-pair <@U0LEE> <@U0ANA> " + today);
                slack.command("U0CORA", "add-pair <@U0PATEL> <@U0BEN> " + today);
                slack.command("U0CORA", "add-pair <@U0OMAR> <@U0ZOE> " + today);
                long programme = jdbc.queryForObject(
                        "select id from programme where workspace_id = ?", Long.class, SandboxWorld.SLACK_TEAM);
                history.write(programme, lisbon, clock.instant());
                // Today is the programme's digest day, so Cora's weekly digest is there when the page opens.
                jdbc.update(
                        "update programme set digest_day = ? where id = ?",
                        today.getDayOfWeek().getValue(),
                        programme);
            }
            if (programmesIn(Long.toString(SandboxWorld.DISCORD_GUILD)) == 0) {
                long sam = Long.parseLong(SandboxWorld.DISCORD_PEOPLE.getFirst().userId());
                discord.command(sam, "setup \"Research Mentoring\" Europe/London");
                discord.command(sam, "add-pair @grace @mia " + today);
            }
            work();
            status = "ready";
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            log.info("");
            log.info("  Rapport sandbox: open http://localhost:{}/sandbox", port);
            log.info("  (no Slack or Discord is contacted; set RAPPORT_SLACK_* or RAPPORT_DISCORD_* to connect them)");
            log.info("");
        } catch (RuntimeException e) {
            status = "failed: " + e.getMessage();
            log.error("The sandbox could not set up its demo", e);
        }
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier done) {
        Instant giveUp = Instant.now().plusSeconds(60);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("gave up waiting 60 s for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(
                    Duration.ofMillis(100).toNanos());
        }
    }

    private int programmesIn(String workspace) {
        Integer n =
                jdbc.queryForObject("select count(*) from programme where workspace_id = ?", Integer.class, workspace);
        return n == null ? 0 : n;
    }

    /** Empties the sandbox's own database: every start is a fresh demo, like the local platforms it talks to. */
    private void reset() {
        DomainTables.empty(jdbc);
    }

    String status() {
        return status;
    }

    Instant now() {
        return clock.instant();
    }

    /** Moves the clock on to a minute after the next check-in falls due, and sends what is due. */
    Instant nextCheckIn() {
        java.time.OffsetDateTime due = jdbc.queryForObject(
                "select min(s.next_due_at) from checkin_slot s join pair p on p.id = s.pair_id"
                        + " where p.status = 'ACTIVE'",
                java.time.OffsetDateTime.class);
        if (due == null) {
            throw new IllegalStateException(SandboxLanguages.text("sandbox.no-active-pair"));
        }
        clock.advanceTo(due.toInstant().plus(Duration.ofMinutes(1)));
        work();
        return clock.instant();
    }

    /** Moves the clock on by {@code by} and runs what the jobs would: check-ins, reminders, health and alerts. */
    Instant advance(Duration by) {
        clock.advance(by);
        work();
        return clock.instant();
    }

    /** The schedule's work (new people's profiles, check-ins, reminders, health, the digest), now rather than at the jobs' next run. */
    void work() {
        working.lock();
        try {
            profiles.readNewProfiles();
            sweeper.sweep();
            reminders.run();
            health.refresh();
            silences.run();
            digests.run();
            dispatcher.drain("sandbox");
        } finally {
            working.unlock();
        }
    }
}
