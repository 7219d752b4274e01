package dev.rapport.core.checkin;

import dev.rapport.core.pair.Role;
import dev.rapport.core.pulse.Question;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to show one check-in to its recipient.
 *
 * @param scores the statements already answered, by question id: 1–5, or {@link ActionId#NOT_APPLICABLE}
 * @param met the answer to "did you meet?", or null when not yet given (always null for mentors, who are not asked)
 */
public record CheckInContent(
        long checkInId,
        Role role,
        String recipientName,
        String partnerName,
        String programmeName,
        List<Question> questions,
        boolean reminder,
        Map<String, Integer> scores,
        Boolean met,
        boolean commented) {

    public CheckInContent {
        questions = List.copyOf(questions);
        scores = Map.copyOf(scores);
    }

    /** The same check-in, shown as a reminder that it is still open. */
    public CheckInContent asReminder() {
        return new CheckInContent(
                checkInId, role, recipientName, partnerName, programmeName, questions, true, scores, met, commented);
    }

    /** The same check-in with its statements worded otherwise (in the recipient's language). */
    public CheckInContent withQuestions(List<Question> worded) {
        return new CheckInContent(
                checkInId, role, recipientName, partnerName, programmeName, worded, reminder, scores, met, commented);
    }

    /** Whether every question of the check-in has an answer. */
    public boolean complete() {
        return scores.keySet().containsAll(questions.stream().map(Question::id).toList())
                && (role == Role.MENTOR || met != null);
    }
}
