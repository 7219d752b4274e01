package dev.rapport.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Seeds one programme as it looks after weeks of use, for measuring what coordinators wait on: N pairs with a
 * coordinator, {@code weeks} weekly check-ins on both sides, each answered with three statements (scores spread over
 * 2–5, so health has levels, trends and gaps to judge), "did you meet" answered, and a meeting every other week.
 * Set-wise SQL, explicit ids; sequences are moved past them.
 *
 * <p>Participants are numbered 1..2N (pair k: mentor 2k-1, mentee 2k, user ids {@code U<n>}); the coordinator is
 * 2N+1 with user id {@code coordinatorId}.
 */
final class ProgrammeSeeder {

    /** The question ids asked, per role, by week (three per check-in, rotating over the six dimensions). */
    private static final String[][] ROUNDS = {
        {"respect.1", "confidentiality.1", "empathy.1"}, {"humility.1", "effort.1", "communication.1"}
    };

    private ProgrammeSeeder() {}

    static void seed(
            DataSource dataSource,
            String platform,
            String workspace,
            String coordinatorId,
            long pairs,
            int weeks,
            Instant now)
            throws SQLException {
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate lastMonday = today.minusDays(today.getDayOfWeek().getValue() - 1L);
        LocalDate start = lastMonday.minusWeeks(weeks);
        long coordinator = 2 * pairs + 1;
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("insert into programme (id, platform, workspace_id, name, time_zone, created_at) values (1, '"
                    + platform + "', '" + workspace + "', 'Benchmark programme', 'UTC', now())");
            s.execute("insert into participant (id, platform, workspace_id, platform_user_id, display_name, time_zone,"
                    + " time_zone_source, profile_checked_at, created_at)"
                    + " select i, '" + platform + "', '" + workspace + "', 'U' || i, 'Person ' || i, 'UTC', 'CHOSEN',"
                    + " now(), now() from generate_series(1::bigint, " + (2 * pairs) + "::bigint) i");
            s.execute("insert into participant (id, platform, workspace_id, platform_user_id, display_name, time_zone,"
                    + " time_zone_source, profile_checked_at, created_at) values (" + coordinator + ", '" + platform
                    + "', '" + workspace + "', '" + coordinatorId + "', 'Coordinator', 'UTC', 'CHOSEN', now(), now())");
            s.execute("insert into coordinator (programme_id, participant_id, added_at) values (1, " + coordinator
                    + ", now())");
            s.execute("insert into pair (id, programme_id, mentor_id, mentee_id, started_on, status, created_at)"
                    + " select k, 1, 2 * k - 1, 2 * k, date '" + start + "', 'ACTIVE', now()"
                    + " from generate_series(1::bigint, " + pairs + "::bigint) k");
            s.execute("insert into checkin_slot (pair_id, role, next_due_at, next_period, seq)"
                    + " select k, r.role, timestamptz '" + lastMonday.plusWeeks(1) + "T10:00:00Z', date '"
                    + lastMonday.plusWeeks(1) + "', " + weeks
                    + " from generate_series(1::bigint, " + pairs + "::bigint) k"
                    + " cross join (values ('MENTEE'), ('MENTOR')) as r(role)");
            // Check-ins: pair k, week w (0-based), both roles.
            s.execute("insert into check_in (pair_id, role, participant_id, period, seq, bank_version, question_ids,"
                    + " due_at, status, sent_at, answered_at, met)"
                    + " select k, r.role, case when r.role = 'MENTEE' then 2 * k else 2 * k - 1 end,"
                    + " date '" + start + "' + 7 * (w + 1), w, '2026.1',"
                    + " case when w % 2 = 0 then " + questions(0, "r.role") + " else " + questions(1, "r.role")
                    + " end,"
                    + " (date '" + start + "' + 7 * (w + 1))::timestamp + time '10:00',"
                    + " 'ANSWERED', (date '" + start + "' + 7 * (w + 1))::timestamp + time '10:00',"
                    + " (date '" + start + "' + 7 * (w + 1))::timestamp + time '12:00',"
                    + " case when r.role = 'MENTEE' then (k + w) % 3 <> 0 end"
                    + " from generate_series(1::bigint, " + pairs + "::bigint) k"
                    + " cross join generate_series(0, " + (weeks - 1) + ") w"
                    + " cross join (values ('MENTEE'), ('MENTOR')) as r(role)");
            // Three answers per check-in, scores 2..5 from the ids so that runs are repeatable.
            s.execute(
                    "insert into answer (check_in_id, question_id, bank_version, dimension, score, answered_at)"
                            + " select c.id, q.qid || '.' || lower(c.role), '2026.1', upper(split_part(q.qid, '.', 1)),"
                            + " 2 + ((c.id * 7 + q.n * 3) % 4), c.answered_at"
                            + " from check_in c cross join lateral (select qid, n from unnest(string_to_array("
                            + " regexp_replace(c.question_ids, '\\.(mentee|mentor)', '', 'g'), ',')) with ordinality as t(qid, n)) q");
            s.execute("insert into meeting (pair_id, held_on, logged_by, created_at)"
                    + " select k, date '" + start + "' + 14 * (w + 1) - 3, 2 * k - 1, now()"
                    + " from generate_series(1::bigint, " + pairs + "::bigint) k"
                    + " cross join generate_series(0, " + Math.max(0, weeks / 2 - 1) + ") w");
            // Health as the hourly run would have recorded it: every pair on track from its first week; one in five
            // turns to watch in week 3, and one in fifteen at risk in week 5 (one in three of those recovers on the
            // Monday of this week), so the states chart and "changed this week" have something to show.
            s.execute("insert into pair_state_change (pair_id, at, state, previous_state, reasons)"
                    + " select k, (date '" + start + "' + 7 * w.n)::timestamp + time '11:00', w.state, w.previous, ''"
                    + " from generate_series(1::bigint, " + pairs + "::bigint) k"
                    + " cross join lateral (values (0, 'ON_TRACK', null),"
                    + " (3, case when k % 5 = 0 then 'WATCH' end, 'ON_TRACK'),"
                    + " (5, case when k % 15 = 0 then 'AT_RISK' end, 'WATCH'),"
                    + " (" + weeks + ", case when k % 45 = 0 then 'ON_TRACK' end, 'AT_RISK'))"
                    + " as w(n, state, previous) where w.state is not null");
            s.execute("insert into pair_health (pair_id, state, reasons, computed_at)"
                    + " select distinct on (pair_id) pair_id, state, reasons, at from pair_state_change"
                    + " order by pair_id, at desc");
            s.execute("select setval('programme_id_seq', 1), setval('participant_id_seq', " + coordinator
                    + "), setval('pair_id_seq', " + pairs + "), setval('check_in_id_seq', (select max(id) from"
                    + " check_in)), setval('meeting_id_seq', (select coalesce(max(id), 1) from meeting))");
            c.commit();
            c.setAutoCommit(true);
            s.execute("vacuum analyze participant, pair, check_in, answer, meeting, checkin_slot, pair_state_change,"
                    + " pair_health");
        }
    }

    private static String questions(int round, String role) {
        StringBuilder sql = new StringBuilder("concat_ws(','");
        for (String q : ROUNDS[round]) {
            sql.append(", '").append(q).append(".' || lower(").append(role).append(")");
        }
        return sql.append(")").toString();
    }
}
