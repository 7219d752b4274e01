package dev.rapport.core.schedule;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatPort;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import dev.rapport.core.chat.SendResult;
import dev.rapport.core.checkin.CheckInComposer;
import dev.rapport.core.checkin.CheckInContent;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.operations.RapportMetrics;
import dev.rapport.core.pair.Role;
import dev.rapport.core.pulse.QuestionBank;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends outbox rows through the chat ports.
 *
 * <p>A worker claims a batch in a short transaction ({@code FOR UPDATE SKIP LOCKED}, then marks the rows
 * {@code SENDING} with a lease), sends outside any transaction, and records each outcome. A row whose
 * worker died is claimable again when its lease runs out, so nothing is lost; the outcome update only
 * applies to rows the worker still holds, so a late worker cannot overwrite a newer claim.
 */
@Service
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private static final String CLAIM = """
            update outbox o set status = 'SENDING', claimed_by = ?, attempts = o.attempts + 1, next_attempt_at = ?
            where o.id = any(array(
                select id from outbox
                where status in ('PENDING', 'SENDING') and next_attempt_at <= ?
                order by next_attempt_at
                limit ?
                for update skip locked))
            returning o.id, o.pair_id, o.recipient_id, o.kind, o.period, o.check_in_id, o.payload, o.attempts""";

    private static final String MARK_SENT = """
            update outbox o set status = 'SENT', sent_at = ?, platform_message_id = u.message_id, claimed_by = null
            from unnest(?::bigint[], ?::varchar[]) as u(id, message_id)
            where o.id = u.id and o.claimed_by = ? and o.status = 'SENDING'""";

    private static final String RECIPIENTS = """
            select id, platform, workspace_id, platform_user_id, display_name, left_at is not null as left_programme,
                   unreachable_since is not null as unreachable
            from participant where id = any(?)""";

    private static final String CHECK_INS = """
            select c.id, c.role, c.question_ids, c.met, c.comment is not null as commented, partner.display_name as partner_name,
                   g.name as programme_name, p.status = 'ENDED' as pair_ended
            from check_in c
            join pair p on p.id = c.pair_id
            join participant partner on partner.id = case when c.role = 'MENTEE' then p.mentor_id else p.mentee_id end
            join programme g on g.id = p.programme_id
            where c.id = any(?)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ScheduleProperties properties;
    private final QuestionBank bank;
    private final Map<Platform, ChatPort> ports = new EnumMap<>(Platform.class);
    private final Map<OutboxKind, OutboxRenderer> renderers = new EnumMap<>(OutboxKind.class);
    private final Pacer pacer = new Pacer();
    private final Outbox outbox;
    private final RapportMetrics metrics;
    /** Set when the instance shuts down: the rest of each batch is released for another instance, unsent. */
    private volatile boolean stopping;

    public Dispatcher(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            Clock clock,
            ScheduleProperties properties,
            QuestionBank bank,
            List<ChatPort> chatPorts,
            List<OutboxRenderer> outboxRenderers,
            Outbox outbox,
            RapportMetrics metrics) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.bank = bank;
        this.outbox = outbox;
        this.metrics = metrics;
        for (ChatPort port : chatPorts) {
            ports.put(port.platform(), port);
        }
        for (OutboxRenderer renderer : outboxRenderers) {
            renderers.put(renderer.kind(), renderer);
        }
    }

    private record Claimed(
            long id,
            Long pairId,
            long recipientId,
            OutboxKind kind,
            String period,
            Long checkInId,
            String payload,
            int attempts) {}

    private record Who(Recipient recipient, boolean left, boolean unreachable) {}

    private record Outcome(Claimed row, SendResult result) {}

    /** Sends everything that is ready now, with one worker; returns what happened. */
    public DispatchResult drain(String workerId) {
        DispatchResult total = new DispatchResult(0, 0, 0, 0);
        while (true) {
            DispatchResult r = dispatchBatch(workerId);
            if (r.total() == 0) {
                return total;
            }
            total = total.plus(r);
        }
    }

    /** Claims one batch, sends it and records the outcomes. Returns an empty result when nothing was ready. */
    public DispatchResult dispatchBatch(String workerId) {
        Instant now = clock.instant();
        List<Claimed> claimed = tx.execute(s -> jdbc.query(
                CLAIM,
                (rs, i) -> new Claimed(
                        rs.getLong("id"),
                        (Long) rs.getObject("pair_id"),
                        rs.getLong("recipient_id"),
                        OutboxKind.valueOf(rs.getString("kind")),
                        rs.getString("period"),
                        (Long) rs.getObject("check_in_id"),
                        rs.getString("payload"),
                        rs.getInt("attempts")),
                workerId,
                SqlTime.of(now.plus(properties.lease())),
                SqlTime.of(now),
                properties.dispatchBatchSize()));
        if (claimed == null || claimed.isEmpty()) {
            return new DispatchResult(0, 0, 0, 0);
        }
        Map<Long, Who> recipients = loadRecipients(claimed);
        Set<Long> endedPairCheckIns = new HashSet<>();
        Map<Long, CheckInContent> checkIns = loadCheckIns(claimed, recipients, endedPairCheckIns);

        List<Outcome> outcomes = new ArrayList<>(claimed.size());
        List<Claimed> cancelled = new ArrayList<>();
        // Stop sending well before the lease runs out, so another worker never re-claims a row this one still sends.
        Instant stopSendingAt = now.plus(properties.lease().dividedBy(2));
        // Workspaces that answered 429 during this batch, and until when. Across batches the rows' next_attempt_at
        // does the same job, so a workspace costs at most one rate-limited request per batch.
        Map<String, Instant> slowDown = new HashMap<>();
        for (Claimed row : claimed) {
            if (stopping || clock.instant().isAfter(stopSendingAt)) {
                outcomes.add(new Outcome(row, new SendResult.RateLimited(Duration.ZERO)));
                continue;
            }
            Who who = recipients.get(row.recipientId());
            // A check-in about a pair that has ended (the partner left, a coordinator ended it) is never asked.
            if (who == null
                    || who.left()
                    || row.kind().rendersCheckIn() && endedPairCheckIns.contains(row.checkInId())) {
                cancelled.add(row);
                continue;
            }
            if (who.unreachable()) {
                // The platform already said this person cannot be messaged; asking again only collects refusals.
                outcomes.add(new Outcome(row, UNREACHABLE_BEFORE));
                continue;
            }
            ChatMessage message = render(row, checkIns);
            if (message == null) {
                outcomes.add(new Outcome(row, new SendResult.PermanentFailure("the check-in to render is gone")));
                continue;
            }
            ChatPort port = ports.get(who.recipient().platform());
            if (port == null) {
                outcomes.add(new Outcome(
                        row,
                        new SendResult.TransientFailure(
                                "no chat connection for " + who.recipient().platform())));
                continue;
            }
            String workspace =
                    who.recipient().platform() + "/" + who.recipient().workspaceId();
            Instant blockedUntil = slowDown.get(workspace);
            if (blockedUntil != null && blockedUntil.isAfter(clock.instant())) {
                // The platform said "slow down" for this workspace: don't spend more requests on it (each 429 counts
                // towards Discord's invalid-request ban); the row waits, its attempt given back.
                outcomes.add(
                        new Outcome(row, new SendResult.RateLimited(Duration.between(clock.instant(), blockedUntil))));
                continue;
            }
            pacer.acquire(workspace, port.maxSendsPerSecondPerWorkspace());
            SendResult result;
            long started = System.nanoTime();
            try {
                result = port.send(who.recipient(), message);
            } catch (RuntimeException e) {
                // A port should report, not throw; treat a throw as a passing failure and keep the worker alive.
                log.warn("Chat port {} threw while sending outbox row {}: {}", port.platform(), row.id(), e.toString());
                result = new SendResult.TransientFailure(e.getClass().getSimpleName());
            }
            measure(port.platform(), row.kind(), result, Duration.ofNanos(System.nanoTime() - started));
            if (result instanceof SendResult.RateLimited r) {
                slowDown.merge(workspace, clock.instant().plus(r.retryAfter()), (a, b) -> a.isAfter(b) ? a : b);
            }
            outcomes.add(new Outcome(row, result));
        }
        return record(workerId, outcomes, cancelled, recipients);
    }

    /**
     * Stops sending: each worker's current batch records what it sent and gives the rest back (pending, its attempt
     * not counted), so a shutting-down instance finishes within one send and loses nothing.
     */
    public void stopSending() {
        stopping = true;
    }

    /** Sends again after {@link #stopSending()} (the workers were started again). */
    public void resumeSending() {
        stopping = false;
    }

    private void measure(Platform platform, OutboxKind kind, SendResult result, Duration took) {
        String p = platform.name();
        switch (result) {
            case SendResult.Sent s -> metrics.sent(p, kind.name(), took);
            case SendResult.RateLimited r -> metrics.rateLimited(p, took);
            case SendResult.TransientFailure f -> metrics.failed(p, "transient", took);
            case SendResult.PermanentFailure f -> metrics.failed(p, "permanent", took);
            case SendResult.Unreachable u -> metrics.failed(p, "unreachable", took);
        }
    }

    /** The outcome recorded, without a send, for a row whose recipient was already known to be unreachable. */
    private static final SendResult.Unreachable UNREACHABLE_BEFORE =
            new SendResult.Unreachable("not sent: the platform said earlier that this person cannot be messaged");

    private Map<Long, Who> loadRecipients(List<Claimed> claimed) {
        Long[] ids = claimed.stream().map(Claimed::recipientId).distinct().toArray(Long[]::new);
        Map<Long, Who> out = new HashMap<>();
        jdbc.query(
                RECIPIENTS,
                rs -> {
                    out.put(
                            rs.getLong("id"),
                            new Who(
                                    new Recipient(
                                            Platform.valueOf(rs.getString("platform")),
                                            rs.getString("workspace_id"),
                                            rs.getString("platform_user_id"),
                                            rs.getString("display_name")),
                                    rs.getBoolean("left_programme"),
                                    rs.getBoolean("unreachable")));
                },
                (Object) ids);
        return out;
    }

    private Map<Long, CheckInContent> loadCheckIns(
            List<Claimed> claimed, Map<Long, Who> recipients, Set<Long> endedPairCheckIns) {
        Map<Long, Claimed> byCheckIn = new HashMap<>();
        for (Claimed c : claimed) {
            if (c.kind().rendersCheckIn() && c.checkInId() != null) {
                byCheckIn.put(c.checkInId(), c);
            }
        }
        Map<Long, CheckInContent> out = new HashMap<>();
        if (byCheckIn.isEmpty()) {
            return out;
        }
        jdbc.query(
                CHECK_INS,
                rs -> {
                    long id = rs.getLong("id");
                    if (rs.getBoolean("pair_ended")) {
                        endedPairCheckIns.add(id);
                        return;
                    }
                    Claimed row = byCheckIn.get(id);
                    Who who = recipients.get(row.recipientId());
                    String recipientName =
                            who == null ? "there" : who.recipient().displayName();
                    var questions = Arrays.stream(rs.getString("question_ids").split(","))
                            .filter(q -> !q.isBlank())
                            .map(bank::get)
                            .toList();
                    out.put(
                            id,
                            new CheckInContent(
                                    id,
                                    Role.valueOf(rs.getString("role")),
                                    recipientName,
                                    rs.getString("partner_name"),
                                    rs.getString("programme_name"),
                                    questions,
                                    row.kind() == OutboxKind.CHECK_IN_REMINDER,
                                    Map.of(),
                                    (Boolean) rs.getObject("met"),
                                    rs.getBoolean("commented")));
                },
                (Object) byCheckIn.keySet().toArray(Long[]::new));
        return out;
    }

    private ChatMessage render(Claimed row, Map<Long, CheckInContent> checkIns) {
        if (row.kind().rendersCheckIn()) {
            CheckInContent content = checkIns.get(row.checkInId());
            return content == null ? null : CheckInComposer.compose(content);
        }
        OutboxRenderer renderer = renderers.get(row.kind());
        String payload = row.payload() == null ? "" : row.payload();
        return renderer == null ? ChatMessage.text(payload) : renderer.render(row.pairId(), payload);
    }

    private DispatchResult record(
            String workerId, List<Outcome> outcomes, List<Claimed> cancelled, Map<Long, Who> recipients) {
        Instant now = clock.instant();
        java.time.OffsetDateTime nowTs = SqlTime.of(now);
        List<Object[]> sent = new ArrayList<>();
        List<Object[]> sentCheckIns = new ArrayList<>();
        List<Object[]> retry = new ArrayList<>();
        List<Object[]> failed = new ArrayList<>();
        List<Claimed> undeliverable = new ArrayList<>();
        List<Claimed> unreachable = new ArrayList<>();
        List<Claimed> notDelivered = new ArrayList<>();
        for (Outcome o : outcomes) {
            Claimed row = o.row();
            switch (o.result()) {
                case SendResult.Sent s -> {
                    sent.add(new Object[] {nowTs, s.messageId(), row.id(), workerId});
                    if (row.kind() == OutboxKind.CHECK_IN) {
                        sentCheckIns.add(new Object[] {nowTs, row.checkInId()});
                    }
                }
                case SendResult.RateLimited r ->
                    retry.add(
                            new Object[] {SqlTime.of(now.plus(r.retryAfter())), 1, "rate limited", row.id(), workerId});
                case SendResult.TransientFailure f -> {
                    if (row.attempts() >= properties.maxAttempts()) {
                        failed.add(new Object[] {truncate(f.reason()), row.id(), workerId});
                        undeliverable.add(row);
                        notDelivered.add(row);
                    } else {
                        retry.add(new Object[] {
                            SqlTime.of(now.plus(backoff(row.attempts()))), 0, truncate(f.reason()), row.id(), workerId
                        });
                    }
                }
                case SendResult.PermanentFailure f -> {
                    failed.add(new Object[] {truncate(f.reason()), row.id(), workerId});
                    undeliverable.add(row);
                    notDelivered.add(row);
                }
                case SendResult.Unreachable u -> {
                    failed.add(new Object[] {truncate(u.reason()), row.id(), workerId});
                    notDelivered.add(row);
                    if (u != UNREACHABLE_BEFORE) {
                        unreachable.add(row);
                    }
                }
            }
        }
        tx.executeWithoutResult(s -> {
            // The common outcome, sent, is recorded set-wise: one statement for the batch instead of one per row.
            if (!sent.isEmpty()) {
                jdbc.update(
                        MARK_SENT,
                        nowTs,
                        sent.stream().map(r -> (Long) r[2]).toArray(Long[]::new),
                        sent.stream().map(r -> (String) r[1]).toArray(String[]::new),
                        workerId);
            }
            if (!sentCheckIns.isEmpty()) {
                jdbc.update(
                        "update check_in set status = 'SENT', sent_at = ? where id = any(?) and status = 'PENDING'",
                        nowTs,
                        sentCheckIns.stream().map(r -> (Long) r[1]).toArray(Long[]::new));
            }
            // A rate-limited attempt gives its attempt back: slowing down is not failing.
            jdbc.batchUpdate(
                    "update outbox set status = 'PENDING', next_attempt_at = ?, attempts = attempts - ?, last_error = ?,"
                            + " claimed_by = null where id = ? and claimed_by = ? and status = 'SENDING'",
                    retry);
            jdbc.batchUpdate(
                    "update outbox set status = 'FAILED', last_error = ?, claimed_by = null"
                            + " where id = ? and claimed_by = ? and status = 'SENDING'",
                    failed);
            jdbc.batchUpdate(
                    "update outbox set status = 'CANCELLED', claimed_by = null where id = ? and claimed_by = ?",
                    cancelled.stream().map(c -> new Object[] {c.id(), workerId}).toList());
            // A check-in that will never reach its recipient says so, rather than staying PENDING for ever.
            closeCheckIns(notDelivered, "UNDELIVERED");
            closeCheckIns(cancelled, "CANCELLED");
            Long[] newlyUnreachable =
                    unreachable.stream().map(Claimed::recipientId).distinct().toArray(Long[]::new);
            if (newlyUnreachable.length > 0) {
                jdbc.update(
                        "update participant set unreachable_since = ? where id = any(?) and unreachable_since is null",
                        nowTs,
                        newlyUnreachable);
            }
        });
        for (Claimed row : undeliverable) {
            tellCoordinators(row, recipients.get(row.recipientId()));
        }
        Set<Long> told = new HashSet<>();
        for (Claimed row : unreachable) {
            if (told.add(row.recipientId())) {
                tellCoordinatorsUnreachable(row, recipients.get(row.recipientId()));
            }
        }
        return new DispatchResult(sent.size(), retry.size(), failed.size(), cancelled.size());
    }

    private void closeCheckIns(List<Claimed> rows, String status) {
        Long[] ids = rows.stream()
                .filter(r -> r.kind() == OutboxKind.CHECK_IN && r.checkInId() != null)
                .map(Claimed::checkInId)
                .toArray(Long[]::new);
        if (ids.length > 0) {
            jdbc.update("update check_in set status = ? where id = any(?) and status = 'PENDING'", status, ids);
        }
    }

    /** A message that can never be delivered (DMs closed, user gone) is reported to the pair's coordinators once. */
    private void tellCoordinators(Claimed row, Who who) {
        if (row.pairId() == null || row.kind() == OutboxKind.ALERT || row.kind() == OutboxKind.NOTICE || who == null) {
            return;
        }
        List<Long> coordinators = jdbc.queryForList(
                "select c.participant_id from coordinator c join pair p on p.programme_id = c.programme_id where p.id = ?",
                Long.class,
                row.pairId());
        String text =
                "Rapport could not deliver a message to " + who.recipient().displayName()
                        + ": the platform refused it, or kept failing until Rapport gave up (for example, they do not accept direct"
                        + " messages)."
                        + " Please ask them to allow direct messages from the Rapport app, or contact them another way.";
        for (Long coordinator : coordinators) {
            outbox.enqueue(OutboxMessage.text(
                    row.pairId(), coordinator, OutboxKind.NOTICE, "undeliverable:" + row.recipientId(), text, null));
        }
    }

    /**
     * Someone the platform says cannot be messaged at all: their coordinators are told once per episode (until the
     * person uses Rapport again and is marked reachable), with what to do about it.
     */
    private void tellCoordinatorsUnreachable(Claimed row, Who who) {
        if (who == null) {
            return;
        }
        // The episode is named by the participant's unreachable_since, which only the first worker to hear the
        // refusal sets: two workers hearing it at once enqueue the same notice, and the outbox keeps one.
        java.time.OffsetDateTime since = jdbc.queryForObject(
                "select unreachable_since from participant where id = ?",
                java.time.OffsetDateTime.class,
                row.recipientId());
        List<Long> programmes = jdbc.queryForList("""
                select distinct programme_id from pair where (mentor_id = ? or mentee_id = ?) and status <> 'ENDED'
                """, Long.class, row.recipientId(), row.recipientId());
        String text =
                "Rapport cannot send direct messages to " + who.recipient().displayName()
                        + ": the platform refused them (their direct messages are closed, or their account is deactivated)."
                        + " Rapport will not try again until they use Rapport themselves. Please ask them to allow direct"
                        + " messages from the Rapport app (on Discord: the server's privacy settings, \"Direct Messages\"),"
                        + " then to run `/rapport me`.";
        for (Long programmeId : programmes) {
            for (Long coordinator : jdbc.queryForList(
                    "select participant_id from coordinator where programme_id = ? and participant_id <> ?",
                    Long.class,
                    programmeId,
                    row.recipientId())) {
                outbox.enqueue(OutboxMessage.text(
                        null,
                        coordinator,
                        OutboxKind.NOTICE,
                        "unreachable:" + row.recipientId() + ":" + (since == null ? 0 : since.toEpochSecond()),
                        text,
                        null));
            }
        }
    }

    static Duration backoff(int attempts) {
        long seconds = Math.min(30L * 60, 5L * (1L << Math.min(attempts, 20)));
        return Duration.ofSeconds(seconds);
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 480 ? s.substring(0, 480) : s;
    }
}
