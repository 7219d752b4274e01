package dev.rapport.slack;

import static dev.rapport.slack.SlackLimits.ACTIONS_ELEMENTS;
import static dev.rapport.slack.SlackLimits.ACTION_ID;
import static dev.rapport.slack.SlackLimits.BUTTON_TEXT;
import static dev.rapport.slack.SlackLimits.BUTTON_VALUE;
import static dev.rapport.slack.SlackLimits.CONTEXT_TEXT;
import static dev.rapport.slack.SlackLimits.MESSAGE_BLOCKS;
import static dev.rapport.slack.SlackLimits.MESSAGE_TEXT;
import static dev.rapport.slack.SlackLimits.SECTION_TEXT;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.chat.ChatMessage.Choice;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Languages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders the core's platform-neutral {@link ChatMessage}s as Slack Block Kit, within Slack's documented limits
 * (see {@link SlackLimits}): long texts are split or shortened, never rejected by Slack.
 *
 * <ul>
 *   <li>{@link Block.Text}: section(s) with {@code mrkdwn}. The core writes Slack's own {@code *bold*}, which is
 *       kept; {@code &}, {@code <} and {@code >} are escaped, so names and comments typed by users can never become
 *       mentions ({@code <@U123>}, {@code <!channel>}) or links; and every text object is {@code verbatim}, so
 *       Slack does not auto-parse a bare {@code @channel} or URL either. (The adapter must send the fallback
 *       text without {@code link_names} and with {@code parse} left at {@code none}, for the same reason.)
 *   <li>{@link Block.Question}: a section with the prompt, a context block with the hint (if any) and an actions
 *       block with one button per choice: {@code action_id} and {@code value} are the choice's action id, exactly
 *       as the core made it, for the adapter to hand back to {@code CheckInService.click}.
 *   <li>{@link Block.Answered}: a section with the prompt and a context block with "✓ answer", and no buttons.
 *   <li>{@link Block.FormButton}: an actions block with one button carrying the form's action id.
 *   <li>{@link Block.Table}: sections holding a code block with aligned columns, repeated header, split to fit
 *       the section text limit, at most {@value #MAX_TABLE_SECTIONS} sections; what does not fit is summed up as
 *       "…and N more rows".
 *   <li>{@link Block.Image}: an image block needs a public URL, which the core does not have (it has PNG bytes).
 *       So the image is rendered as a context block with its alternative text, saying the chart follows in the
 *       person's DM with the app, where the adapter uploads the PNG ({@code files.uploadV2}), which is not done here.
 *   <li>{@link Block.Attachment}: a section naming the file; the adapter uploads the file itself, as for images.
 * </ul>
 *
 * <p>Block ids are derived from the position of the core's block in the message ({@code r<index>-<part>}), so
 * they are unique in a message and the same every time the same message is rendered.
 *
 * <p>The renderer's own few words (a note that a chart is attached, "…and 3 more rows") come from the catalogue in
 * the language it was made for, the reader's.
 *
 * <p>Immutable and thread-safe.
 */
public final class BlockKitRenderer {

    /** The most sections one table may take: beyond that a table is better read as the CSV export. */
    static final int MAX_TABLE_SECTIONS = 5;

    /** The widest a table cell is shown; longer cells end with an ellipsis. */
    static final int MAX_CELL_WIDTH = 40;

    /** The longest line of a table, escaped: keeps one row from filling a section on its own. */
    private static final int MAX_LINE = 500;

    private static final String FENCE = "```";

    private static final Catalogue CATALOGUE = Catalogue.standard();

    /** The language of the renderer's own words (notes, fallback text); the message's own text is the core's. */
    private final Locale language;

    /** A renderer whose own words are English. */
    public BlockKitRenderer() {
        this(Languages.ENGLISH);
    }

    /** A renderer whose own words are in {@code language}: the reader's. */
    public BlockKitRenderer(Locale language) {
        this.language = language;
    }

    /** The blocks of one message, at most {@value SlackLimits#MESSAGE_BLOCKS}. */
    public List<LayoutBlock> blocks(ChatMessage message) {
        List<Block> source = message.blocks();
        List<LayoutBlock> out = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            // Leave at least one block for each part still to come.
            int budget = Math.max(1, MESSAGE_BLOCKS - out.size() - (source.size() - i - 1));
            render(source.get(i), "r" + i, budget, out);
        }
        if (out.size() > MESSAGE_BLOCKS) {
            int hidden = out.size() - (MESSAGE_BLOCKS - 1);
            out = new ArrayList<>(out.subList(0, MESSAGE_BLOCKS - 1));
            out.add(context("r-more", CATALOGUE.text(language, "slack.message.more-parts", "count", hidden)));
        }
        return List.copyOf(out);
    }

    /** The message's plain summary, as Slack's {@code text}: shown in notifications and where blocks are not. */
    public String fallbackText(ChatMessage message) {
        String summary = message.summary().strip();
        return SlackLimits.escapeWithin(
                summary.isEmpty() ? CATALOGUE.text(language, "slack.message.fallback") : summary, MESSAGE_TEXT);
    }

    private void render(Block block, String id, int budget, List<LayoutBlock> out) {
        switch (block) {
            case Block.Text t -> text(t.text(), id, budget, out);
            case Block.Question q -> {
                out.add(section(id + "-prompt", SlackLimits.escapeWithin(q.prompt(), SECTION_TEXT)));
                if (q.hint() != null && !q.hint().isBlank()) {
                    out.add(context(id + "-hint", SlackLimits.escapeWithin(q.hint(), CONTEXT_TEXT)));
                }
                List<Choice> choices = q.choices();
                for (int from = 0, part = 0; from < choices.size(); from += ACTIONS_ELEMENTS, part++) {
                    List<Choice> chunk = choices.subList(from, Math.min(choices.size(), from + ACTIONS_ELEMENTS));
                    out.add(actions(id + "-actions" + (part == 0 ? "" : "-" + part), chunk));
                }
            }
            case Block.Answered a -> {
                out.add(section(id + "-prompt", SlackLimits.escapeWithin(a.prompt(), SECTION_TEXT)));
                out.add(context(id + "-answer", SlackLimits.escapeWithin("✓ " + a.answer(), CONTEXT_TEXT)));
            }
            case Block.FormButton f -> out.add(actions(id + "-actions", List.of(new Choice(f.label(), f.actionId()))));
            case Block.Table t -> table(t, id, Math.min(budget, MAX_TABLE_SECTIONS), out);
            case Block.Image img ->
                out.add(context(
                        id + "-image",
                        SlackLimits.escapeWithin(
                                CATALOGUE.text(language, "slack.image.attached", "alt", img.altText()), CONTEXT_TEXT)));
            case Block.Attachment a ->
                out.add(section(
                        id + "-file",
                        CATALOGUE.text(
                                language,
                                "slack.file.attached",
                                "name",
                                SlackLimits.escapeWithin(a.fileName(), SECTION_TEXT - 100))));
        }
    }

    private static void text(String text, String id, int budget, List<LayoutBlock> out) {
        List<String> pieces = SlackLimits.escapeInPieces(text, SECTION_TEXT, budget);
        for (int p = 0; p < pieces.size(); p++) {
            // Slack rejects a section without text; an empty text has nothing to show anyway.
            if (!pieces.get(p).isBlank()) {
                out.add(section(p == 0 ? id : id + "-" + p, pieces.get(p)));
            }
        }
    }

    private void table(Block.Table table, String id, int maxSections, List<LayoutBlock> out) {
        int columns = table.headers().size();
        for (List<String> row : table.rows()) {
            columns = Math.max(columns, row.size());
        }
        if (columns == 0) {
            return; // nothing to show, and an empty code block would look like a mistake
        }
        int[] widths = new int[columns];
        List<List<String>> cells = new ArrayList<>();
        cells.add(cells(table.headers(), columns, widths));
        for (List<String> row : table.rows()) {
            cells.add(cells(row, columns, widths));
        }
        List<String> lines = new ArrayList<>(cells.size());
        for (List<String> row : cells) {
            lines.add(line(row, widths));
        }
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        String head = lines.getFirst() + "\n" + SlackLimits.truncate(rule.toString(), MAX_LINE);
        List<String> rows = lines.subList(1, lines.size());

        // Each section: ```header\nrule\nrow…```; the last one allowed may end with "…and N more rows".
        int next = 0;
        for (int s = 0; s < maxSections && (next < rows.size() || s == 0); s++) {
            boolean last = s == maxSections - 1;
            StringBuilder body = new StringBuilder(FENCE).append(head);
            int room = SECTION_TEXT - FENCE.length();
            int fitted = next;
            while (fitted < rows.size() && body.length() + 1 + rows.get(fitted).length() <= room) {
                body.append('\n').append(rows.get(fitted++));
            }
            if (rows.isEmpty()) {
                body.append('\n').append(CATALOGUE.text(language, "slack.table.empty"));
            }
            if (last && fitted < rows.size()) {
                // Make room for the note, dropping rows from the end of this section if needed.
                while (true) {
                    String note =
                            "\n" + CATALOGUE.text(language, "slack.table.more-rows", "count", rows.size() - fitted);
                    if (body.length() + FENCE.length() + note.length() <= SECTION_TEXT || fitted == next) {
                        body.append(FENCE).append(note);
                        break;
                    }
                    body.setLength(body.length() - rows.get(--fitted).length() - 1);
                }
            } else {
                body.append(FENCE);
            }
            out.add(section(s == 0 ? id + "-table" : id + "-table-" + s, body.toString()));
            next = fitted;
        }
    }

    private static List<String> cells(List<String> row, int columns, int[] widths) {
        List<String> cells = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            String raw = c < row.size() && row.get(c) != null ? row.get(c) : "";
            // One line per row, and nothing that could close the code block.
            String cell =
                    SlackLimits.truncate(raw.replaceAll("\\s+", " ").strip().replace('`', 'ˋ'), MAX_CELL_WIDTH);
            widths[c] = Math.max(widths[c], cell.codePointCount(0, cell.length()));
            cells.add(cell);
        }
        return cells;
    }

    /** One table line: cells padded to their column's width (in code points), then escaped. */
    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            line.append(c == 0 ? "" : "  ").append(cell);
            if (c < cells.size() - 1) {
                line.append(" ".repeat(widths[c] - cell.codePointCount(0, cell.length())));
            }
        }
        return SlackLimits.escapeWithin(line.toString().stripTrailing(), MAX_LINE);
    }

    private static ActionsBlock actions(String blockId, List<Choice> choices) {
        List<BlockElement> buttons = new ArrayList<>(choices.size());
        Set<String> used = new HashSet<>();
        for (Choice choice : choices) {
            String label = choice.label() == null || choice.label().isBlank() ? "-" : choice.label();
            buttons.add(ButtonElement.builder()
                    .text(PlainTextObject.builder()
                            .text(SlackLimits.truncate(label, BUTTON_TEXT))
                            .emoji(true)
                            .build())
                    .actionId(uniqueActionId(choice.actionId(), used))
                    .value(cut(choice.actionId(), BUTTON_VALUE))
                    .build());
        }
        return ActionsBlock.builder().blockId(blockId).elements(buttons).build();
    }

    /**
     * The action id as the core made it; cut to Slack's limit if (against the core's own rules) it is longer, and
     * made unique in its block if two choices carry the same one, since Slack rejects the message otherwise.
     */
    private static String uniqueActionId(String actionId, Set<String> used) {
        String id = cut(actionId, ACTION_ID);
        for (int n = 2; !used.add(id); n++) {
            String suffix = "#" + n;
            id = cut(actionId, ACTION_ID - suffix.length()) + suffix;
        }
        return id;
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private static SectionBlock section(String blockId, String mrkdwn) {
        return SectionBlock.builder().blockId(blockId).text(mrkdwn(mrkdwn)).build();
    }

    private static ContextBlock context(String blockId, String mrkdwn) {
        List<ContextBlockElement> elements = List.of(mrkdwn(mrkdwn));
        return ContextBlock.builder().blockId(blockId).elements(elements).build();
    }

    /**
     * Verbatim: Slack still applies the formatting ({@code *bold*}) but does not turn bare {@code @channel},
     * {@code #channel} or URLs in users' text into mentions or links.
     */
    private static MarkdownTextObject mrkdwn(String text) {
        return MarkdownTextObject.builder().text(text).verbatim(true).build();
    }
}
