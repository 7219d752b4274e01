package dev.rapport.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.InteractionResult;
import dev.rapport.core.command.CommandRequest;
import dev.rapport.core.command.CommandService;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.interaction.InteractionService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.pair.Role;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.programme.Setting;
import dev.rapport.core.test.CoreTestSupport;
import dev.rapport.core.test.RecordingChatPort;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The weekly digest on PostgreSQL: what a crafted programme's digest says (pairs newly at risk, to watch, recovered;
 * silent and unreachable people; overdue meetings), who gets it and when (the day, quiet hours, opting out), that it is
 * written once per coordinator and week however often the job runs, and what its buttons do.
 */
class DigestIT extends CoreTestSupport {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    /** A Monday: pairs start here; the digest is due on Mondays (the default), from 09:00 local. */
    static final LocalDate START = LocalDate.parse("2026-11-23");
    /** Monday four weeks on, 10:00 in Lisbon (UTC in winter): a digest is due. */
    static final Instant DIGEST_TIME = START.plusWeeks(4).atTime(10, 0).toInstant(ZoneOffset.UTC);

    @Autowired
    DigestService digests;

    @Autowired
    CommandService commands;

    @Autowired
    InteractionService interactions;

    ChatUser cora;
    ChatUser dev;
    ProgrammeView programme;
    PairView atRisk;
    PairView recovered;
    PairView watch;
    PairView silentMentor;
    PairView noMeeting;
    PairView unreachable;
    PairView quiet;
    PairView coras;

    @BeforeEach
    void aProgrammeWithAPairForEachCase() {
        cora = user("Cora");
        dev = user("Dev");
        programme = programme("Residents", cora, LISBON);
        programmes.addCoordinator(programme.id(), participant(dev, LISBON).id());
        atRisk = pair("Lee", "Ana");
        recovered = pair("Priya", "Ben");
        watch = pair("Sam", "Mia");
        silentMentor = pair("Grace", "Noor");
        noMeeting = pair("Omar", "Ines");
        unreachable = pair("Yuki", "Tom");
        quiet = pair("Rui", "Eva");
        coras = pairs.add(
                programme,
                new dev.rapport.core.pair.PairService.Person(cora, LISBON),
                new dev.rapport.core.pair.PairService.Person(user("Zoe"), LISBON),
                START);
        clock.set(DIGEST_TIME);
        Instant lastWeek = DIGEST_TIME.minus(Duration.ofDays(10));
        Instant thisWeek = DIGEST_TIME.minus(Duration.ofDays(2));
        change(atRisk, lastWeek, "ON_TRACK", null);
        change(atRisk, thisWeek, "AT_RISK", "ON_TRACK");
        change(recovered, lastWeek, "AT_RISK", "ON_TRACK");
        change(recovered, thisWeek.minus(Duration.ofDays(1)), "WATCH", "AT_RISK");
        change(recovered, thisWeek, "ON_TRACK", "WATCH");
        change(watch, thisWeek, "WATCH", "ON_TRACK");
        change(coras, thisWeek, "AT_RISK", "ON_TRACK");
        // An old change, before the window, is not news.
        change(quiet, lastWeek, "WATCH", "ON_TRACK");
        for (int week = 1; week <= 3; week++) {
            unanswered(silentMentor, Role.MENTOR, week);
        }
        for (PairView p : List.of(atRisk, recovered, watch, silentMentor, unreachable, quiet, coras)) {
            meeting(p, DIGEST_TIME.atZone(LISBON).toLocalDate().minusDays(3));
        }
        jdbc.update(
                "update participant set unreachable_since = ? where id = ?",
                SqlTime.of(thisWeek),
                unreachable.menteeId());
    }

    @Test
    void the_digest_tells_each_coordinator_what_changed_one_line_per_pair_with_buttons() {
        assertThat(digests.run()).isEqualTo(2);
        dispatcher.drain("test-worker");

        ChatMessage toCora = onlyDigestTo(cora);
        String all = text(toCora);
        assertThat(toCora.blocks().getFirst())
                .isInstanceOfSatisfying(
                        Block.Text.class,
                        t -> assertThat(t.text())
                                .contains("*Residents: your weekly digest* since December 14, 2026")
                                .contains("6 pairs need a look"));
        assertThat(lines(toCora))
                .containsExactly(
                        "*#" + atRisk.id() + "* Dr Lee & Ana: newly at risk",
                        "*#" + recovered.id() + "* Dr Priya & Ben: recovered, back on track",
                        "*#" + watch.id() + "* Dr Sam & Mia: newly to watch",
                        "*#" + silentMentor.id() + "* Dr Grace & Noor: mentor silent for 3 check-ins",
                        "*#" + noMeeting.id() + "* Dr Omar & Ines: no meeting for 4 weeks",
                        "*#" + unreachable.id()
                                + "* Dr Yuki & Tom: mentee cannot be reached (direct messages refused)");
        // Discord shows five rows of buttons at most: the sixth pair is a plain line, and the digest says so.
        assertThat(toCora.blocks().stream().filter(Block.Question.class::isInstance))
                .hasSize(5);
        assertThat(all).contains("1 more pair above the buttons' limit").contains("every Monday");
        assertThat(all).doesNotContain("Zoe").doesNotContain("Eva");
        Block.Question first = (Block.Question) toCora.blocks().get(1);
        assertThat(first.choices())
                .extracting(ChatMessage.Choice::label, ChatMessage.Choice::actionId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Open pair", DigestActions.open(programme.id(), atRisk.id())),
                        org.assertj.core.groups.Tuple.tuple(
                                "Snooze 14 days", DigestActions.snooze(programme.id(), atRisk.id())));

        // Dev is in no pair: Cora's own pair, newly at risk, is in his digest.
        assertThat(text(onlyDigestTo(dev)))
                .contains("Cora & Zoe: newly at risk")
                .contains("7 pairs need a look");
    }

    @Test
    void the_digest_is_written_once_per_coordinator_and_week_however_often_and_wherever_the_job_runs()
            throws Exception {
        assertThat(digests.run()).isEqualTo(2);
        // Two schedulers firing at once, and the job again an hour later: nothing more.
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runs = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return digests.run();
                }))
                .toList();
        go.countDown();
        for (CompletableFuture<Integer> run : runs) {
            assertThat(run.get()).isZero();
        }
        clock.set(DIGEST_TIME.plus(Duration.ofHours(5)));
        assertThat(digests.run()).isZero();
        clock.set(DIGEST_TIME.plus(Duration.ofDays(1)));
        assertThat(digests.run()).as("Tuesday is not the digest day").isZero();
        assertThat(digestRows()).isEqualTo(2);
        dispatcher.drain("test-worker");
        assertThat(digestsTo(cora.userId())).hasSize(1);

        // A week later, the next one covers that week only: last week's news is not told again.
        clock.set(DIGEST_TIME.plus(Duration.ofDays(7)));
        meeting(noMeeting, DIGEST_TIME.atZone(LISBON).toLocalDate().plusDays(5));
        jdbc.update("update participant set unreachable_since = null");
        assertThat(digests.run()).isEqualTo(2);
        dispatcher.drain("test-worker");
        List<RecordingChatPort.Delivery> toCora = digestsTo(cora.userId());
        assertThat(toCora).hasSize(2);
        String second = text(toCora.get(1).message());
        assertThat(second)
                .contains("since December 21, 2026")
                .doesNotContain("newly at risk")
                .doesNotContain("recovered");
        assertThat(second).contains("Dr Grace & Noor: mentor silent for 3 check-ins");
    }

    @Test
    void the_digest_waits_until_nine_on_its_day_and_out_of_the_coordinators_quiet_hours() {
        clock.set(START.plusWeeks(4).atTime(8, 30).toInstant(ZoneOffset.UTC));
        assertThat(digests.run()).as("before 09:00 in Lisbon").isZero();

        jdbc.update(
                "update participant set quiet_start = '07:00', quiet_end = '12:30' where id = ?",
                participants.find(cora).orElseThrow().id());
        clock.set(DIGEST_TIME);
        assertThat(digests.run()).isEqualTo(2);
        Instant next = jdbc.queryForObject(
                        "select next_attempt_at from outbox where kind = 'DIGEST' and recipient_id = ?",
                        java.time.OffsetDateTime.class,
                        participants.find(cora).orElseThrow().id())
                .toInstant();
        assertThat(next).isEqualTo(START.plusWeeks(4).atTime(12, 30).toInstant(ZoneOffset.UTC));
        dispatcher.drain("test-worker");
        assertThat(digestsTo(cora.userId())).isEmpty();
        assertThat(digestsTo(dev.userId())).hasSize(1);
        clock.set(next.plusSeconds(1));
        dispatcher.drain("test-worker");
        assertThat(digestsTo(cora.userId())).hasSize(1);
    }

    @Test
    void a_coordinator_who_turns_it_off_gets_none_until_they_turn_it_on() {
        assertThat(say(dev, "digest")).contains("You get the weekly digest of Residents every Monday");
        assertThat(say(dev, "digest off")).startsWith("Done: no more weekly digest of Residents for you.");
        assertThat(say(dev, "digest sometimes")).contains("\"sometimes\" is neither");
        assertThat(digests.run()).isEqualTo(1);
        dispatcher.drain("test-worker");
        assertThat(digestsTo(dev.userId())).isEmpty();
        assertThat(digestsTo(cora.userId())).hasSize(1);

        // Turned off after it was written but before it went: it does not go.
        clock.set(DIGEST_TIME.plus(Duration.ofDays(7)));
        say(dev, "digest on");
        assertThat(digests.run()).isEqualTo(2);
        say(dev, "digest off");
        dispatcher.drain("test-worker");
        assertThat(digestsTo(dev.userId())).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select status from outbox where kind = 'DIGEST' and recipient_id = ?",
                        String.class,
                        participants.find(dev).orElseThrow().id()))
                .isEqualTo("EXPIRED");
    }

    @Test
    void the_digest_day_is_a_programme_setting() {
        assertThat(say(cora, "set digest-day friday")).isEqualTo("digest-day in Residents is now friday.");
        assertThat(say(cora, "set digest-day someday"))
                .isEqualTo("Give digest-day as a day of the week in English (monday–sunday), or `default`.");
        assertThat(say(cora, "settings")).contains("digest-day | friday | monday–sunday");
        assertThat(digests.run()).as("Monday is no longer the day").isZero();
        clock.set(DIGEST_TIME.plus(Duration.ofDays(4)));
        assertThat(digests.run()).isEqualTo(2);
        assertThat(programmes.setting(programme.id(), Setting.DIGEST_DAY)).isEqualTo(5.0);
    }

    @Test
    void its_buttons_open_and_snooze_a_pair_as_the_commands_would_for_whoever_may_run_them() {
        InteractionResult opened = interactions.click(cora, DigestActions.open(programme.id(), atRisk.id()));
        assertThat(opened.updatedMessage()).as("the digest stays as it was").isNull();
        assertThat(text(opened.reply())).contains("Dr Lee").contains("Ana");

        InteractionResult snoozed = interactions.click(cora, DigestActions.snooze(programme.id(), atRisk.id()));
        assertThat(text(snoozed.reply())).contains("snoozed for 14 days");
        assertThat(jdbc.queryForObject(
                        "select alert_snoozed_until from pair_health where pair_id = ?",
                        java.time.OffsetDateTime.class,
                        atRisk.id()))
                .isNotNull();

        // The same authority as the commands: a mentor is refused, and so is a coordinator tapping a forged id of
        // their own pair; both are audited as commands are, or refused as they are.
        ChatUser lee = new ChatUser(
                cora.platform(), cora.workspaceId(), userIdOf(atRisk.mentorId()), "Dr Lee", false, java.util.Set.of());
        assertThat(text(interactions
                        .click(lee, DigestActions.open(programme.id(), atRisk.id()))
                        .reply()))
                .startsWith("Only programme coordinators");
        assertThat(text(interactions
                        .click(cora, DigestActions.open(programme.id(), coras.id()))
                        .reply()))
                .startsWith("You are in this pair yourself");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where action in ('pair', 'snooze')", Integer.class))
                .isEqualTo(2);
        assertThat(InteractionService.recognises(DigestActions.open(1, 2))).isTrue();
        assertThat(InteractionService.recognises("rapport:digest:open:x:2")).isFalse();
    }

    // --- facts, as the health run and the check-in flow leave them ---

    private PairView pair(String mentor, String mentee) {
        return pair(programme, user("Dr " + mentor), user(mentee), LISBON, START);
    }

    private void change(PairView p, Instant at, String state, String previous) {
        jdbc.update(
                "insert into pair_state_change (pair_id, at, state, previous_state, reasons) values (?, ?, ?, ?, '')",
                p.id(),
                SqlTime.of(at),
                state,
                previous);
    }

    private void unanswered(PairView p, Role role, int week) {
        Instant sent = START.plusWeeks(week).atTime(10, 0).toInstant(ZoneOffset.UTC);
        jdbc.update(
                """
                insert into check_in (pair_id, role, participant_id, period, seq, bank_version, question_ids, due_at,
                                      status, sent_at)
                values (?, ?, ?, ?, ?, '2026.1', 'respect.1.mentor', ?, 'SENT', ?)""",
                p.id(),
                role.name(),
                role == Role.MENTOR ? p.mentorId() : p.menteeId(),
                START.plusWeeks(week),
                week - 1,
                SqlTime.of(sent),
                SqlTime.of(sent));
    }

    private void meeting(PairView p, LocalDate heldOn) {
        jdbc.update(
                "insert into meeting (pair_id, held_on, logged_by, created_at) values (?, ?, ?, ?)",
                p.id(),
                heldOn,
                p.mentorId(),
                SqlTime.of(clock.instant()));
    }

    private String userIdOf(long participantId) {
        return jdbc.queryForObject(
                "select platform_user_id from participant where id = ?", String.class, participantId);
    }

    private int digestRows() {
        return jdbc.queryForObject("select count(*) from outbox where kind = 'DIGEST'", Integer.class);
    }

    /** The digests delivered to a person (not the welcomes and the rest). */
    private List<RecordingChatPort.Delivery> digestsTo(String userId) {
        List<Long> digests = jdbc.queryForList("select id from outbox where kind = 'DIGEST'", Long.class);
        return slack.to(userId).stream()
                .filter(d -> digests.contains(d.outboxId()))
                .toList();
    }

    private ChatMessage onlyDigestTo(ChatUser who) {
        List<RecordingChatPort.Delivery> to = digestsTo(who.userId());
        assertThat(to).hasSize(1);
        return to.getFirst().message();
    }

    private String say(ChatUser who, String line) {
        return text(commands.handle(new CommandRequest(who, line)).message()).strip();
    }

    private static List<String> lines(ChatMessage m) {
        return m.blocks().stream()
                .map(b -> b instanceof Block.Question q ? q.prompt() : b instanceof Block.Text t ? t.text() : "")
                .filter(s -> s.startsWith("*#"))
                .toList();
    }

    static String text(ChatMessage m) {
        StringBuilder out = new StringBuilder();
        for (Block b : m.blocks()) {
            switch (b) {
                case Block.Text t -> out.append(t.text()).append('\n');
                case Block.Question q -> out.append(q.prompt()).append('\n');
                case Block.Table t -> {
                    out.append(String.join(" | ", t.headers())).append('\n');
                    t.rows().forEach(r -> out.append(String.join(" | ", r)).append('\n'));
                }
                default -> {}
            }
        }
        return out.toString();
    }
}
