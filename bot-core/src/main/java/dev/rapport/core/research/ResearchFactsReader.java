package dev.rapport.core.research;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a research export's {@link ResearchFacts} in two set-wise queries. Only participants whose consent stands
 * <em>now</em> ({@code participant.research_consent}) are read; only the programme's own pairs, leaving out those the
 * coordinator asking is in. The queries select no name, comment, note or platform id: what is not read cannot leak.
 * The bank version, question id and dimension are those stored with each answer, whatever bank is shipped now, and a
 * score may be null (an answer without a score, such as "not applicable").
 */
@Component
class ResearchFactsReader {

    /**
     * The check-ins of consenting participants in the pairs of a programme that a coordinator may see: the one place
     * that says whose data a research export reads.
     */
    private static final String CONSENTING = """
            join pair p on p.id = ci.pair_id
            join participant who on who.id = ci.participant_id
            where p.programme_id = ? and ? not in (p.mentor_id, p.mentee_id) and who.research_consent
            """;

    private static final String ANSWERS = """
            select ci.participant_id, ci.pair_id, ci.id as check_in_id, ci.role, ci.period, p.started_on,
                   a.bank_version, a.question_id, a.dimension, a.score
            from answer a
            join check_in ci on ci.id = a.check_in_id
            """ + CONSENTING;

    private static final String RESPONSES =
            """
            select ci.role, count(distinct ci.participant_id) as respondents, count(*) as sent,
                   count(*) filter (where ci.answered_at is not null
                                    or exists (select 1 from answer a where a.check_in_id = ci.id)) as answered
            from check_in ci
            """ + CONSENTING + " and ci.sent_at is not null group by ci.role order by ci.role";

    private final JdbcTemplate jdbc;

    ResearchFactsReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The facts of a programme's research export (the caller's transaction makes the two reads agree).
     *
     * @param viewerParticipantId the coordinator asking: pairs they are in are left out (-1: none)
     */
    ResearchFacts read(long programmeId, long viewerParticipantId) {
        List<ResearchFacts.Answer> rows = jdbc.query(ANSWERS, this::answer, programmeId, viewerParticipantId);
        List<ResearchFacts.Responses> responses = jdbc.query(
                RESPONSES,
                (rs, n) -> new ResearchFacts.Responses(
                        rs.getString("role"), rs.getLong("respondents"), rs.getLong("sent"), rs.getLong("answered")),
                programmeId,
                viewerParticipantId);
        return new ResearchFacts(rows, responses);
    }

    private ResearchFacts.Answer answer(ResultSet rs, int n) throws SQLException {
        int score = rs.getInt("score");
        boolean scored = !rs.wasNull();
        return new ResearchFacts.Answer(
                rs.getLong("participant_id"),
                rs.getLong("pair_id"),
                rs.getLong("check_in_id"),
                rs.getString("role"),
                rs.getObject("period", LocalDate.class),
                rs.getObject("started_on", LocalDate.class),
                rs.getString("bank_version"),
                rs.getString("question_id"),
                rs.getString("dimension"),
                scored ? score : null);
    }
}
