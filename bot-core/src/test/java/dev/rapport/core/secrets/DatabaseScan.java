package dev.rapport.core.secrets;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Looks for a text in every text, varchar and bytea column of every table of the current schema. */
final class DatabaseScan {

    private DatabaseScan() {}

    /** The columns ({@code table.column}) holding {@code needle} anywhere in their values. */
    static List<String> columnsContaining(JdbcTemplate jdbc, String needle) {
        record Column(String table, String column, String type) {}
        List<Column> columns =
                jdbc.query("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = current_schema()
                  and data_type in ('text', 'character varying', 'character', 'bytea')""", (rs, n) -> new Column(rs.getString(1), rs.getString(2), rs.getString(3)));
        if (columns.size() < 20) {
            throw new IllegalStateException("the scan found only " + columns.size() + " columns: is the schema there?");
        }
        List<String> found = new ArrayList<>();
        for (Column c : columns) {
            String condition = c.type().equals("bytea")
                    ? "position(convert_to(?, 'UTF8') in \"" + c.column() + "\") > 0"
                    : "strpos(\"" + c.column() + "\", ?) > 0";
            Integer n = jdbc.queryForObject(
                    "select count(*) from \"" + c.table() + "\" where " + condition, Integer.class, needle);
            if (n != null && n > 0) {
                found.add(c.table() + "." + c.column());
            }
        }
        return found;
    }
}
