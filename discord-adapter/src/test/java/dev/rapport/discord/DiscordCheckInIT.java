package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.pulse.QuestionBank;
import dev.rapport.core.secrets.SecretField;
import dev.rapport.core.secrets.Secrets;
import dev.rapport.discord.LocalDiscordWorld.Person;
import dev.rapport.localdiscord.DiscordMessage;
import dev.rapport.localdiscord.Interaction;
import dev.rapport.localdiscord.InteractionResponse;
import dev.rapport.localdiscord.SelectMenu;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The weekly check-in in a mentee's DMs, answered by tapping, and the mentor's meeting reminder. */
class DiscordCheckInIT extends DiscordTestSupport {

    @Autowired
    Secrets secrets;

    @Autowired
    QuestionBank bank;

    Person cora;
    Person lee;
    Person ana;

    @BeforeEach
    void aPairWhoseFirstCheckInIsOut() {
        cora = LocalDiscordWorld.coordinator();
        lee = LocalDiscordWorld.member();
        ana = LocalDiscordWorld.member();
        programmeWithPair(cora, lee, ana);
        // The programme's cadence: Mondays 10:00 in each person's zone (Lisbon is UTC in winter).
        at("2026-11-30T10:00:00Z");
    }

    private DiscordMessage checkIn(Person who) {
        return awaitDm(who, m -> isCheckIn(m) && !m.edited());
    }

    private static String button(DiscordMessage m, String prefix, String suffix) {
        return m.customIds().stream()
                .filter(id -> id.startsWith(prefix) && id.endsWith(suffix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button " + prefix + "…" + suffix + " in " + m.customIds()));
    }

    /** The option value (the core's action id) of the {@code n}th statement's menu that ends with {@code suffix}. */
    private static String option(DiscordMessage m, int n, String suffix) {
        return m.selectMenus().get(n).values().stream()
                .filter(v -> v.endsWith(suffix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no option …" + suffix + " in " + m.selectMenus()));
    }

    private long checkInId(Person who) {
        return jdbc.queryForObject(
                "select c.id from check_in c join participant p on p.id = c.participant_id where p.platform_user_id = ?",
                Long.class,
                who.userId());
    }

    @Test
    void the_mentee_gets_the_check_in_as_a_dm_with_buttons_and_a_tap_is_stored_and_shown_on_the_message() {
        DiscordMessage checkIn = checkIn(ana);
        assertThat(checkIn.directMessage()).isTrue();
        assertThat(checkIn.content()).contains("Did you meet " + lee.name());
        assertThat(checkIn.buttonLabels()).contains("Yes", "No");

        Interaction tap = discord.as(ana.id()).click(checkIn, button(checkIn, "rapport:met:", ":yes"));

        InteractionResponse ack = tap.awaitResponse();
        assertThat(ack.type()).isEqualTo(InteractionResponse.DEFERRED_UPDATE_MESSAGE);
        assertThat(ack.latency()).isLessThan(THREE_SECONDS);
        await().atMost(WAIT)
                .until(() ->
                        discord.message(checkIn.id()).orElseThrow().content().contains("✓"));
        DiscordMessage edited = discord.message(checkIn.id()).orElseThrow();
        assertThat(edited.content()).contains("✓ Did you meet " + lee.name()).contains("Yes");
        assertThat(edited.customIds()).noneMatch(id -> id.startsWith("rapport:met:"));
        assertThat(jdbc.queryForObject("select met from check_in where id = ?", Boolean.class, checkInId(ana)))
                .isTrue();
    }

    @Test
    void each_statement_is_a_select_menu_named_by_its_statement_with_na_and_a_choice_reaches_the_core() {
        DiscordMessage checkIn = checkIn(ana);
        List<String> statements = jdbc.queryForList(
                        "select question_ids from check_in where id = ?", String.class, checkInId(ana))
                .getFirst()
                .lines()
                .flatMap(ids -> java.util.Arrays.stream(ids.split(",")))
                .map(id -> bank.get(id).text())
                .toList();
        assertThat(checkIn.selectMenus()).extracting(SelectMenu::placeholder).containsExactlyElementsOf(statements);
        assertThat(checkIn.selectMenus()).allSatisfy(menu -> {
            assertThat(menu.labels())
                    .containsExactly(
                            "1 – Strongly disagree",
                            "2 – Disagree",
                            "3 – Neutral",
                            "4 – Agree",
                            "5 – Strongly agree",
                            "N/A – Does not apply since our last check-in");
            assertThat(menu.values()).allMatch(v -> v.startsWith("rapport:rate:" + checkInId(ana) + ":"));
        });
        // Nothing on the rows is a bare 1–5 button any more.
        assertThat(checkIn.buttonLabels()).doesNotContain("1", "5");
        SelectMenu first = checkIn.selectMenus().getFirst();

        Interaction na = discord.as(ana.id()).select(checkIn, first.customId(), option(checkIn, 0, ":na"));

        InteractionResponse ack = na.awaitResponse();
        assertThat(ack.type()).isEqualTo(InteractionResponse.DEFERRED_UPDATE_MESSAGE);
        assertThat(ack.latency()).isLessThan(THREE_SECONDS);
        await().atMost(WAIT)
                .until(() ->
                        discord.message(checkIn.id()).orElseThrow().content().contains("N/A – does not apply"));
        DiscordMessage edited = discord.message(checkIn.id()).orElseThrow();
        assertThat(edited.selectMenus())
                .extracting(SelectMenu::placeholder)
                .containsExactlyElementsOf(statements.subList(1, 3));
        assertThat(jdbc.queryForObject(
                        "select coalesce(score::text, 'none') || ' ' || not_applicable from answer where check_in_id = ?",
                        String.class,
                        checkInId(ana)))
                .isEqualTo("none true");

        Interaction four = discord.as(ana.id())
                .select(edited, edited.selectMenus().getFirst().customId(), option(edited, 0, ":4"));
        four.awaitResponses(2, WAIT);
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "select count(*) from answer where check_in_id = ? and score = 4",
                                Integer.class,
                                checkInId(ana))
                        == 1);
    }

    @Test
    void a_double_choice_of_a_rating_records_one_answer() {
        DiscordMessage checkIn = checkIn(ana);
        String menu = checkIn.selectMenus().getFirst().customId();
        String rate = option(checkIn, 0, ":4");

        Interaction first = discord.as(ana.id()).select(checkIn, menu, rate);
        Interaction second = discord.as(ana.id()).select(checkIn, menu, rate);

        assertThat(first.awaitResponse().accepted()).isTrue();
        assertThat(second.awaitResponse().accepted()).isTrue();
        first.awaitResponses(2, WAIT);
        second.awaitResponses(2, WAIT);
        assertThat(jdbc.queryForObject(
                        "select count(*) from answer where check_in_id = ?", Integer.class, checkInId(ana)))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select score from answer where check_in_id = ?", Integer.class, checkInId(ana)))
                .isEqualTo(4);
    }

    @Test
    void the_coordinator_sees_one_pair_as_an_embed_with_its_trend_chart_attached() {
        DiscordMessage checkIn = checkIn(ana);
        Interaction tap = discord.as(ana.id())
                .select(checkIn, checkIn.selectMenus().getFirst().customId(), option(checkIn, 0, ":2"));
        tap.awaitResponses(2, WAIT);

        Interaction pair = run(cora, "pair", Map.of("pair", "#1"));
        String shown = reply(pair);

        DiscordMessage m = pair.originalMessage().orElseThrow();
        assertThat(shown).contains(lee.name()).contains(ana.name());
        assertThat(m.embedCount()).isGreaterThanOrEqualTo(1);
        assertThat(m.attachments()).singleElement().satisfies(f -> {
            assertThat(f.filename()).isEqualTo("trend.png");
            assertThat(f.bytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        });
        assertThat(m.embedsJson()).contains("attachment://trend.png");
    }

    @Test
    void the_comment_button_opens_a_modal_whose_comment_and_share_choice_are_stored() {
        DiscordMessage checkIn = checkIn(ana);

        Interaction open = discord.as(ana.id()).click(checkIn, button(checkIn, "rapport:comment:", ""));
        InteractionResponse modal = open.awaitResponse();
        assertThat(modal.type()).isEqualTo(InteractionResponse.MODAL);
        assertThat(modal.latency()).isLessThan(THREE_SECONDS);
        assertThat(modal.customIds()).containsExactly("comment", "share");

        Interaction sent =
                discord.as(ana.id()).submitModal(open, Map.of("comment", "We met twice; very helpful", "share", true));

        assertThat(sent.awaitResponse().latency()).isLessThan(THREE_SECONDS);
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                        "select comment is not null from check_in where id = ?", Boolean.class, checkInId(ana)));
        Map<String, Object> row =
                jdbc.queryForMap("select comment, comment_shared from check_in where id = ?", checkInId(ana));
        assertThat(row).containsEntry("comment_shared", true);
        // Stored sealed; it opens to what Ana wrote.
        assertThat((String) row.get("comment")).doesNotContain("helpful");
        assertThat(secrets.open(SecretField.CHECK_IN_COMMENT, checkInId(ana), (String) row.get("comment")))
                .isEqualTo("We met twice; very helpful");
    }

    @Test
    void the_mentor_gets_the_meeting_reminder_and_logs_the_meeting_with_its_button_and_with_the_command() {
        clock.set(Instant.parse("2026-12-14T10:00:00Z"));
        reminders.remindOverdueMeetings();
        dispatcher.drain("test");
        DiscordMessage reminder = awaitDm(lee, m -> m.content().contains("No meeting with " + ana.name()));

        Interaction tap = discord.as(lee.id()).click(reminder, button(reminder, "rapport:meeting:", ":0"));

        assertThat(tap.awaitResponse().latency()).isLessThan(THREE_SECONDS);
        await().atMost(WAIT)
                .until(() ->
                        discord.message(reminder.id()).orElseThrow().content().contains("Meeting logged"));
        assertThat(meetings()).isEqualTo(1);

        assertThat(say(lee, "meeting", Map.of("date", "2026-12-10", "note", "research plan")))
                .contains("Logged: you met " + ana.name() + " on 2026-12-10");
        assertThat(meetings()).isEqualTo(2);
    }

    private int meetings() {
        return jdbc.queryForObject("select count(*) from meeting", Integer.class);
    }
}
