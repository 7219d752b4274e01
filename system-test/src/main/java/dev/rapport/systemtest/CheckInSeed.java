package dev.rapport.systemtest;

import java.util.List;

/**
 * Puts check-ins due now into a database whose schema Flyway has made, straight in SQL: one programme in the
 * platform's workspace, {@code 2 × pairs} participants (the platform's generated people, in order), {@code pairs}
 * pairs, and both sides' schedule slots due now. The application's sweep then turns each slot into a check-in and an
 * outbox row, and its dispatch workers send them: the path a real Monday morning takes.
 *
 * <p>Participants come with their profile read ({@code profile_checked_at}) and a time zone of their own choosing,
 * so no profile lookup or time-zone question competes with the check-ins; no quiet hours, no pauses, started today,
 * so nothing else is due.
 */
public final class CheckInSeed {

    private CheckInSeed() {}

    /** Seeds {@code pairs} pairs; returns the check-ins that fall due ({@code 2 × pairs}). */
    public static int seed(SystemDatabase db, LocalPlatform platform, int pairs) {
        List<String> users = platform.userIds();
        if (users.size() < 2 * pairs) {
            throw new IllegalArgumentException(
                    pairs + " pairs need " + 2 * pairs + " people; the platform has " + users.size());
        }
        String[] ids = users.subList(0, 2 * pairs).toArray(String[]::new);
        db.update("""
                insert into programme (id, platform, workspace_id, name, time_zone, created_at)
                values (1, ?, ?, 'System test', 'UTC', now())""", platform.platform(), platform.workspaceId());
        db.update("""
                insert into participant (id, platform, workspace_id, platform_user_id, display_name, time_zone,
                                         time_zone_source, profile_checked_at, created_at)
                select u.n, ?, ?, u.user_id, 'Person ' || u.n, 'UTC', 'CHOSEN', now(), now()
                from unnest(?::varchar[]) with ordinality as u(user_id, n)""", platform.platform(), platform.workspaceId(), ids);
        db.update("""
                insert into pair (id, programme_id, mentor_id, mentee_id, started_on, status, created_at)
                select k, 1, 2 * k - 1, 2 * k, current_date, 'ACTIVE', now() from generate_series(1, ?) k""", pairs);
        db.update("""
                insert into checkin_slot (pair_id, role, next_due_at, next_period, seq)
                select k, r.role, now(), current_date, 0
                from generate_series(1, ?) k cross join (values ('MENTEE'), ('MENTOR')) as r(role)""", pairs);
        // Explicit ids above: move the sequences past them, as the application's own inserts would have.
        db.rows(
                "select setval('programme_id_seq', 1), setval('participant_id_seq', ?), setval('pair_id_seq', ?)",
                (long) 2 * pairs,
                (long) pairs);
        return 2 * pairs;
    }
}
