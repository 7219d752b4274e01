package dev.rapport.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.secrets.SecretField;
import dev.rapport.core.secrets.Secrets;
import dev.rapport.core.test.CoreTestSupport;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AnswerExportIT extends CoreTestSupport {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    static final Instant ANSWERED = Instant.parse("2026-11-30T10:05:00Z");

    @Autowired
    Secrets secrets;

    @Autowired
    AnswerExport export;

    ProgrammeView residents;
    ProgrammeView nurses;
    PairView leeAna;
    PairView kimBen;

    @BeforeEach
    void twoProgrammesWithAnsweredCheckIns() {
        residents = programme("Residents", user("Cora"), LISBON);
        nurses = programme("Nurses", user("Nia"), LISBON);
        ChatUser ana = user("=HYPERLINK(\"http://evil\")");
        leeAna = pair(residents, user("Dr Lee"), ana, LISBON, LocalDate.parse("2026-11-23"));
        kimBen = pair(nurses, user("Dr Kim"), user("Ben"), LISBON, LocalDate.parse("2026-11-23"));
        clock.set(Instant.parse("2026-11-30T10:00:00Z"));
        tick();
        assertThat(jdbc.queryForObject("select count(*) from check_in", Integer.class))
                .isEqualTo(4);

        answer(
                leeAna,
                "MENTEE",
                true,
                "=1+1 thanks, this helps",
                true,
                "RESPECT-E1",
                "RESPECT",
                4,
                "TRUST-E2",
                "EMPATHY",
                2);
        answer(leeAna, "MENTOR", false, "private worry about Ana", false, "EFFORT-R1", "EFFORT", 5);
        answer(kimBen, "MENTEE", true, "nurses comment shared", true, "RESPECT-E1", "RESPECT", 1);
    }

    /** Answers a pair's check-in for {@code role} as the check-in flow would, with SQL. */
    void answer(PairView pair, String role, boolean met, String comment, boolean shared, Object... questions) {
        long checkIn = jdbc.queryForObject(
                "select id from check_in where pair_id = ? and role = ?", Long.class, pair.id(), role);
        jdbc.update(
                "update check_in set status = 'ANSWERED', answered_at = ?, met = ?, comment = ?, comment_shared = ? where id = ?",
                SqlTime.of(ANSWERED),
                met,
                secrets.seal(SecretField.CHECK_IN_COMMENT, checkIn, comment),
                shared,
                checkIn);
        for (int i = 0; i < questions.length; i += 3) {
            jdbc.update(
                    "insert into answer (check_in_id, question_id, bank_version, dimension, score, answered_at) values (?, ?, 'v1', ?, ?, ?)",
                    checkIn,
                    questions[i],
                    questions[i + 1],
                    questions[i + 2],
                    SqlTime.of(ANSWERED));
        }
    }

    List<CSVRecord> rows(long programmeId) throws IOException {
        String csv = new String(export.csv(programmeId), StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }

    @Test
    void the_export_has_a_header_and_a_row_per_check_in_and_per_answered_statement() throws IOException {
        String csv = new String(export.csv(residents.id()), StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith(
                        "pair_id,mentor,mentee,period,role,question_id,bank_version,dimension,score,met,comment,answered_at,not_applicable\r\n");

        List<CSVRecord> rows = rows(residents.id());
        assertThat(rows)
                .extracting(r -> r.get("role") + "|" + r.get("question_id") + "|" + r.get("score") + "|" + r.get("met"))
                .containsExactly(
                        "MENTEE|||true",
                        "MENTEE|RESPECT-E1|4|",
                        "MENTEE|TRUST-E2|2|",
                        "MENTOR|||false",
                        "MENTOR|EFFORT-R1|5|");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("pair_id")).isEqualTo(String.valueOf(leeAna.id()));
            assertThat(r.get("mentor")).isEqualTo("Dr Lee");
            assertThat(r.get("period")).isEqualTo("2026-11-30");
            assertThat(r.get("answered_at")).isEqualTo("2026-11-30T10:05:00Z");
        });
        assertThat(rows.get(1).get("dimension")).isEqualTo("RESPECT");
        assertThat(rows.get(1).get("bank_version")).isEqualTo("v1");
    }

    @Test
    void the_export_contains_only_its_own_programme() throws IOException {
        assertThat(rows(residents.id())).extracting(r -> r.get("pair_id")).containsOnly(String.valueOf(leeAna.id()));
        assertThat(rows(nurses.id())).extracting(r -> r.get("pair_id")).containsOnly(String.valueOf(kimBen.id()));
        String residentsCsv = new String(export.csv(residents.id()), StandardCharsets.UTF_8);
        assertThat(residentsCsv).doesNotContain("Dr Kim", "Ben", "nurses comment");
    }

    @Test
    void a_shared_comment_is_exported_and_an_unshared_one_never_is() throws IOException {
        String csv = new String(export.csv(residents.id()), StandardCharsets.UTF_8);
        assertThat(csv).contains("thanks, this helps").doesNotContain("private worry");

        List<CSVRecord> rows = rows(residents.id());
        assertThat(rows)
                .filteredOn(r -> r.get("role").equals("MENTOR"))
                .extracting(r -> r.get("comment"))
                .containsOnly("");
        assertThat(rows)
                .filteredOn(r ->
                        r.get("role").equals("MENTEE") && r.get("question_id").isEmpty())
                .extracting(r -> r.get("comment"))
                .containsExactly("'=1+1 thanks, this helps");
    }

    @Test
    void scores_from_both_sides_are_exported() throws IOException {
        assertThat(rows(residents.id()))
                .filteredOn(r -> !r.get("score").isEmpty())
                .extracting(r -> r.get("role") + ":" + r.get("dimension") + "=" + r.get("score"))
                .containsExactlyInAnyOrder("MENTEE:RESPECT=4", "MENTEE:EMPATHY=2", "MENTOR:EFFORT=5");
    }

    @Test
    void cells_that_a_spreadsheet_would_run_as_a_formula_are_neutralised() throws IOException {
        List<CSVRecord> rows = rows(residents.id());
        assertThat(rows).extracting(r -> r.get("mentee")).containsOnly("'=HYPERLINK(\"http://evil\")");
        assertThat(rows).allSatisfy(r -> r.forEach(cell -> assertThat(cell).doesNotStartWith("=")));
        assertThat(AnswerExport.text("+1")).isEqualTo("'+1");
        assertThat(AnswerExport.text("-1")).isEqualTo("'-1");
        assertThat(AnswerExport.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AnswerExport.text("fine")).isEqualTo("fine");
    }

    @Test
    void a_programme_without_answers_exports_just_the_header() {
        ProgrammeView empty = programme("Empty", user("Eli"), LISBON);
        assertThat(new String(export.csv(empty.id()), StandardCharsets.UTF_8))
                .isEqualTo(
                        "pair_id,mentor,mentee,period,role,question_id,bank_version,dimension,score,met,comment,answered_at,not_applicable\r\n");
    }
}
