package dev.rapport.core.chat;

import java.util.List;
import java.util.Objects;

/**
 * A platform-neutral message: an ordered list of blocks. Adapters render each block natively and
 * map the user's clicks back through the {@code actionId}s the blocks carry.
 *
 * @param summary a one-line plain-text rendering, for notifications and platforms' fallback text
 */
public record ChatMessage(String summary, List<Block> blocks) {

    public ChatMessage {
        Objects.requireNonNull(summary, "summary");
        blocks = List.copyOf(blocks);
    }

    public static ChatMessage text(String text) {
        return new ChatMessage(text, List.of(new Block.Text(text)));
    }

    /** A part of a message. */
    public sealed interface Block {

        /** Plain text with light Markdown (bold with *asterisks*, line breaks). */
        record Text(String text) implements Block {}

        /**
         * A question answered with one tap on one of its choices.
         *
         * @param scale whether it is a rating scale (a pulse statement: 1–5 and "not applicable"): a platform that
         *     cannot show a long prompt beside its choices renders it as one control named by its prompt (Discord: a
         *     select menu whose placeholder is the prompt)
         */
        record Question(String prompt, List<Choice> choices, String hint, boolean scale) implements Block {
            public Question {
                choices = List.copyOf(choices);
            }

            /** A question that is not a rating scale. */
            public Question(String prompt, List<Choice> choices, String hint) {
                this(prompt, choices, hint, false);
            }
        }

        /** A question that has been answered: shown in place of the buttons so nobody answers twice. */
        record Answered(String prompt, String answer) implements Block {}

        /** A button that opens a {@link Form}. */
        record FormButton(String label, String actionId) implements Block {}

        /** A table: coordinators' overviews. */
        record Table(List<String> headers, List<List<String>> rows) implements Block {
            public Table {
                headers = List.copyOf(headers);
                rows = rows.stream().map(List::copyOf).toList();
            }
        }

        /** An image, as PNG bytes, with its alternative text. */
        record Image(String altText, byte[] png) implements Block {}

        /** A file for the recipient to download, such as a CSV export. */
        record Attachment(String fileName, String mediaType, byte[] content) implements Block {}
    }

    /**
     * One tappable answer: the label shown and the action id the adapter hands back when it is tapped.
     *
     * @param detail what the label means, for platforms that show it beside the label (a scale's anchor, "strongly
     *     disagree"); null when the label says it all
     */
    public record Choice(String label, String actionId, String detail) {
        public Choice(String label, String actionId) {
            this(label, actionId, null);
        }
    }
}
