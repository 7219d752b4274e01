package dev.rapport.discord;

import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.i18n.Catalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * A table as an embed: a monospaced code block in the description, because embed fields cannot line columns up
 * and allow only 25 of them. Rows that do not fit Discord's limits are left out and counted.
 */
final class DiscordTables {

    static final int CELL_MAX = 32;
    private static final String FENCE_OPEN = "```\n";
    private static final String FENCE_CLOSE = "```";

    private DiscordTables() {}

    /**
     * @param budget the characters left for embeds in this message (Discord counts all embeds of a message
     *     together against 6000)
     */
    static MessageEmbed embed(Block.Table table, int budget, Locale language) {
        int limit = Math.min(MessageEmbed.DESCRIPTION_MAX_LENGTH, budget);
        int columns = table.headers().size();
        for (List<String> row : table.rows()) {
            columns = Math.max(columns, row.size());
        }
        int[] widths = new int[columns];
        measure(widths, table.headers());
        table.rows().forEach(row -> measure(widths, row));

        List<String> lines = new ArrayList<>();
        if (!table.headers().isEmpty()) {
            lines.add(line(widths, table.headers()));
            lines.add(rule(widths));
        }
        int total = table.rows().size();
        int length = FENCE_OPEN.length() + FENCE_CLOSE.length() + length(lines);
        int shown = 0;
        for (List<String> row : table.rows()) {
            String line = line(widths, row);
            int left = total - shown - 1;
            int reserve = left > 0 ? more(left, language).length() : 0;
            if (length + line.length() + 1 + reserve > limit) {
                break;
            }
            lines.add(line);
            length += line.length() + 1;
            shown++;
        }
        StringBuilder description = new StringBuilder(FENCE_OPEN);
        lines.forEach(l -> description.append(l).append('\n'));
        description.append(FENCE_CLOSE);
        if (shown < total) {
            description.append(more(total - shown, language));
        }
        String text = description.length() <= limit ? description.toString() : more(total, language);
        return new EmbedBuilder()
                .setDescription(DiscordRenderer.cut(text, limit))
                .build();
    }

    private static String more(int rows, Locale language) {
        return "\n" + Catalogue.standard().text(language, "discord.table.more-rows", "count", rows);
    }

    private static int length(List<String> lines) {
        return lines.stream().mapToInt(l -> l.length() + 1).sum();
    }

    private static void measure(int[] widths, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            widths[i] = Math.max(widths[i], cell(cells.get(i)).length());
        }
    }

    private static String line(int[] widths, List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? cell(cells.get(i)) : "";
            line.append(cell).append(" ".repeat(widths[i] - cell.length()));
            if (i < widths.length - 1) {
                line.append("  ");
            }
        }
        return line.toString().stripTrailing();
    }

    private static String rule(int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            line.append("-".repeat(widths[i]));
            if (i < widths.length - 1) {
                line.append("  ");
            }
        }
        return line.toString();
    }

    /** A cell as plain text on one line: a backtick would close the code block, so it becomes a look-alike. */
    private static String cell(String value) {
        String flat = value == null
                ? ""
                : value.replace('`', 'ˋ').replaceAll("\\s+", " ").strip();
        return DiscordRenderer.cut(flat, CELL_MAX);
    }
}
