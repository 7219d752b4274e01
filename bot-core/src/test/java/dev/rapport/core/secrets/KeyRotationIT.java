package dev.rapport.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.Platform;
import dev.rapport.core.checkin.CheckInService;
import dev.rapport.core.installation.Installation;
import dev.rapport.core.installation.Installations;
import dev.rapport.core.meeting.MeetingService;
import dev.rapport.core.meeting.MeetingView;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.test.CoreTestSupport;
import dev.rapport.core.test.FreshDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A key rotation: the application runs with a new {@code RAPPORT_SECRET_KEY} and the old one as
 * {@code RAPPORT_SECRET_KEY_PREVIOUS}. Records written under the old key stay readable, new ones are sealed under the
 * new key, and the re-encryption pass seals the old ones again so the old key can go.
 */
@TestPropertySource(
        properties = {
            "rapport.secret-key=" + KeyRotationIT.NEW_KEY,
            "rapport.secret-key-previous=" + FreshDatabase.SECRET_KEY
        })
class KeyRotationIT extends CoreTestSupport {

    static final String NEW_KEY = "the-new-secret-key-after-the-rotation-0001";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Secrets OLD = Secrets.of(FreshDatabase.SECRET_KEY, List.of());
    static final Secrets NEW_ONLY = Secrets.of(NEW_KEY, List.of());

    @Autowired
    Secrets secrets;

    @Autowired
    CheckInService checkIns;

    @Autowired
    MeetingService meetings;

    @Autowired
    Installations installations;

    @Autowired
    Reencryption reencryption;

    PairView pair;
    long checkIn;
    long meeting;

    /** Records as the application wrote them before the rotation, under the old key. */
    @BeforeEach
    void recordsWrittenUnderTheOldKey() {
        pair = pair(
                programme("Cardiology", user("Cora"), BERLIN),
                user("Dr Lee"),
                user("Ana"),
                BERLIN,
                LocalDate.parse("2026-11-23"));
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        tick();
        checkIn = jdbc.queryForObject("select id from check_in where role = 'MENTEE'", Long.class);
        jdbc.update(
                "update check_in set comment = ?, comment_shared = true where id = ?",
                OLD.seal(SecretField.CHECK_IN_COMMENT, checkIn, "old comment"),
                checkIn);
        meeting = jdbc.queryForObject("select nextval('meeting_id_seq')", Long.class);
        jdbc.update(
                "insert into meeting (id, pair_id, held_on, note, logged_by, created_at) values (?, ?, ?, ?, ?, now())",
                meeting,
                pair.id(),
                LocalDate.parse("2026-11-27"),
                OLD.seal(SecretField.MEETING_NOTE, meeting, "old note"),
                pair.mentorId());
        installations.save(new Installation(
                Platform.SLACK,
                "T-OLD",
                null,
                "Northfield",
                "A1",
                "UBOT",
                "B1",
                "chat:write",
                OLD.seal(SecretField.BOT_TOKEN, SecretField.installationRow("SLACK", "T-OLD"), "local-bot-token-old"),
                "U1",
                null));
    }

    @Test
    void records_under_the_old_key_stay_readable_and_new_ones_use_the_new_key() {
        assertThat(secrets.currentKeyId()).isEqualTo(NEW_ONLY.currentKeyId()).isNotEqualTo(OLD.currentKeyId());
        assertThat(checkIns.sharedComments(pair.id(), 5))
                .extracting(CheckInService.SharedComment::text)
                .containsExactly("old comment");
        assertThat(meetings.recent(pair.id())).extracting(MeetingView::note).containsExactly("old note");

        MeetingView fresh = meetings.log(
                pair.id(), pair.menteeId(), LocalDate.parse("2026-11-29"), pair.startedOn(), BERLIN, "new note");
        String stored = jdbc.queryForObject("select note from meeting where id = ?", String.class, fresh.id());
        assertThat(stored).startsWith("rk1:" + NEW_ONLY.currentKeyId() + ":");
        assertThat(NEW_ONLY.open(SecretField.MEETING_NOTE, fresh.id(), stored)).isEqualTo("new note");
    }

    @Test
    void the_reencryption_pass_seals_old_records_again_so_the_old_key_can_go() {
        // A value no configured key opens (say, restored from a backup of another installation) is left alone.
        Secrets stranger = Secrets.of("a-key-this-installation-never-had-000000", List.of());
        long mentorCheckIn = jdbc.queryForObject("select id from check_in where role = 'MENTOR'", Long.class);
        String foreign = stranger.seal(SecretField.CHECK_IN_COMMENT, mentorCheckIn, "foreign");
        jdbc.update("update check_in set comment = ? where id = ?", foreign, mentorCheckIn);

        Reencryption.Result result = reencryption.run();

        assertThat(result).isEqualTo(new Reencryption.Result(3, 0, 1));
        String comment = jdbc.queryForObject("select comment from check_in where id = ?", String.class, checkIn);
        String note = jdbc.queryForObject("select note from meeting where id = ?", String.class, meeting);
        String token = installations.find(Platform.SLACK, "T-OLD").orElseThrow().botTokenCipher();
        // The new key alone opens them now.
        assertThat(NEW_ONLY.open(SecretField.CHECK_IN_COMMENT, checkIn, comment))
                .isEqualTo("old comment");
        assertThat(NEW_ONLY.open(SecretField.MEETING_NOTE, meeting, note)).isEqualTo("old note");
        assertThat(NEW_ONLY.open(SecretField.BOT_TOKEN, "SLACK/T-OLD", token)).isEqualTo("local-bot-token-old");
        assertThat(jdbc.queryForObject("select comment from check_in where id = ?", String.class, mentorCheckIn))
                .isEqualTo(foreign);
        assertThat(reencryption.run())
                .as("a second pass finds nothing to do")
                .isEqualTo(new Reencryption.Result(0, 0, 1));
    }

    @Test
    void a_comment_an_earlier_version_wrote_in_the_clear_during_a_rolling_upgrade_is_sealed_at_the_next_start() {
        long mentorCheckIn = jdbc.queryForObject("select id from check_in where role = 'MENTOR'", Long.class);
        jdbc.update("update check_in set comment = 'written by an old pod' where id = ?", mentorCheckIn);

        assertThat(reencryption.run().sealedPlaintext()).isEqualTo(1);

        String stored = jdbc.queryForObject("select comment from check_in where id = ?", String.class, mentorCheckIn);
        assertThat(stored).doesNotContain("old pod");
        assertThat(NEW_ONLY.open(SecretField.CHECK_IN_COMMENT, mentorCheckIn, stored))
                .isEqualTo("written by an old pod");
    }
}
