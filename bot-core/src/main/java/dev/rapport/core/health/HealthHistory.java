package dev.rapport.core.health;

import dev.rapport.core.database.SqlTime;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A pair's health over time ({@code pair_state_change}): written by the hourly refresh when a pair's state is not what
 * the refresh before found, read by coordinators in {@code /rapport pair}.
 */
@Service
public class HealthHistory {

    /** One change: the state the pair entered, the one it left (null at its first assessment), and why. */
    public record Change(Instant at, HealthState state, HealthState previous, List<String> reasons) {}

    private final JdbcTemplate jdbc;

    HealthHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest {@code limit} changes of a pair, newest first. */
    public List<Change> of(long pairId, int limit) {
        return jdbc.query(
                """
                select at, state, previous_state, reasons from pair_state_change
                where pair_id = ? order by at desc, id desc limit ?""",
                (rs, i) -> new Change(
                        rs.getTimestamp("at").toInstant(),
                        HealthState.valueOf(rs.getString("state")),
                        rs.getString("previous_state") == null
                                ? null
                                : HealthState.valueOf(rs.getString("previous_state")),
                        rs.getString("reasons").isEmpty()
                                ? List.of()
                                : List.of(rs.getString("reasons").split("\n"))),
                pairId,
                limit);
    }

    /** Records that {@code h} is in another state than {@code previous} (null: its first assessment) at {@code at}. */
    void changed(PairHealth h, HealthState previous, Instant at) {
        jdbc.update(
                "insert into pair_state_change (pair_id, at, state, previous_state, reasons) values (?, ?, ?, ?, ?)",
                h.pairId(),
                SqlTime.of(at),
                h.state().name(),
                previous == null ? null : previous.name(),
                HealthService.reasonsText(h));
    }
}
