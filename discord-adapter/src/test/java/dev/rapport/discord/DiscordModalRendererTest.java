package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.Form;
import dev.rapport.core.checkin.CheckInComposer;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

class DiscordModalRendererTest {

    private final DiscordModalRenderer renderer = new DiscordModalRenderer();
    private final Form commentForm = CheckInComposer.commentForm(42);

    /** A submitted input as Discord sends it in a MODAL_SUBMIT interaction's {@code data.components[].component}. */
    private static ModalMapping submitted(Component.Type type, int id, String customId, Object value) {
        DataObject component = DataObject.empty()
                .put("type", type.getKey())
                .put("id", id)
                .put("custom_id", customId)
                .put("value", value);
        return new ModalMapping(null, DataObject.empty(), component);
    }

    @Test
    void theCommentFormBecomesAModalWithTheFormIdAParagraphAndAnUntickedCheckbox() {
        Modal modal = renderer.modal(commentForm);

        DataObject json = modal.toData();
        assertThat(json.getString("custom_id")).isEqualTo(commentForm.formId()).isEqualTo("rapport:comment-form:42");
        assertThat(json.getString("title")).isEqualTo("Add a comment");
        DataArray labels = json.getArray("components");
        assertThat(labels.length()).isEqualTo(2);

        DataObject comment = labels.getObject(0);
        assertThat(comment.getInt("type")).isEqualTo(Component.Type.LABEL.getKey());
        assertThat(comment.getString("label")).isEqualTo("Anything you want to add?");
        DataObject text = comment.getObject("component");
        assertThat(text.getInt("type")).isEqualTo(Component.Type.TEXT_INPUT.getKey());
        assertThat(text.getString("custom_id")).isEqualTo("comment");
        assertThat(text.getInt("style")).isEqualTo(2);
        assertThat(text.getInt("max_length")).isEqualTo(1000);
        assertThat(text.getBoolean("required")).isTrue();

        DataObject share = labels.getObject(1);
        assertThat(share.getString("label")).hasSizeLessThanOrEqualTo(45).startsWith("Share this comment with the");
        assertThat(share.getString("description")).isEqualTo("Share this comment with the programme coordinator");
        DataObject checkbox = share.getObject("component");
        assertThat(checkbox.getInt("type")).isEqualTo(Component.Type.CHECKBOX.getKey());
        assertThat(checkbox.getString("custom_id")).isEqualTo("share");
        assertThat(checkbox.getBoolean("default", false)).isFalse();
    }

    @Test
    void aSubmissionWithTheBoxTickedConvertsBackToTheCoresFieldMap() {
        Map<String, String> values = renderer.values(
                commentForm,
                List.of(
                        submitted(Component.Type.TEXT_INPUT, 2, "comment", "We met twice, it went well."),
                        submitted(Component.Type.CHECKBOX, 4, "share", true)));

        assertThat(values)
                .containsExactly(Map.entry("comment", "We met twice, it went well."), Map.entry("share", "true"));
    }

    @Test
    void aSubmissionWithoutTheCheckboxKeepsTheCommentPrivate() {
        Map<String, String> values = renderer.values(
                commentForm, List.of(submitted(Component.Type.TEXT_INPUT, 2, "comment", "Just for me")));

        assertThat(values).containsEntry("comment", "Just for me").containsEntry("share", "false");
    }

    @Test
    void inputsTheFormDidNotAskForAreIgnored() {
        Map<String, String> values = renderer.values(
                commentForm,
                List.of(
                        submitted(Component.Type.TEXT_INPUT, 2, "comment", "hi"),
                        submitted(Component.Type.TEXT_INPUT, 3, "admin", "true"),
                        submitted(Component.Type.TEXT_INPUT, 5, "share", "true")));

        assertThat(values).containsOnlyKeys("comment", "share").containsEntry("share", "false");
    }

    @Test
    void aLongTitleIsCutToDiscordsFortyFiveCharacters() {
        Form form = new Form(
                "rapport:x:1",
                "A title that is a good deal longer than Discord allows",
                "Save",
                List.of(new Form.Field.TextInput("t", "Short", false, 10_000, false)));

        DataObject json = renderer.modal(form).toData();

        assertThat(json.getString("title")).hasSize(45).endsWith("…");
        DataObject input = json.getArray("components").getObject(0).getObject("component");
        assertThat(input.getInt("style")).isEqualTo(1);
        assertThat(input.getInt("max_length")).isEqualTo(4000);
    }
}
