package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.checkin.CheckInComposer;
import dev.rapport.core.checkin.CheckInContent;
import dev.rapport.core.pair.Role;
import dev.rapport.core.pulse.Dimension;
import dev.rapport.core.pulse.Question;
import dev.rapport.core.pulse.QuestionBank;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;

class DiscordRendererTest {

    private final DiscordRenderer renderer = new DiscordRenderer();

    /** The mentee's statements with the longest ids in the real bank: the worst case for Discord's 100 characters. */
    private static List<Question> longestMenteeQuestions(int count) {
        QuestionBank bank = QuestionBank.load();
        List<Question> all = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            all.addAll(bank.statements(Role.MENTEE, d));
        }
        return all.stream()
                .sorted(Comparator.comparingInt((Question q) -> q.id().length()).reversed())
                .limit(count)
                .toList();
    }

    private static CheckInContent checkIn(
            String name, List<Question> questions, Map<String, Integer> scores, Boolean met, boolean commented) {
        return new CheckInContent(
                Long.MAX_VALUE, Role.MENTEE, name, "Grace", "Spring cohort", questions, false, scores, met, commented);
    }

    private static List<String> coreActionIds(ChatMessage message) {
        List<String> ids = new ArrayList<>();
        for (Block b : message.blocks()) {
            if (b instanceof Block.Question q) {
                q.choices().forEach(c -> ids.add(c.actionId()));
            } else if (b instanceof Block.FormButton f) {
                ids.add(f.actionId());
            }
        }
        return ids;
    }

    private static DataArray rows(DataObject json) {
        return json.optArray("components").orElseGet(DataArray::empty);
    }

    private static List<DataObject> buttons(DataObject json) {
        List<DataObject> buttons = new ArrayList<>();
        DataArray rows = rows(json);
        for (int r = 0; r < rows.length(); r++) {
            DataArray inRow = rows.getObject(r).getArray("components");
            for (int b = 0; b < inRow.length(); b++) {
                buttons.add(inRow.getObject(b));
            }
        }
        return buttons;
    }

    /** The string select menus (type 3), in order. */
    private static List<DataObject> selects(DataObject json) {
        return buttons(json).stream().filter(c -> c.getInt("type") == 3).toList();
    }

    private static List<String> values(DataObject select) {
        List<String> values = new ArrayList<>();
        DataArray options = select.getArray("options");
        for (int i = 0; i < options.length(); i++) {
            values.add(options.getObject(i).getString("value"));
        }
        return values;
    }

    private static List<String> labels(DataObject select) {
        List<String> labels = new ArrayList<>();
        DataArray options = select.getArray("options");
        for (int i = 0; i < options.length(); i++) {
            labels.add(options.getObject(i).getString("label"));
        }
        return labels;
    }

    /** The custom ids a tap hands back: buttons' own, and the option values of select menus. */
    private static List<String> tappable(DataObject json) {
        List<String> ids = new ArrayList<>();
        for (DataObject c : buttons(json)) {
            if (c.getInt("type") == 3) {
                ids.addAll(values(c));
            } else {
                ids.add(c.getString("custom_id"));
            }
        }
        return ids;
    }

    @Test
    void aMenteesCheckInHasYesNoButtonsAndOneSelectMenuPerStatementNamedByItsStatementWithNa() {
        List<Question> questions = longestMenteeQuestions(3);
        ChatMessage message = CheckInComposer.compose(checkIn("Ada", questions, Map.of(), null, false));

        DataObject json = renderer.create(message).toData();

        DataArray rows = rows(json);
        assertThat(rows.length()).isEqualTo(5);
        for (int r = 0; r < rows.length(); r++) {
            assertThat(rows.getObject(r).getInt("type")).isEqualTo(1);
            assertThat(rows.getObject(r).getArray("components").length()).isBetween(1, 5);
        }
        // Row 1: yes/no; rows 2–4: one select menu each, alone in its row; row 5: the comment button.
        assertThat(rows.getObject(0).getArray("components").length()).isEqualTo(2);
        for (int r = 1; r <= 3; r++) {
            DataArray row = rows.getObject(r).getArray("components");
            assertThat(row.length()).isEqualTo(1);
            assertThat(row.getObject(0).getInt("type")).isEqualTo(3);
        }
        List<DataObject> selects = selects(json);
        assertThat(selects).hasSize(3);
        for (int i = 0; i < 3; i++) {
            DataObject select = selects.get(i);
            assertThat(select.getString("placeholder"))
                    .isEqualTo(questions.get(i).text());
            assertThat(select.getString("custom_id")).startsWith("rapport:").hasSizeLessThanOrEqualTo(100);
            assertThat(select.getInt("min_values")).isEqualTo(1);
            assertThat(select.getInt("max_values")).isEqualTo(1);
            assertThat(labels(select))
                    .containsExactly(
                            "1 – Strongly disagree",
                            "2 – Disagree",
                            "3 – Neutral",
                            "4 – Agree",
                            "5 – Strongly agree",
                            "N/A – Does not apply since our last check-in");
            assertThat(values(select))
                    .allSatisfy(v -> assertThat(v).hasSizeLessThanOrEqualTo(100))
                    .last()
                    .asString()
                    .endsWith(":" + questions.get(i).id() + ":na");
        }
        assertThat(tappable(json)).containsExactlyElementsOf(coreActionIds(message));
        assertThat(json.getString("content"))
                .contains("**Hi Ada**")
                .contains("**1.** Did you meet Grace")
                .contains("N/A = does not apply")
                .hasSizeLessThanOrEqualTo(Message.MAX_CONTENT_LENGTH);
        // The hint is written once for the three scales; the statements are named by their menus.
        assertThat(json.getString("content").split("strongly agree", -1)).hasSize(2);
    }

    @Test
    void aStatementLongerThanAPlaceholderIsCutThereAndWrittenWholeInTheContent() {
        String longer = "Since our last check-in, " + "my mentor did something worth a long sentence ".repeat(4);
        Question q = new Question("respect.9.mentee", Dimension.RESPECT, Role.MENTEE, 9, longer.strip());
        ChatMessage message = CheckInComposer.compose(checkIn("Ada", List.of(q), Map.of(), true, false));

        DataObject json = renderer.create(message).toData();

        String placeholder = selects(json).getFirst().getString("placeholder");
        assertThat(placeholder).hasSize(150).endsWith("…");
        assertThat(longer.strip()).startsWith(placeholder.substring(0, 149));
        assertThat(json.getString("content")).contains(longer.strip());
    }

    @Test
    void theCommentButtonIsASecondaryButtonAfterTheQuestions() {
        ChatMessage message = CheckInComposer.compose(checkIn("Ada", longestMenteeQuestions(3), Map.of(), null, false));

        List<DataObject> buttons = buttons(renderer.create(message).toData());

        DataObject comment = buttons.getLast();
        assertThat(comment.getString("label")).isEqualTo("Add a comment (optional)");
        assertThat(comment.getInt("style")).isEqualTo(2);
        assertThat(buttons.getFirst().getInt("style")).isEqualTo(1);
    }

    @Test
    void answeredQuestionsBecomeLinesWithTheirAnswerAndLoseTheirButtons() {
        List<Question> questions = longestMenteeQuestions(3);
        Question answered = questions.getFirst();
        ChatMessage message = CheckInComposer.compose(checkIn("Ada", questions, Map.of(answered.id(), 4), true, false));

        DataObject json = renderer.edit(message).toData();

        assertThat(tappable(json))
                .noneMatch(id -> id.contains(":" + answered.id() + ":"))
                .noneMatch(id -> id.startsWith("rapport:met:"))
                .containsExactlyElementsOf(coreActionIds(message));
        assertThat(selects(json)).hasSize(2);
        assertThat(json.getString("content"))
                .contains("✓ Did you meet Grace since the last check-in? — Yes")
                .contains(" — 4 – agree");
    }

    @Test
    void aCompletedCheckInKeepsOnlyTheCommentButton() {
        List<Question> questions = longestMenteeQuestions(3);
        Map<String, Integer> scores = Map.of(
                questions.get(0).id(),
                5,
                questions.get(1).id(),
                3,
                questions.get(2).id(),
                1);
        ChatMessage message = CheckInComposer.compose(checkIn("Ada", questions, scores, false, false));

        List<DataObject> buttons = buttons(renderer.edit(message).toData());

        assertThat(buttons)
                .extracting(b -> b.getString("custom_id"))
                .containsExactly("rapport:comment:" + Long.MAX_VALUE);
    }

    @Test
    void anEditReplacesTheWholeMessageSoOldButtonsAndFilesGo() {
        MessageEditData edit = renderer.edit(ChatMessage.text("Done."));

        DataObject json = edit.toData();
        assertThat(edit.getComponents()).isEmpty();
        assertThat(json.getArray("components").length()).isZero();
        assertThat(json.getArray("embeds").length()).isZero();
        assertThat(json.getArray("attachments").length()).isZero();
        assertThat(json.getObject("allowed_mentions").getArray("parse").length())
                .isZero();
    }

    @Test
    void moreQuestionsThanFiveRowsHoldKeepTheirPromptsAndGetTheirButtonsOnceTheQuestionsAboveAreAnswered() {
        ChatMessage message = CheckInComposer.compose(checkIn("Ada", longestMenteeQuestions(6), Map.of(), null, false));

        DataObject json = renderer.create(message).toData();

        assertThat(rows(json).length()).isEqualTo(5);
        List<String> shown = tappable(json);
        assertThat(coreActionIds(message)).containsAll(shown);
        // Yes/no and four of the six statements' menus; the last two wait, and so does the comment button.
        assertThat(shown).hasSize(2 + 4 * 6);
        assertThat(selects(json)).hasSize(4);
        String content = json.getString("content");
        String note = "-# Buttons for this one appear once the questions above are answered.";
        assertThat(content.split(note, -1)).hasSize(3);
    }

    @Test
    void theRenderersOwnWordsAreInTheReadersLanguage() {
        ChatMessage checkIn = CheckInComposer.compose(checkIn("Ada", longestMenteeQuestions(6), Map.of(), null, false));
        assertThat(new DiscordRenderer(Locale.FRENCH).create(checkIn).toData().getString("content"))
                .contains("-# Les boutons de cette question apparaîtront une fois les questions précédentes répondues.")
                .doesNotContain("Buttons for this one");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(List.of("pair " + i, "a cell that takes some room in the table"));
        }
        ChatMessage table = new ChatMessage("t", List.of(new Block.Table(List.of("Pair", "Note"), rows)));
        String description = new DiscordRenderer(Locale.of("es"))
                .create(table)
                .getEmbeds()
                .getFirst()
                .getDescription();
        assertThat(description).containsPattern("…y \\d+ más$");
    }

    @Test
    void userTextWithEveryoneOrAUserMentionCannotPingAnyoneOrAddMarkdown() {
        String name = "@everyone <@123> <@&456> **boss** [click](https://evil.example)";
        ChatMessage message = CheckInComposer.compose(checkIn(name, longestMenteeQuestions(3), Map.of(), null, false));

        DataObject json = renderer.create(message).toData();

        assertThat(json.getObject("allowed_mentions").getArray("parse").length())
                .isZero();
        String content = json.getString("content");
        assertThat(content)
                .doesNotContain("@everyone")
                .doesNotContain("<@123>")
                .doesNotContain("<@&456>")
                .doesNotContain("**boss**")
                .doesNotContain("@\u200B\u200B")
                .contains("\\[click]")
                .startsWith("**Hi @\u200Beveryone")
                .contains("\\*\\*boss\\*\\*")
                .contains("evil.example)**, it's check-in time");
    }

    @Test
    void theCoresBoldBecomesDiscordBoldAndTheRestIsEscaped() {
        assertThat(DiscordRenderer.markdown("*Thank you, Ada.* You_are *not* done, [see](x)."))
                .isEqualTo("**Thank you, Ada.** You\\_are **not** done, \\[see](x).");
    }

    @Test
    void aTwoHundredRowTableStaysWithinEveryEmbedLimitAndSaysHowManyRowsAreLeftOut() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            rows.add(List.of("Mentee number " + i, "Mentor number " + i, "3.4", "at risk: no meeting in 6 weeks"));
        }
        ChatMessage message = new ChatMessage(
                "Health",
                List.of(
                        new Block.Text("*Programme health*"),
                        new Block.Table(List.of("Mentee", "Mentor", "Trust", "Note"), rows)));

        MessageCreateData data = renderer.create(message);

        assertThat(data.getEmbeds()).hasSize(1);
        MessageEmbed embed = data.getEmbeds().getFirst();
        assertThat(embed.getDescription())
                .hasSizeLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH)
                .startsWith("```\nMentee")
                .contains("Mentee number 1 ")
                .doesNotContain("Mentee number 200")
                .containsPattern("```\n…and \\d+ more$");
        assertThat(embed.getFields()).hasSizeLessThanOrEqualTo(MessageEmbed.MAX_FIELD_AMOUNT);
        assertThat(embed.getLength()).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
        assertThat(embed.isSendable()).isTrue();
        int shown = (int) embed.getDescription()
                .lines()
                .filter(l -> l.startsWith("Mentee number"))
                .count();
        assertThat(embed.getDescription()).endsWith("…and " + (200 - shown) + " more");
    }

    @Test
    void tablesTogetherStayWithinTheSixThousandCharactersOfAMessagesEmbeds() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            rows.add(List.of("Pair " + i, "x".repeat(40)));
        }
        Block.Table table = new Block.Table(List.of("Pair", "Note"), rows);

        MessageCreateData data = renderer.create(new ChatMessage("Two tables", List.of(table, table)));

        assertThat(data.getEmbeds().stream().mapToInt(MessageEmbed::getLength).sum())
                .isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
        assertThat(data.getEmbeds()).allSatisfy(e -> assertThat(e.isSendable()).isTrue());
    }

    @Test
    void anImageBecomesAnAttachmentThatItsEmbedShows() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        ChatMessage message = new ChatMessage(
                "Trend", List.of(new Block.Text("Your trust trend"), new Block.Image("Trust over 12 weeks", png)));

        MessageCreateData data = renderer.create(message);

        assertThat(data.getFiles()).extracting(FileUpload::getName).containsExactly("trend.png");
        assertThat(data.getFiles().getFirst().getDescription()).isEqualTo("Trust over 12 weeks");
        assertThat(data.getEmbeds()).hasSize(1);
        assertThat(data.getEmbeds().getFirst().getImage().getUrl()).isEqualTo("attachment://trend.png");
        assertThat(data.toData().getArray("attachments").getObject(0).getString("filename"))
                .isEqualTo("trend.png");
    }

    @Test
    void anAttachmentBecomesAFileWithItsOwnName() {
        ChatMessage message = new ChatMessage(
                "Export",
                List.of(
                        new Block.Text("Your export"),
                        new Block.Attachment("pairs.csv", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8))));

        MessageCreateData data = renderer.create(message);

        assertThat(data.getFiles()).extracting(FileUpload::getName).containsExactly("pairs.csv");
        assertThat(data.getEmbeds()).isEmpty();
    }

    @Test
    void contentLongerThanDiscordAllowsIsCutWithAnEllipsis() {
        MessageCreateData data = renderer.create(ChatMessage.text("word ".repeat(1000)));

        assertThat(data.getContent()).hasSize(Message.MAX_CONTENT_LENGTH).endsWith("…");
    }

    @Test
    void aLongTextOfManyLinesGoesOnInEmbedsBeforeItsTablesSoNoLineIsLost() {
        List<Block> blocks = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            blocks.add(new Block.Text("line " + i + " " + "x".repeat(80)));
        }
        blocks.add(new Block.Table(List.of("A"), List.of(List.of("cell"))));
        MessageCreateData data = renderer.create(new ChatMessage("help", blocks));

        assertThat(data.getContent())
                .hasSizeLessThanOrEqualTo(Message.MAX_CONTENT_LENGTH)
                .doesNotEndWith("…");
        assertThat(data.getEmbeds()).hasSize(2);
        String all = data.getContent() + "\n" + data.getEmbeds().getFirst().getDescription();
        for (int i = 1; i <= 60; i++) {
            assertThat(all).contains("line " + i + " ");
        }
        assertThat(data.getEmbeds().get(1).getDescription()).contains("cell");
    }

    @Test
    void theWorstCaseCheckInActionIdFitsDiscordsHundredCharacters() {
        ChatMessage message = CheckInComposer.compose(checkIn("Ada", longestMenteeQuestions(3), Map.of(), null, false));

        assertThat(coreActionIds(message))
                .allSatisfy(id -> assertThat(id.length()).isLessThanOrEqualTo(Button.ID_MAX_LENGTH));
    }

    @Test
    void anActionIdTooLongForDiscordIsRefusedRatherThanCut() {
        ChatMessage message = new ChatMessage("x", List.of(new Block.FormButton("Open", "rapport:" + "x".repeat(100))));

        assertThatIllegalArgumentException().isThrownBy(() -> renderer.create(message));
    }
}
