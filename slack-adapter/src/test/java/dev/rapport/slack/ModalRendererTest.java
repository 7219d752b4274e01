package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.rapport.core.chat.Form;
import dev.rapport.core.checkin.ActionId;
import dev.rapport.core.checkin.CheckInComposer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModalRendererTest {

    private final ModalRenderer renderer = new ModalRenderer();

    @Test
    void the_comment_form_becomes_a_modal_with_a_required_multiline_text_and_an_optional_checkbox() {
        Form form = CheckInComposer.commentForm(4711);

        View view = renderer.modal(form, "C123|1700000000.000100");

        assertThat(view.getType()).isEqualTo("modal");
        assertThat(view.getCallbackId()).isEqualTo(form.formId());
        assertThat(ActionId.parse(view.getCallbackId())).contains(new ActionId.SubmitComment(4711));
        assertThat(view.getTitle().getText()).isEqualTo("Add a comment");
        assertThat(view.getSubmit().getText()).isEqualTo("Save");
        assertThat(view.getPrivateMetadata()).isEqualTo("C123|1700000000.000100");
        List<LayoutBlock> blocks = view.getBlocks();
        assertThat(blocks).hasSize(2).allMatch(InputBlock.class::isInstance);

        InputBlock comment = (InputBlock) blocks.get(0);
        assertThat(comment.getBlockId()).isEqualTo("comment");
        assertThat(comment.isOptional()).isFalse();
        assertThat(comment.getLabel().getText()).isEqualTo("Anything you want to add?");
        PlainTextInputElement text = (PlainTextInputElement) comment.getElement();
        assertThat(text.getActionId()).isEqualTo("comment");
        assertThat(text.isMultiline()).isTrue();
        assertThat(text.getMaxLength()).isEqualTo(1000);

        InputBlock share = (InputBlock) blocks.get(1);
        assertThat(share.getBlockId()).isEqualTo("share");
        assertThat(share.isOptional()).isTrue();
        assertThat(share.getLabel().getText()).isEqualTo("Share this comment with the programme coordinator");
        CheckboxesElement box = (CheckboxesElement) share.getElement();
        assertThat(box.getActionId()).isEqualTo("share");
        assertThat(box.getOptions())
                .singleElement()
                .satisfies(o -> assertThat(o.getValue()).isEqualTo("true"));
        assertThat(box.getInitialOptions()).isNull();
    }

    @Test
    void a_submitted_modal_comes_back_as_the_cores_field_map() {
        ViewState state = state("I'd like <@U999> to see this", true);

        assertThat(renderer.values(state))
                .isEqualTo(Map.of("comment", "I'd like <@U999> to see this", "share", "true"));
    }

    @Test
    void an_unticked_checkbox_comes_back_as_false() {
        assertThat(renderer.values(state("Just for me", false)))
                .isEqualTo(Map.of("comment", "Just for me", "share", "false"));
    }

    @Test
    void a_modal_round_trips_through_slacks_json() {
        View view = renderer.modal(CheckInComposer.commentForm(7), null);
        String json = SlackJson.GSON.toJson(view);

        assertThat(json)
                .contains("\"type\":\"modal\"", "\"callback_id\":\"rapport:comment-form:7\"")
                .contains("\"type\":\"input\"", "\"type\":\"plain_text_input\"", "\"type\":\"checkboxes\"")
                .contains("\"action_id\":\"comment\"", "\"max_length\":1000", "\"multiline\":true")
                .contains("\"submit\":{\"type\":\"plain_text\",\"text\":\"Save\"");
        // A submission as Slack sends it: the state keyed by block id, then action id.
        String submitted = """
                {"values":{
                  "comment":{"comment":{"type":"plain_text_input","value":"Great session"}},
                  "share":{"share":{"type":"checkboxes","selected_options":[
                    {"text":{"type":"plain_text","text":"Yes"},"value":"true"}]}}}}
                """;
        ViewState state = SlackJson.GSON.fromJson(submitted, ViewState.class);

        assertThat(renderer.values(state)).isEqualTo(Map.of("comment", "Great session", "share", "true"));
    }

    @Test
    void titles_labels_and_lengths_are_kept_within_slacks_limits() {
        Form form = new Form(
                "rapport:comment-form:1",
                "A title that is far too long for a modal",
                "A submit label that is too long",
                List.of(
                        new Form.Field.TextInput("essay", "L".repeat(2500), false, 10_000, false),
                        new Form.Field.Checkbox("ok", "Fine")));

        View view = renderer.modal(form, null);

        assertThat(view.getTitle().getText()).isEqualTo("A title that is far too…");
        assertThat(view.getSubmit().getText()).hasSizeLessThanOrEqualTo(24);
        InputBlock essay = (InputBlock) view.getBlocks().getFirst();
        assertThat(essay.getLabel().getText()).hasSize(2000);
        assertThat(essay.isOptional()).isTrue();
        assertThat(((PlainTextInputElement) essay.getElement()).getMaxLength()).isEqualTo(3000);
        assertThat(((PlainTextInputElement) essay.getElement()).isMultiline()).isFalse();
    }

    @Test
    void private_metadata_longer_than_slack_allows_is_refused_rather_than_cut() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> renderer.modal(CheckInComposer.commentForm(1), "m".repeat(3001)));
    }

    @Test
    void an_empty_state_gives_no_values() {
        assertThat(renderer.values(null)).isEmpty();
        assertThat(renderer.values(new ViewState())).isEmpty();
    }

    private static ViewState state(String comment, boolean ticked) {
        ViewState.Value text = new ViewState.Value();
        text.setType("plain_text_input");
        text.setValue(comment);
        ViewState.Value box = new ViewState.Value();
        box.setType("checkboxes");
        ViewState.SelectedOption yes = new ViewState.SelectedOption();
        yes.setValue("true");
        box.setSelectedOptions(ticked ? List.of(yes) : List.of());
        Map<String, Map<String, ViewState.Value>> values = new HashMap<>();
        values.put("comment", Map.of("comment", text));
        values.put("share", Map.of("share", box));
        return ViewState.builder().values(values).build();
    }
}
