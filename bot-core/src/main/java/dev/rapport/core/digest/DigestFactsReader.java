package dev.rapport.core.digest;

import dev.rapport.core.calendar.QuietHours;
import dev.rapport.core.checkin.SilentStreaks;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.health.HealthHistory;
import dev.rapport.core.health.HealthService;
import dev.rapport.core.health.HealthState;
import dev.rapport.core.health.PairHealth;
import dev.rapport.core.pair.Role;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a programme's {@link DigestFacts} in a few set-wise queries: first its coordinators alone ({@link #heads}), so
 * the hourly job reads the pairs only of a programme someone is due a digest of ({@link #withPairs}).
 */
@Component
public class DigestFactsReader {

    /** How far back a failed delivery makes someone unreachable in the digest, when the platform did not say so. */
    static final Duration FAILED_WITHIN = Duration.ofDays(7);

    private static final String PROGRAMME = """
            select name, digest_day, silent_after, meeting_reminder_weeks from programme where id = ?""";

    // The period of a programme's digest starts with its prefix, so a coordinator's latest one is found by it.
    private static final String COORDINATORS = """
            select pt.id, pt.time_zone, pt.quiet_start, pt.quiet_end,
                   (select max(o.created_at) from outbox o where o.recipient_id = pt.id and o.pair_id is null
                    and o.kind = 'DIGEST' and o.period like ?) as last_digest_at,
                   exists (select 1 from digest_opt_out d where d.programme_id = c.programme_id
                           and d.participant_id = pt.id) as opted_out
            from coordinator c
            join participant pt on pt.id = c.participant_id
            where c.programme_id = ? and pt.left_at is null
            order by pt.id""";

    private static final String PAIRS = """
            select p.id, p.mentor_id, p.mentee_id, mentor.display_name as mentor, mentee.display_name as mentee,
                   (mentor.unreachable_since is not null or exists (select 1 from outbox o where o.recipient_id = mentor.id
                        and o.status = 'FAILED' and o.created_at > ?)) as mentor_unreachable,
                   (mentee.unreachable_since is not null or exists (select 1 from outbox o where o.recipient_id = mentee.id
                        and o.status = 'FAILED' and o.created_at > ?)) as mentee_unreachable
            from pair p
            join participant mentor on mentor.id = p.mentor_id
            join participant mentee on mentee.id = p.mentee_id
            where p.programme_id = ? and p.status <> 'ENDED'
            order by p.id""";

    private final JdbcTemplate jdbc;
    private final HealthService health;
    private final HealthHistory history;
    private final SilentStreaks streaks;

    DigestFactsReader(JdbcTemplate jdbc, HealthService health, HealthHistory history, SilentStreaks streaks) {
        this.jdbc = jdbc;
        this.health = health;
        this.history = history;
        this.streaks = streaks;
    }

    /** The period that names a coordinator's digest of a programme for a day: the outbox keeps one per coordinator. */
    static String period(long programmeId, java.time.LocalDate day) {
        return periodPrefix(programmeId) + day;
    }

    private static String periodPrefix(long programmeId) {
        return "digest:" + programmeId + ":";
    }

    /** The programme and its coordinators, without pairs; empty for an unknown programme. */
    public Optional<DigestFacts> heads(long programmeId, Instant now) {
        List<Map<String, Object>> found = jdbc.queryForList(PROGRAMME, programmeId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> g = found.getFirst();
        List<DigestFacts.Coordinator> coordinators = jdbc.query(
                COORDINATORS,
                (rs, i) -> {
                    OffsetDateTime last = rs.getObject("last_digest_at", OffsetDateTime.class);
                    return new DigestFacts.Coordinator(
                            rs.getLong("id"),
                            ZoneId.of(rs.getString("time_zone")),
                            QuietHours.from(rs),
                            last == null ? null : last.toInstant(),
                            rs.getBoolean("opted_out"));
                },
                periodPrefix(programmeId) + "%",
                programmeId);
        return Optional.of(new DigestFacts(
                programmeId,
                (String) g.get("name"),
                DayOfWeek.of(((Number) g.get("digest_day")).intValue()),
                ((Number) g.get("silent_after")).intValue(),
                ((Number) g.get("meeting_reminder_weeks")).intValue(),
                now,
                coordinators,
                List.of()));
    }

    /** The same facts with the programme's open pairs, their changes since the earliest of the coordinators' windows. */
    public DigestFacts withPairs(DigestFacts heads) {
        Instant now = heads.now();
        Instant since = heads.coordinators().stream()
                .map(c -> DigestRules.since(heads, c))
                .min(Instant::compareTo)
                .orElse(now.minus(DigestRules.FIRST_WINDOW));
        Map<Long, PairHealth> assessed = health.assessProgramme(heads.programmeId()).stream()
                .collect(Collectors.toMap(PairHealth::pairId, Function.identity()));
        Map<Long, List<HealthHistory.Change>> changes = history.ofProgrammeSince(heads.programmeId(), since);
        Map<Long, Map<Role, SilentStreaks.Streak>> silences = streaks.ofProgramme(heads.programmeId(), now);
        List<DigestFacts.Pair> pairs = new ArrayList<>();
        jdbc.query(
                PAIRS,
                rs -> {
                    long id = rs.getLong("id");
                    PairHealth h = assessed.get(id);
                    Map<Role, SilentStreaks.Streak> silent = silences.getOrDefault(id, Map.of());
                    pairs.add(new DigestFacts.Pair(
                            id,
                            rs.getLong("mentor_id"),
                            rs.getString("mentor"),
                            rs.getLong("mentee_id"),
                            rs.getString("mentee"),
                            h == null ? HealthState.ON_TRACK : h.state(),
                            h == null ? null : h.weeksSinceMeeting(),
                            changes.getOrDefault(id, List.of()),
                            count(silent.get(Role.MENTOR)),
                            count(silent.get(Role.MENTEE)),
                            rs.getBoolean("mentor_unreachable"),
                            rs.getBoolean("mentee_unreachable")));
                },
                SqlTime.of(now.minus(FAILED_WITHIN)),
                SqlTime.of(now.minus(FAILED_WITHIN)),
                heads.programmeId());
        return new DigestFacts(
                heads.programmeId(),
                heads.programmeName(),
                heads.digestDay(),
                heads.silentAfter(),
                heads.meetingReminderWeeks(),
                now,
                heads.coordinators(),
                pairs);
    }

    private static int count(SilentStreaks.Streak s) {
        return s == null ? 0 : s.checkIns();
    }
}
