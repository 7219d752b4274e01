package dev.rapport.core.test;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.database.DomainTables;
import dev.rapport.core.outbox.Dispatcher;
import dev.rapport.core.pair.PairService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.participant.ParticipantView;
import dev.rapport.core.programme.ProgrammeService;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.schedule.Sweeper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the core's integration tests: wipes the domain tables before each test (tests never depend on
 * each other's data or order), resets the clock and the chat ports, and offers test-data builders.
 */
@CoreIT
public abstract class CoreTestSupport {

    public static final String WORKSPACE = "T-TEST";
    private static final AtomicInteger users = new AtomicInteger();

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    @Qualifier("slackPort")
    protected RecordingChatPort slack;

    @Autowired
    @Qualifier("discordPort")
    protected RecordingChatPort discord;

    @Autowired
    protected TestDirectory directory;

    @Autowired
    protected ProgrammeService programmes;

    @Autowired
    protected ParticipantService participants;

    @Autowired
    protected PairService pairs;

    @Autowired
    protected Sweeper sweeper;

    @Autowired
    protected Dispatcher dispatcher;

    @BeforeEach
    void resetWorld() {
        DomainTables.empty(jdbc);
        directory.clear();
        clock.set(Instant.parse("2026-11-23T08:00:00Z"));
        slack.clear();
        discord.clear();
    }

    /** A Slack user of the test workspace with a unique id. */
    protected ChatUser user(String name) {
        return ChatUser.of(
                Platform.SLACK,
                WORKSPACE,
                "U" + users.incrementAndGet() + name.replaceAll("\\W", "").toUpperCase(),
                name);
    }

    /** A Slack user the workspace lets set programmes up (an admin or owner), with a unique id. */
    protected ChatUser admin(String name) {
        ChatUser u = user(name);
        return new ChatUser(u.platform(), u.workspaceId(), u.userId(), u.displayName(), true, java.util.Set.of());
    }

    protected ParticipantView participant(ChatUser user, ZoneId zone) {
        return participants.ensure(user, zone).participant();
    }

    /** A programme created by {@code coordinator}, in {@code zone}, with the default cadence (Monday 10:00 weekly). */
    protected ProgrammeView programme(String name, ChatUser coordinator, ZoneId zone) {
        ParticipantView c = participant(coordinator, zone);
        return programmes.create(Platform.SLACK, WORKSPACE, name, zone, c.id());
    }

    protected PairView pair(ProgrammeView programme, ChatUser mentor, ChatUser mentee, ZoneId zone, LocalDate start) {
        return pairs.add(programme, new PairService.Person(mentor, zone), new PairService.Person(mentee, zone), start);
    }

    /** Runs the sweep and then the dispatcher, as the jobs would. */
    protected void tick() {
        sweeper.sweep();
        dispatcher.drain("test-worker");
    }
}
