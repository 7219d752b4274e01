package dev.rapport.core.pair;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.i18n.Text;
import dev.rapport.core.programme.ProgrammeView;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an import's lines are checked against in the database: who in the workspace has left Rapport, and which pairs
 * are already open in the programme.
 */
final class ImportChecks {

    /** A participant of the workspace as the checks need them. */
    private record Known(long id, boolean left, String name) {}

    private final JdbcTemplate jdbc;

    ImportChecks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds to {@code errors} every line that names someone who left, or a pair that is already open. */
    void check(ProgrammeView programme, List<ImportRow> rows, List<LineError> errors) {
        Map<String, Known> people = new HashMap<>();
        jdbc.query(
                "select id, platform_user_id, display_name, left_at is not null as has_left from participant where platform = ? and workspace_id = ?",
                rs -> {
                    people.put(
                            rs.getString("platform_user_id"),
                            new Known(rs.getLong("id"), rs.getBoolean("has_left"), rs.getString("display_name")));
                },
                programme.platform().name(),
                programme.workspaceId());
        Set<String> open = new HashSet<>();
        jdbc.query(
                "select mentor_id, mentee_id from pair where programme_id = ? and status <> 'ENDED'",
                rs -> {
                    open.add(rs.getLong("mentor_id") + ":" + rs.getLong("mentee_id"));
                },
                programme.id());
        for (ImportRow row : rows) {
            Known mentor = people.get(row.mentor().userId());
            Known mentee = people.get(row.mentee().userId());
            leftError(row.line(), "mentor", row.mentor(), mentor, errors);
            leftError(row.line(), "mentee", row.mentee(), mentee, errors);
            if (mentor != null && mentee != null && open.contains(mentor.id() + ":" + mentee.id())) {
                errors.add(new LineError(
                        row.line(),
                        Text.of(
                                "pair.error.already-paired",
                                "mentor",
                                mentor.name(),
                                "mentee",
                                mentee.name(),
                                "programme",
                                programme.name())));
            }
        }
    }

    private static void leftError(int line, String role, ChatUser user, Known found, List<LineError> errors) {
        if (found != null && found.left()) {
            errors.add(new LineError(
                    line, Text.of("import.error.left", "role", role, "name", found.name(), "id", user.userId())));
        }
    }

    /** The user ids the workspace already has a participant for. */
    Set<String> knownUserIds(ProgrammeView programme) {
        return new HashSet<>(jdbc.queryForList(
                "select platform_user_id from participant where platform = ? and workspace_id = ?",
                String.class,
                programme.platform().name(),
                programme.workspaceId()));
    }
}
