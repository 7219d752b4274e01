package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.ButtonElement;
import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.chat.ChatMessage.Choice;
import dev.rapport.core.checkin.ActionId;
import dev.rapport.core.checkin.CheckInComposer;
import dev.rapport.core.checkin.CheckInContent;
import dev.rapport.core.pair.Role;
import dev.rapport.core.pulse.Dimension;
import dev.rapport.core.pulse.Question;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockKitRendererTest {

    private static final long CHECK_IN = 4711;
    private static final List<Question> QUESTIONS = List.of(
            new Question("respect-1", Dimension.RESPECT, Role.MENTOR, 1, "My mentee takes my time seriously."),
            new Question("effort-1", Dimension.EFFORT, Role.MENTOR, 1, "We both prepare for our meetings."));

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    @Test
    void a_check_in_has_one_button_per_choice_carrying_the_cores_action_id_which_parses_back() {
        ChatMessage message = CheckInComposer.compose(checkIn(Role.MENTEE, Map.of(), null, false, "Ana", "Ben"));

        List<LayoutBlock> blocks = renderer.blocks(message);

        List<String> expected = new ArrayList<>();
        for (Block block : message.blocks()) {
            switch (block) {
                case Block.Question q -> q.choices().forEach(c -> expected.add(c.actionId()));
                case Block.FormButton f -> expected.add(f.actionId());
                default -> {}
            }
        }
        List<ButtonElement> buttons = buttons(blocks);
        assertThat(buttons).extracting(ButtonElement::getActionId).containsExactlyElementsOf(expected);
        assertThat(buttons).extracting(ButtonElement::getValue).containsExactlyElementsOf(expected);
        assertThat(buttons)
                .extracting(b -> b.getText().getText())
                .containsExactly(
                        "Yes",
                        "No",
                        "1",
                        "2",
                        "3",
                        "4",
                        "5",
                        "N/A",
                        "1",
                        "2",
                        "3",
                        "4",
                        "5",
                        "N/A",
                        "Add a comment (optional)");
        // Met yes/no, two rated statements, the comment button: all handed back as the core expects.
        assertThat(expected.stream().map(ActionId::parse).map(Optional::orElseThrow))
                .contains(
                        new ActionId.Met(CHECK_IN, true),
                        new ActionId.Met(CHECK_IN, false),
                        new ActionId.Rate(CHECK_IN, "respect-1", 1),
                        new ActionId.Rate(CHECK_IN, "effort-1", 5),
                        new ActionId.Rate(CHECK_IN, "effort-1", ActionId.NOT_APPLICABLE),
                        new ActionId.OpenComment(CHECK_IN))
                .allMatch(a -> a.checkInId() == CHECK_IN);
        assertThat(blocks).hasSizeLessThanOrEqualTo(50);
        assertThat(renderer.fallbackText(message)).isEqualTo("Your Mentoring 2026 check-in is ready");
    }

    @Test
    void questions_show_their_prompt_and_hint_above_the_buttons() {
        ChatMessage message = CheckInComposer.compose(checkIn(Role.MENTOR, Map.of(), null, false, "Ana", "Ben"));

        List<LayoutBlock> blocks = renderer.blocks(message);

        int prompt = indexOfSectionContaining(blocks, "My mentee takes my time seriously.");
        assertThat(blocks.get(prompt + 1)).isInstanceOf(ContextBlock.class);
        assertThat(texts(blocks.get(prompt + 1))).singleElement().asString().contains("strongly agree");
        assertThat(blocks.get(prompt + 2)).isInstanceOf(ActionsBlock.class);
        assertThat(((ActionsBlock) blocks.get(prompt + 2)).getElements()).hasSize(6); // 1–5 and N/A
    }

    @Test
    void answered_questions_show_their_answer_and_no_buttons() {
        ChatMessage message =
                CheckInComposer.compose(checkIn(Role.MENTEE, Map.of("respect-1", 4), true, false, "Ana", "Ben"));

        List<LayoutBlock> blocks = renderer.blocks(message);

        assertThat(buttons(blocks))
                .extracting(ButtonElement::getActionId)
                .noneMatch(id -> id.contains(":met:") || id.contains(":respect-1:"))
                .anyMatch(id -> id.contains(":effort-1:"));
        int answered = indexOfSectionContaining(blocks, "My mentee takes my time seriously.");
        assertThat(blocks.get(answered + 1)).isInstanceOf(ContextBlock.class);
        assertThat(texts(blocks.get(answered + 1))).containsExactly("✓ 4 – agree");
    }

    @Test
    void a_completed_check_in_with_a_comment_has_no_buttons_at_all() {
        ChatMessage message = CheckInComposer.compose(
                checkIn(Role.MENTEE, Map.of("respect-1", 2, "effort-1", 5), false, true, "Ana", "Ben"));

        List<LayoutBlock> blocks = renderer.blocks(message);

        assertThat(blocks).noneMatch(b -> b instanceof ActionsBlock);
        assertThat(allTexts(blocks)).contains("✓ No", "✓ 2 – disagree", "✓ 5 – strongly agree");
        assertThat(renderer.fallbackText(message)).isEqualTo("Check-in recorded. Thank you!");
    }

    @Test
    void mentions_and_links_typed_by_users_are_escaped_and_the_cores_bold_is_kept() {
        ChatMessage message = CheckInComposer.compose(
                checkIn(Role.MENTEE, Map.of(), null, false, "<@U123> & <!channel>", "<https://evil.example|Ben>"));

        List<String> texts = allTexts(renderer.blocks(message));

        assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain("<", ">"));
        assertThat(texts.getFirst())
                .contains("*Hi &lt;@U123&gt; &amp; &lt;!channel&gt;*")
                .contains("&lt;https://evil.example|Ben&gt;");
        assertThat(renderer.fallbackText(new ChatMessage("Hi <!here> & <@U1>", List.of())))
                .isEqualTo("Hi &lt;!here&gt; &amp; &lt;@U1&gt;");
    }

    @Test
    void a_table_of_200_rows_is_split_into_aligned_code_blocks_within_slacks_limits_and_says_what_it_left_out() {
        List<String> headers = List.of("Pair", "Mentor", "Mentee", "Trust", "Trend", "Last check-in", "Met", "Note");
        List<List<String>> rows = IntStream.rangeClosed(1, 200)
                .mapToObj(i -> List.of(
                        "pair-" + i,
                        "Mentor number " + i,
                        "Mentee <@U" + i + ">",
                        "4.2",
                        "↗",
                        "2026-11-0" + (i % 9 + 1),
                        i % 2 == 0 ? "yes" : "no",
                        "a note that is rather long and will be cut at forty characters"))
                .toList();

        List<LayoutBlock> blocks = renderer.blocks(new ChatMessage("Health", List.of(new Block.Table(headers, rows))));

        assertThat(blocks).hasSizeBetween(2, BlockKitRenderer.MAX_TABLE_SECTIONS);
        List<String> texts = allTexts(blocks);
        // The header line starts after the opening fence, which Slack does not show.
        int mentorColumn = "Pair      Mentor".indexOf("Mentor");
        assertThat(texts).allSatisfy(text -> {
            assertThat(text.lines().findFirst().orElseThrow()).startsWith("```Pair      Mentor ");
            assertThat(text)
                    .hasSizeLessThanOrEqualTo(3000)
                    .startsWith("```Pair")
                    .doesNotContain("<");
            assertThat(text.lines().skip(1).filter(l -> l.startsWith("pair-")))
                    .isNotEmpty()
                    .allSatisfy(l -> assertThat(l.indexOf("Mentor number")).isEqualTo(mentorColumn));
        });
        long shown = texts.stream()
                .flatMap(String::lines)
                .filter(l -> l.startsWith("pair-"))
                .count();
        assertThat(shown).isBetween(10L, 199L);
        assertThat(texts.getLast()).endsWith("```\n_…and " + (200 - shown) + " more rows_");
        assertThat(texts.getFirst()).contains("a note that is rather long and will be…");
        assertThat(blocks).extracting(LayoutBlock::getBlockId).doesNotHaveDuplicates();
    }

    @Test
    void a_small_table_fits_in_one_section_with_nothing_left_out() {
        Block.Table table = new Block.Table(List.of("Name", "Score"), List.of(List.of("Ana", "5"), List.of("Bo", "")));

        List<String> texts = allTexts(renderer.blocks(new ChatMessage("t", List.of(table))));

        assertThat(texts).containsExactly("```Name  Score\n----  -----\nAna   5\nBo```");
        assertThat(allTexts(
                        renderer.blocks(new ChatMessage("t", List.of(new Block.Table(List.of("Name"), List.of()))))))
                .containsExactly("```Name\n----\n(no rows)```");
        assertThat(renderer.blocks(new ChatMessage("t", List.of(new Block.Table(List.of(), List.of())))))
                .isEmpty();
    }

    @Test
    void the_renderers_own_words_are_in_the_readers_language() {
        BlockKitRenderer french = new BlockKitRenderer(Locale.FRENCH);
        assertThat(allTexts(french.blocks(new ChatMessage("t", List.of(new Block.Table(List.of("Nom"), List.of()))))))
                .containsExactly("```Nom\n---\n(aucune ligne)```");
        assertThat(allTexts(french.blocks(
                        new ChatMessage("t", List.of(new Block.Attachment("export.csv", "text/csv", new byte[0]))))))
                .containsExactly("📎 *export.csv* suit dans vos messages directs avec Rapport.");
        assertThat(new BlockKitRenderer(Locale.of("es")).fallbackText(new ChatMessage(" ", List.of())))
                .isEqualTo("Mensaje de Rapport");
        List<List<String>> rows = IntStream.rangeClosed(1, 400)
                .mapToObj(i -> List.of("pair-" + i, "x".repeat(40)))
                .toList();
        List<String> texts =
                allTexts(french.blocks(new ChatMessage("t", List.of(new Block.Table(List.of("a", "b"), rows)))));
        assertThat(texts.getLast()).containsPattern("```\n_…et \\d+ autres lignes_$");
    }

    @Test
    void a_long_text_is_split_at_line_breaks_into_sections_within_the_limit_and_nothing_is_lost() {
        String text = ("A line of text that goes on & on. ".repeat(10).strip() + "\n")
                .repeat(40)
                .strip();

        List<LayoutBlock> blocks = renderer.blocks(ChatMessage.text(text));

        assertThat(blocks).hasSizeGreaterThan(1).allMatch(SectionBlock.class::isInstance);
        assertThat(allTexts(blocks))
                .allSatisfy(t -> assertThat(t).hasSizeLessThanOrEqualTo(3000).endsWith("on."));
        assertThat(String.join("\n", allTexts(blocks))).isEqualTo(text.replace("&", "&amp;"));
    }

    @Test
    void a_message_never_has_more_than_50_blocks() {
        List<Block> parts = new ArrayList<>();
        parts.add(new Block.Text(("A line of text that goes on. ".repeat(10) + "\n").repeat(40)));
        for (int i = 0; i < 60; i++) {
            parts.add(new Block.Answered("Question " + i, "yes"));
        }

        List<LayoutBlock> blocks = renderer.blocks(new ChatMessage("long", parts));

        assertThat(blocks).hasSize(50);
        assertThat(blocks.get(0)).isInstanceOf(SectionBlock.class);
        assertThat(texts(blocks.get(0)))
                .singleElement()
                .asString()
                .hasSizeLessThanOrEqualTo(3000)
                .endsWith("…");
        assertThat(texts(blocks.get(1))).containsExactly("Question 0");
        assertThat(texts(blocks.getLast())).singleElement().asString().contains("more parts of this message");
        assertThat(blocks).extracting(LayoutBlock::getBlockId).doesNotHaveDuplicates();
    }

    @Test
    void button_texts_and_action_ids_are_kept_within_slacks_limits_and_unique_in_their_block() {
        String longId = "rapport:" + "x".repeat(300);
        Block.Question question =
                new Block.Question("Pick", List.of(new Choice("L".repeat(100), longId), new Choice("B", longId)), null);

        List<ButtonElement> buttons = buttons(renderer.blocks(new ChatMessage("q", List.of(question))));

        assertThat(buttons).allSatisfy(b -> {
            assertThat(b.getText().getText()).hasSizeLessThanOrEqualTo(75);
            assertThat(b.getActionId()).hasSizeLessThanOrEqualTo(255);
            assertThat(b.getValue()).isEqualTo(longId);
        });
        assertThat(buttons.getFirst().getText().getText()).endsWith("…");
        assertThat(buttons).extracting(ButtonElement::getActionId).doesNotHaveDuplicates();
    }

    @Test
    void images_and_attachments_are_named_since_their_files_are_uploaded_separately() {
        ChatMessage message = new ChatMessage(
                "Trust over time",
                List.of(
                        new Block.Image("Trust score per week <b>", new byte[] {1}),
                        new Block.Attachment("health <export>.csv", "text/csv", new byte[] {2})));

        List<LayoutBlock> blocks = renderer.blocks(message);

        assertThat(blocks.get(0)).isInstanceOf(ContextBlock.class);
        assertThat(texts(blocks.get(0)))
                .singleElement()
                .asString()
                .contains("Trust score per week &lt;b&gt;", "follows in your direct messages");
        assertThat(blocks.get(1)).isInstanceOf(SectionBlock.class);
        assertThat(texts(blocks.get(1)))
                .singleElement()
                .asString()
                .contains("*health &lt;export&gt;.csv*", "follows in your direct messages");
    }

    @Test
    void block_ids_are_unique_and_the_same_each_time_a_message_is_rendered() {
        ChatMessage message = CheckInComposer.compose(checkIn(Role.MENTEE, Map.of(), null, false, "Ana", "Ben"));

        List<String> first =
                renderer.blocks(message).stream().map(LayoutBlock::getBlockId).toList();
        List<String> again =
                renderer.blocks(message).stream().map(LayoutBlock::getBlockId).toList();

        assertThat(first).doesNotHaveDuplicates().doesNotContainNull().isEqualTo(again);
        assertThat(new HashSet<>(first)).allSatisfy(id -> assertThat(id).hasSizeLessThanOrEqualTo(255));
    }

    @Test
    void the_blocks_serialise_to_slacks_documented_json() {
        ChatMessage message = CheckInComposer.compose(checkIn(Role.MENTEE, Map.of(), null, false, "Ana", "Ben"));

        String json = SlackJson.GSON.toJson(renderer.blocks(message));

        assertThat(json)
                .contains("\"type\":\"section\"", "\"type\":\"mrkdwn\"", "\"type\":\"context\"")
                .contains("\"type\":\"actions\"", "\"type\":\"button\"", "\"type\":\"plain_text\"")
                .contains("\"block_id\":\"r0\"", "\"block_id\":\"r1-actions\"")
                .contains("\"action_id\":\"rapport:met:4711:yes\"", "\"value\":\"rapport:met:4711:yes\"")
                .contains("\"action_id\":\"rapport:rate:4711:respect-1:3\"")
                .doesNotContain("actionId", "blockId", "\"verbatim\":false");
        assertThat(json).contains("\"verbatim\":true");
    }

    private static CheckInContent checkIn(
            Role role, Map<String, Integer> scores, Boolean met, boolean commented, String name, String partner) {
        return new CheckInContent(
                CHECK_IN, role, name, partner, "Mentoring 2026", QUESTIONS, false, scores, met, commented);
    }

    private static List<ButtonElement> buttons(List<LayoutBlock> blocks) {
        return blocks.stream()
                .filter(ActionsBlock.class::isInstance)
                .flatMap(b -> ((ActionsBlock) b).getElements().stream())
                .map(ButtonElement.class::cast)
                .toList();
    }

    private static List<String> texts(LayoutBlock block) {
        return switch (block) {
            case SectionBlock s -> List.of(s.getText().getText());
            case ContextBlock c ->
                c.getElements().stream()
                        .map(e -> ((MarkdownTextObject) e).getText())
                        .toList();
            default -> List.of();
        };
    }

    private static List<String> allTexts(List<LayoutBlock> blocks) {
        return blocks.stream().flatMap(b -> texts(b).stream()).toList();
    }

    private static int indexOfSectionContaining(List<LayoutBlock> blocks, String text) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof SectionBlock s
                    && s.getText() instanceof TextObject t
                    && t.getText().contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no section with " + text);
    }
}
