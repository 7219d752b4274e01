package dev.rapport.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.pair.Role;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RotationTest {

    private static final QuestionBank BANK = QuestionBank.load();
    private static final Rotation ROTATION = new Rotation(BANK);
    private static final long[] PAIR_IDS = LongStream.concat(
                    LongStream.rangeClosed(1, 500),
                    LongStream.of(0, 1_000_003, 987_654_321L, Long.MAX_VALUE, Integer.MAX_VALUE + 1L))
            .toArray();
    private static final int SEQS = 40;

    @Test
    void any_two_consecutive_check_ins_cover_all_six_dimensions() {
        for (long pair : PAIR_IDS) {
            for (int seq = 0; seq < SEQS; seq++) {
                Set<Dimension> covered = EnumSet.noneOf(Dimension.class);
                covered.addAll(ROTATION.dimensionsFor(pair, seq));
                covered.addAll(ROTATION.dimensionsFor(pair, seq + 1));
                assertThat(covered)
                        .as("pair %d, seq %d and %d", pair, seq, seq + 1)
                        .containsExactlyInAnyOrder(Dimension.values());
            }
        }
    }

    @Test
    void a_check_in_asks_at_most_three_distinct_questions_each_from_its_dimensions() {
        for (long pair : PAIR_IDS) {
            for (int seq = 0; seq < SEQS; seq++) {
                for (Role role : Role.values()) {
                    List<Question> questions = ROTATION.questionsFor(pair, role, seq);
                    assertThat(questions).hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates();
                    assertThat(questions)
                            .extracting(Question::dimension)
                            .containsExactlyElementsOf(ROTATION.dimensionsFor(pair, seq));
                    assertThat(questions).allSatisfy(q -> assertThat(q.role()).isEqualTo(role));
                }
            }
        }
    }

    @Test
    void the_leading_dimension_varies_from_round_to_round() {
        for (long pair : PAIR_IDS) {
            for (int half = 0; half < 2; half++) {
                Set<Dimension> leaders = new HashSet<>();
                for (int round = 0; round < 3; round++) {
                    int seq = round * 2 + half;
                    leaders.add(ROTATION.dimensionsFor(pair, seq).getFirst());
                    assertThat(ROTATION.dimensionsFor(pair, seq).getFirst())
                            .as("pair %d: the same dimension leads two rounds in a row", pair)
                            .isNotEqualTo(ROTATION.dimensionsFor(pair, seq + 2).getFirst());
                }
                assertThat(leaders).as("pair %d, half %d", pair, half).hasSize(3);
            }
        }
    }

    @Test
    void mentee_and_mentor_get_the_same_dimensions_and_paired_items_in_the_same_check_in() {
        for (long pair : PAIR_IDS) {
            for (int seq = 0; seq < SEQS; seq++) {
                List<Question> mentee = ROTATION.questionsFor(pair, Role.MENTEE, seq);
                List<Question> mentor = ROTATION.questionsFor(pair, Role.MENTOR, seq);
                assertThat(mentor)
                        .extracting(Question::dimension)
                        .containsExactlyElementsOf(
                                mentee.stream().map(Question::dimension).toList());
                assertThat(mentor)
                        .extracting(Question::pairedItem)
                        .containsExactlyElementsOf(
                                mentee.stream().map(Question::pairedItem).toList());
            }
        }
    }

    @Test
    void the_same_pair_and_seq_always_get_the_same_questions() {
        Rotation other = new Rotation(QuestionBank.load());
        for (long pair : PAIR_IDS) {
            assertThat(other.questionsFor(pair, Role.MENTEE, 7)).isEqualTo(ROTATION.questionsFor(pair, Role.MENTEE, 7));
        }
    }

    @Test
    void every_statement_of_a_dimension_is_asked_over_successive_rounds() {
        for (long pair : PAIR_IDS) {
            for (Role role : Role.values()) {
                Set<String> asked = new HashSet<>();
                for (int seq = 0; seq < SEQS; seq++) {
                    ROTATION.questionsFor(pair, role, seq).forEach(q -> asked.add(q.id()));
                }
                assertThat(asked).as("pair %d, %s", pair, role).hasSize(BANK.size() / 2);
            }
        }
    }

    // Bank validation: a malformed or unbalanced bank must fail here, not in a mentee's DM.

    @Test
    void the_question_bank_loads_with_a_version() {
        assertThat(BANK.version()).isNotBlank();
        assertThat(BANK.size()).isGreaterThanOrEqualTo(Dimension.values().length * Role.values().length);
    }

    @Test
    void every_question_id_is_dimension_item_role_and_matches_its_fields() {
        Pattern id = Pattern.compile(
                "(respect|confidentiality|empathy|humility|effort|communication)\\.([1-9]\\d*)\\.(mentee|mentor)");
        for (Role role : Role.values()) {
            for (Dimension d : Dimension.values()) {
                for (Question q : BANK.statements(role, d)) {
                    assertThat(q.id()).matches(id);
                    assertThat(q.id())
                            .isEqualTo(d.name().toLowerCase() + "." + q.pairedItem() + "."
                                    + role.name().toLowerCase());
                    assertThat(q.text()).isNotBlank().hasSizeLessThanOrEqualTo(120);
                    assertThat(BANK.get(q.id())).isEqualTo(q);
                }
            }
        }
    }

    @Test
    void each_dimension_has_the_same_paired_items_for_both_roles() {
        for (Dimension d : Dimension.values()) {
            List<Integer> mentee = BANK.statements(Role.MENTEE, d).stream()
                    .map(Question::pairedItem)
                    .toList();
            List<Integer> mentor = BANK.statements(Role.MENTOR, d).stream()
                    .map(Question::pairedItem)
                    .toList();
            assertThat(mentee).as("%s", d).isNotEmpty().doesNotHaveDuplicates().isEqualTo(mentor);
        }
    }
}
