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

    /** Whether check-in {@code x} got any answer: a tap on "did you meet?", a rating, or its completion. */
    static String responded(String x) {
        return "(" + x + ".status = 'ANSWERED' or " + x + ".answered_at is not null or " + x + ".met is not null"
                + " or exists (select 1 from answer a where a.check_in_id = " + x + ".id))";
    }

    /**
     * Whether check-in {@code x} belongs to its side's current silence: delivered, no answer at all, and later than
     * the side's latest answered check-in. Whether it went out long enough ago to count is the caller's condition.
     */
    static String silent(String x) {
        return x + ".status = 'SENT' and not " + responded(x) + " and " + x + ".period > coalesce((select max(r.period)"
                + " from check_in r where r.pair_id = " + x + ".pair_id and r.role = " + x + ".role and "
                + responded("r") + "), date '-infinity')";
    }
}
