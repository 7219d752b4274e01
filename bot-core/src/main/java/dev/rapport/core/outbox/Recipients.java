package dev.rapport.core.outbox;

import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import dev.rapport.core.i18n.Languages;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Who a batch of rows goes to, read in one query. */
@Component
class Recipients {

    private static final String RECIPIENTS = """
            select p.id, p.platform, p.workspace_id, p.platform_user_id, p.display_name,
                   p.left_at is not null as left_programme, p.unreachable_since is not null as unreachable,
                   p.language, p.platform_locale,
                   (select g.default_language from programme g
                    where g.id in (select programme_id from pair where mentor_id = p.id or mentee_id = p.id
                                   union select programme_id from coordinator where participant_id = p.id)
                    order by g.id limit 1) as programme_language
            from participant p where p.id = any(?)""";

    /**
     * A recipient and what decides whether to send to them at all.
     *
     * @param left they left Rapport: nothing more goes to them
     * @param unreachable the platform said earlier that they cannot be messaged
     * @param language the language they read ({@link Languages#resolve}; a person in several programmes gets the
     *     default of the one they joined first when they neither chose nor have a shipped platform locale)
     */
    record Who(Recipient recipient, boolean left, boolean unreachable, Locale language) {}

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
                    Locale language = Languages.resolve(
                            rs.getString("language"),
                            rs.getString("platform_locale"),
                            rs.getString("programme_language"));
                    out.put(
                            rs.getLong("id"),
                            new Who(
                                    new Recipient(
                                            Platform.valueOf(rs.getString("platform")),
                                            rs.getString("workspace_id"),
                                            rs.getString("platform_user_id"),
                                            rs.getString("display_name"),
                                            language),
                                    rs.getBoolean("left_programme"),
                                    rs.getBoolean("unreachable"),
                                    language));
                },
                (Object) ids);
        return out;
    }
}
