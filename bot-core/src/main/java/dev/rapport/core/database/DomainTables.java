package dev.rapport.core.database;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Emptying Rapport's own tables, for a world that must start afresh: each test, and the sandbox at every start (on
 * its own database). The tables are read from the schema, so a new table is never left out and carries stale state
 * from one test into the next; Flyway's history and Quartz's tables are kept, since they describe the schema and the
 * jobs, not the world.
 *
 * <p>Outbox ids are never reused, even here: a platform recognises a message by its outbox row's id (Discord's nonce,
 * Slack's metadata), so a second row with an earlier row's id could be taken for it and never delivered.
 */
public final class DomainTables {

    private DomainTables() {}

    /** Truncates every table of the current schema but Flyway's and Quartz's, restarting their sequences. */
    public static void empty(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("""
                select quote_ident(table_name) from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'
                  and table_name <> 'flyway_schema_history' and table_name not like 'qrtz%'
                order by table_name""", String.class);
        if (tables.isEmpty()) {
            return;
        }
        Long lastOutboxId = jdbc.queryForObject("select last_value from outbox_id_seq", Long.class);
        jdbc.execute("truncate %s restart identity cascade".formatted(String.join(", ", tables)));
        jdbc.queryForObject("select setval('outbox_id_seq', ?)", Long.class, lastOutboxId);
    }
}
