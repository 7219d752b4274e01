package dev.rapport.core.health;

import dev.rapport.core.pulse.Dimension;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link HealthRules} judges a pair from, read from the database at one moment.
 *
 * @param today the current date in the programme's zone
 * @param cadenceWeeks how many weeks apart the programme's check-ins are
 * @param checkInsSent check-ins sent to the mentee so far (SENT or ANSWERED), including one still open
 * @param responses for the mentee's sent check-ins that count towards the response rate, oldest first, whether
 *     each got any answer (a check-in still inside its answer window is left out; see {@link HealthRules#ANSWER_WINDOW})
 * @param mentorResponses the same for the mentor's check-ins (shown, not judged: see {@link PairHealth})
 * @param lastMeetingHeldOn the latest logged meeting, or null
 * @param lastMetAnswerOn the date (programme zone) of the latest mentee check-in answered "we met", or null
 * @param periodsOff the pair's periods in which it could not be asked (its pause, either side's pause, a programme
 *     skip date), each standing for the {@code cadenceWeeks} it starts: they do not count as weeks without a meeting
 * @param menteeScores per dimension, the mentee's scores, oldest first (missing key = none)
 * @param mentorScores per dimension, the mentor's scores, oldest first (missing key = none)
 * @param thresholds the programme's health thresholds
 * @param silence how many check-ins in a row each side has left unanswered, and the programme's {@code silent-after}
 */
record HealthFacts(
        long pairId,
        LocalDate today,
        LocalDate startedOn,
        int meetingReminderWeeks,
        int cadenceWeeks,
        int checkInsSent,
        List<Boolean> responses,
        List<Boolean> mentorResponses,
        LocalDate lastMeetingHeldOn,
        LocalDate lastMetAnswerOn,
        List<LocalDate> periodsOff,
        Map<Dimension, List<Integer>> menteeScores,
        Map<Dimension, List<Integer>> mentorScores,
        Thresholds thresholds,
        Silence silence) {

    /** Facts without silences (nobody has stopped answering). */
    HealthFacts(
            long pairId,
            LocalDate today,
            LocalDate startedOn,
            int meetingReminderWeeks,
            int cadenceWeeks,
            int checkInsSent,
            List<Boolean> responses,
            List<Boolean> mentorResponses,
            LocalDate lastMeetingHeldOn,
            LocalDate lastMetAnswerOn,
            List<LocalDate> periodsOff,
            Map<Dimension, List<Integer>> menteeScores,
            Map<Dimension, List<Integer>> mentorScores,
            Thresholds thresholds) {
        this(
                pairId,
                today,
                startedOn,
                meetingReminderWeeks,
                cadenceWeeks,
                checkInsSent,
                responses,
                mentorResponses,
                lastMeetingHeldOn,
                lastMetAnswerOn,
                periodsOff,
                menteeScores,
                mentorScores,
                thresholds,
                Silence.NONE);
    }

    /**
     * Each side's unanswered check-ins in a row, and from how many on that is worth a flag.
     *
     * @param after the programme's {@code silent-after}
     */
    record Silence(int mentee, int mentor, int after) {
        static final Silence NONE = new Silence(0, 0, 3);
    }

    HealthFacts {
        responses = List.copyOf(responses);
        mentorResponses = List.copyOf(mentorResponses);
        periodsOff = List.copyOf(periodsOff);
        menteeScores = Map.copyOf(menteeScores);
        mentorScores = Map.copyOf(mentorScores);
    }
}
