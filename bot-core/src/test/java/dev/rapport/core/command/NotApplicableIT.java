package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.InteractionResult;
import dev.rapport.core.checkin.CheckInContent;
import dev.rapport.core.checkin.CheckInService;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.health.DimensionTrend;
import dev.rapport.core.health.HealthService;
import dev.rapport.core.health.PairHealth;
import dev.rapport.core.insight.Overview.Side;
import dev.rapport.core.insight.OverviewReader;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.pulse.Dimension;
import dev.rapport.core.pulse.Question;
import dev.rapport.core.pulse.QuestionBanks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Not applicable" and question bank 2026.2 on PostgreSQL: an N/A tap is stored without a score, counts toward no level,
 * trend or gap, and is counted for coordinators; after "we did not meet" only the statements that make sense without a
 * meeting are asked; new check-ins are asked from 2026.2 while a 2026.1 check-in keeps its wording and its answers.
 */
class NotApplicableIT extends CommandTestSupport {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** A Monday. */
    static final LocalDate START = LocalDate.parse("2026-11-02");

    @Autowired
    CheckInService checkIns;

    @Autowired
    HealthService health;

    @Autowired
    OverviewReader overview;

    @Autowired
    QuestionBanks banks;

    ChatUser cora;
    ChatUser lee;
    ChatUser ana;
    PairView pair;

    /** Cora coordinates; Dr Lee mentors Ana; the first check-in goes out on Monday 30 November at 10:00 in Berlin. */
    ChatMessage firstCheckIn() {
        cora = admin("Cora");
        ProgrammeView programme = programme("Cardiology", cora, BERLIN);
        lee = user("Dr Lee");
        ana = user("Ana");
        pair = pair(programme, lee, ana, BERLIN, LocalDate.parse("2026-11-23"));
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        tick();
        return slack.to(ana.userId()).stream()
                .map(d -> d.message())
                .filter(m -> m.summary().contains("check-in is ready"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void every_statement_offers_na_and_an_na_tap_is_stored_without_a_score_and_completes_the_check_in() {
        ChatMessage message = firstCheckIn();
        List<Block.Question> statements = statements(message);
        assertThat(statements).hasSize(3).allSatisfy(q -> {
            assertThat(q.scale()).isTrue();
            assertThat(q.choices())
                    .extracting(ChatMessage.Choice::label)
                    .containsExactly("1", "2", "3", "4", "5", "N/A");
            assertThat(q.choices().get(0).detail()).isEqualTo("Strongly disagree");
            assertThat(q.choices().get(5).actionId()).endsWith(":na");
        });

        checkIns.click(ana, meetChoice(message, true));
        InteractionResult na =
                checkIns.click(ana, statements.get(0).choices().get(5).actionId());
        checkIns.click(ana, statements.get(1).choices().get(3).actionId());
        InteractionResult last =
                checkIns.click(ana, statements.get(2).choices().get(5).actionId());

        assertThat(na.updatedMessage().blocks())
                .filteredOn(b -> b instanceof Block.Answered a && a.answer().equals("N/A – does not apply"))
                .hasSize(1);
        assertThat(jdbc.queryForList(
                        "select coalesce(score::text, 'null') || '/' || not_applicable || '/' || bank_version"
                                + " from answer order by answered_at, question_id",
                        String.class))
                .containsExactlyInAnyOrder("null/true/2026.2", "4/false/2026.2", "null/true/2026.2");
        assertThat(last.updatedMessage().summary()).isEqualTo("Check-in recorded. Thank you!");
        assertThat(jdbc.queryForObject(
                        "select status || '/' || bank_version from check_in where role = 'MENTEE'", String.class))
                .isEqualTo("ANSWERED/2026.2");
        // The same N/A again keeps the first answer.
        assertThat(checkIns.click(ana, statements.get(0).choices().get(5).actionId())
                        .notice())
                .contains("first answer is kept");
    }

    @Test
    void after_we_did_not_meet_only_the_statements_that_make_sense_without_a_meeting_are_asked() {
        ChatMessage message = firstCheckIn();
        long checkIn = jdbc.queryForObject("select id from check_in where role = 'MENTEE'", Long.class);
        List<Question> before = checkIns.content(checkIn).orElseThrow().questions();

        InteractionResult no = checkIns.click(ana, meetChoice(message, false));

        List<Question> after = checkIns.content(checkIn).orElseThrow().questions();
        assertThat(after).noneMatch(Question::needsMeeting);
        for (Question q : before) {
            boolean anyWithout =
                    banks.current().statements(q.role(), q.dimension()).stream().anyMatch(s -> !s.needsMeeting());
            assertThat(after.stream().filter(a -> a.dimension() == q.dimension()))
                    .as("%s after no meeting", q.id())
                    .hasSize(anyWithout ? 1 : 0);
        }
        List<Block.Question> asked = statements(no.updatedMessage());
        assertThat(asked).hasSize(after.size());
        assertThat(asked)
                .extracting(Block.Question::prompt)
                .containsExactlyElementsOf(after.stream().map(Question::text).toList());
        // A button of a statement no longer asked records nothing.
        before.stream()
                .filter(Question::needsMeeting)
                .findFirst()
                .ifPresent(q -> assertThat(checkIns.click(ana, "rapport:rate:" + checkIn + ":" + q.id() + ":3")
                                .notice())
                        .contains("didn't recognise"));
        InteractionResult last = no;
        for (Block.Question q : asked) {
            last = checkIns.click(ana, q.choices().get(4).actionId());
        }
        assertThat(last.updatedMessage().summary()).isEqualTo("Check-in recorded. Thank you!");
        assertThat(jdbc.queryForObject("select count(*) from answer", Integer.class))
                .isEqualTo(after.size());
        // The mentor is not asked whether they met, and keeps every statement.
        long mentorCheckIn = jdbc.queryForObject("select id from check_in where role = 'MENTOR'", Long.class);
        CheckInContent mentor = checkIns.content(mentorCheckIn).orElseThrow();
        assertThat(mentor.questions())
                .extracting(Question::dimension)
                .containsExactlyElementsOf(
                        before.stream().map(Question::dimension).toList());
    }

    @Test
    void na_answers_count_toward_no_level_trend_or_gap_and_coordinators_see_how_often_each_statement_did_not_apply() {
        cora = admin("Cora");
        ProgrammeView programme = programme("Cardiology", cora, BERLIN);
        pair = pair(programme, user("Dr Lee"), user("Ana"), BERLIN, START);
        // Ana's respect, oldest first: 5, 5, 2, N/A, 2, N/A. Counted: 5, 5, 2, 2.
        Integer[] mentee = {5, 5, 2, null, 2, null};
        for (int n = 1; n <= 6; n++) {
            answer(checkIn(n, "MENTEE", pair.menteeId(), "2026.2"), "respect.1.mentee", "2026.2", mentee[n - 1]);
        }
        // Dr Lee: 3 once, then N/A.
        answer(checkIn(5, "MENTOR", pair.mentorId(), "2026.2"), "respect.1.mentor", "2026.2", 3);
        answer(checkIn(6, "MENTOR", pair.mentorId(), "2026.2"), "respect.1.mentor", "2026.2", null);
        // 2026.1's effort.2.mentee was a self-rating: stored, read, but never Dr Lee's effort.
        long old = checkIn(1, "MENTEE", pair.menteeId(), "2026.1", LocalDate.parse("2026-10-26"));
        answer(old, "effort.1.mentee", "2026.1", 4);
        answer(old, "effort.2.mentee", "2026.1", 1);
        clock.set(START.plusWeeks(5).plusDays(2).atTime(12, 0).toInstant(ZoneOffset.UTC));

        PairHealth h = health.assess(pair.id());
        DimensionTrend respect = trend(h, Dimension.RESPECT);
        assertThat(respect.menteeLevel()).isEqualTo(2.0);
        assertThat(respect.change()).isEqualTo(-3.0);
        assertThat(respect.menteeScores()).containsExactly(5, 5, 2, 2);
        assertThat(respect.mentorLevel()).isEqualTo(3.0);
        assertThat(respect.gap()).isEqualTo(1.0);
        assertThat(trend(h, Dimension.EFFORT).menteeLevel()).isEqualTo(4.0);
        assertThat(h.reasons()).anyMatch(r -> r.code().equals("FALLING:RESPECT"));

        // The overview's weekly means leave the N/A weeks out: 5, 5, 2, 2 → 3.5 (N/A as 0 would give 2.33).
        assertThat(overview.read(programme.id(), BERLIN, 8, List.of()).level(Side.MENTEE, Dimension.RESPECT))
                .isEqualTo(3.5);

        assertThat(say(cora, "pair #" + pair.id()))
                .contains("*Not applicable*, per statement (all the pair's answers): Respect 1 (mentor) 1 of 2 (50%)"
                        + " · Respect 1 (mentee) 2 of 6 (33%)");
        assertThat(say(cora, "overview"))
                .contains(
                        "*Not applicable*, per statement (8 weeks): Respect 1 (mentor) 1 of 2 (50%) · Respect 1 (mentee) 2 of 6 (33%)");
        assertThat(jdbc.queryForObject("select count(*) from answer where score is null", Integer.class))
                .isEqualTo(3);
    }

    @Test
    void new_check_ins_are_asked_from_2026_2_while_a_2026_1_check_in_keeps_its_wording_and_its_answers() {
        cora = admin("Cora");
        ProgrammeView programme = programme("Cardiology", cora, BERLIN);
        ana = user("Ana");
        pair = pair(programme, user("Dr Lee"), ana, BERLIN, LocalDate.parse("2026-11-23"));
        // Sent before the upgrade, from 2026.1, still open.
        long old = checkIn(1, "MENTEE", pair.menteeId(), "2026.1", LocalDate.parse("2026-11-23"));
        jdbc.update(
                "update check_in set status = 'SENT', answered_at = null, met = null,"
                        + " question_ids = 'confidentiality.1.mentee,effort.2.mentee' where id = ?",
                old);
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));

        CheckInContent before = checkIns.content(old).orElseThrow();
        assertThat(before.questions())
                .extracting(Question::text)
                .containsExactly(
                        "I am confident that what I share with my mentor stays between us.",
                        "Since our last check-in, I did the work we agreed on between meetings.");
        InteractionResult tap = checkIns.click(ana, "rapport:rate:" + old + ":effort.2.mentee:3");
        assertThat(tap.notice()).isNull();
        assertThat(tap.updatedMessage().blocks())
                .filteredOn(b -> b instanceof Block.Answered)
                .extracting(b -> ((Block.Answered) b).prompt())
                .contains("Since our last check-in, I did the work we agreed on between meetings.");

        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        tick();

        assertThat(jdbc.queryForObject("select bank_version from check_in where id = ?", String.class, old))
                .isEqualTo("2026.1");
        assertThat(jdbc.queryForList(
                        "select role || ' ' || bank_version from check_in where pair_id = ? and period > ?",
                        String.class,
                        pair.id(),
                        LocalDate.parse("2026-11-23")))
                .containsExactlyInAnyOrder("MENTEE 2026.2", "MENTOR 2026.2");
        assertThat(jdbc.queryForObject(
                        "select bank_version || ':' || question_id || '=' || score from answer where check_in_id = ?",
                        String.class,
                        old))
                .isEqualTo("2026.1:effort.2.mentee=3");
        // Still read afterwards, with its own wording.
        assertThat(checkIns.content(old).orElseThrow().scores()).isEqualTo(Map.of("effort.2.mentee", 3));
        assertThat(checkIns.content(old).orElseThrow().questions().get(1).text())
                .contains("I did the work");
    }

    long checkIn(int week, String role, long participant, String version) {
        return checkIn(week, role, participant, version, START.plusWeeks(week - 1));
    }

    long checkIn(int week, String role, long participant, String version, LocalDate day) {
        Instant sent = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        return jdbc.queryForObject(
                """
                insert into check_in (pair_id, role, participant_id, period, seq, bank_version, question_ids, due_at,
                                      status, sent_at, answered_at, met)
                values (?, ?, ?, ?, ?, ?, 'respect.1', ?, 'ANSWERED', ?, ?, true) returning id""",
                Long.class,
                pair.id(),
                role,
                participant,
                day,
                week - 1,
                version,
                SqlTime.of(sent),
                SqlTime.of(sent),
                SqlTime.of(sent.plus(Duration.ofHours(3))));
    }

    /** Stores an answer as {@code CheckInService} does: a score, or (null) not applicable. */
    void answer(long checkIn, String questionId, String version, Integer score) {
        jdbc.update(
                "insert into answer (check_in_id, question_id, bank_version, dimension, score, not_applicable,"
                        + " answered_at) select ?, ?, ?, ?, ?, ?, answered_at from check_in where id = ?",
                checkIn,
                questionId,
                version,
                questionId.substring(0, questionId.indexOf('.')).toUpperCase(java.util.Locale.ROOT),
                score,
                score == null,
                checkIn);
    }

    static DimensionTrend trend(PairHealth h, Dimension d) {
        return h.dimensions().stream()
                .filter(t -> t.dimension() == d)
                .findFirst()
                .orElseThrow();
    }

    static List<Block.Question> statements(ChatMessage message) {
        return message.blocks().stream()
                .filter(b -> b instanceof Block.Question q && q.scale())
                .map(b -> (Block.Question) b)
                .toList();
    }

    static String meetChoice(ChatMessage message, boolean met) {
        return message.blocks().stream()
                .filter(b -> b instanceof Block.Question q && !q.scale())
                .map(b -> ((Block.Question) b).choices().get(met ? 0 : 1).actionId())
                .findFirst()
                .orElseThrow();
    }
}
