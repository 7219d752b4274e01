package dev.rapport.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.checkin.SilentStreaks;
import dev.rapport.core.database.DomainTables;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.programme.Setting;
import dev.rapport.core.test.AnsweredWeeks;
import dev.rapport.core.test.CoreTestSupport;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The programme-wide assessment kept by {@link HealthBoard}: whatever is written, by whichever connection, the next
 * {@link HealthService#assessProgramme} equals a fresh read of every pair, while only the pairs a write touched are
 * read again.
 */
class HealthBoardIT extends CoreTestSupport {

    static final LocalDate FIRST_MONDAY = LocalDate.parse("2026-11-02");

    @Autowired
    HealthService health;

    @Autowired
    HealthFactsReader reader;

    AnsweredWeeks weeks;
    ProgrammeView programme;
    List<PairView> pairList;

    @BeforeEach
    void aProgrammeOfSixPairsAfterFourWeeks() {
        weeks = new AnsweredWeeks(jdbc, FIRST_MONDAY);
        programme = programme("Residents", user("Cora"), ZoneOffset.UTC);
        pairList = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            PairView p = pair(programme, user("Mentor " + i), user("Mentee " + i), ZoneOffset.UTC, FIRST_MONDAY);
            pairList.add(p);
            for (int w = 1; w <= 4; w++) {
                // Pair 0 answers well, pair 1 poorly, pair 2 not at all on the mentee's side, the rest in between.
                Integer mentee = i == 2 ? null : i == 1 ? 1 : 3 + (i + w) % 3;
                weeks.week(p.id(), w, mentee, i == 3 ? null : 4);
            }
        }
        clock.set(weeks.midweek(5));
    }

    @Test
    void whatever_is_written_the_next_assessment_equals_a_fresh_read_of_every_pair() {
        Map<String, Runnable> writes = new LinkedHashMap<>();
        writes.put("a week answered", () -> weeks.week(pairList.get(0).id(), 5, 1, 1));
        writes.put(
                "a meeting logged",
                () -> jdbc.update(
                        "insert into meeting (pair_id, held_on, logged_by, created_at) values (?, ?, ?, now())",
                        pairList.get(1).id(),
                        FIRST_MONDAY.plusWeeks(4),
                        pairList.get(1).mentorId()));
        writes.put(
                "a meeting deleted",
                () -> jdbc.update(
                        "delete from meeting where pair_id = ?", pairList.get(1).id()));
        writes.put("a pair paused", () -> pairs.pause(pairList.get(2).id(), FIRST_MONDAY.plusWeeks(8)));
        writes.put("a mentee paused", () -> participants.pause(pairList.get(3).menteeId(), FIRST_MONDAY.plusWeeks(8)));
        writes.put("a threshold changed", () -> programmes.set(programme.id(), Setting.GAP, "0.5"));
        writes.put(
                "a skip date added",
                () -> programmes.addSkipDates(programme.id(), FIRST_MONDAY.plusWeeks(5), FIRST_MONDAY.plusWeeks(5)));
        writes.put(
                "answers erased",
                () -> jdbc.update(
                        "delete from answer where check_in_id in (select id from check_in where pair_id = ?)",
                        pairList.get(4).id()));
        writes.put(
                "an answer turned not applicable",
                () -> jdbc.update(
                        "update answer set score = null, not_applicable = true where check_in_id in"
                                + " (select id from check_in where pair_id = ? and role = 'MENTEE')",
                        pairList.get(5).id()));
        writes.put(
                "a check-in unanswered",
                () -> jdbc.update(
                        "update check_in set answered_at = null, met = null, status = 'SENT' where pair_id = ? and period = ?",
                        pairList.get(5).id(),
                        FIRST_MONDAY.plusWeeks(3)));
        writes.put("a pair ended", () -> pairs.end(pairList.get(0).id()));
        writes.put("a pair added", () -> {
            PairView p = pair(programme, user("Mentor 6"), user("Mentee 6"), ZoneOffset.UTC, FIRST_MONDAY);
            weeks.week(p.id(), 1, 2, 2);
            weeks.week(p.id(), 2, 2, 2);
        });
        writes.put(
                "the clock past the board's age",
                () -> clock.set(weeks.midweek(5).plus(Duration.ofMinutes(11))));

        assertMatchesAFreshRead("before any write");
        writes.forEach((what, write) -> {
            write.run();
            assertMatchesAFreshRead(what);
        });
    }

    @Test
    void tables_emptied_with_truncate_and_filled_again_are_read_again() {
        assertMatchesAFreshRead("before");
        // TRUNCATE fires no statement trigger; ids start again from 1, so the same programme and pair ids come back
        // with other facts.
        DomainTables.empty(jdbc);
        programme = programme("Residents again", user("Cora"), ZoneOffset.UTC);
        PairView only = pair(programme, user("Lee"), user("Ana"), ZoneOffset.UTC, FIRST_MONDAY);
        weeks.week(only.id(), 1, 1, 5);
        weeks.week(only.id(), 2, 1, 5);
        assertThat(health.assessProgramme(programme.id())).hasSize(1);
        assertMatchesAFreshRead("after");
    }

    @Test
    void a_write_records_the_pairs_it_touched_and_nothing_else() {
        String before = jdbc.queryForObject("select pg_current_snapshot()::text", String.class);

        weeks.week(pairList.get(4).id(), 5, 4, 4);

        assertThat(jdbc.queryForList(
                        "select distinct unnest(pair_ids) from health_change where programme_id = ?"
                                + " and not pg_visible_in_snapshot(xid, ?::pg_snapshot)",
                        Long.class,
                        programme.id(),
                        before))
                .containsExactly(pairList.get(4).id());
    }

    /**
     * Every table the assessment reads (its SQL in {@link HealthFactsReader} and {@link SilentStreaks}) records its
     * changes in {@code health_change}, for each kind of write the board depends on.
     */
    @Test
    void every_table_the_assessment_reads_records_its_changes() throws ReflectiveOperationException {
        Set<String> read = new TreeSet<>();
        for (Class<?> c : List.of(HealthFactsReader.class, SilentStreaks.class)) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    f.setAccessible(true);
                    Matcher m = Pattern.compile("(?:from|join)\\s+([a-z_]+)\\b").matcher((String) f.get(null));
                    while (m.find()) {
                        read.add(m.group(1));
                    }
                }
            }
        }
        read.remove("sent"); // the reader's own common table expressions
        read.remove("counted");
        assertThat(read)
                .as("the tables the assessment reads")
                .contains("check_in", "answer", "pair", "programme", "meeting", "checkin_slot", "participant");

        // A participant is created before any pair refers to it and deleted only with its pairs (whose own rows record
        // the change); of the participant, only its pause is read. A programme is deleted only after its pairs.
        Map<String, Set<String>> exceptions = Map.of(
                "participant", Set.of("UPDATE"),
                "programme", Set.of("INSERT", "UPDATE"));
        for (String table : read) {
            List<String> events = jdbc.queryForList("""
                    select event_manipulation from information_schema.triggers
                    where event_object_table = ? and trigger_name like 'health_change%'
                      and action_statement like '%health_change%'""", String.class, table);
            assertThat(Set.copyOf(events))
                    .as("writes to %s recorded in health_change", table)
                    .isEqualTo(exceptions.getOrDefault(table, Set.of("INSERT", "UPDATE", "DELETE")));
        }
    }

    private void assertMatchesAFreshRead(String after) {
        List<PairHealth> fresh =
                reader.read(HealthFactsReader.Scope.openPairsOf(programme.id()), clock.instant()).stream()
                        .map(HealthRules::evaluate)
                        .sorted(Comparator.comparing(PairHealth::state, HealthState.MOST_SEVERE_FIRST)
                                .thenComparingLong(PairHealth::pairId))
                        .toList();
        assertThat(health.assessProgramme(programme.id())).as("after " + after).isEqualTo(fresh);
    }
}
