package dev.rapport.core.secrets;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Walks the stored values of a {@link SecretField} and writes back what a function makes of them: the upgrade seals
 * plaintext, the start pass seals again what is not under the current key. Rows are read in batches by primary key;
 * each write is a compare-and-set on the value read, so an instance doing the same at the same time, or a change made
 * meanwhile, is never overwritten.
 */
final class SealedRows {

    static final int BATCH = 500;

    /** What to store instead of {@code stored} in the row {@code rowId}, or {@code null} to leave it. */
    @FunctionalInterface
    interface Rewrite {
        String apply(String rowId, String stored);
    }

    private record Row(String id, long key, String value) {}

    private SealedRows() {}

    /** Rewrites every value of the field; returns how many rows were written. */
    static int rewrite(JdbcTemplate jdbc, SecretField field, Rewrite rewrite) {
        return rewrite(jdbc, field, null, rewrite);
    }

    /**
     * Rewrites the values of the field that do not start with {@code skipPrefix} (the database leaves those out, so a
     * pass with nothing to do reads nothing); {@code null} leaves out nothing. Returns how many rows were written.
     */
    static int rewrite(JdbcTemplate jdbc, SecretField field, String skipPrefix, Rewrite rewrite) {
        if (skipPrefix != null && !skipPrefix.matches("[A-Za-z0-9:]+")) {
            throw new IllegalArgumentException("a prefix of letters, digits and colons (no wildcards of like)");
        }
        String skip = skipPrefix == null ? "" : " and %s not like '%s%%'".formatted(field.column(), skipPrefix);
        return field == SecretField.BOT_TOKEN ? installations(jdbc, skip, rewrite) : byId(jdbc, field, skip, rewrite);
    }

    private static int byId(JdbcTemplate jdbc, SecretField field, String skip, Rewrite rewrite) {
        String t = field.table();
        String c = field.column();
        String select = "select id, %1$s from %2$s where %1$s is not null%3$s and id > ? order by id limit ?"
                .formatted(c, t, skip);
        String update = "update %1$s set %2$s = ? where id = ? and %2$s = ?".formatted(t, c);
        int written = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<Row> rows = jdbc.query(
                    select,
                    (rs, n) -> new Row(String.valueOf(rs.getLong(1)), rs.getLong(1), rs.getString(2)),
                    after,
                    BATCH);
            if (rows.isEmpty()) {
                return written;
            }
            List<Object[]> updates = new ArrayList<>();
            for (Row r : rows) {
                String next = rewrite.apply(r.id(), r.value());
                if (next != null) {
                    updates.add(new Object[] {next, r.key(), r.value()});
                }
            }
            for (int n : jdbc.batchUpdate(update, updates)) {
                written += n > 0 ? 1 : 0;
            }
            after = rows.get(rows.size() - 1).key();
        }
    }

    private static int installations(JdbcTemplate jdbc, String skip, Rewrite rewrite) {
        record Installation(String platform, String workspace, String value) {}
        List<Installation> rows = jdbc.query(
                "select platform, workspace_id, bot_token_cipher from installation where true" + skip,
                (rs, n) -> new Installation(rs.getString(1), rs.getString(2), rs.getString(3)));
        int written = 0;
        for (Installation i : rows) {
            String next = rewrite.apply(SecretField.installationRow(i.platform(), i.workspace()), i.value());
            if (next != null) {
                written += jdbc.update(
                        "update installation set bot_token_cipher = ? where platform = ? and workspace_id = ?"
                                + " and bot_token_cipher = ?",
                        next,
                        i.platform(),
                        i.workspace(),
                        i.value());
            }
        }
        return written;
    }
}
