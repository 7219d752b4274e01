package dev.rapport.core.digest;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.chat.ChatMessage.Choice;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A digest's words: pure. {@link #text} makes the {@link Text} the outbox stores when the digest is written;
 * {@link #message} renders it, when it is sent, in the coordinator's language, with each pair's buttons.
 */
public final class DigestComposer {

    /**
     * Lines that get buttons: Discord shows at most five rows of buttons in a message, the fewest of the platforms.
     * Lines after them are text; the coordinator reaches those pairs with {@code /rapport pair}.
     */
    public static final int BUTTON_LINES = 5;

    static final String HEADING = "digest.heading";
    static final String CALM = "digest.calm";

    private static final Catalogue CATALOGUE = Catalogue.standard();

    private DigestComposer() {}

    /**
     * The digest as stored: its heading's arguments and one text per line.
     *
     * @param since the first day it covers, in the coordinator's zone
     * @param day the day it is for
     */
    public static Text text(DigestFacts f, List<DigestRules.Line> lines, LocalDate since, LocalDate day) {
        List<Text> pairs = lines.stream().map(DigestComposer::line).toList();
        return Text.of(
                lines.isEmpty() ? CALM : HEADING,
                "programme",
                f.programmeName(),
                "programmeId",
                f.programmeId(),
                "since",
                since,
                "day",
                day,
                "count",
                lines.size(),
                "pairs",
                pairs);
    }

    private static Text line(DigestRules.Line l) {
        return Text.of(
                "digest.pair",
                "pair",
                l.pairId(),
                "mentor",
                l.mentor(),
                "mentee",
                l.mentee(),
                "items",
                l.items().stream().map(DigestComposer::item).toList());
    }

    private static Text item(DigestRules.Item i) {
        return switch (i.kind()) {
            case NEW_AT_RISK -> Text.of("digest.item.new-at-risk");
            case NEW_WATCH -> Text.of("digest.item.new-watch");
            case RECOVERED -> Text.of("digest.item.recovered");
            case SILENT -> Text.of("digest.item.silent", "role", i.role(), "count", i.count());
            case UNREACHABLE -> Text.of("digest.item.unreachable", "role", i.role());
            case MEETING_OVERDUE -> Text.of("digest.item.meeting-overdue", "weeks", i.count());
        };
    }

    /** The digest a stored text describes, in a language, with buttons on its first {@link #BUTTON_LINES} lines. */
    public static ChatMessage message(Text stored, Locale in) {
        String heading = CATALOGUE.text(in, stored.key(), stored.args());
        String footer = CATALOGUE.text(in, "digest.footer", "day", stored.args().get("day"));
        if (stored.key().equals(CALM)) {
            return new ChatMessage(heading, List.of(new Block.Text(heading), new Block.Text(footer)));
        }
        long programmeId = (Long) stored.args().get("programmeId");
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Text(heading));
        List<?> pairs = (List<?>) stored.args().get("pairs");
        for (int i = 0; i < pairs.size(); i++) {
            Text pair = (Text) pairs.get(i);
            long pairId = (Long) pair.args().get("pair");
            String items = ((List<?>) pair.args().get("items"))
                    .stream().map(item -> CATALOGUE.text(in, (Text) item)).collect(Collectors.joining("; "));
            String line = CATALOGUE.text(in, pair.with("items", items));
            if (i < BUTTON_LINES) {
                blocks.add(new Block.Question(
                        line,
                        List.of(
                                new Choice(
                                        CATALOGUE.text(in, "digest.button.open"),
                                        DigestActions.open(programmeId, pairId)),
                                new Choice(
                                        CATALOGUE.text(in, "digest.button.snooze"),
                                        DigestActions.snooze(programmeId, pairId))),
                        null));
            } else {
                blocks.add(new Block.Text(line));
            }
        }
        if (pairs.size() > BUTTON_LINES) {
            blocks.add(new Block.Text(CATALOGUE.text(in, "digest.more", "count", pairs.size() - BUTTON_LINES)));
        }
        blocks.add(new Block.Text(footer));
        return new ChatMessage(heading, blocks);
    }
}
