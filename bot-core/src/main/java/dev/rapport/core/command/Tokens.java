package dev.rapport.core.command;

import dev.rapport.core.chat.Mentions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The core's tokenizer: splits a {@code /rapport} line into words, keeping "quoted phrases" (straight or curly quotes,
 * which are dropped) and mentions ({@code <@U1|Ana Lima>}) whole. Every way in reads a line with it: Slack's typed
 * line, Discord's options written back as a line, the sandbox.
 */
public final class Tokens {

    private Tokens() {}

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean inMention = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' && !quoted && text.startsWith("<@", i)) {
                inMention = true;
            } else if (c == '>' && inMention) {
                inMention = false;
            }
            if (inMention || (c == '>' && !quoted)) {
                current.append(c);
                continue;
            }
            if (c == '"' || c == '\u201c' || c == '\u201d') {
                quoted = !quoted;
                continue;
            }
            if (Character.isWhitespace(c) && !quoted) {
                if (!current.isEmpty()) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                continue;
            }
            current.append(c);
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    /** A mentioned user: id and, when the platform included it, the display name. */
    record Mention(String userId, String name) {}

    static Optional<Mention> mention(String token) {
        Matcher m = Mentions.PERSON.matcher(token);
        return m.matches() ? Optional.of(new Mention(m.group(1), m.group(2))) : Optional.empty();
    }
}
