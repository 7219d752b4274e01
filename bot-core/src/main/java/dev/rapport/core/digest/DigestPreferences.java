package dev.rapport.core.digest;

import dev.rapport.core.database.SqlTime;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Whether a coordinator gets a programme's weekly digest: everyone does until they turn it off. */
@Service
public class DigestPreferences {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DigestPreferences(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Turns the coordinator's digest of the programme on or off. */
    @Transactional
    public void set(long programmeId, long participantId, boolean wanted) {
        if (wanted) {
            jdbc.update(
                    "delete from digest_opt_out where programme_id = ? and participant_id = ?",
                    programmeId,
                    participantId);
        } else {
            jdbc.update(
                    "insert into digest_opt_out (programme_id, participant_id, since) values (?, ?, ?) on conflict do nothing",
                    programmeId,
                    participantId,
                    SqlTime.of(clock.instant()));
        }
    }

    /** Whether the coordinator gets the programme's digest. */
    public boolean wanted(long programmeId, long participantId) {
        Boolean off = jdbc.queryForObject(
                "select exists (select 1 from digest_opt_out where programme_id = ? and participant_id = ?)",
                Boolean.class,
                programmeId,
                participantId);
        return !Boolean.TRUE.equals(off);
    }
}
