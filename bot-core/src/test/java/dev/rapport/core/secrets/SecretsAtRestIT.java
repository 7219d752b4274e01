package dev.rapport.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.checkin.ActionId;
import dev.rapport.core.checkin.CheckInService;
import dev.rapport.core.export.AnswerExport;
import dev.rapport.core.meeting.MeetingService;
import dev.rapport.core.meeting.MeetingView;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.test.CoreTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What participants write reaches PostgreSQL only sealed: a comment answered through the check-in and a meeting logged
 * with a note are nowhere in the database in the clear, read back through the application as written, and a sealed
 * value copied to another row does not open.
 */
class SecretsAtRestIT extends CoreTestSupport {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String COMMENT = "Worried about the thesis deadline, unsure how to raise it";
    static final String NOTE = "Talked through the residency application and the conflict with Dr Moss";

    @Autowired
    CheckInService checkIns;

    @Autowired
    MeetingService meetings;

    @Autowired
    AnswerExport export;

    ProgrammeView programme;
    PairView pair;
    ChatUser mentee;

    @BeforeEach
    void aCommentAndAMeetingNoteAreWrittenThroughTheApplication() {
        programme = programme("Cardiology", user("Cora"), BERLIN);
        ChatUser mentor = user("Dr Lee");
        mentee = user("Ana");
        pair = pair(programme, mentor, mentee, BERLIN, LocalDate.parse("2026-11-23"));
        clock.set(Instant.parse("2026-11-30T09:00:00Z")); // Monday 10:00 in Berlin: the check-ins go out
        tick();
        long checkIn = menteeCheckIn();
        assertThat(checkIns.submitComment(
                                mentee, ActionId.submitComment(checkIn), Map.of("comment", COMMENT, "share", "true"))
                        .notice())
                .contains("shared with the coordinator");
        MeetingView logged =
                meetings.log(pair.id(), pair.mentorId(), LocalDate.parse("2026-11-28"), pair.startedOn(), BERLIN, NOTE);
        assertThat(logged.note()).isEqualTo(NOTE);
    }

    @Test
    void no_column_of_any_table_holds_the_comment_or_the_note_in_the_clear() {
        assertThat(DatabaseScan.columnsContaining(jdbc, COMMENT)).isEmpty();
        assertThat(DatabaseScan.columnsContaining(jdbc, NOTE)).isEmpty();
        // Not even a distinctive part of either.
        assertThat(DatabaseScan.columnsContaining(jdbc, "thesis deadline")).isEmpty();
        assertThat(DatabaseScan.columnsContaining(jdbc, "Dr Moss")).isEmpty();
        // The scan does find what is stored in the clear (the proof it can fail).
        assertThat(DatabaseScan.columnsContaining(jdbc, "Cardiology")).contains("programme.name");

        String stored = jdbc.queryForObject("select comment from check_in where comment is not null", String.class);
        assertThat(stored).startsWith("rk1:");
        assertThat(jdbc.queryForObject("select note from meeting", String.class))
                .startsWith("rk1:");
    }

    @Test
    void the_application_reads_them_back_as_written() {
        assertThat(checkIns.sharedComments(pair.id(), 5))
                .singleElement()
                .extracting(CheckInService.SharedComment::text)
                .isEqualTo(COMMENT);
        assertThat(meetings.recent(pair.id()))
                .singleElement()
                .extracting(MeetingView::note)
                .isEqualTo(NOTE);
        assertThat(new String(export.csv(programme.id()), StandardCharsets.UTF_8))
                .contains(COMMENT);
        // Logging the same date again answers with the stored meeting, its note opened.
        assertThat(meetings.log(
                                pair.id(),
                                pair.menteeId(),
                                LocalDate.parse("2026-11-28"),
                                pair.startedOn(),
                                BERLIN,
                                null)
                        .note())
                .isEqualTo(NOTE);
    }

    @Test
    void a_comment_copied_to_another_check_in_does_not_open() {
        jdbc.update("""
                update check_in set comment = (select comment from check_in where role = 'MENTEE'), comment_shared = true
                where role = 'MENTOR'""");
        assertThatThrownBy(() -> checkIns.sharedComments(pair.id(), 5))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("check_in.comment")
                .hasMessageNotContaining(COMMENT);
    }

    @Test
    void a_note_copied_to_another_meeting_or_into_a_comment_does_not_open() {
        meetings.log(pair.id(), pair.mentorId(), LocalDate.parse("2026-11-29"), pair.startedOn(), BERLIN, "short");
        jdbc.update("update meeting set note = (select note from meeting where held_on = '2026-11-28')"
                + " where held_on = '2026-11-29'");
        assertThatThrownBy(() -> meetings.recent(pair.id()))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("meeting.note");

        jdbc.update("delete from meeting where held_on = '2026-11-29'");
        jdbc.update("update check_in set comment = (select note from meeting) where role = 'MENTEE'");
        assertThatThrownBy(() -> checkIns.sharedComments(pair.id(), 5)).isInstanceOf(SecretUnreadableException.class);
    }

    private long menteeCheckIn() {
        return jdbc.queryForObject("select id from check_in where role = 'MENTEE'", Long.class);
    }
}
