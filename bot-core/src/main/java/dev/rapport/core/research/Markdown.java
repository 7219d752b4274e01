package dev.rapport.core.research;

import java.util.List;

/** The little Markdown the codebook and the summary are written in: headings, paragraphs and pipe tables. */
final class Markdown {

    private final StringBuilder out = new StringBuilder();

    Markdown heading(int level, String text) {
        out.append("#".repeat(level)).append(' ').append(line(text)).append("\n\n");
        return this;
    }

    Markdown paragraph(String text) {
        out.append(text.strip()).append("\n\n");
        return this;
    }

    Markdown bullets(List<String> items) {
        items.forEach(item -> out.append("- ").append(line(item)).append('\n'));
        out.append('\n');
        return this;
    }

    /** A pipe table; a cell's pipes are escaped and its line breaks become spaces, so every row stays one line. */
    Markdown table(List<String> headers, List<List<String>> rows) {
        row(headers);
        out.append('|');
        headers.forEach(h -> out.append(" --- |"));
        out.append('\n');
        rows.forEach(this::row);
        out.append('\n');
        return this;
    }

    private void row(List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(line(cell).replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }

    private static String line(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
