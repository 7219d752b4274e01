package dev.rapport.core.programme;

import dev.rapport.core.chat.Directory;
import dev.rapport.core.chat.Platform;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the coordinators enrolled through a platform role (Discord) to those who still hold it, without waiting for
 * their next command: before alerts go out, each such enrolment is checked against the platform's directory, and
 * ended when the person no longer holds the role or is no longer a member. An enrolment the platform cannot confirm
 * either way now (an outage, a server on another instance's shard) is left for the next run.
 */
@Component
public class CoordinatorRoles {

    private static final Logger log = LoggerFactory.getLogger(CoordinatorRoles.class);

    private final JdbcTemplate jdbc;
    private final ProgrammeService programmes;
    private final Map<Platform, Directory> directories = new EnumMap<>(Platform.class);

    CoordinatorRoles(JdbcTemplate jdbc, ProgrammeService programmes, List<Directory> directories) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        directories.forEach(d -> this.directories.put(d.platform(), d));
    }

    /** Ends the enrolments whose role the person no longer holds; returns how many. */
    public int revalidate() {
        int ended = 0;
        for (Map<String, Object> row : jdbc.queryForList("""
                select c.programme_id, c.participant_id, c.via_role_id, p.platform, g.workspace_id, p.platform_user_id
                from coordinator c join participant p on p.id = c.participant_id join programme g on g.id = c.programme_id
                where c.via_role_id is not null order by c.programme_id, c.participant_id""")) {
            Directory directory = directories.get(Platform.valueOf((String) row.get("platform")));
            if (directory == null) {
                continue;
            }
            Optional<Directory.Profile> profile;
            try {
                profile = directory.lookup((String) row.get("workspace_id"), (String) row.get("platform_user_id"));
            } catch (Directory.DirectoryUnavailableException e) {
                continue;
            }
            boolean holds = profile.map(Directory.Profile::roleIds)
                    .map(roles -> roles.contains((String) row.get("via_role_id")))
                    .orElse(false);
            boolean unknown = profile.isPresent() && profile.get().roleIds() == null;
            if (!holds && !unknown) {
                programmes.dropViaRole(
                        ((Number) row.get("programme_id")).longValue(),
                        ((Number) row.get("participant_id")).longValue());
                ended++;
            }
        }
        if (ended > 0) {
            log.info("Ended {} coordinator enrolment(s) through a role their holders no longer have", ended);
        }
        return ended;
    }
}
