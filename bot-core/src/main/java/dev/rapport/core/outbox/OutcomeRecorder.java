package dev.rapport.core.outbox;

import dev.rapport.core.database.SqlTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what became of rows, and begins the next group, in one transaction: so a worker commits once per group of
 * sends rather than once per message, and after a crash only the group in flight is in doubt.
 *
 * <p>Every statement applies only to rows the worker still holds ({@code claimed_by}), so a worker whose lease ran
 * out cannot overwrite the outcome of whoever took the row next. Outcomes are written set-wise, a statement per kind
 * of outcome for the whole group.
 */
@Component
class OutcomeRecorder {

    private static final String SENT = """
            update outbox o set status = 'SENT', sent_at = ?, platform_message_id = u.message_id, resolution = u.resolution,
                   attempts = o.attempts + 1, claimed_by = null, claimed_instance = null
            from unnest(?::bigint[], ?::varchar[], ?::varchar[]) as u(id, message_id, resolution)
            where o.id = u.id and o.claimed_by = ? and o.status = 'CLAIMED'""";

    /**
     * Back to waiting. A send counts as an attempt only when the message itself failed; one that may have arrived leaves
     * the row in doubt from when it began.
     */
    private static final String RETRY = """
            update outbox o set status = 'PENDING', next_attempt_at = u.at, last_error = u.reason,
                   attempts = o.attempts + case when u.counts then 1 else 0 end,
                   unknown_since = coalesce(o.unknown_since, u.unknown_since),
                   claimed_by = null, claimed_instance = null
            from unnest(?::bigint[], ?::timestamptz[], ?::boolean[], ?::varchar[], ?::timestamptz[])
                 as u(id, at, counts, reason, unknown_since)
            where o.id = u.id and o.claimed_by = ? and o.status = 'CLAIMED'""";

    private static final String CLOSE = """
            update outbox o set status = ?, last_error = u.reason, attempts = o.attempts + u.attempted,
                   claimed_by = null, claimed_instance = null
            from unnest(?::bigint[], ?::varchar[], ?::int[]) as u(id, reason, attempted)
            where o.id = u.id and o.claimed_by = ? and o.status = 'CLAIMED'""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Claims claims;
    private final Handlers handlers;
    private final Notices notices;

    OutcomeRecorder(JdbcTemplate jdbc, TransactionTemplate tx, Claims claims, Handlers handlers, Notices notices) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.claims = claims;
        this.handlers = handlers;
        this.notices = notices;
    }

    /**
     * Records {@code outcomes} and begins the group {@code next}, atomically. Returns the ids of {@code next} that may
     * be sent (those the worker still holds).
     *
     * @param names the recipients' display names, for notices to coordinators
     */
    Set<Long> record(
            String worker,
            String instance,
            List<Outcome> outcomes,
            Collection<Long> next,
            Map<Long, String> names,
            Instant now) {
        Set<Long> begun = tx.execute(s -> {
            write(worker, outcomes, names, now);
            return claims.begin(worker, instance, next, now);
        });
        return begun == null ? Set.of() : begun;
    }

    private void write(String worker, List<Outcome> outcomes, Map<Long, String> names, Instant now) {
        OffsetDateTime at = SqlTime.of(now);
        List<Outcome.Sent> sent = new ArrayList<>();
        List<Outcome.Retry> retry = new ArrayList<>();
        List<Outcome.Failed> failed = new ArrayList<>();
        List<Outcome.Cancelled> cancelled = new ArrayList<>();
        List<Outcome.Expired> expired = new ArrayList<>();
        List<OutboxHandler.Settled> settled = new ArrayList<>();
        for (Outcome o : outcomes) {
            OutboxRow row = o.claimed().row();
            switch (o) {
                case Outcome.Sent s -> {
                    sent.add(s);
                    settled.add(new OutboxHandler.Settled(row, OutboxHandler.Fate.SENT, null));
                }
                case Outcome.Retry r -> retry.add(r);
                case Outcome.Failed f -> {
                    failed.add(f);
                    settled.add(new OutboxHandler.Settled(row, OutboxHandler.Fate.UNDELIVERED, null));
                }
                case Outcome.Cancelled c -> {
                    cancelled.add(c);
                    settled.add(new OutboxHandler.Settled(row, OutboxHandler.Fate.CANCELLED, null));
                }
                case Outcome.Expired e -> {
                    expired.add(e);
                    settled.add(new OutboxHandler.Settled(row, OutboxHandler.Fate.EXPIRED, e.why()));
                }
            }
        }
        if (!sent.isEmpty()) {
            jdbc.update(
                    SENT,
                    at,
                    sent.stream().map(s -> s.claimed().id()).toArray(Long[]::new),
                    sent.stream().map(Outcome.Sent::messageId).toArray(String[]::new),
                    sent.stream().map(Outcome.Sent::resolution).toArray(String[]::new),
                    worker);
        }
        if (!retry.isEmpty()) {
            jdbc.update(
                    RETRY,
                    retry.stream().map(r -> r.claimed().id()).toArray(Long[]::new),
                    // The driver sends no arrays of date-times; PostgreSQL parses their ISO text.
                    retry.stream().map(r -> SqlTime.of(r.at()).toString()).toArray(String[]::new),
                    retry.stream().map(Outcome.Retry::countsAttempt).toArray(Boolean[]::new),
                    retry.stream().map(r -> truncate(r.reason())).toArray(String[]::new),
                    retry.stream()
                            .map(r -> r.unknownSince() == null
                                    ? null
                                    : SqlTime.of(r.unknownSince()).toString())
                            .toArray(String[]::new),
                    worker);
        }
        close(
                "FAILED",
                failed.stream().map(f -> f.claimed().id()).toList(),
                failed.stream().map(Outcome.Failed::reason).toList(),
                failed.stream().map(f -> f.attempted() ? 1 : 0).toList(),
                worker);
        close(
                "CANCELLED",
                cancelled.stream().map(c -> c.claimed().id()).toList(),
                cancelled.stream().map(c -> "the recipient left Rapport").toList(),
                cancelled.stream().map(c -> 0).toList(),
                worker);
        close(
                "EXPIRED",
                expired.stream().map(e -> e.claimed().id()).toList(),
                expired.stream()
                        .map(e -> e.why().code() + ": " + e.why().detail())
                        .toList(),
                expired.stream().map(e -> 0).toList(),
                worker);
        handlers.settled(settled, now);

        Set<Long> newlyUnreachable = new LinkedHashSet<>();
        for (Outcome.Failed f : failed) {
            if (f.newlyUnreachable()) {
                newlyUnreachable.add(f.claimed().row().recipientId());
            }
        }
        if (!newlyUnreachable.isEmpty()) {
            jdbc.update(
                    "update participant set unreachable_since = ? where id = any(?) and unreachable_since is null",
                    at,
                    newlyUnreachable.toArray(Long[]::new));
        }
        for (Outcome.Failed f : failed) {
            OutboxRow row = f.claimed().row();
            String name = names.getOrDefault(row.recipientId(), "someone");
            if (!f.unreachable()) {
                notices.undeliverable(row, name);
            }
        }
        for (Long recipient : newlyUnreachable) {
            notices.unreachable(recipient, names.getOrDefault(recipient, "someone"));
        }
    }

    private void close(String status, List<Long> ids, List<String> reasons, List<Integer> attempted, String worker) {
        if (!ids.isEmpty()) {
            jdbc.update(
                    CLOSE,
                    status,
                    ids.toArray(Long[]::new),
                    reasons.stream().map(OutcomeRecorder::truncate).toArray(String[]::new),
                    attempted.toArray(Integer[]::new),
                    worker);
        }
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 480 ? s.substring(0, 480) : s;
    }
}
