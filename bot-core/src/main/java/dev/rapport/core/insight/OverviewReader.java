package dev.rapport.core.insight;

import dev.rapport.core.database.SqlTime;
import dev.rapport.core.health.HealthState;
import dev.rapport.core.health.HeldReport;
import dev.rapport.core.insight.Overview.Change;
import dev.rapport.core.insight.Overview.Rate;
import dev.rapport.core.insight.Overview.Side;
import dev.rapport.core.pulse.Dimension;
import dev.rapport.core.pulse.QuestionBanks;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads a programme's {@link Overview} in five set-wise queries (levels, states, response, changes, N/A), whatever the
 * number of pairs: the work grows with the weeks shown, not with a query per pair; and holds it while nothing in the
 * programme changes ({@link HeldReads}).
 */
@Service
public class OverviewReader implements HeldReport {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final QuestionBanks banks;
    private final HeldReads held;
    private final NotApplicableShares notApplicable;

    OverviewReader(
            JdbcTemplate jdbc, Clock clock, QuestionBanks banks, HeldReads held, NotApplicableShares notApplicable) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.banks = banks;
        this.held = held;
        this.notApplicable = notApplicable;
    }

    /** The Monday of the first of the latest {@code weeks} weeks (this one included), in {@code zone}. */
    public LocalDate firstMonday(ZoneId zone, int weeks) {
        return clock.instant()
                .atZone(zone)
                .toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(weeks - 1L);
    }

    /**
     * The latest {@code weeks} weeks of the programme (this one included), leaving out the pairs {@code hidden}: read
     * again only when something in the programme changed ({@link HeldReads}).
     */
    public Overview read(long programmeId, ZoneId zone, int weeks, Collection<Long> hidden) {
        LocalDate first = firstMonday(zone, weeks);
        return held.get(
                "overview",
                programmeId,
                arguments(zone, first, weeks, hidden),
                () -> readNow(programmeId, first, zone, weeks, hidden));
    }

    /**
     * Reads afresh what {@code /rapport overview} shows by default (its weeks, with no pair left out), for
     * {@link dev.rapport.core.health.ReportKeeper}.
     */
    @Override
    public void readAfresh(long programmeId) {
        ZoneId zone = zone(programmeId);
        int weeks = Overview.DEFAULT_WEEKS;
        LocalDate first = firstMonday(zone, weeks);
        held.readAfresh(
                "overview",
                programmeId,
                defaultArguments(zone, first),
                () -> readNow(programmeId, first, zone, weeks, List.of()));
    }

    @Override
    public boolean holds(long programmeId) {
        ZoneId zone = zone(programmeId);
        return held.holds("overview", programmeId, defaultArguments(zone, firstMonday(zone, Overview.DEFAULT_WEEKS)));
    }

    private ZoneId zone(long programmeId) {
        return ZoneId.of(
                jdbc.queryForObject("select time_zone from programme where id = ?", String.class, programmeId));
    }

    /** What identifies an overview of the default weeks with no pair left out, as {@link #read} names it. */
    private static List<Object> defaultArguments(ZoneId zone, LocalDate first) {
        return arguments(zone, first, Overview.DEFAULT_WEEKS, List.of());
    }

    private static List<Object> arguments(ZoneId zone, LocalDate first, int weeks, Collection<Long> hidden) {
        return List.of(zone.getId(), first, weeks, hidden.stream().sorted().toList());
    }

    private Overview readNow(long programmeId, LocalDate first, ZoneId zone, int weeks, Collection<Long> hidden) {
        List<LocalDate> mondays = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            mondays.add(first.plusWeeks(i));
        }
        Long[] none = hidden.toArray(Long[]::new);
        // The five queries are independent: run at once, each on a connection of its own, the overview takes as long
        // as the slowest (the levels, over every answer of the weeks shown) rather than their sum.
        try (ExecutorService queries = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Map<LocalDate, Map<Side, Map<Dimension, Double>>>> levels =
                    queries.submit(() -> levels(programmeId, first, none));
            Future<Map<LocalDate, Map<HealthState, Integer>>> states =
                    queries.submit(() -> states(programmeId, mondays, zone, none));
            Future<Map<Side, Rate>> answered = queries.submit(() -> answered(programmeId, first, none));
            Future<List<Change>> changes = queries.submit(() -> changes(programmeId, none));
            Future<List<NotApplicableShares.Share>> notApplicableShares =
                    queries.submit(() -> notApplicable.ofProgramme(programmeId, first, hidden));
            return new Overview(
                    List.copyOf(mondays),
                    result(levels),
                    result(states),
                    result(answered),
                    result(changes),
                    result(notApplicableShares));
        }
    }

    private static <T> T result(Future<T> query) {
        try {
            return query.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading an overview", e);
        }
    }

    private Map<LocalDate, Map<Side, Map<Dimension, Double>>> levels(long programmeId, LocalDate from, Long[] hidden) {
        Map<LocalDate, Map<Side, Map<Dimension, Double>>> levels = new LinkedHashMap<>();
        jdbc.query(
                """
                select date_trunc('week', c.period)::date as week, c.role, a.dimension, avg(a.score) as level
                from answer a
                join check_in c on c.id = a.check_in_id
                join pair p on p.id = c.pair_id
                where p.programme_id = ? and c.period >= ? and p.id <> all(?) and """ + QuestionBanks.COUNTS + """
                group by 1, 2, 3""",
                rs -> {
                    levels.computeIfAbsent(rs.getObject("week", LocalDate.class), w -> new EnumMap<>(Side.class))
                            .computeIfAbsent(Side.valueOf(rs.getString("role")), s -> new EnumMap<>(Dimension.class))
                            .put(Dimension.valueOf(rs.getString("dimension")), rs.getDouble("level"));
                },
                programmeId,
                from,
                hidden,
                banks.uncounted());
        return levels;
    }

    private Map<LocalDate, Map<HealthState, Integer>> states(
            long programmeId, List<LocalDate> mondays, ZoneId zone, Long[] hidden) {
        Map<LocalDate, Map<HealthState, Integer>> states = new LinkedHashMap<>();
        mondays.forEach(m -> states.put(m, new EnumMap<>(HealthState.class)));
        String[] weeks = mondays.stream().map(LocalDate::toString).toArray(String[]::new);
        // Each pair's state at the end of each week: its latest change before the week's end, for pairs not yet ended
        // by then.
        jdbc.query(
                """
                select w.week, s.state, count(*) as pairs
                from unnest(?::text[]::date[]) as w(week)
                cross join lateral (
                    select distinct on (c.pair_id) c.pair_id, c.state
                    from pair_state_change c join pair p on p.id = c.pair_id
                    where p.programme_id = ? and p.id <> all(?)
                      and c.at < (w.week + 7)::timestamp at time zone ?
                      and (p.ended_on is null or p.ended_on >= w.week + 7)
                    order by c.pair_id, c.at desc, c.id desc) s
                group by 1, 2""",
                rs -> {
                    states.get(rs.getObject("week", LocalDate.class))
                            .put(HealthState.valueOf(rs.getString("state")), rs.getInt("pairs"));
                },
                weeks,
                programmeId,
                hidden,
                zone.getId());
        return states;
    }

    private Map<Side, Rate> answered(long programmeId, LocalDate from, Long[] hidden) {
        Map<Side, Rate> rates = new EnumMap<>(Side.class);
        for (Side s : Side.values()) {
            rates.put(s, new Rate(0, 0));
        }
        jdbc.query(
                """
                select c.role, count(*) filter (where c.answered_at is not null) as answered, count(*) as sent
                from check_in c join pair p on p.id = c.pair_id
                where p.programme_id = ? and c.period >= ? and c.sent_at is not null and p.id <> all(?)
                group by c.role""",
                rs -> {
                    rates.put(Side.valueOf(rs.getString("role")), new Rate(rs.getInt("answered"), rs.getInt("sent")));
                },
                programmeId,
                from,
                hidden);
        return rates;
    }

    private List<Change> changes(long programmeId, Long[] hidden) {
        return jdbc.query(
                """
                select c.pair_id, mentor.display_name as mentor, mentee.display_name as mentee, c.previous_state, c.state
                from pair_state_change c
                join pair p on p.id = c.pair_id
                join participant mentor on mentor.id = p.mentor_id
                join participant mentee on mentee.id = p.mentee_id
                where p.programme_id = ? and c.at >= ? and c.previous_state is not null and p.id <> all(?)
                order by c.at desc, c.id desc""",
                (rs, i) -> new Change(
                        rs.getLong("pair_id"),
                        rs.getString("mentor"),
                        rs.getString("mentee"),
                        HealthState.valueOf(rs.getString("previous_state")),
                        HealthState.valueOf(rs.getString("state"))),
                programmeId,
                SqlTime.of(clock.instant().minus(Duration.ofDays(7))),
                hidden);
    }
}
