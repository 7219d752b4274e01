package dev.rapport.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.pair.Role;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bank versions side by side, what each statement measures, and what is asked when a pair did not meet. */
class QuestionBanksTest {

    private static final QuestionBanks BANKS = QuestionBanks.load();
    private static final QuestionBank V1 = BANKS.version("2026.1");
    private static final QuestionBank V2 = BANKS.current();

    @Test
    void new_check_ins_use_the_revised_bank_and_the_first_version_is_still_read_with_its_own_wording() {
        assertThat(V2.version()).isEqualTo("2026.2");
        assertThat(V1.version()).isEqualTo("2026.1");
        assertThat(BANKS.all()).containsExactly(V1, V2);
        assertThat(V1.get("effort.2.mentee").text()).contains("I did the work we agreed on");
        assertThat(V2.get("effort.2.mentee").text()).contains("my mentor made time for me");
        assertThat(BANKS.find("2026.1", "confidentiality.1.mentee")
                        .orElseThrow()
                        .text())
                .doesNotContain("Since our last check-in");
        // A version this code does not ship (written by a newer instance) is read with the current bank.
        assertThat(BANKS.version("2099.1")).isSameAs(V2);
        assertThat(QuestionBanks.load(Locale.FRENCH)
                        .version("2026.1")
                        .get("effort.2.mentee")
                        .text())
                .startsWith("Depuis notre dernier point, j'ai fait le travail");
    }

    @Test
    void every_revised_statement_is_about_the_mentor_tied_to_the_period_and_mirrored_on_both_sides() {
        for (Question q : V2.all()) {
            assertThat(q.countsTowardLevels()).as(q.id()).isTrue();
            assertThat(q.aboutPartner()).as(q.id()).isEqualTo(q.role() == Role.MENTEE);
            assertThat(q.text()).as(q.id()).startsWith("Since our last check-in,");
            Question mirror = V2.get(q.dimension().name().toLowerCase(Locale.ROOT) + "." + q.pairedItem() + "."
                    + q.role().other().label());
            assertThat(mirror.needsMeeting()).as(q.id()).isEqualTo(q.needsMeeting());
        }
    }

    @Test
    void the_first_versions_statements_about_the_mentee_count_toward_no_level() {
        assertThat(V1.all().stream().filter(q -> !q.countsTowardLevels()).map(Question::id))
                .containsExactlyInAnyOrder("effort.2.mentee", "effort.2.mentor", "confidentiality.2.mentor");
        assertThat(BANKS.uncounted())
                .containsExactlyInAnyOrder(
                        "2026.1:effort.2.mentee", "2026.1:effort.2.mentor", "2026.1:confidentiality.2.mentor");
    }

    @Test
    void without_a_meeting_a_statement_that_needs_one_gives_way_to_its_dimensions_other_or_to_nothing() {
        List<Question> asked =
                List.of(V2.get("respect.1.mentee"), V2.get("empathy.1.mentee"), V2.get("effort.1.mentee"));
        assertThat(V2.withoutMeeting(asked, Set.of()))
                .extracting(Question::id)
                .containsExactly("respect.2.mentee", "effort.1.mentee");
        // An answer already given stays, whatever it was.
        assertThat(V2.withoutMeeting(asked, Set.of("empathy.1.mentee")))
                .extracting(Question::id)
                .containsExactly("respect.2.mentee", "empathy.1.mentee", "effort.1.mentee");
    }
}
