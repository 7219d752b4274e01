package dev.rapport.core.health;

import dev.rapport.core.calendar.QuietHours;
import dev.rapport.core.calendar.SlotCalculator;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.i18n.Text;
import dev.rapport.core.i18n.TextException;
import dev.rapport.core.outbox.Outbox;
import dev.rapport.core.outbox.OutboxKind;
import dev.rapport.core.outbox.OutboxMessage;
import java.sql.Time;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pair health: assesses pairs from the facts in the database, keeps {@code pair_health} current (and its changes in
 * {@link HealthHistory}), and alerts a programme's coordinators once when a pair turns {@link HealthState#AT_RISK}.
 */
@Service
public class HealthService {

    private static final Comparator<PairHealth> MOST_SEVERE_FIRST = Comparator.comparing(
                    PairHealth::state, HealthState.MOST_SEVERE_FIRST)
            .thenComparingLong(PairHealth::pairId);

    private static final String PREVIOUS = """
            select h.pair_id, h.state, h.at_risk_since, h.alert_snoozed_until
            from pair_health h
            join pair p on p.id = h.pair_id
            where p.programme_id = ?""";

    private static final String UPSERT = """
            insert into pair_health (pair_id, state, reasons, computed_at, at_risk_since)
            values (?, ?, ?, ?, ?)
            on conflict (pair_id) do update set state = excluded.state, reasons = excluded.reasons,
                computed_at = excluded.computed_at, at_risk_since = excluded.at_risk_since""";

    private static final String ALERT_CONTEXT = """
            select g.name as programme, mentor.display_name as mentor, mentee.display_name as mentee, p.mentor_id, p.mentee_id
            from pair p
            join programme g on g.id = p.programme_id
            join participant mentor on mentor.id = p.mentor_id
            join participant mentee on mentee.id = p.mentee_id
            where p.id = ?""";

    private static final String COORDINATORS = """
            select pt.id, pt.time_zone, pt.quiet_start, pt.quiet_end
            from coordinator c
            join participant pt on pt.id = c.participant_id
            where c.programme_id = ? and pt.left_at is null
            order by pt.id""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final HealthFactsReader reader;
    private final Outbox outbox;
    private final Clock clock;
    private final HealthHistory history;
    private final HealthBoard board;
    private final HealthChanges changes;

    HealthService(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            HealthFactsReader reader,
            Outbox outbox,
            Clock clock,
            HealthHistory history,
            HealthBoard board,
            HealthChanges changes) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.reader = reader;
        this.outbox = outbox;
        this.clock = clock;
        this.history = history;
        this.board = board;
        this.changes = changes;
    }

    /** The pair's health now (ended pairs too). Throws {@link NoSuchElementException} for an unknown pair. */
    public PairHealth assess(long pairId) {
        List<HealthFacts> facts = reader.read(HealthFactsReader.Scope.pair(pairId), clock.instant());
        if (facts.isEmpty()) {
            throw new NoSuchElementException("No pair " + pairId);
        }
        return HealthRules.evaluate(facts.getFirst());
    }

    /**
     * Every open pair of the programme, most severe first, then by pair id: from the {@link HealthBoard}, so only the
     * pairs whose facts changed since the programme was last assessed are read again.
     */
    public List<PairHealth> assessProgramme(long programmeId) {
        return mostSevereFirst(board.assess(programmeId, clock.instant()));
    }

    /**
     * Recomputes every open pair, stores the result in {@code pair_health}, and alerts the coordinators of each pair
     * that has just turned AT_RISK, unless its alerts are snoozed. Staying AT_RISK does not alert again; leaving
     * and re-entering does. A pair that turns AT_RISK while snoozed is not alerted about later either, when the snooze
     * ends: it alerts again only if it leaves AT_RISK and turns again. Returns how many alerts were enqueued.
     */
    public int refresh() {
        Instant now =
                clock.instant().truncatedTo(ChronoUnit.MICROS); // what timestamptz keeps, so periods match the row
        changes.forgetOld();
        List<Long> programmes = jdbc.queryForList(
                "select distinct programme_id from pair where status <> 'ENDED' order by 1", Long.class);
        int alerts = 0;
        for (long programmeId : programmes) {
            Integer n = tx.execute(status -> refreshProgramme(programmeId, now));
            alerts += n == null ? 0 : n;
        }
        return alerts;
    }

    /** Suppresses AT_RISK alerts for the pair until {@code duration} from now. */
    public void snooze(long pairId, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw TextException.of("snooze.error.not-positive");
        }
        Instant now = clock.instant();
        OffsetDateTime until = SqlTime.of(now.plus(duration));
        tx.executeWithoutResult(status -> {
            if (jdbc.update("update pair_health set alert_snoozed_until = ? where pair_id = ?", until, pairId) == 0) {
                // Never refreshed yet: store the current assessment with the snooze, so the next refresh has a row to
                // compare with.
                PairHealth h = assess(pairId);
                jdbc.update(
                        """
                        insert into pair_health (pair_id, state, reasons, computed_at, at_risk_since, alert_snoozed_until)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (pair_id) do update set alert_snoozed_until = excluded.alert_snoozed_until""",
                        pairId,
                        h.state().name(),
                        reasonsText(h),
                        SqlTime.of(now),
                        h.state() == HealthState.AT_RISK ? SqlTime.of(now) : null,
                        until);
                history.record(List.of(new HealthHistory.Changed(h, null)), now);
            }
        });
    }

    private static List<PairHealth> mostSevereFirst(Collection<PairHealth> assessed) {
        return assessed.stream().sorted(MOST_SEVERE_FIRST).toList();
    }

    private record Previous(HealthState state, Instant atRiskSince, Instant snoozedUntil) {}

    private int refreshProgramme(long programmeId, Instant now) {
        Map<Long, Previous> previous = new HashMap<>();
        jdbc.query(
                PREVIOUS,
                (RowCallbackHandler) rs -> previous.put(
                        rs.getLong("pair_id"),
                        new Previous(
                                HealthState.valueOf(rs.getString("state")),
                                instant(rs.getObject("at_risk_since", OffsetDateTime.class)),
                                instant(rs.getObject("alert_snoozed_until", OffsetDateTime.class)))),
                programmeId);
        // Every pair judged at this run's moment: read afresh (outside the board's lock, so coordinators' requests go
        // on meanwhile), then brought up to date with whatever changed during the read.
        board.readAfresh(programmeId, now);
        List<PairHealth> assessed = mostSevereFirst(board.assess(programmeId, now));
        List<Object[]> rows = new ArrayList<>(assessed.size());
        Map<PairHealth, Instant> turned = new LinkedHashMap<>();
        List<HealthHistory.Changed> changed = new ArrayList<>();
        for (PairHealth h : assessed) {
            Previous before = previous.get(h.pairId());
            boolean wasAtRisk = before != null && before.state() == HealthState.AT_RISK;
            Instant since = null;
            if (h.state() == HealthState.AT_RISK) {
                since = wasAtRisk && before.atRiskSince() != null ? before.atRiskSince() : now;
                boolean snoozed = before != null
                        && before.snoozedUntil() != null
                        && before.snoozedUntil().isAfter(now);
                if (!wasAtRisk && !snoozed) {
                    turned.put(h, since);
                }
            }
            rows.add(new Object[] {h.pairId(), h.state().name(), reasonsText(h), SqlTime.of(now), SqlTime.of(since)});
            if (before == null || before.state() != h.state()) {
                changed.add(new HealthHistory.Changed(h, before == null ? null : before.state()));
            }
        }
        jdbc.batchUpdate(UPSERT, rows);
        history.record(changed, now);
        int alerts = 0;
        for (Map.Entry<PairHealth, Instant> e : turned.entrySet()) {
            alerts += alert(programmeId, e.getKey(), e.getValue(), now);
        }
        return alerts;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private int alert(long programmeId, PairHealth h, Instant atRiskSince, Instant now) {
        Map<String, Object> pair = jdbc.queryForMap(ALERT_CONTEXT, h.pairId());
        long mentorId = ((Number) pair.get("mentor_id")).longValue();
        long menteeId = ((Number) pair.get("mentee_id")).longValue();
        Text text =
                alertText(h, (String) pair.get("programme"), (String) pair.get("mentor"), (String) pair.get("mentee"));
        int n = 0;
        for (Map<String, Object> c : jdbc.queryForList(COORDINATORS, programmeId)) {
            long coordinatorId = ((Number) c.get("id")).longValue();
            if (coordinatorId == mentorId || coordinatorId == menteeId) {
                // Confidentiality: the alert quotes each side's scores, which the other side must never see.
                continue;
            }
            Time start = (Time) c.get("quiet_start");
            Time end = (Time) c.get("quiet_end");
            QuietHours quiet = QuietHours.ofNullable(
                    start == null ? null : start.toLocalTime(), end == null ? null : end.toLocalTime());
            Instant notBefore = SlotCalculator.outsideQuietHours(now, ZoneId.of((String) c.get("time_zone")), quiet);
            if (outbox.enqueue(OutboxMessage.of(
                    h.pairId(), coordinatorId, OutboxKind.ALERT, atRiskSince.toString(), text, notBefore))) {
                n++;
            }
        }
        return n;
    }

    /** The alert, rendered in each coordinator's language when it is sent. */
    static Text alertText(PairHealth h, String programme, String mentor, String mentee) {
        return Text.of(
                "health.alert",
                "programme",
                programme,
                "mentor",
                mentor,
                "mentee",
                mentee,
                "reasons",
                h.reasons().stream()
                        .map(r -> Text.of("health.alert.reason", "reason", r.message()))
                        .toList(),
                "pair",
                String.valueOf(h.pairId()));
    }

    /**
     * What pair_health.reasons and pair_state_change.reasons hold: one reason a line, "SEVERITY CODE: text", the text
     * stored as its catalogue {@link dev.rapport.core.i18n.Text} (rendered in the reader's language when read: {@link
     * HealthHistory.Change#texts(java.util.Locale)}); rows written before hold English.
     */
    static String reasonsText(PairHealth h) {
        return h.reasons().stream()
                .map(r -> r.severity() + " " + r.code() + ": " + r.message().encode())
                .collect(Collectors.joining("\n"));
    }
}
