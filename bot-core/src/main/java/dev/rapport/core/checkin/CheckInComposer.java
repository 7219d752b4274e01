package dev.rapport.core.checkin;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.chat.ChatMessage.Choice;
import dev.rapport.core.chat.Form;
import dev.rapport.core.pair.Role;
import dev.rapport.core.pulse.Question;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders check-ins into the platform-neutral message model. Answered questions turn into a line showing
 * the answer, so the same message, updated after each tap, never invites a second answer.
 */
public final class CheckInComposer {

    /** The comment form's text input: its key, and the longest comment kept (the form tells the platforms). */
    static final String COMMENT = "comment";

    static final int MAX_COMMENT = 1000;

    static final String SCALE_HINT = "1 = strongly disagree · 5 = strongly agree";
    private static final String[] SCALE_WORDS = {
        "", "strongly disagree", "disagree", "neutral", "agree", "strongly agree"
    };

    private CheckInComposer() {}

    public static ChatMessage compose(CheckInContent c) {
        List<Block> blocks = new ArrayList<>();
        if (c.complete()) {
            blocks.add(new Block.Text("*Thank you, " + c.recipientName() + ".* Your check-in for " + c.programmeName()
                    + " is recorded. " + whoSees(c.role())));
            addAnswered(c, blocks);
            if (!c.commented()) {
                blocks.add(new Block.FormButton("Add a comment", ActionId.openComment(c.checkInId())));
            }
            return new ChatMessage("Check-in recorded. Thank you!", blocks);
        }
        String opening = c.reminder() ? "A gentle reminder: your check-in is still open. " : "";
        blocks.add(new Block.Text(opening + "*Hi " + c.recipientName()
                + "*, it's check-in time for your mentorship with " + c.partnerName() + " (" + c.programmeName()
                + "). It takes under a minute. " + whoSees(c.role())));
        if (c.role() == Role.MENTEE) {
            String prompt = "Did you meet " + c.partnerName() + " since the last check-in?";
            if (c.met() == null) {
                blocks.add(new Block.Question(
                        prompt,
                        List.of(
                                new Choice("Yes", ActionId.met(c.checkInId(), true)),
                                new Choice("No", ActionId.met(c.checkInId(), false))),
                        null));
            } else {
                blocks.add(new Block.Answered(prompt, c.met() ? "Yes" : "No"));
            }
        }
        for (Question q : c.questions()) {
            Integer score = c.scores().get(q.id());
            if (score == null) {
                List<Choice> choices = new ArrayList<>(5);
                for (int s = 1; s <= 5; s++) {
                    choices.add(new Choice(Integer.toString(s), ActionId.rate(c.checkInId(), q.id(), s)));
                }
                blocks.add(new Block.Question(q.text(), choices, SCALE_HINT));
            } else {
                blocks.add(new Block.Answered(q.text(), describe(score)));
            }
        }
        if (!c.commented()) {
            blocks.add(new Block.FormButton("Add a comment (optional)", ActionId.openComment(c.checkInId())));
        }
        String summary = (c.reminder() ? "Reminder: " : "") + "Your " + c.programmeName() + " check-in is ready";
        return new ChatMessage(summary, blocks);
    }

    /** The optional comment, with its "share with coordinator" choice (unticked: private by default). */
    public static Form commentForm(long checkInId) {
        return new Form(
                ActionId.submitComment(checkInId),
                "Add a comment",
                "Save",
                List.of(
                        new Form.Field.TextInput(COMMENT, "Anything you want to add?", true, MAX_COMMENT, true),
                        new Form.Field.Checkbox("share", "Share this comment with the programme coordinator")));
    }

    static String describe(int score) {
        return score + " – " + SCALE_WORDS[score];
    }

    private static void addAnswered(CheckInContent c, List<Block> blocks) {
        if (c.role() == Role.MENTEE && c.met() != null) {
            blocks.add(new Block.Answered(
                    "Did you meet " + c.partnerName() + " since the last check-in?", c.met() ? "Yes" : "No"));
        }
        for (Question q : c.questions()) {
            Integer score = c.scores().get(q.id());
            if (score != null) {
                blocks.add(new Block.Answered(q.text(), describe(score)));
            }
        }
    }

    private static String whoSees(Role role) {
        String other = role == Role.MENTEE ? "your mentor" : "your mentee";
        return "Your answers are never shown to " + other
                + "; coordinators see scores, and your comment only if you choose to share it.";
    }
}
