package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.secrets.SecretField;
import dev.rapport.core.secrets.Secrets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Erasure, proven by a scan: after it, no text column of any table (Quartz's and the inbound event log included)
 * holds the person's platform id, display name, comment or meeting note.
 */
class ErasureIT extends CommandTestSupport {

    static final String COMMENT = "the rota leaves me no sleep";
    static final String NOTE = "talked about her thesis";

    @Autowired
    Secrets secrets;

    ChatUser cora;
    ChatUser lee;
    ChatUser ana;
    ChatUser bo;

    @BeforeEach
    void anaAnsweredCommentedAndLoggedAMeeting() {
        cora = admin("Cora");
        lee = user("Dr Lee");
        ana = ChatUser.of(cora.platform(), cora.workspaceId(), "U777ANASTASIA", "Anastasia Quist");
        bo = user("Bo");
        say(cora, "setup \"Residents 2026\" Europe/Lisbon");
        say(cora, "add-pair " + mention(lee) + " " + mention(ana) + " 2026-11-23");
        say(cora, "add-pair " + mention(lee) + " " + mention(bo) + " 2026-11-23");
        clock.set(Instant.parse("2026-11-30T10:00:00Z")); // Monday 10:00 in Lisbon
        tick();
        long checkIn = jdbc.queryForObject("""
                select c.id from check_in c join participant p on p.id = c.participant_id
                where p.platform_user_id = ?""", Long.class, ana.userId());
        jdbc.update(
                "update check_in set status = 'ANSWERED', comment = ?, comment_shared = true, met = true,"
                        + " answered_at = now() where id = ?",
                secrets.seal(SecretField.CHECK_IN_COMMENT, checkIn, COMMENT),
                checkIn);
        jdbc.update("""
                insert into answer (check_in_id, question_id, bank_version, dimension, score, answered_at)
                values (?, 'respect.1', 'v1', 'RESPECT', 2, now())""", checkIn);
        assertThat(say(ana, "meeting 2026-11-29 " + NOTE)).contains("Logged");
        jdbc.update("""
                insert into installation (platform, workspace_id, bot_token_cipher, installer_user_id, installed_at)
                values ('SLACK', 'T-OTHER', 'v1:x', ?, now())""", ana.userId());
        jdbc.update("insert into inbound_event (platform, event_id, received_at) values ('SLACK', 'Ev1', now())");
        // A coordinator notice naming her, sent, and one still waiting.
        say(ana, "pause 2026-12-31");
        tick();
        assertThat(traces()).as("the scan finds her before the erasure").isNotEmpty();
    }

    @Test
    void a_person_who_erases_herself_leaves_no_trace_in_any_text_column_and_her_partner_is_told_without_her_name() {
        assertThat(say(ana, "erase-me")).contains("cannot be undone").contains("/rapport erase-me confirm");
        assertThat(traces()).as("nothing happens without confirm").isNotEmpty();

        assertThat(say(ana, "erase-me confirm")).contains("has been erased").contains("and your pair has ended");
        tick();

        assertThat(traces()).isEmpty();
        assertThat(count("select count(*) from answer a join check_in c on c.id = a.check_in_id"
                        + " join participant p on p.id = c.participant_id where p.display_name = 'Erased participant'"))
                .as("her answers are deleted, not kept")
                .isZero();
        assertThat(
                        count(
                                "select count(*) from check_in where participant_id = (select mentor_id from pair where id = 1)"))
                .as("her mentor's own check-ins stay theirs")
                .isPositive();
        String toLee = slack.to(lee.userId()).getLast().message().summary();
        assertThat(toLee).contains("Your pair in Residents 2026 has ended").doesNotContain("Anastasia");
        String toCora = slack.to(cora.userId()).getLast().message().summary();
        assertThat(toCora)
                .contains("A participant of Residents 2026 has been erased")
                .contains("#1");
        assertThat(say(bo, "me")).as("Bo's pair is untouched").contains("Dr Lee");
    }

    @Test
    void a_coordinator_erases_a_participant_from_the_programme_after_confirming() {
        assertThat(say(cora, "erase " + mention(ana))).contains("cannot be undone");
        assertThat(traces()).isNotEmpty();
        assertThat(say(cora, "erase " + mention(ana) + " confirm"))
                .contains("Erased from Residents 2026")
                .contains("profile is erased too");
        tick();
        assertThat(traces()).isEmpty();

        assertThat(say(cora, "erase " + mention(user("Zed")) + " confirm"))
                .isEqualTo("There is nobody by that name in Residents 2026.");
        assertThat(say(bo, "erase " + mention(lee) + " confirm"))
                .startsWith("Only programme coordinators can run `/rapport erase`");
    }

    /** Where her platform id, name, comment or note still appear: "table.column" for each text column holding one. */
    private List<String> traces() {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name from information_schema.columns
                where table_schema = 'public'
                  and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')""");
        for (Map<String, Object> c : columns) {
            String table = (String) c.get("table_name");
            String column = (String) c.get("column_name");
            for (String secret : List.of(ana.userId(), ana.displayName(), "Anastasia", COMMENT, NOTE)) {
                Integer n = jdbc.queryForObject(
                        "select count(*) from \"" + table + "\" where \"" + column + "\"::text ilike ?",
                        Integer.class,
                        "%" + secret + "%");
                if (n != null && n > 0) {
                    found.add(table + "." + column + " holds \"" + secret + "\"");
                }
            }
        }
        return found;
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
