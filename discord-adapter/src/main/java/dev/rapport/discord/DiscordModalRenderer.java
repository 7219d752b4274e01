package dev.rapport.discord;

import dev.rapport.core.chat.Form;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.components.checkbox.Checkbox;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.label.LabelChildComponent;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/**
 * Renders the core's {@link Form} as a Discord modal and turns a submission back into the core's field map.
 *
 * <p>Each field is a {@link Label} around its input (JDA 6's modal layout). A text input is a paragraph or a short
 * input with the form's length limit. A checkbox is Discord's modal {@link Checkbox}, unticked, as the core's
 * checkboxes are: so "share with coordinator" stays private unless the person ticks it. A label longer than
 * Discord's 45 characters is shortened at a word and shown in full as the label's description.
 */
public final class DiscordModalRenderer {

    /** The modal for {@code form}; its custom id is the form id, which the submission hands back. */
    public Modal modal(Form form) {
        if (form.formId().length() > Modal.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("form id longer than Discord's " + Modal.MAX_ID_LENGTH + " characters: "
                    + form.formId().length());
        }
        if (form.fields().size() > Modal.MAX_COMPONENTS) {
            throw new IllegalArgumentException("Discord modals hold at most " + Modal.MAX_COMPONENTS + " inputs");
        }
        Modal.Builder modal = Modal.create(form.formId(), DiscordRenderer.cut(form.title(), Modal.MAX_TITLE_LENGTH));
        for (Form.Field field : form.fields()) {
            modal.addComponents(label(field));
        }
        return modal.build();
    }

    /**
     * The submitted values as the core's field map, by field key: text as typed, a checkbox as {@code "true"} or
     * {@code "false"}. Only the form's own fields are read, so an input the form did not ask for is ignored; a
     * checkbox Discord did not report counts as unticked.
     */
    public Map<String, String> values(Form form, List<ModalMapping> submitted) {
        Map<String, ModalMapping> byId = new LinkedHashMap<>();
        for (ModalMapping mapping : submitted) {
            byId.putIfAbsent(mapping.getCustomId(), mapping);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Form.Field field : form.fields()) {
            ModalMapping mapping = byId.get(field.key());
            switch (field) {
                case Form.Field.TextInput t -> {
                    if (mapping != null && mapping.getType() == Component.Type.TEXT_INPUT) {
                        values.put(t.key(), mapping.getAsString());
                    }
                }
                case Form.Field.Checkbox c ->
                    values.put(
                            c.key(),
                            Boolean.toString(mapping != null
                                    && mapping.getType() == Component.Type.CHECKBOX
                                    && mapping.getAsBoolean()));
            }
        }
        return values;
    }

    /**
     * The submitted values without the form at hand, by input custom id: text as typed, a checkbox as {@code "true"}
     * or {@code "false"}. Inputs of other kinds are left out. The core reads only its own fields' keys, and a
     * checkbox it does not find counts as unticked, so this hands it the same map as {@link #values(Form, List)}.
     */
    public Map<String, String> values(List<ModalMapping> submitted) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ModalMapping mapping : submitted) {
            switch (mapping.getType()) {
                case TEXT_INPUT -> values.putIfAbsent(mapping.getCustomId(), mapping.getAsString());
                case CHECKBOX -> values.putIfAbsent(mapping.getCustomId(), Boolean.toString(mapping.getAsBoolean()));
                default -> {}
            }
        }
        return values;
    }

    private static Label label(Form.Field field) {
        LabelChildComponent input = switch (field) {
            case Form.Field.TextInput t ->
                TextInput.create(t.key(), t.multiline() ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
                        .setRequired(t.required())
                        .setMaxLength(Math.clamp(t.maxLength(), 1, TextInput.MAX_VALUE_LENGTH))
                        .build();
            case Form.Field.Checkbox c -> Checkbox.of(c.key(), false);
        };
        String text = switch (field) {
            case Form.Field.TextInput t -> t.label();
            case Form.Field.Checkbox c -> c.label();
        };
        if (text.length() <= Label.LABEL_MAX_LENGTH) {
            return Label.of(text, input);
        }
        return Label.of(
                shorten(text, Label.LABEL_MAX_LENGTH), DiscordRenderer.cut(text, Label.DESCRIPTION_MAX_LENGTH), input);
    }

    /** Cut at the last space that leaves room for the ellipsis, so no word is broken. */
    static String shorten(String text, int max) {
        int end = text.lastIndexOf(' ', max - 1);
        return end > 0 ? text.substring(0, end) + "…" : DiscordRenderer.cut(text, max);
    }
}
