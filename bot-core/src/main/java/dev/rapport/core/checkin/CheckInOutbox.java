package dev.rapport.core.checkin;

import dev.rapport.core.calendar.QuietHours;
import dev.rapport.core.calendar.SlotCalculator;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.outbox.OutboxHandler;
import dev.rapport.core.outbox.OutboxKind;
import dev.rapport.core.outbox.OutboxRow;
import dev.rapport.core.outbox.Rendering;
import dev.rapport.core.pair.Role;
import dev.rapport.core.pulse.QuestionBank;
import dev.rapport.core.pulse.QuestionBanks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Check-ins and their reminders as outbox rows: rendered from the check-in when they are sent, and expired when they
 * became pointless while they waited (an outage, a crashed cluster): a check-in superseded by a newer one, one whose
 * pair was paused or ended, one more than the programme's grace window late (the sweep's rule, applied again when
 * the row can finally go); a reminder whose check-in was answered or never delivered. What became of a check-in's row
 * is written onto the check-in itself, in the same transaction.
 */
@Component
class CheckInOutbox implements OutboxHandler {

    private static final String LOAD = """
            select c.id, c.role, c.bank_version, c.question_ids, c.status, c.met, c.comment is not null as commented, c.due_at,
                   c.answered_at is not null as answered,
                   me.display_name as recipient_name, me.time_zone, me.quiet_start, me.quiet_end,
                   me.paused_until as participant_paused_until,
                   partner.display_name as partner_name, g.name as programme_name, g.grace_hours,
                   p.status = 'ENDED' as pair_ended, p.paused_until as pair_paused_until, g.silent_after,
                   (select count(*) from check_in s where s.pair_id = c.pair_id and s.role = c.role
                    and s.period < c.period and s.sent_at <= ? and\s""" + CheckInSql.silent("s") + """
            ) as silent_before,
            """ + CheckInSql.SUPERSEDED + "\n"
            + CheckInSql.WITH_PEOPLE + "\nwhere c.id = any(?)";

    /** What an expiry means for the check-in's own record: its status and reason, as the sweep would have written. */
    private static final Map<String, String[]> CHECK_IN_AFTER_EXPIRY = Map.of(
            "PAIR_ENDED", new String[] {"CANCELLED", null},
            "SUPERSEDED", new String[] {"MISSED", "SUPERSEDED"},
            "PAIR_PAUSED", new String[] {"SKIPPED", "PAIR_PAUSED"},
            "PARTICIPANT_PAUSED", new String[] {"SKIPPED", "PARTICIPANT_PAUSED"},
            "TOO_LATE", new String[] {"MISSED", "DOWNTIME"});

    private final JdbcTemplate jdbc;
    private final QuestionBanks banks;

    CheckInOutbox(JdbcTemplate jdbc, QuestionBanks banks) {
        this.jdbc = jdbc;
        this.banks = banks;
    }

    @Override
    public Set<OutboxKind> kinds() {
        return Set.of(OutboxKind.CHECK_IN, OutboxKind.CHECK_IN_REMINDER);
    }

    /** A check-in as it stands when one of its rows is about to be sent. */
    private record Facts(
            CheckInContent content,
            QuestionBank bank,
            String status,
            boolean answered,
            boolean superseded,
            boolean pairEnded,
            LocalDate pairPausedUntil,
            LocalDate participantPausedUntil,
            ZoneId zone,
            QuietHours quiet,
            Instant dueAt,
            Duration grace,
            boolean gentle) {}

    @Override
    public Map<Long, Rendering> render(List<OutboxRow> rows, Instant now) {
        Map<Long, Facts> facts = load(
                rows.stream()
                        .map(OutboxRow::checkInId)
                        .filter(id -> id != null)
                        .distinct()
                        .toArray(Long[]::new),
                now);
        Map<Long, Rendering> out = new HashMap<>();
        for (OutboxRow row : rows) {
            Facts f = row.checkInId() == null ? null : facts.get(row.checkInId());
            if (f != null) {
                out.put(row.id(), render(row, f, now));
            }
        }
        return out;
    }

    private Rendering render(OutboxRow row, Facts f, Instant now) {
        boolean reminder = row.kind() == OutboxKind.CHECK_IN_REMINDER;
        LocalDate today = now.atZone(f.zone()).toLocalDate();
        if (f.pairEnded()) {
            return Rendering.expire("PAIR_ENDED", "the pair has ended");
        }
        if (reminder && f.answered()) {
            return Rendering.expire("ANSWERED", "the check-in was answered");
        }
        if (reminder && !"SENT".equals(f.status())) {
            return Rendering.expire("NOT_SENT", "the check-in it reminds of was never delivered");
        }
        if (!reminder && !"PENDING".equals(f.status())) {
            return Rendering.expire(
                    "NOT_PENDING", "the check-in is " + f.status().toLowerCase(java.util.Locale.ROOT));
        }
        if (f.superseded()) {
            return Rendering.expire("SUPERSEDED", "a newer check-in has been asked");
        }
        if (f.pairPausedUntil() != null && !today.isAfter(f.pairPausedUntil())) {
            return Rendering.expire("PAIR_PAUSED", "the pair is paused until " + f.pairPausedUntil());
        }
        if (f.participantPausedUntil() != null && !today.isAfter(f.participantPausedUntil())) {
            return Rendering.expire("PARTICIPANT_PAUSED", "the recipient paused until " + f.participantPausedUntil());
        }
        if (meantFor(row, f, reminder).isBefore(now.minus(f.grace()))) {
            return Rendering.expire(
                    "TOO_LATE", "more than " + f.grace().toHours() + " h late (the programme's grace window)");
        }
        CheckInContent c = f.content().withQuestions(f.bank().in(f.content().questions(), row.language()));
        return Rendering.send(CheckInComposer.compose(reminder ? c.asReminder() : c, row.language(), f.gentle()));
    }

    /**
     * When the row was meant to go out: a check-in at its due time, a reminder when it was written; either moved on by
     * however long the recipient's quiet hours held it back when it was enqueued. Rapport's own deferral is not
     * lateness: a check-in enqueued at 21:30 inside quiet hours and sent at 07:00 is on time.
     */
    private static Instant meantFor(OutboxRow row, Facts f, boolean reminder) {
        Instant held = SlotCalculator.outsideQuietHours(row.createdAt(), f.zone(), f.quiet());
        Duration deferral = Duration.between(row.createdAt(), held);
        return (reminder ? row.createdAt() : f.dueAt()).plus(deferral);
    }

    private Map<Long, Facts> load(Long[] checkInIds, Instant now) {
        Map<Long, Facts> out = new HashMap<>();
        if (checkInIds.length == 0) {
            return out;
        }
        jdbc.query(
                LOAD,
                rs -> {
                    QuestionBank bank = banks.version(rs.getString("bank_version"));
                    Boolean met = (Boolean) rs.getObject("met");
                    var questions = CheckInService.asked(bank, rs.getString("question_ids"), met, Set.of());
                    long id = rs.getLong("id");
                    out.put(
                            id,
                            new Facts(
                                    new CheckInContent(
                                            id,
                                            Role.valueOf(rs.getString("role")),
                                            rs.getString("recipient_name"),
                                            rs.getString("partner_name"),
                                            rs.getString("programme_name"),
                                            questions,
                                            false,
                                            Map.of(),
                                            met,
                                            rs.getBoolean("commented")),
                                    bank,
                                    rs.getString("status"),
                                    rs.getBoolean("answered"),
                                    rs.getBoolean("superseded"),
                                    rs.getBoolean("pair_ended"),
                                    rs.getObject("pair_paused_until", LocalDate.class),
                                    rs.getObject("participant_paused_until", LocalDate.class),
                                    ZoneId.of(rs.getString("time_zone")),
                                    QuietHours.from(rs),
                                    rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                                    Duration.ofHours(rs.getInt("grace_hours")),
                                    // After silent-after unanswered check-ins in a row, a gentler message instead.
                                    rs.getInt("silent_before") >= rs.getInt("silent_after")));
                },
                SqlTime.of(now.minus(SilentStreaks.ANSWER_WINDOW)),
                checkInIds);
        return out;
    }

    @Override
    public void settled(List<Settled> rows, Instant at) {
        List<Long> sent = new ArrayList<>();
        List<Long> undelivered = new ArrayList<>();
        List<Long> cancelled = new ArrayList<>();
        List<Object[]> expired = new ArrayList<>();
        for (Settled s : rows) {
            OutboxRow row = s.row();
            if (row.kind() != OutboxKind.CHECK_IN || row.checkInId() == null) {
                continue; // a reminder's fate changes nothing on its check-in
            }
            switch (s.fate()) {
                case SENT -> sent.add(row.checkInId());
                case UNDELIVERED -> undelivered.add(row.checkInId());
                case CANCELLED -> cancelled.add(row.checkInId());
                case EXPIRED -> {
                    String[] after = CHECK_IN_AFTER_EXPIRY.get(s.expiry().code());
                    if (after != null) {
                        expired.add(new Object[] {after[0], after[1], row.checkInId()});
                    }
                }
            }
        }
        if (!sent.isEmpty()) {
            jdbc.update(
                    "update check_in set status = 'SENT', sent_at = ? where id = any(?) and status = 'PENDING'",
                    SqlTime.of(at),
                    sent.toArray(Long[]::new));
        }
        // A check-in that will never reach its recipient says so, rather than staying PENDING for ever.
        close("UNDELIVERED", undelivered);
        close("CANCELLED", cancelled);
        jdbc.batchUpdate(
                "update check_in set status = ?, skip_reason = ? where id = ? and status = 'PENDING'", expired);
    }

    private void close(String status, List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.update(
                    "update check_in set status = ? where id = any(?) and status = 'PENDING'",
                    status,
                    ids.toArray(Long[]::new));
        }
    }
}
