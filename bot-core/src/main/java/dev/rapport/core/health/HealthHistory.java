package dev.rapport.core.health;

import dev.rapport.core.database.SqlTime;
import dev.rapport.core.i18n.Catalogue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A pair's health over time ({@code pair_state_change}): written by the hourly refresh when a pair's state is not what
 * the refresh before found, read by coordinators in {@code /rapport pair}.
 */
@Service
public class HealthHistory {

    /**
     * One change: the state the pair entered, the one it left (null at its first assessment), and why, each reason as
     * stored ({@code SEVERITY CODE: text}, see {@link HealthService#reasonsText}).
     */
    public record Change(Instant at, HealthState state, HealthState previous, List<String> reasons) {

        /** The reasons' texts alone, in English. */
        public List<String> texts() {
            return texts(Locale.ENGLISH);
        }

        /** The reasons' texts alone, as a person reads them in {@code locale}'s language (older rows: English). */
        public List<String> texts(Locale locale) {
            return reasons.stream()
                    .map(r -> Catalogue.standard().render(locale, r.substring(r.indexOf(": ") + 2)))
                    .toList();
        }
    }

    private final JdbcTemplate jdbc;

    HealthHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest {@code limit} changes of a pair, newest first. */
    public List<Change> of(long pairId, int limit) {
        return jdbc.query("""
                select at, state, previous_state, reasons from pair_state_change
                where pair_id = ? order by at desc, id desc limit ?""", (rs, i) -> change(rs), pairId, limit);
    }

    /**
     * The changes of the programme's open pairs since {@code since} (exclusive), by pair id, oldest first: what a
     * weekly digest tells.
     */
    public Map<Long, List<Change>> ofProgrammeSince(long programmeId, Instant since) {
        Map<Long, List<Change>> out = new LinkedHashMap<>();
        jdbc.query(
                """
                select s.pair_id, s.at, s.state, s.previous_state, s.reasons from pair_state_change s
                join pair p on p.id = s.pair_id
                where p.programme_id = ? and p.status <> 'ENDED' and s.at > ? order by s.pair_id, s.at, s.id""",
                rs -> {
                    out.computeIfAbsent(rs.getLong("pair_id"), id -> new ArrayList<>())
                            .add(change(rs));
                },
                programmeId,
                SqlTime.of(since));
        return out;
    }

    private static Change change(ResultSet rs) throws SQLException {
        return new Change(
                rs.getTimestamp("at").toInstant(),
                HealthState.valueOf(rs.getString("state")),
                rs.getString("previous_state") == null ? null : HealthState.valueOf(rs.getString("previous_state")),
                rs.getString("reasons").isEmpty()
                        ? List.of()
                        : List.of(rs.getString("reasons").split("\n")));
    }

    /** A pair found in another state than {@code previous} (null: its first assessment). */
    record Changed(PairHealth health, HealthState previous) {}

    /** Records the changes one health run found at {@code at}, in one batch. */
    void record(List<Changed> changes, Instant at) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "insert into pair_state_change (pair_id, at, state, previous_state, reasons) values (?, ?, ?, ?, ?)",
                changes.stream()
                        .map(c -> new Object[] {
                            c.health().pairId(),
                            SqlTime.of(at),
                            c.health().state().name(),
                            c.previous() == null ? null : c.previous().name(),
                            HealthService.reasonsText(c.health())
                        })
                        .toList());
    }
}
