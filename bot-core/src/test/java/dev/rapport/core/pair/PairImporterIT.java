package dev.rapport.core.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.test.CoreTestSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PairImporterIT extends CoreTestSupport {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @Autowired
    PairImporter importer;

    ProgrammeView programme;

    @BeforeEach
    void aProgramme() {
        programme = programme("Residents", user("Cora"), LISBON);
    }

    int pairCount() {
        return jdbc.queryForObject("select count(*) from pair", Integer.class);
    }

    int participantCount() {
        return jdbc.queryForObject("select count(*) from participant", Integer.class);
    }

    @Test
    void a_valid_file_adds_every_pair_and_welcomes_the_new_participants() {
        ImportResult result = importer.importCsv(programme, """
                mentor_id,mentor_name,mentee_id,mentee_name,start_date,mentee_timezone
                UMLEE,Dr Lee,UMANA,Ana Sousa,2026-12-01,America/Sao_Paulo
                UMLEE,Dr Lee,UMBEN,Ben Okafor,,
                """);

        assertThat(result).isEqualTo(new ImportResult(2, 3));
        assertThat(jdbc.queryForList("select started_on from pair order by id", LocalDate.class))
                .containsExactly(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-11-23"));
        assertThat(jdbc.queryForObject(
                        "select time_zone from participant where platform_user_id = 'UMANA'", String.class))
                .isEqualTo("America/Sao_Paulo");
        assertThat(jdbc.queryForObject(
                        "select time_zone from participant where platform_user_id = 'UMBEN'", String.class))
                .isEqualTo("Europe/Lisbon");
        assertThat(jdbc.queryForObject("select count(*) from checkin_slot", Integer.class))
                .isEqualTo(4);

        tick();
        assertThat(slack.to("UMANA"))
                .singleElement()
                .extracting(d -> d.message().summary())
                .asString()
                .contains("Welcome to Residents");
        assertThat(slack.to("UMBEN"))
                .singleElement()
                .extracting(d -> d.message().summary())
                .asString()
                .contains("Welcome to Residents");
        assertThat(slack.to("UMLEE"))
                .singleElement()
                .extracting(d -> d.message().summary())
                .asString()
                .contains("Welcome to Residents");
    }

    @Test
    void a_bad_line_in_the_middle_imports_nothing_and_names_that_line() {
        int participantsBefore = participantCount();
        ImportException e = catchThrowableOfType(ImportException.class, () -> importer.importCsv(programme, """
                mentor_id,mentor_name,mentee_id,mentee_name,mentee_timezone
                UMLEE,Dr Lee,UMANA,Ana,Europe/Lisbon
                UMLEE,Dr Lee,UMBEN,Ben,Europe/Lisbn
                UMKIM,Dr Kim,UMCAL,Cal,
                """));

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.line()).isEqualTo(3);
            assertThat(err.message()).contains("Europe/Lisbn");
        });
        assertThat(e.getMessage()).startsWith("Nothing was imported: 1 problem. Line 3: ");
        assertThat(pairCount()).isZero();
        assertThat(participantCount()).isEqualTo(participantsBefore);
        tick();
        assertThat(slack.deliveries()).isEmpty();
    }

    @Test
    void every_problem_in_the_file_is_reported_with_its_line() {
        ImportException e = catchThrowableOfType(ImportException.class, () -> importer.importCsv(programme, """
                mentor_id,mentor_name,mentee_id,mentee_name,start_date,mentor_timezone
                ,Dr Lee,UMANA,Ana,,
                UMLEE,Dr Lee,UMLEE,Lee again,,
                UMLEE,Dr Lee,UMBEN,Ben,2026-13-01,
                UMLEE,Dr Lee,UMCAL,Cal,,lisbon
                UMLEE,Dr Lee,UMDEE
                UMLEE,Dr Lee,Ana Sousa,Ana,,
                """));

        assertThat(e.errors()).extracting(LineError::line).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(e.errors().get(0).message()).contains("mentor_id is empty");
        assertThat(e.errors().get(1).message()).contains("same person");
        assertThat(e.errors().get(2).message()).contains("2026-13-01", "YYYY-MM-DD");
        assertThat(e.errors().get(3).message()).contains("did you mean Europe/Lisbon?");
        assertThat(e.errors().get(4).message()).contains("3 fields", "header has 6");
        assertThat(e.errors().get(5).message()).contains("not a Slack member id");
        assertThat(e.getMessage()).startsWith("Nothing was imported: 6 problems. Line 2: ");
        assertThat(pairCount()).isZero();
    }

    @Test
    void a_header_without_the_required_columns_is_reported_on_line_one() {
        ImportException e = catchThrowableOfType(ImportException.class, () -> importer.importCsv(programme, """
                mentor,mentee_id,mentee_name
                UMLEE,UMANA,Ana
                """));

        assertThat(e.errors()).extracting(LineError::line).containsOnly(1);
        assertThat(e.getMessage()).contains("unknown column \"mentor\"", "missing the columns mentor_id, mentor_name");
    }

    @Test
    void an_empty_file_is_reported() {
        assertThatThrownBy(() -> importer.importCsv(programme, "\uFEFF\r\n  \r\n"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("Line 1: the file is empty");
        assertThatThrownBy(() -> importer.importCsv(programme, "mentor_id,mentor_name,mentee_id,mentee_name\n"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("Line 2: the file has a header but no pairs");
    }

    @Test
    void the_same_pair_twice_in_the_file_is_reported_on_the_second_line() {
        ImportException e = catchThrowableOfType(ImportException.class, () -> importer.importCsv(programme, """
                mentor_id,mentor_name,mentee_id,mentee_name
                UMLEE,Dr Lee,UMANA,Ana
                UMKIM,Dr Kim,UMBEN,Ben
                <@UMLEE>,Dr Lee,UMANA,Ana
                """));

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.line()).isEqualTo(4);
            assertThat(err.message()).contains("already on line 2");
        });
        assertThat(pairCount()).isZero();
    }

    @Test
    void a_pair_that_is_already_open_in_the_programme_is_reported() {
        ChatUser lee = user("Lee");
        ChatUser ana = user("Ana");
        pair(programme, lee, ana, LISBON, LocalDate.parse("2026-11-23"));

        ImportException e = catchThrowableOfType(
                ImportException.class,
                () -> importer.importCsv(
                        programme,
                        "mentor_id,mentor_name,mentee_id,mentee_name\n"
                                + "UMKIM,Dr Kim,UMBEN,Ben\n"
                                + lee.userId() + ",Lee," + ana.userId() + ",Ana\n"));

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.line()).isEqualTo(3);
            assertThat(err.message()).contains("already a pair in Residents");
        });
        assertThat(pairCount()).isEqualTo(1);
    }

    @Test
    void a_participant_who_left_is_reported() {
        ChatUser gone = user("Gone");
        participants.leave(participant(gone, LISBON).id());

        ImportException e = catchThrowableOfType(
                ImportException.class,
                () -> importer.importCsv(
                        programme,
                        "mentor_id,mentor_name,mentee_id,mentee_name\nUMKIM,Dr Kim," + gone.userId() + ",Gone\n"));

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.line()).isEqualTo(2);
            assertThat(err.message()).contains("left Rapport");
        });
    }

    @Test
    void more_than_five_thousand_pairs_are_refused() {
        StringBuilder csv = new StringBuilder("mentor_id,mentor_name,mentee_id,mentee_name\n");
        for (int i = 0; i <= PairImporter.MAX_ROWS; i++) {
            csv.append("UMLEE,Lee,UM").append(i).append(",Mentee ").append(i).append('\n');
        }
        ImportException e =
                catchThrowableOfType(ImportException.class, () -> importer.importCsv(programme, csv.toString()));

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.line()).isEqualTo(5_002);
            assertThat(err.message()).contains("more than 5,000 pairs");
        });
        assertThat(pairCount()).isZero();
    }

    @Test
    void a_bom_crlf_blank_lines_any_column_order_and_spaces_are_tolerated() {
        String csv = "\uFEFFMentee_Name , MENTEE_ID,mentor_name,mentor_id\r\n"
                + "\r\n"
                + " Ana ,  UMANA , Dr Lee , UMLEE \r\n"
                + "\r\n"
                + "\"Okafor, Ben\",UMBEN,Dr Lee,UMLEE\r\n"
                + "UMX,UMX,UMY\r\n";

        ImportException e = catchThrowableOfType(ImportException.class, () -> importer.importCsv(programme, csv));
        assertThat(e.errors()).extracting(LineError::line).containsExactly(6);

        ImportResult result = importer.importCsv(programme, csv.substring(0, csv.indexOf("UMX")));
        assertThat(result).isEqualTo(new ImportResult(2, 3));
        assertThat(jdbc.queryForList(
                        "select display_name from participant where platform_user_id in ('UMANA', 'UMBEN') order by platform_user_id",
                        String.class))
                .containsExactly("Ana", "Okafor, Ben");
    }

    @Test
    void mention_syntax_is_unwrapped_to_the_user_id() {
        ImportResult result = importer.importCsv(programme, """
                mentor_id,mentor_name,mentee_id,mentee_name
                <@UMLEE>,Dr Lee,<@UMANA|ana.sousa>,
                <@!UMLEE>,Dr Lee,UMBEN,Ben
                """);

        assertThat(result).isEqualTo(new ImportResult(2, 3));
        assertThat(jdbc.queryForList(
                        "select platform_user_id || '=' || display_name from participant where platform_user_id like 'UM%'"
                                + " order by platform_user_id",
                        String.class))
                .containsExactly("UMANA=ana.sousa", "UMBEN=Ben", "UMLEE=Dr Lee");
    }

    @Test
    void a_failure_half_way_through_writing_rolls_the_whole_import_back() {
        jdbc.execute("""
                create or replace function refuse_boom() returns trigger language plpgsql as $$
                begin raise exception 'refused by test trigger'; end $$""");
        jdbc.execute("create trigger refuse_boom before insert on participant for each row"
                + " when (new.platform_user_id = 'UMBOOM') execute function refuse_boom()");
        try {
            int participantsBefore = participantCount();
            assertThatThrownBy(() -> importer.importCsv(programme, """
                    mentor_id,mentor_name,mentee_id,mentee_name
                    UMLEE,Dr Lee,UMANA,Ana
                    UMLEE,Dr Lee,UMBEN,Ben
                    UMLEE,Dr Lee,UMBOOM,Boom
                    """))
                    .isInstanceOf(RuntimeException.class)
                    .hasStackTraceContaining("refused by test trigger");

            assertThat(pairCount()).isZero();
            assertThat(participantCount()).isEqualTo(participantsBefore);
            assertThat(jdbc.queryForObject("select count(*) from checkin_slot", Integer.class))
                    .isZero();
            assertThat(jdbc.queryForObject("select count(*) from outbox", Integer.class))
                    .isZero();
        } finally {
            jdbc.execute("drop trigger refuse_boom on participant");
            jdbc.execute("drop function refuse_boom()");
        }
    }

    @Test
    void an_unclosed_quote_is_reported_where_the_unreadable_part_begins() {
        ImportException e = catchThrowableOfType(ImportException.class, () -> importer.importCsv(programme, """
                mentor_id,mentor_name,mentee_id,mentee_name
                UMLEE,Dr Lee,UMANA,Ana
                UMLEE,"Dr Lee,UMBEN,Ben
                UMKIM,Dr Kim,UMCAL,Cal
                """));

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.line()).isEqualTo(3);
            assertThat(err.message()).contains("unclosed quote");
        });
        assertThat(pairCount()).isZero();
    }
}
