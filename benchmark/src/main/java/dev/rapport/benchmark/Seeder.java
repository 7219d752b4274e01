package dev.rapport.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Seeds N pairs with set-wise SQL: a few programmes (one Slack workspace each, weekly on Monday 10:00 UTC),
 * two participants per pair, and both roles' schedule slots due at the same instant. Ids are explicit, so the
 * rows relate without lookups; the sequences are moved past them afterwards.
 */
final class Seeder {

    private Seeder() {}

    /** Inserts the rows and analyses the tables, as a system that has run for a while would have them. */
    static void seed(DataSource dataSource, long pairs, int programmes, Instant dueAt) throws SQLException {
        LocalDate period = dueAt.atOffset(ZoneOffset.UTC).toLocalDate();
        String due = "timestamptz '" + dueAt + "'";
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute(
                    "insert into programme (id, platform, workspace_id, name, time_zone, cadence_day, cadence_time, cadence_weeks, created_at)"
                            + " select g, 'SLACK', 'TBENCH' || g, 'Benchmark programme ' || g, 'UTC', 1, time '10:00', 1, now()"
                            + " from generate_series(1, " + programmes + ") g");
            // Participant i belongs to pair (i + 1) / 2; pair k belongs to programme (k - 1) % P + 1.
            s.execute(
                    "insert into participant (id, platform, workspace_id, platform_user_id, display_name, time_zone, created_at)"
                            + " select i, 'SLACK', 'TBENCH' || ((((i + 1) / 2) - 1) % " + programmes
                            + " + 1), 'U' || i, 'Person ' || i, 'UTC', now()"
                            + " from generate_series(1::bigint, " + (2 * pairs) + "::bigint) i");
            s.execute("insert into pair (id, programme_id, mentor_id, mentee_id, started_on, status, created_at)"
                    + " select k, (k - 1) % " + programmes + " + 1, 2 * k - 1, 2 * k, date '" + period.minusWeeks(3)
                    + "', 'ACTIVE', now()"
                    + " from generate_series(1::bigint, " + pairs + "::bigint) k");
            s.execute("insert into checkin_slot (pair_id, role, next_due_at, next_period, seq)"
                    + " select k, r.role, " + due + ", date '" + period + "', 0"
                    + " from generate_series(1::bigint, " + pairs
                    + "::bigint) k cross join (values ('MENTEE'), ('MENTOR')) as r(role)");
            s.execute("select setval('programme_id_seq', " + programmes + "), setval('participant_id_seq', "
                    + (2 * pairs) + "), setval('pair_id_seq', " + pairs + ")");
            c.commit();
            c.setAutoCommit(true);
            s.execute("vacuum analyze programme, participant, pair, checkin_slot, check_in, outbox");
        }
    }
}
