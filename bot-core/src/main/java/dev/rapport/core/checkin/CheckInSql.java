package dev.rapport.core.checkin;

/** The SQL both ways of reading a check-in share: answering it, and rendering it to be sent. */
final class CheckInSql {

    private CheckInSql() {}

    /** Whether a newer check-in of the same pair and side has been asked: then this one is stale. */
    static final String SUPERSEDED = """
            exists (select 1 from check_in n where n.pair_id = c.pair_id and n.role = c.role and n.period > c.period
                    and n.status in ('SENT', 'ANSWERED', 'PENDING')) as superseded""";

    /** A check-in {@code c} with its pair {@code p}, recipient {@code me}, partner and programme {@code g}. */
    static final String WITH_PEOPLE = """
            from check_in c
            join pair p on p.id = c.pair_id
            join participant me on me.id = c.participant_id
            join participant partner on partner.id = case when c.role = 'MENTEE' then p.mentor_id else p.mentee_id end
            join programme g on g.id = p.programme_id""";
}
