package dev.rapport.core.insight;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How often each statement was answered "not applicable": what coordinators read to see which items do not fit their
 * programme or a pair. N/A answers count toward no level; this is where they are counted. Statements are grouped by
 * id across bank versions (a revision keeps an id for the same behaviour).
 */
@Service
public class NotApplicableShares {

    /**
     * One statement's answers.
     *
     * @param answers every answer it got (scores and N/A)
     * @param notApplicable how many of them were "not applicable"
     */
    public record Share(String questionId, int answers, int notApplicable) {
        public double share() {
            return answers == 0 ? 0 : (double) notApplicable / answers;
        }
    }

    private static final String SHARES = """
            select a.question_id, count(*) as answers, count(*) filter (where a.not_applicable) as not_applicable
            from answer a
            join check_in c on c.id = a.check_in_id
            join pair p on p.id = c.pair_id
            where %s
            group by a.question_id
            having count(*) filter (where a.not_applicable) > 0
            order by count(*) filter (where a.not_applicable)::float / count(*) desc, a.question_id""";

    private final JdbcTemplate jdbc;

    NotApplicableShares(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The statements a programme's pairs answered N/A at least once since {@code from}, leaving out {@code hidden}:
     * part of the programme's {@link Overview}, read with it.
     */
    List<Share> ofProgramme(long programmeId, LocalDate from, Collection<Long> hidden) {
        return List.copyOf(jdbc.query(
                SHARES.formatted("p.programme_id = ? and c.period >= ? and p.id <> all(?)"),
                (rs, i) -> share(rs),
                programmeId,
                from,
                hidden.toArray(Long[]::new)));
    }

    /** The statements one pair answered N/A at least once, over all its answers. */
    @Transactional(readOnly = true)
    public List<Share> ofPair(long pairId) {
        return jdbc.query(SHARES.formatted("p.id = ?"), (rs, i) -> share(rs), pairId);
    }

    private static Share share(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Share(rs.getString("question_id"), rs.getInt("answers"), rs.getInt("not_applicable"));
    }
}
