package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.i18n.Languages;
import dev.rapport.core.pulse.Question;
import dev.rapport.core.pulse.QuestionBank;
import dev.rapport.core.research.ResearchExport;
import dev.rapport.core.secrets.SecretField;
import dev.rapport.core.secrets.Secrets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /rapport export research} against PostgreSQL: only consenting people, as consent stands at each export;
 * pseudonyms that differ between exports; no name, comment or platform id anywhere; a codebook with every shipped item.
 */
class ResearchExportIT extends CommandTestSupport {

    @Autowired
    Secrets secrets;

    ChatUser cora;
    ChatUser lee;
    ChatUser ana;
    ChatUser kim;
    ChatUser ben;

    @BeforeEach
    void twoPairsAnsweredTheirFirstCheckIns() {
        cora = admin("Coralie Fenwick");
        lee = user("Dr Leopold Varga");
        ana = user("Anastasia Quell");
        kim = user("Dr Kimberly Onwu");
        ben = user("Benedikt Sarr");
        say(cora, "setup \"Residents Zeta\" Europe/Lisbon");
        say(cora, "add-pair " + mention(lee) + " " + mention(ana) + " 2026-11-02");
        say(cora, "add-pair " + mention(kim) + " " + mention(ben) + " 2026-11-02");
        clock.set(Instant.parse("2026-11-30T10:00:00Z")); // Monday 10:00 in Lisbon
        tick();
        for (ChatUser who : List.of(lee, ana, kim, ben)) {
            answer(who, "comment-by-" + who.userId() + "-about-the-rota");
        }
        say(ana, "consent yes");
        say(lee, "consent yes");
        say(kim, "consent yes");
        say(kim, "consent no"); // withdrawn
        // Ben never answered the question: no.
    }

    /** Answers the person's check-in as the check-in flow would: every statement it asked, a comment shared. */
    private void answer(ChatUser who, String comment) {
        Map<String, Object> checkIn = jdbc.queryForMap("""
                select ci.id, ci.question_ids, ci.bank_version from check_in ci
                join participant p on p.id = ci.participant_id where p.platform_user_id = ? and ci.sent_at is not null
                order by ci.period desc limit 1""", who.userId());
        long id = ((Number) checkIn.get("id")).longValue();
        jdbc.update(
                "update check_in set status = 'ANSWERED', met = true, comment = ?, comment_shared = true,"
                        + " answered_at = now() where id = ?",
                secrets.seal(SecretField.CHECK_IN_COMMENT, id, comment),
                id);
        int score = 1;
        for (String question : ((String) checkIn.get("question_ids")).split(",")) {
            jdbc.update(
                    """
                    insert into answer (check_in_id, question_id, bank_version, dimension, score, answered_at)
                    values (?, ?, ?, ?, ?, now())""",
                    id,
                    question,
                    checkIn.get("bank_version"),
                    question.substring(0, question.indexOf('.')).toUpperCase(Locale.ROOT),
                    score++);
        }
    }

    private Map<String, String> export() {
        Reply reply = commands.handle(new CommandRequest(cora, "export research"));
        assertThat(reply.ephemeral()).isTrue();
        ChatMessage.Block.Attachment zip = reply.message().blocks().stream()
                .filter(b -> b instanceof ChatMessage.Block.Attachment)
                .map(b -> (ChatMessage.Block.Attachment) b)
                .findFirst()
                .orElseThrow();
        assertThat(zip.fileName()).isEqualTo("rapport-research-2026-11-30.zip");
        assertThat(zip.mediaType()).isEqualTo("application/zip");
        return unzip(zip.content());
    }

    private static Map<String, String> unzip(byte[] zip) {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static List<CSVRecord> csv(String text) {
        try {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new StringReader(text))
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String pseudonymOf(ChatUser who, List<CSVRecord> answers) {
        String role = who == lee || who == kim ? "MENTOR" : "MENTEE";
        Set<String> ids = answers.stream()
                .filter(r -> r.get("role").equals(role))
                .map(r -> r.get("person_id"))
                .collect(Collectors.toSet());
        assertThat(ids).as("one id per person within an export").hasSize(1);
        return ids.iterator().next();
    }

    @Test
    void only_consenting_people_are_exported_item_by_item_with_version_question_period_and_weeks() {
        Map<String, String> files = export();
        assertThat(files.keySet()).containsExactlyElementsOf(ResearchExport.FILES);
        assertThat(files.get("answers.csv"))
                .startsWith("person_id,pair_id,role,period,period_week,weeks_since_start,bank_version,question_id,"
                        + "dimension,score\r\n");

        List<CSVRecord> rows = csv(files.get("answers.csv"));
        assertThat(rows)
                .as("Lee's and Ana's three answers each; Kim withdrew and Ben never agreed")
                .hasSize(6);
        assertThat(rows)
                .extracting(r -> r.get("pair_id"))
                .containsOnly(rows.getFirst().get("pair_id"));
        assertThat(rows).extracting(r -> r.get("role")).containsOnly("MENTOR", "MENTEE");
        String bankVersion = QuestionBank.load().version();
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("period")).isEqualTo("2026-11-30");
            assertThat(r.get("period_week")).isEqualTo("2026-W49");
            assertThat(r.get("weeks_since_start")).isEqualTo("4");
            assertThat(r.get("bank_version")).isEqualTo(bankVersion);
            assertThat(r.get("question_id")).matches("[a-z]+\\.\\d\\.(mentor|mentee)");
            assertThat(r.get("dimension"))
                    .isEqualTo(r.get("question_id")
                            .substring(0, r.get("question_id").indexOf('.'))
                            .toUpperCase(Locale.ROOT));
            assertThat(r.get("score")).isIn("1", "2", "3");
        });
        assertThat(files.get("summary.md"))
                .contains("| mentee | 1 | 1 | 1 | 100%")
                .contains("| mentor | 1 | 1 | 1 | 100%");
        assertThat(jdbc.queryForList("select action from audit_event where action like 'export%'", String.class))
                .containsExactly("export research");
    }

    @Test
    void no_name_comment_or_platform_id_appears_in_any_file() {
        Map<String, String> files = export();
        String all = String.join("\n", files.values());
        for (ChatUser who : List.of(cora, lee, ana, kim, ben)) {
            assertThat(all).doesNotContain(who.displayName()).doesNotContain(who.userId());
            for (String part : who.displayName().split(" ")) {
                if (part.length() > 3) {
                    assertThat(all).as("no part of a name").doesNotContain(part);
                }
            }
        }
        assertThat(all)
                .doesNotContain("about-the-rota")
                .doesNotContain("Residents Zeta")
                .doesNotContain(WORKSPACE);
    }

    @Test
    void two_exports_of_the_same_answers_give_the_same_person_different_ids() {
        List<CSVRecord> first = csv(export().get("answers.csv"));
        List<CSVRecord> second = csv(export().get("answers.csv"));

        assertThat(pseudonymOf(ana, second)).isNotEqualTo(pseudonymOf(ana, first));
        assertThat(pseudonymOf(lee, second)).isNotEqualTo(pseudonymOf(lee, first));
        assertThat(second.getFirst().get("pair_id"))
                .isNotEqualTo(first.getFirst().get("pair_id"));
        assertThat(second)
                .extracting(r -> r.get("question_id") + "=" + r.get("score"))
                .containsExactlyInAnyOrderElementsOf(first.stream()
                        .map(r -> r.get("question_id") + "=" + r.get("score"))
                        .toList());
    }

    @Test
    void a_person_who_withdraws_is_left_out_of_later_exports_and_one_who_agrees_later_is_in() {
        assertThat(csv(export().get("answers.csv")))
                .extracting(r -> r.get("role"))
                .contains("MENTOR");

        say(lee, "consent no");
        say(ben, "consent yes");

        List<CSVRecord> later = csv(export().get("answers.csv"));
        assertThat(later).hasSize(6);
        assertThat(later).extracting(r -> r.get("role")).containsOnly("MENTEE");
        assertThat(later.stream().map(r -> r.get("pair_id")).distinct())
                .as("Ana's pair and Ben's")
                .hasSize(2);
    }

    @Test
    void bank_version_and_question_come_from_each_stored_answer_and_the_codebook_lists_every_version_found() {
        long anasCheckIn = jdbc.queryForObject("""
                select ci.id from check_in ci join participant p on p.id = ci.participant_id
                where p.platform_user_id = ? and ci.sent_at is not null""", Long.class, ana.userId());
        jdbc.update("""
                insert into answer (check_in_id, question_id, bank_version, dimension, score, answered_at)
                values (?, 'respect.3.mentee', '2027.2', 'RESPECT', 5, now())""", anasCheckIn);

        Map<String, String> files = export();

        assertThat(csv(files.get("answers.csv")))
                .filteredOn(r -> r.get("question_id").equals("respect.3.mentee"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.get("bank_version")).isEqualTo("2027.2");
                    assertThat(r.get("dimension")).isEqualTo("RESPECT");
                    assertThat(r.get("score")).isEqualTo("5");
                });
        assertThat(files.get("codebook.md"))
                .contains("| `2027.2` | 1 | 2026-11-30 | 2026-11-30 |")
                .contains("| `" + QuestionBank.load().version() + "` | 6 | 2026-11-30 | 2026-11-30 |")
                .contains("- `2027.2/respect.3.mentee`");
    }

    @Test
    void the_codebook_lists_every_item_of_every_shipped_language_and_items_csv_too() {
        Map<String, String> files = export();
        String codebook = files.get("codebook.md");
        List<CSVRecord> items = csv(files.get("items.csv"));
        int total = 0;
        for (String language : Languages.SHIPPED) {
            QuestionBank bank = QuestionBank.load(
                    QuestionBank.DEFAULT_BUNDLE, language.equals("en") ? Locale.ROOT : Locale.of(language));
            for (var role : dev.rapport.core.pair.Role.values()) {
                for (var dimension : dev.rapport.core.pulse.Dimension.values()) {
                    for (Question q : bank.statements(role, dimension)) {
                        total++;
                        assertThat(codebook)
                                .contains("| `" + q.id() + "` | " + dimension.name() + " | " + role.name() + " | "
                                        + q.text() + " |");
                        assertThat(items).anySatisfy(r -> {
                            assertThat(r.get("language")).isEqualTo(language);
                            assertThat(r.get("question_id")).isEqualTo(q.id());
                            assertThat(r.get("text")).isEqualTo(q.text());
                            assertThat(r.get("bank_version")).isEqualTo(bank.version());
                        });
                    }
                }
            }
        }
        assertThat(items).hasSize(total);
        assertThat(codebook)
                .contains("Mukhtar et al. (2024), Pak J Med Sci 40(11):2748–51")
                .contains("1 – strongly disagree")
                .contains("5 – strongly agree")
                .contains("Versions of the question bank")
                .contains("`person_id`");
    }
}
