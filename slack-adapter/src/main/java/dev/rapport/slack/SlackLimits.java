package dev.rapport.slack;

import java.util.ArrayList;
import java.util.List;

/**
 * Slack's documented size limits for Block Kit and views, and the text helpers that keep within them. Text is
 * measured in characters (Java {@code char}s, which is what Slack counts for UTF-16 surrogate pairs too, at worst
 * over-counting), and never cut inside a surrogate pair or an HTML entity.
 */
final class SlackLimits {

    /** {@code text} of a section block. */
    static final int SECTION_TEXT = 3000;

    /** A text object inside a context block (the general text object limit). */
    static final int CONTEXT_TEXT = 3000;

    /** Elements in one context block. */
    static final int CONTEXT_ELEMENTS = 10;

    /** {@code text} of a button. */
    static final int BUTTON_TEXT = 75;

    /** {@code value} of a button. */
    static final int BUTTON_VALUE = 2000;

    /** {@code action_id} of an interactive element. */
    static final int ACTION_ID = 255;

    /** {@code block_id} of a block. */
    static final int BLOCK_ID = 255;

    /** Elements in one actions block. */
    static final int ACTIONS_ELEMENTS = 25;

    /** Blocks in one message. */
    static final int MESSAGE_BLOCKS = 50;

    /** Blocks in one modal view. */
    static final int VIEW_BLOCKS = 100;

    /** {@code title}, {@code submit} and {@code close} of a modal. */
    static final int VIEW_TITLE = 24;

    /** {@code callback_id} of a view. */
    static final int CALLBACK_ID = 255;

    /** {@code private_metadata} of a view. */
    static final int PRIVATE_METADATA = 3000;

    /** {@code label} of an input block. */
    static final int INPUT_LABEL = 2000;

    /** {@code max_length} of a plain-text input. */
    static final int TEXT_INPUT_MAX_LENGTH = 3000;

    /** {@code text} of an option of a checkboxes element. */
    static final int OPTION_TEXT = 75;

    /** {@code text} of a message (the fallback shown in notifications): Slack's recommended maximum. */
    static final int MESSAGE_TEXT = 4000;

    static final String ELLIPSIS = "…";

    private SlackLimits() {}

    /** Shortens plain text to at most {@code max} chars, ending with an ellipsis when it had to cut. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, Math.max(end, 0)).stripTrailing() + ELLIPSIS;
    }

    /**
     * Escapes text for Slack's {@code mrkdwn}: {@code &}, {@code <} and {@code >} become entities, so nothing a user
     * typed can become a mention ({@code <@U123>}, {@code <!channel>}) or a link. Asterisks and other light
     * formatting are left alone: the core's texts already use Slack's {@code *bold*}.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        appendEscaped(out, text, Integer.MAX_VALUE);
        return out.toString();
    }

    /**
     * Escapes text and shortens it so the escaped form is at most {@code max} chars, ending with an ellipsis when
     * it had to cut. Never cuts inside an entity or a surrogate pair.
     */
    static String escapeWithin(String text, int max) {
        String escaped = escape(text);
        if (escaped.length() <= max) {
            return escaped;
        }
        StringBuilder out = new StringBuilder(max);
        appendEscaped(out, text, max - ELLIPSIS.length());
        return out.append(ELLIPSIS).toString();
    }

    /**
     * Escapes text and splits it into pieces of at most {@code max} chars each, at line breaks where it can and
     * never inside an entity or a surrogate pair. At most {@code maxPieces} pieces are returned; if the text needs
     * more, the last one ends with an ellipsis.
     */
    static List<String> escapeInPieces(String text, int max, int maxPieces) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            String line = escape(lines[l]);
            String joined = current.isEmpty() && l == 0 ? line : "\n" + line;
            if (current.length() + joined.length() <= max) {
                current.append(joined);
                continue;
            }
            // The line does not fit: close the current piece (if any) and cut the line itself as needed.
            if (!current.isEmpty()) {
                pieces.add(current.toString());
                current.setLength(0);
            }
            int from = 0;
            while (line.length() - from > max) {
                int end = safeCut(line, from + max);
                pieces.add(line.substring(from, end));
                from = end;
            }
            current.append(line, from, line.length());
        }
        if (!current.isEmpty() || pieces.isEmpty()) {
            pieces.add(current.toString());
        }
        if (pieces.size() > maxPieces) {
            List<String> kept = new ArrayList<>(pieces.subList(0, maxPieces));
            String last = kept.get(maxPieces - 1);
            int end = safeCut(last, Math.min(last.length(), max - ELLIPSIS.length()));
            kept.set(maxPieces - 1, last.substring(0, end) + ELLIPSIS);
            return kept;
        }
        return pieces;
    }

    /** The largest index at or before {@code end} that cuts escaped text outside entities and surrogate pairs. */
    private static int safeCut(String escaped, int end) {
        int amp = escaped.lastIndexOf('&', end - 1);
        if (amp >= 0 && escaped.indexOf(';', amp) >= end) {
            end = amp;
        }
        if (end > 0 && end < escaped.length() && Character.isHighSurrogate(escaped.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Appends the escaped form of {@code text} while it fits in {@code budget} chars; returns whether all fitted. */
    private static boolean appendEscaped(StringBuilder out, String text, int budget) {
        int limit = out.length() + budget;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String piece = switch (cp) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> Character.toString(cp);
            };
            if (out.length() + piece.length() > limit) {
                return false;
            }
            out.append(piece);
            i += Character.charCount(cp);
        }
        return true;
    }
}
