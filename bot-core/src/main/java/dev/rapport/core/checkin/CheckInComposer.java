package dev.rapport.core.checkin;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.chat.ChatMessage.Choice;
import dev.rapport.core.chat.Form;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Languages;
import dev.rapport.core.pair.Role;
import dev.rapport.core.pulse.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders check-ins into the platform-neutral message model, in the recipient's language (the statements come in that
 * language with the content). Answered questions turn into a line showing the answer, so the same message, updated
 * after each tap, never invites a second answer.
 */
public final class CheckInComposer {

    /** The comment form's text input: its key, and the longest comment kept (the form tells the platforms). */
    static final String COMMENT = "comment";

    static final int MAX_COMMENT = 1000;

    private static final Catalogue CATALOGUE = Catalogue.standard();

    private CheckInComposer() {}

    /** The check-in in English. */
    public static ChatMessage compose(CheckInContent c) {
        return compose(c, Languages.ENGLISH);
    }

    public static ChatMessage compose(CheckInContent c, Locale in) {
        return compose(c, in, false);
    }

    /**
     * The check-in in a language; {@code gentle} for someone who has left several in a row unanswered: a softer
     * greeting that asks nothing of them but a tap when they can, in place of the usual one.
     */
    public static ChatMessage compose(CheckInContent c, Locale in, boolean gentle) {
        List<Block> blocks = new ArrayList<>();
        if (c.complete()) {
            blocks.add(new Block.Text(CATALOGUE.text(
                    in,
                    "checkin.thanks",
                    "name",
                    c.recipientName(),
                    "programme",
                    c.programmeName(),
                    "whoSees",
                    whoSees(c.role(), in))));
            addAnswered(c, blocks, in);
            if (!c.commented()) {
                blocks.add(new Block.FormButton(
                        CATALOGUE.text(in, "checkin.thanks.comment-button"), ActionId.openComment(c.checkInId())));
            }
            return new ChatMessage(CATALOGUE.text(in, "checkin.thanks.summary"), blocks);
        }
        String reminder = c.reminder() ? "yes" : "no";
        blocks.add(new Block.Text(CATALOGUE.text(
                in,
                gentle ? "silence.nudge" : "checkin.greeting",
                "reminder",
                reminder,
                "name",
                c.recipientName(),
                "partner",
                c.partnerName(),
                "programme",
                c.programmeName(),
                "whoSees",
                whoSees(c.role(), in))));
        if (c.role() == Role.MENTEE) {
            String prompt = metQuestion(c, in);
            if (c.met() == null) {
                blocks.add(new Block.Question(
                        prompt,
                        List.of(
                                new Choice(CATALOGUE.text(in, "checkin.met.yes"), ActionId.met(c.checkInId(), true)),
                                new Choice(CATALOGUE.text(in, "checkin.met.no"), ActionId.met(c.checkInId(), false))),
                        null));
            } else {
                blocks.add(new Block.Answered(prompt, metAnswer(c, in)));
            }
        }
        for (Question q : c.questions()) {
            Integer score = c.scores().get(q.id());
            if (score == null) {
                blocks.add(new Block.Question(
                        q.text(), scale(c.checkInId(), q, in), CATALOGUE.text(in, "checkin.scale.hint"), true));
            } else {
                blocks.add(new Block.Answered(q.text(), describe(score, in)));
            }
        }
        if (!c.commented()) {
            blocks.add(new Block.FormButton(
                    CATALOGUE.text(in, "checkin.comment.button"), ActionId.openComment(c.checkInId())));
        }
        String summary = CATALOGUE.text(
                in,
                gentle ? "silence.nudge.summary" : "checkin.summary",
                "reminder",
                reminder,
                "programme",
                c.programmeName());
        return new ChatMessage(summary, blocks);
    }

    /** The optional comment, with its "share with coordinator" choice (unticked: private by default), in English. */
    public static Form commentForm(long checkInId) {
        return commentForm(checkInId, Languages.ENGLISH);
    }

    /** The comment form in a language. */
    public static Form commentForm(long checkInId, Locale in) {
        return new Form(
                ActionId.submitComment(checkInId),
                CATALOGUE.text(in, "checkin.comment.title"),
                CATALOGUE.text(in, "checkin.comment.save"),
                List.of(
                        new Form.Field.TextInput(
                                COMMENT, CATALOGUE.text(in, "checkin.comment.field"), true, MAX_COMMENT, true),
                        new Form.Field.Checkbox("share", CATALOGUE.text(in, "checkin.comment.share"))));
    }

    /** A statement's choices: 1–5, each with its anchor, and "not applicable". */
    private static List<Choice> scale(long checkInId, Question q, Locale in) {
        List<Choice> choices = new ArrayList<>(6);
        for (int s = 1; s <= 5; s++) {
            choices.add(new Choice(
                    Integer.toString(s),
                    ActionId.rate(checkInId, q.id(), s),
                    CATALOGUE.text(in, "checkin.scale.anchor", "score", s)));
        }
        choices.add(new Choice(
                CATALOGUE.text(in, "checkin.scale.not-applicable"),
                ActionId.rate(checkInId, q.id(), ActionId.NOT_APPLICABLE),
                CATALOGUE.text(in, "checkin.scale.not-applicable.detail")));
        return choices;
    }

    static String describe(int score) {
        return describe(score, Languages.ENGLISH);
    }

    static String describe(int score, Locale in) {
        return score == ActionId.NOT_APPLICABLE
                ? CATALOGUE.text(in, "checkin.scale.answer.not-applicable")
                : CATALOGUE.text(in, "checkin.scale.answer", "score", score);
    }

    private static String metQuestion(CheckInContent c, Locale in) {
        return CATALOGUE.text(in, "checkin.met.question", "partner", c.partnerName());
    }

    private static String metAnswer(CheckInContent c, Locale in) {
        return CATALOGUE.text(in, c.met() ? "checkin.met.yes" : "checkin.met.no");
    }

    private static void addAnswered(CheckInContent c, List<Block> blocks, Locale in) {
        if (c.role() == Role.MENTEE && c.met() != null) {
            blocks.add(new Block.Answered(metQuestion(c, in), metAnswer(c, in)));
        }
        for (Question q : c.questions()) {
            Integer score = c.scores().get(q.id());
            if (score != null) {
                blocks.add(new Block.Answered(q.text(), describe(score, in)));
            }
        }
    }

    private static String whoSees(Role role, Locale in) {
        return CATALOGUE.text(in, role == Role.MENTEE ? "checkin.who-sees.mentee" : "checkin.who-sees.mentor");
    }
}
