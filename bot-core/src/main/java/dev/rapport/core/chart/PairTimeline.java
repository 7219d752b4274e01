package dev.rapport.core.chart;

import dev.rapport.core.health.HealthHistory;
import dev.rapport.core.health.HealthState;
import dev.rapport.core.pulse.QuestionBanks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A pair's course as a chart draws it: each side's level at each check-in (the mean of the scores that count toward
 * levels: no "not applicable", see {@link QuestionBanks#COUNTS}), the
 * meetings logged, and the states the health runs found, as dated spans, all in the programme's zone.
 */
@Service
public class PairTimeline {

    /** A side's level (1–5) on the day they answered a check-in. */
    public record Point(LocalDate day, double level) {}

    /** A state the pair was in from {@code from} until {@code to} (exclusive). */
    public record Band(LocalDate from, LocalDate to, HealthState state) {}

    /** Everything the pair chart shows. */
    public record Timeline(List<Point> mentee, List<Point> mentor, List<LocalDate> meetings, List<Band> bands) {

        public boolean isEmpty() {
            return mentee.isEmpty() && mentor.isEmpty();
        }
    }

    /** The most state changes a chart shades: a year of weekly changes, far more than a pair has. */
    private static final int MAX_CHANGES = 60;

    private final JdbcTemplate jdbc;
    private final HealthHistory history;
    private final Clock clock;
    private final QuestionBanks banks;

    PairTimeline(JdbcTemplate jdbc, HealthHistory history, Clock clock, QuestionBanks banks) {
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
        this.banks = banks;
    }

    public Timeline of(long pairId, ZoneId zone) {
        List<Point> mentee = new ArrayList<>();
        List<Point> mentor = new ArrayList<>();
        jdbc.query(
                """
                select c.role, coalesce(c.answered_at, c.sent_at) as at, avg(a.score) as level
                from check_in c join answer a on a.check_in_id = c.id
                where c.pair_id = ? and """ + QuestionBanks.COUNTS + """
                group by c.id, c.role, coalesce(c.answered_at, c.sent_at)
                order by 2, c.id""",
                rs -> {
                    Point p = new Point(
                            rs.getTimestamp("at").toInstant().atZone(zone).toLocalDate(), rs.getDouble("level"));
                    (rs.getString("role").equals("MENTOR") ? mentor : mentee).add(p);
                },
                pairId,
                banks.uncounted());
        List<LocalDate> meetings = jdbc.queryForList(
                "select held_on from meeting where pair_id = ? order by held_on", LocalDate.class, pairId);
        List<HealthHistory.Change> changes =
                new ArrayList<>(history.of(pairId, MAX_CHANGES).reversed());
        List<Band> bands = new ArrayList<>();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        for (int i = 0; i < changes.size(); i++) {
            LocalDate from = changes.get(i).at().atZone(zone).toLocalDate();
            LocalDate to = i + 1 < changes.size()
                    ? changes.get(i + 1).at().atZone(zone).toLocalDate()
                    : today.plusDays(1);
            if (to.isAfter(from)) {
                bands.add(new Band(from, to, changes.get(i).state()));
            }
        }
        return new Timeline(List.copyOf(mentee), List.copyOf(mentor), List.copyOf(meetings), List.copyOf(bands));
    }
}
