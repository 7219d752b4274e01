package dev.rapport.core.chat;

import java.util.List;

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
