package dev.rapport.core.research;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a research export is made of, read from the database: consenting participants' answers and their check-ins'
 * response counts. Internal ids are here only to be pseudonymised ({@link Pseudonyms}); no writer prints them.
 *
 * @param answers every stored answer of a consenting participant, one per statement asked and answered
 * @param responses per role, how many check-ins were sent to consenting participants and how many they answered
 */
public record ResearchFacts(List<Answer> answers, List<Responses> responses) {

    public ResearchFacts {
        answers = List.copyOf(answers);
        responses = List.copyOf(responses);
    }

    /**
     * One answer to one statement.
     *
     * @param personId the participant who answered (internal id)
     * @param pairId their pair (internal id)
     * @param checkInId the check-in it belongs to (internal id): a respondent in one period
     * @param role {@code MENTOR} or {@code MENTEE}
     * @param period the check-in's period: the local date of the cadence day
     * @param pairStartedOn the day the pair started
     * @param bankVersion the question bank's version the statement was asked from, as stored with the answer
     * @param questionId the statement's id in that version, as stored
     * @param dimension the trust dimension, as stored ({@code RESPECT} …)
     * @param score 1–5, or null when the statement was not answered with a score (for example "not applicable")
     */
    public record Answer(
            long personId,
            long pairId,
            long checkInId,
            String role,
            LocalDate period,
            LocalDate pairStartedOn,
            String bankVersion,
            String questionId,
            String dimension,
            Integer score) {

        /** Whole weeks from the pair's start to this period (0 in the first week). */
        public long weeksSinceStart() {
            return Math.floorDiv(ChronoUnit.DAYS.between(pairStartedOn, period), 7);
        }
    }

    /**
     * One role's check-ins.
     *
     * @param respondents how many consenting participants of this role were sent a check-in
     * @param sent check-ins sent to them
     * @param answered of those, the ones they answered (in any way)
     */
    public record Responses(String role, long respondents, long sent, long answered) {}
}
