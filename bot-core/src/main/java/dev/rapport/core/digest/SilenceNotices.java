package dev.rapport.core.digest;

import dev.rapport.core.calendar.QuietHours;
import dev.rapport.core.calendar.SlotCalculator;
import dev.rapport.core.checkin.SilentStreaks;
import dev.rapport.core.i18n.Text;
import dev.rapport.core.outbox.Outbox;
import dev.rapport.core.outbox.OutboxKind;
import dev.rapport.core.outbox.OutboxMessage;
import dev.rapport.core.pair.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells a programme's coordinators, once, of someone who has left {@code silent-tell-after} check-ins in a row
 * unanswered. The notice is an outbox row named by the silence's first unanswered check-in, so the hourly run writes
 * it once however long the silence lasts, and a new silence (after the person answered) is told again.
 */
@Component
public class SilenceNotices {

    private static final String PROGRAMMES = """
            select distinct g.id, g.name, g.silent_tell_after from programme g
            join pair p on p.programme_id = g.id where p.status <> 'ENDED' order by g.id""";

    private static final String PAIRS = """
            select p.id, p.mentor_id, p.mentee_id, mentor.display_name as mentor, mentee.display_name as mentee
            from pair p
            join participant mentor on mentor.id = p.mentor_id
            join participant mentee on mentee.id = p.mentee_id
            where p.programme_id = ? and p.status <> 'ENDED'""";

    private static final String COORDINATORS = """
            select pt.id, pt.time_zone, pt.quiet_start, pt.quiet_end
            from coordinator c join participant pt on pt.id = c.participant_id
            where c.programme_id = ? and pt.left_at is null order by pt.id""";

    private record Coordinator(long id, ZoneId zone, QuietHours quiet) {}

    private final JdbcTemplate jdbc;
    private final SilentStreaks streaks;
    private final Outbox outbox;
    private final Clock clock;

    SilenceNotices(JdbcTemplate jdbc, SilentStreaks streaks, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.streaks = streaks;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Writes the notices of silences that reached their programme's {@code silent-tell-after}; returns how many. */
    public int run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int written = 0;
        for (Map<String, Object> g : jdbc.queryForList(PROGRAMMES)) {
            long programmeId = ((Number) g.get("id")).longValue();
            int tellAfter = ((Number) g.get("silent_tell_after")).intValue();
            Map<Long, Map<Role, SilentStreaks.Streak>> silences = streaks.ofProgramme(programmeId, now);
            if (silences.values().stream()
                    .flatMap(m -> m.values().stream())
                    .noneMatch(s -> s.checkIns() >= tellAfter)) {
                continue;
            }
            List<Coordinator> coordinators = jdbc.query(
                    COORDINATORS,
                    (rs, i) -> new Coordinator(
                            rs.getLong("id"), ZoneId.of(rs.getString("time_zone")), QuietHours.from(rs)),
                    programmeId);
            for (Map<String, Object> p : jdbc.queryForList(PAIRS, programmeId)) {
                long pairId = ((Number) p.get("id")).longValue();
                for (Map.Entry<Role, SilentStreaks.Streak> e :
                        silences.getOrDefault(pairId, Map.of()).entrySet()) {
                    if (e.getValue().checkIns() < tellAfter) {
                        continue;
                    }
                    String role = e.getKey().name().toLowerCase(Locale.ROOT);
                    Text text = Text.of(
                            "silence.tell",
                            "name",
                            (String) p.get(role),
                            "role",
                            role,
                            "count",
                            e.getValue().checkIns(),
                            "pair",
                            pairId,
                            "programme",
                            (String) g.get("name"));
                    long mentorId = ((Number) p.get("mentor_id")).longValue();
                    long menteeId = ((Number) p.get("mentee_id")).longValue();
                    for (Coordinator c : coordinators) {
                        if (c.id() == mentorId || c.id() == menteeId) {
                            continue; // a coordinator in the pair hears nothing of it
                        }
                        if (outbox.enqueue(OutboxMessage.of(
                                pairId,
                                c.id(),
                                OutboxKind.NOTICE,
                                "silent:" + role + ":" + e.getValue().firstCheckInId(),
                                text,
                                SlotCalculator.outsideQuietHours(now, c.zone(), c.quiet())))) {
                            written++;
                        }
                    }
                }
            }
        }
        return written;
    }
}
