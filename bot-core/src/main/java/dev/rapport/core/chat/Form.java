package dev.rapport.core.chat;

import dev.rapport.core.i18n.Catalogue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small form (a Slack modal, a Discord modal): the optional comment with its "share with
 * coordinator" choice is one.
 *
 * @param formId handed back by the adapter with the submitted values
 */
public record Form(String formId, String title, String submitLabel, List<Field> fields) {

    public Form {
        fields = List.copyOf(fields);
    }

    /** {@link #tooLong(Map)} with the messages in {@code locale}'s language, the form's own. */
    public Map<String, String> tooLong(Map<String, String> values, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Field field : fields) {
            if (field instanceof Field.TextInput input && input.maxLength() > 0) {
                String value = values.get(input.key());
                int length = value == null ? 0 : value.strip().length();
                if (length > input.maxLength()) {
                    errors.put(
                            input.key(),
                            Catalogue.standard()
                                    .text(
                                            locale,
                                            "form.error.too-long",
                                            "max",
                                            String.valueOf(input.maxLength()),
                                            "length",
                                            String.valueOf(length)));
                }
            }
        }
        return errors;
    }

    /** One input of a form. */
    public sealed interface Field {
        String key();

        /** Free text, optionally multi-line. */
        record TextInput(String key, String label, boolean multiline, int maxLength, boolean required)
                implements Field {}

        /** A yes/no choice, unticked by default. */
        record Checkbox(String key, String label) implements Field {}
    }
}
