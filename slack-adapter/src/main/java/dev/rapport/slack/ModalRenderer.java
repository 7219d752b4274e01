package dev.rapport.slack;

import static dev.rapport.slack.SlackLimits.CALLBACK_ID;
import static dev.rapport.slack.SlackLimits.INPUT_LABEL;
import static dev.rapport.slack.SlackLimits.OPTION_TEXT;
import static dev.rapport.slack.SlackLimits.PRIVATE_METADATA;
import static dev.rapport.slack.SlackLimits.TEXT_INPUT_MAX_LENGTH;
import static dev.rapport.slack.SlackLimits.VIEW_BLOCKS;
import static dev.rapport.slack.SlackLimits.VIEW_TITLE;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.rapport.core.chat.Form;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Languages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the core's {@link Form}s as Slack modals ({@code views.open}) and turns a submitted modal's state back
 * into the field map the core takes ({@code CheckInService.submitComment}).
 *
 * <ul>
 *   <li>The view's {@code callback_id} is the form id, handed back with {@code view_submission}.
 *   <li>Each field is an input block whose {@code block_id} and element {@code action_id} are the field's key.
 *   <li>{@link Form.Field.TextInput}: a {@code plain_text_input}, multi-line as asked, with {@code max_length}
 *       (at most Slack's 3000); optional unless the field is required.
 *   <li>{@link Form.Field.Checkbox}: an optional input block with a {@code checkboxes} element of one option, so
 *       leaving it unticked is allowed; ticked comes back as {@code "true"}, unticked as {@code "false"}.
 * </ul>
 *
 * <p>Title, submit and close labels are cut to Slack's 24 characters and labels to 2000. The private metadata
 * (for the adapter to find the message to update, for instance) is data, not text: rather than being cut it is
 * refused when longer than Slack's 3000 characters.
 *
 * <p>Its own words (submit and cancel, a checkbox's "Yes") are the catalogue's, in the language it was made for.
 *
 * <p>Immutable and thread-safe.
 */
public final class ModalRenderer {

    /** The value of a ticked checkbox, as the core reads it. */
    static final String TICKED = "true";

    static final String UNTICKED = "false";

    private static final Catalogue CATALOGUE = Catalogue.standard();

    /** The language of the renderer's own words (submit, cancel, a checkbox's "Yes"): the reader's. */
    private final Locale language;

    /** A renderer whose own words are English. */
    public ModalRenderer() {
        this(Languages.ENGLISH);
    }

    /** A renderer whose own words are in {@code language}. */
    public ModalRenderer(Locale language) {
        this.language = language;
    }

    /** A modal for the form. {@code privateMetadata} may be null. */
    public View modal(Form form, String privateMetadata) {
        if (form.formId().length() > CALLBACK_ID) {
            throw new IllegalArgumentException("form id longer than Slack's " + CALLBACK_ID + " characters");
        }
        if (privateMetadata != null && privateMetadata.length() > PRIVATE_METADATA) {
            throw new IllegalArgumentException(
                    "private metadata longer than Slack's " + PRIVATE_METADATA + " characters");
        }
        List<LayoutBlock> blocks = new ArrayList<>(form.fields().size());
        for (Form.Field field : form.fields()) {
            if (blocks.size() == VIEW_BLOCKS) {
                throw new IllegalArgumentException("a form of more than " + VIEW_BLOCKS + " fields");
            }
            blocks.add(input(field));
        }
        return View.builder()
                .type("modal")
                .callbackId(form.formId())
                .title(ViewTitle.builder()
                        .type(PlainTextObject.TYPE)
                        .text(SlackLimits.truncate(nonBlank(form.title(), "Rapport"), VIEW_TITLE))
                        .emoji(true)
                        .build())
                .submit(ViewSubmit.builder()
                        .type(PlainTextObject.TYPE)
                        .text(SlackLimits.truncate(
                                nonBlank(form.submitLabel(), CATALOGUE.text(language, "slack.form.submit")),
                                VIEW_TITLE))
                        .emoji(true)
                        .build())
                .close(ViewClose.builder()
                        .type(PlainTextObject.TYPE)
                        .text(SlackLimits.truncate(CATALOGUE.text(language, "slack.form.cancel"), VIEW_TITLE))
                        .emoji(true)
                        .build())
                .blocks(blocks)
                .privateMetadata(privateMetadata)
                .build();
    }

    /**
     * The submitted values by field key, from a {@code view_submission}'s {@code view.state}: text as typed (an
     * emptied optional text is left out), checkboxes as {@code "true"} or {@code "false"}.
     */
    public Map<String, String> values(ViewState state) {
        Map<String, String> values = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) {
            return values;
        }
        for (Map<String, ViewState.Value> actions : state.getValues().values()) {
            if (actions == null) {
                continue;
            }
            actions.forEach((key, value) -> {
                if (value == null) {
                    return;
                }
                if (CheckboxesElement.TYPE.equals(value.getType())
                        || (value.getType() == null && value.getSelectedOptions() != null)) {
                    boolean ticked = value.getSelectedOptions() != null
                            && value.getSelectedOptions().stream().anyMatch(o -> TICKED.equals(o.getValue()));
                    values.put(key, ticked ? TICKED : UNTICKED);
                } else if (value.getValue() != null) {
                    values.put(key, value.getValue());
                }
            });
        }
        return values;
    }

    private InputBlock input(Form.Field field) {
        return switch (field) {
            case Form.Field.TextInput t ->
                input(
                        t.key(),
                        t.label(),
                        !t.required(),
                        PlainTextInputElement.builder()
                                .actionId(t.key())
                                .multiline(t.multiline())
                                .maxLength(t.maxLength() > 0 ? Math.min(t.maxLength(), TEXT_INPUT_MAX_LENGTH) : null)
                                .build());
            case Form.Field.Checkbox c ->
                input(
                        c.key(),
                        c.label(),
                        true,
                        CheckboxesElement.builder()
                                .actionId(c.key())
                                .options(List.of(OptionObject.builder()
                                        .text(plain(SlackLimits.truncate(
                                                CATALOGUE.text(language, "slack.form.tick"), OPTION_TEXT)))
                                        .value(TICKED)
                                        .build()))
                                .build());
        };
    }

    private static InputBlock input(String key, String label, boolean optional, BlockElement element) {
        return InputBlock.builder()
                .blockId(key)
                .label(plain(SlackLimits.truncate(nonBlank(label, key), INPUT_LABEL)))
                .element(element)
                .optional(optional)
                .build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }

    private static String nonBlank(String text, String otherwise) {
        return text == null || text.isBlank() ? otherwise : text;
    }
}
