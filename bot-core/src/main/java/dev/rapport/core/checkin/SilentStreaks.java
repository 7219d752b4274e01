package dev.rapport.core.checkin;

import dev.rapport.core.database.SqlTime;
import dev.rapport.core.pair.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * People who stopped answering: for each side of a pair, how many of its check-ins in a row went unanswered since its
 * latest answer. A check-in counts once it has been out for {@link #ANSWER_WINDOW} (before that it is still open), so
 * the streak of a side that answers nothing grows by one each period and ends at its next answer of any kind.
 */
@Component
public class SilentStreaks {

    /** How long a check-in is open before it counts as unanswered: past its reminder (48 h by default). */
    public static final Duration ANSWER_WINDOW = Duration.ofHours(72);

    private static final String STREAKS = """
            select c.pair_id, c.role, count(*) as silent, (array_agg(c.id order by c.period))[1] as first_id
            from check_in c
            join pair p on p.id = c.pair_id
            where %s and c.sent_at <= ? and\s""" + CheckInSql.silent("c") + """

            group by c.pair_id, c.role""";

    /**
     * One side's silence.
     *
     * @param checkIns unanswered check-ins in a row, up to now
     * @param firstCheckInId the first of them: it names this silence, so a new one (after an answer) is another
     */
    public record Streak(int checkIns, long firstCheckInId) {}

    private final JdbcTemplate jdbc;

    SilentStreaks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The silences of the programme's open pairs at {@code now}, by pair id, then side; sides that answer are absent. */
    public Map<Long, Map<Role, Streak>> ofProgramme(long programmeId, Instant now) {
        return of("p.programme_id = ? and p.status <> 'ENDED'", programmeId, now);
    }

    /**
     * The silences of the pairs {@code pairCondition} selects (a condition on the pair {@code p} with one argument,
     * {@code arg}), by pair id, then side.
     */
    public Map<Long, Map<Role, Streak>> of(String pairCondition, Object arg, Instant now) {
        Map<Long, Map<Role, Streak>> out = new HashMap<>();
        jdbc.query(
                STREAKS.formatted(pairCondition),
                rs -> {
                    out.computeIfAbsent(rs.getLong("pair_id"), id -> new HashMap<>())
                            .put(
                                    Role.valueOf(rs.getString("role")),
                                    new Streak(rs.getInt("silent"), rs.getLong("first_id")));
                },
                arg,
                SqlTime.of(now.minus(ANSWER_WINDOW)));
        return out;
    }
}
