package dev.rapport.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.interaction.InteractionService;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A form's own limits, as the adapters check them before acknowledging: from the form's definition, not a copy. */
class FormLimitsTest {

    private static final Form FORM = new Form(
            "f",
            "Title",
            "Save",
            List.of(
                    new Form.Field.TextInput("note", "Note", true, 10, false),
                    new Form.Field.Checkbox("share", "Share")));

    @Test
    void a_text_over_its_inputs_max_length_is_named_under_its_own_key() {
        assertThat(FORM.tooLong(Map.of("note", "x".repeat(11), "share", "true"), Locale.ENGLISH))
                .containsExactly(Map.entry("note", "Please keep it under 10 characters (it has 11)."));
    }

    @Test
    void the_length_is_counted_as_the_core_stores_it_stripped_and_a_missing_value_fits() {
        assertThat(FORM.tooLong(Map.of("note", "  " + "x".repeat(10) + "  "), Locale.ENGLISH))
                .isEmpty();
        assertThat(FORM.tooLong(Map.of(), Locale.ENGLISH)).isEmpty();
    }

    @Test
    void the_comment_forms_limit_comes_from_its_definition() {
        String formId = InteractionService.formOpenedBy("rapport:comment:42")
                .map(Form::formId)
                .orElseThrow();
        Form comment = InteractionService.formSubmittedAs(formId).orElseThrow();
        Form.Field.TextInput input = comment.fields().stream()
                .filter(Form.Field.TextInput.class::isInstance)
                .map(Form.Field.TextInput.class::cast)
                .findFirst()
                .orElseThrow();

        assertThat(comment.tooLong(Map.of(input.key(), "x".repeat(input.maxLength())), Locale.ENGLISH))
                .isEmpty();
        assertThat(comment.tooLong(Map.of(input.key(), "x".repeat(input.maxLength() + 1)), Locale.ENGLISH))
                .containsOnlyKeys(input.key());
        assertThat(InteractionService.formSubmittedAs("rapport:nothing")).isEmpty();
    }
}
