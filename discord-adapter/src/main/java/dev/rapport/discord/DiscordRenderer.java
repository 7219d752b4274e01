package dev.rapport.discord;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.chat.ChatMessage.Choice;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Languages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.selections.SelectMenu;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.utils.ComponentDeserializer;
import net.dv8tion.jda.api.components.utils.ComponentSerializer;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Renders the core's {@link ChatMessage} as a Discord message payload, with JDA's builders and within Discord's
 * documented limits. It builds data only: sending it (and making a reply ephemeral) is the caller's business.
 *
 * <ul>
 *   <li>Text, questions' prompts and answered questions become the message content, in order, with the core's
 *       {@code *bold*} turned into Discord's {@code **bold**}. Everything else in the text is escaped, so a name or
 *       comment cannot add Markdown, and {@code @} is defused so nothing renders as a mention; on top of that the
 *       message allows no mentions at all, so nothing it contains can ping anyone.
 *   <li>Each question gets one row of buttons (up to five choices, more spill into further rows), in the order of
 *       the prompts, which are numbered so the rows can be matched to them. A button's custom id is the core's
 *       action id, verbatim. Form buttons share one row at the end, as secondary buttons.
 *   <li>A rating scale (a pulse statement: 1–5 and N/A) gets a string select menu of its own row instead, named by
 *       its statement: the placeholder is the prompt (cut to Discord's 150 characters; a prompt that had to be cut is
 *       also written whole in the content), each option a choice with its anchor ("4 – Agree"), its value the core's
 *       action id. The menu's custom id ({@link #SELECT_PREFIX} and its position) only names it; the choice is the
 *       value. A hint shared by consecutive scales is written once.
 *   <li>Discord allows five rows. A mentee's check-in needs exactly five (yes/no, three statements, the comment
 *       button). If a message needs more, the rows that do not fit are left out and their prompts say that their
 *       buttons come once the questions above are answered: every answer edits the message, which re-renders it,
 *       so the left-out buttons appear as earlier rows turn into answered lines. Questions win over form buttons.
 *   <li>A table becomes an embed with the table in a code block, cut to the embed limits with "…and N more".
 *   <li>An image becomes an attachment, shown by an embed that points at it ({@code attachment://…}).
 *   <li>An attachment becomes a file upload with its own name. Discord takes ten files per message; files beyond
 *       that are named in the content as left out.
 * </ul>
 *
 * <p>The renderer's own few words (those notes) come from the catalogue in the language it was made for, the
 * reader's.
 */
public final class DiscordRenderer {

    /** Discord's limit on rows of components in one message. */
    static final int MAX_ROWS = Message.MAX_COMPONENT_COUNT;
    /** Discord's limit on buttons in one row. */
    static final int MAX_BUTTONS_PER_ROW = 5;

    /** Discord's limit on a select menu's placeholder (JDA's {@link SelectMenu#PLACEHOLDER_MAX_LENGTH} says 100). */
    static final int PLACEHOLDER_MAX_LENGTH = 150;

    private static final ComponentDeserializer SELECTS = new ComponentDeserializer(List.of());

    /** The custom id of a rating scale's select menu: the prefix and the menu's position in the message. */
    static final String SELECT_PREFIX = "rapport:scale:";

    /** The key of the note under a question whose buttons come later; shown small ({@code -# }). */
    static final String DEFERRED_NOTE = "discord.buttons-later";

    private static final Catalogue CATALOGUE = Catalogue.standard();

    /** The language of the renderer's own words (notes, "…and 3 more"); the message's own text is the core's. */
    private final Locale language;

    /** A renderer whose own words are English. */
    public DiscordRenderer() {
        this(Languages.ENGLISH);
    }

    /** A renderer whose own words are in {@code language}: the reader's. */
    public DiscordRenderer(Locale language) {
        this.language = language;
    }

    /**
     * The core's bold: an asterisk at the start or after a space, up to the first asterisk that closes a word. An
     * asterisk next to another one never opens or closes, so {@code **} in a name cannot take the core's bold over.
     */
    private static final Pattern BOLD =
            Pattern.compile("(?<=^|[\\s(])\\*(?=[^\\s*])([^\\n]+?)(?<=[^\\s*])\\*(?=$|[\\s.,;:!?)])");

    private static final char ZERO_WIDTH_SPACE = '\u200B';
    private static final String ELLIPSIS = "…";

    /** The message to send. */
    public MessageCreateData create(ChatMessage message) {
        Rendered r = render(message);
        return new MessageCreateBuilder()
                .setContent(r.content())
                .setEmbeds(r.embeds())
                .setComponents(r.rows())
                .setFiles(r.files())
                .setAllowedMentions(List.of())
                .build();
    }

    /**
     * The edit that turns a sent message into {@code message}. It replaces the whole message, so buttons and files
     * the new version does not have are removed.
     */
    public MessageEditData edit(ChatMessage message) {
        Rendered r = render(message);
        return new MessageEditBuilder()
                .setReplace(true)
                .setContent(r.content())
                .setEmbeds(r.embeds())
                .setComponents(r.rows())
                .setFiles(r.files())
                .setAllowedMentions(List.of())
                .build();
    }

    private record Rendered(String content, List<MessageEmbed> embeds, List<ActionRow> rows, List<FileUpload> files) {}

    private Rendered render(ChatMessage message) {
        List<String> lines = new ArrayList<>();
        List<MessageEmbed> embeds = new ArrayList<>();
        List<ActionRow> rows = new ArrayList<>();
        List<Button> formButtons = new ArrayList<>();
        List<FileUpload> files = new ArrayList<>();
        int embedBudget = MessageEmbed.EMBED_MAX_LENGTH_BOT;
        int questionNumber = 0;
        int scales = 0;
        String lastHint = null;
        int images = 0;
        boolean deferring = false;
        for (Block block : message.blocks()) {
            switch (block) {
                case Block.Text t -> lines.add(markdown(t.text()));
                case Block.Question q
                when q.scale() -> {
                    scales++;
                    if (q.hint() != null && !q.hint().isBlank() && !q.hint().equals(lastHint)) {
                        lines.add("-# " + escape(q.hint()));
                        lastHint = q.hint();
                    }
                    if (q.prompt().length() > PLACEHOLDER_MAX_LENGTH) {
                        lines.add(markdown(q.prompt()));
                    }
                    deferring = deferring || rows.size() + 1 > MAX_ROWS;
                    if (deferring) {
                        lines.add("-# " + CATALOGUE.text(language, DEFERRED_NOTE));
                    } else {
                        rows.add(ActionRow.of(select(SELECT_PREFIX + scales, q)));
                    }
                }
                case Block.Question q -> {
                    questionNumber++;
                    lines.add("**" + questionNumber + ".** " + markdown(q.prompt()));
                    if (q.hint() != null && !q.hint().isBlank()) {
                        lines.add("-# " + escape(q.hint()));
                    }
                    List<ActionRow> questionRows = buttonRows(q.choices());
                    // Once one question is left without buttons, so are the ones after it: the note promises the
                    // buttons come in order.
                    deferring = deferring || rows.size() + questionRows.size() > MAX_ROWS;
                    if (deferring) {
                        lines.add("-# " + CATALOGUE.text(language, DEFERRED_NOTE));
                    } else {
                        rows.addAll(questionRows);
                    }
                }
                case Block.Answered a -> lines.add("✓ " + markdown(a.prompt()) + " — " + escape(a.answer()));
                case Block.FormButton f -> formButtons.add(button(ButtonStyle.SECONDARY, f.label(), f.actionId()));
                case Block.Table t -> {
                    if (embeds.size() < Message.MAX_EMBED_COUNT && embedBudget > 0) {
                        MessageEmbed embed = DiscordTables.embed(t, embedBudget, language);
                        embedBudget -= embed.getLength();
                        embeds.add(embed);
                    }
                }
                case Block.Image i -> {
                    if (files.size() == Message.MAX_FILE_AMOUNT) {
                        lines.add("-# " + CATALOGUE.text(language, "discord.image.left-out"));
                        continue;
                    }
                    images++;
                    String name = images == 1 ? "trend.png" : "trend-" + images + ".png";
                    files.add(FileUpload.fromData(i.png(), name).setDescription(cut(i.altText(), 1024)));
                    if (embeds.size() < Message.MAX_EMBED_COUNT) {
                        String alt =
                                cut(escape(i.altText()), Math.min(MessageEmbed.DESCRIPTION_MAX_LENGTH, embedBudget));
                        MessageEmbed embed = new EmbedBuilder()
                                .setDescription(alt.isEmpty() ? null : alt)
                                .setImage("attachment://" + name)
                                .build();
                        embedBudget -= embed.getLength();
                        embeds.add(embed);
                    }
                }
                case Block.Attachment a -> {
                    if (files.size() == Message.MAX_FILE_AMOUNT) {
                        lines.add("-# "
                                + CATALOGUE.text(language, "discord.file.left-out", "name", escape(a.fileName())));
                    } else {
                        files.add(FileUpload.fromData(a.content(), a.fileName()));
                    }
                }
            }
        }
        if (!formButtons.isEmpty()) {
            List<ActionRow> formRows = ActionRow.partitionOf(formButtons);
            rows.addAll(formRows.subList(0, Math.min(formRows.size(), MAX_ROWS - rows.size())));
        }
        String text = String.join("\n", lines);
        String content = text;
        if (text.length() > Message.MAX_CONTENT_LENGTH) {
            // A long text (the help) goes on in embeds placed right after it, rather than being cut off.
            Split split = split(List.of(text.split("\n", -1)), Message.MAX_CONTENT_LENGTH);
            content = split.first();
            List<MessageEmbed> more = continuation(split.rest(), embedBudget, Message.MAX_EMBED_COUNT - embeds.size());
            embeds.addAll(0, more);
        }
        content = cut(content, Message.MAX_CONTENT_LENGTH);
        if (content.isBlank() && embeds.isEmpty() && files.isEmpty()) {
            // Discord refuses a message with nothing to show; the summary is the core's own fallback.
            content = cut(markdown(message.summary()), Message.MAX_CONTENT_LENGTH);
        }
        return new Rendered(content, embeds, rows, files);
    }

    private record Split(String first, List<String> rest) {}

    /** The lines that fit in {@code limit} characters, whole, and the lines after them. */
    private static Split split(List<String> lines, int limit) {
        StringBuilder first = new StringBuilder();
        int i = 0;
        while (i < lines.size()
                && first.length() + (first.isEmpty() ? 0 : 1) + lines.get(i).length() <= limit) {
            if (!first.isEmpty()) {
                first.append('\n');
            }
            first.append(lines.get(i++));
        }
        if (i == 0) {
            // One line longer than the limit: it is cut there, and what follows goes on after it.
            return new Split(cut(lines.get(0), limit), lines.subList(1, lines.size()));
        }
        return new Split(first.toString(), lines.subList(i, lines.size()));
    }

    /** The rest of a long text as embed descriptions, each up to Discord's limit, within what embeds have left. */
    private static List<MessageEmbed> continuation(List<String> lines, int budget, int slots) {
        List<MessageEmbed> out = new ArrayList<>();
        List<String> left = lines;
        while (!left.isEmpty() && out.size() < slots && budget > 0) {
            Split split = split(left, Math.min(MessageEmbed.DESCRIPTION_MAX_LENGTH, budget));
            if (split.first().isBlank()) {
                break;
            }
            MessageEmbed embed =
                    new EmbedBuilder().setDescription(split.first()).build();
            budget -= embed.getLength();
            out.add(embed);
            left = split.rest();
        }
        return out;
    }

    private static List<ActionRow> buttonRows(List<Choice> choices) {
        List<Button> buttons = choices.stream()
                .map(c -> button(ButtonStyle.PRIMARY, c.label(), c.actionId()))
                .toList();
        return buttons.isEmpty() ? List.of() : ActionRow.partitionOf(buttons);
    }

    /**
     * A rating scale as one select menu: the statement as placeholder, one option per choice, valued by action id.
     * Discord takes a placeholder of 150 characters; JDA's builder refuses more than 100 (its constant predates the
     * change), which would cut statements people must read whole. So the placeholder is set on the menu's data, and
     * the menu is written and read back with JDA's own {@link ComponentSerializer} and {@link ComponentDeserializer}.
     */
    private static StringSelectMenu select(String customId, Block.Question q) {
        StringSelectMenu.Builder menu = StringSelectMenu.create(customId).setRequiredRange(1, 1);
        for (Choice c : q.choices()) {
            if (c.actionId().length() > SelectOption.VALUE_MAX_LENGTH) {
                throw new IllegalArgumentException("action id longer than Discord's " + SelectOption.VALUE_MAX_LENGTH
                        + " characters: " + c.actionId().length());
            }
            String label = c.detail() == null || c.detail().isBlank() ? c.label() : c.label() + " – " + c.detail();
            menu.addOption(cut(label, SelectOption.LABEL_MAX_LENGTH), c.actionId());
        }
        DataObject data = new ComponentSerializer()
                .serialize(menu.build())
                .put("placeholder", cut(q.prompt(), PLACEHOLDER_MAX_LENGTH));
        return SELECTS.deserializeAs(StringSelectMenu.class, data);
    }

    private static Button button(ButtonStyle style, String label, String actionId) {
        if (actionId.length() > Button.ID_MAX_LENGTH) {
            // Cutting an action id would hand the core a different action; this is a bug in the core, say so.
            throw new IllegalArgumentException(
                    "action id longer than Discord's " + Button.ID_MAX_LENGTH + " characters: " + actionId.length());
        }
        String shown = cut(label, Button.LABEL_MAX_LENGTH);
        return Button.of(style, actionId, shown);
    }

    /**
     * The core's light Markdown as Discord Markdown: {@code *bold*} becomes {@code **bold**}, everything else is
     * escaped and defused.
     */
    static String markdown(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher m = BOLD.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(escape(text.substring(last, m.start())));
            out.append("**").append(escape(m.group(1))).append("**");
            last = m.end();
        }
        out.append(escape(text.substring(last)));
        return out.toString();
    }

    /**
     * Text shown literally: Markdown escaped, and a zero-width space after each {@code @} and after each {@code <}
     * that starts a mention, so {@code @everyone}, {@code @here}, {@code <@123>}, {@code <@&5>} and {@code <#7>}
     * render as text.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        // The sanitizer escapes single markers too (true), but not backslashes, which could undo our own bold.
        String escaped = MarkdownSanitizer.escape(text.replace("\\", "\\\\"), true);
        StringBuilder out = new StringBuilder(escaped.length() + 8);
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            boolean lineStart = i == 0 || escaped.charAt(i - 1) == '\n';
            // Masked links, headings and lists are Markdown the sanitizer leaves alone.
            if (c == '[' || (lineStart && (c == '#' || c == '-' || c == '>'))) {
                out.append('\\');
            }
            out.append(c);
            if (c == '@' || (c == '<' && i + 1 < escaped.length() && "@#:/t".indexOf(escaped.charAt(i + 1)) >= 0)) {
                out.append(ZERO_WIDTH_SPACE);
            }
        }
        return out.toString();
    }

    static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, Math.max(0, max - ELLIPSIS.length())) + ELLIPSIS;
    }
}
