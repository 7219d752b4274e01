package dev.rapport.core.outbox;

import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Who a batch of rows goes to, read in one query. */
@Component
class Recipients {

    private static final String RECIPIENTS = """
            select id, platform, workspace_id, platform_user_id, display_name, left_at is not null as left_programme,
                   unreachable_since is not null as unreachable
            from participant where id = any(?)""";

    /**
     * A recipient and what decides whether to send to them at all.
     *
     * @param left they left Rapport: nothing more goes to them
     * @param unreachable the platform said earlier that they cannot be messaged
     */
    record Who(Recipient recipient, boolean left, boolean unreachable) {}

    private final JdbcTemplate jdbc;

    Recipients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, Who> of(Collection<Claimed> rows) {
        Long[] ids = rows.stream().map(c -> c.row().recipientId()).distinct().toArray(Long[]::new);
        Map<Long, Who> out = new HashMap<>();
        jdbc.query(
                RECIPIENTS,
                rs -> {
                    out.put(
                            rs.getLong("id"),
                            new Who(
                                    new Recipient(
                                            Platform.valueOf(rs.getString("platform")),
                                            rs.getString("workspace_id"),
                                            rs.getString("platform_user_id"),
                                            rs.getString("display_name")),
                                    rs.getBoolean("left_programme"),
                                    rs.getBoolean("unreachable")));
                },
                (Object) ids);
        return out;
    }
}
