package dev.rapport.systemtest;

import dev.rapport.core.database.ThrowawayDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A throwaway database for one run ({@link ThrowawayDatabase}: its own random name, dropped at the end), the settings
 * that point the application at it, and plain JDBC for seeding it and reading outcomes.
 */
public final class SystemDatabase implements AutoCloseable {

    private final ThrowawayDatabase database;
    private final String user;
    private final String password;
    private Connection connection;

    private SystemDatabase(ThrowawayDatabase database, String user, String password) {
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /**
     * A PostgreSQL server to make throwaway databases on.
     *
     * @param url any database's JDBC URL on it; the new database is made beside it
     */
    public record Server(String url, String user, String password) {

        /** {@code RAPPORT_DB_URL}, {@code _USER}, {@code _PASSWORD}, else localhost as {@code postgres}. */
        public static Server fromEnvironment() {
            return new Server(
                    env("RAPPORT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                    env("RAPPORT_DB_USER", "postgres"),
                    env("RAPPORT_DB_PASSWORD", ""));
        }

        private static String env(String name, String otherwise) {
            String v = System.getenv(name);
            return v == null || v.isBlank() ? otherwise : v;
        }
    }

    /** A new database {@code <prefix>_<random>} on {@code server}. */
    public static SystemDatabase create(String prefix, Server server) {
        return new SystemDatabase(
                ThrowawayDatabase.create(prefix, server.url(), server.user(), server.password()),
                server.user(),
                server.password());
    }

    public String name() {
        return database.name();
    }

    /** What every application instance is given: this database, and never an embedded one of its own. */
    public Map<String, String> applicationEnvironment() {
        return Map.of(
                "RAPPORT_DB_URL",
                database.url(),
                "RAPPORT_DB_USER",
                user,
                "RAPPORT_DB_PASSWORD",
                password,
                "RAPPORT_DB_EMBEDDED",
                "false");
    }

    /** Runs a statement; returns the rows it changed. */
    public synchronized int update(String sql, Object... args) {
        try (PreparedStatement s = prepare(sql, args)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row, as a number (0 for no row or null). */
    public long number(String sql, Object... args) {
        List<Map<String, Object>> rows = rows(sql, args);
        if (rows.isEmpty()) {
            return 0;
        }
        Object v = rows.getFirst().values().iterator().next();
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** Every row, each a map of column label to value, in the query's column order. */
    public synchronized List<Map<String, Object>> rows(String sql, Object... args) {
        try (PreparedStatement s = prepare(sql, args);
                ResultSet rs = s.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Writes a query's rows to {@code file} as CSV with a header line: what a run leaves for a look afterwards. */
    public void writeCsv(Path file, String sql, Object... args) {
        List<Map<String, Object>> rows = rows(sql, args);
        try (Writer out = Files.newBufferedWriter(file)) {
            if (!rows.isEmpty()) {
                out.write(String.join(",", rows.getFirst().keySet()) + "\n");
            }
            for (Map<String, Object> row : rows) {
                out.write(row.values().stream().map(SystemDatabase::csv).collect(Collectors.joining(",")) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(database.url(), user, password);
        }
        PreparedStatement s = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof String[] strings) {
                s.setArray(i + 1, connection.createArrayOf("varchar", strings));
            } else {
                s.setObject(i + 1, arg);
            }
        }
        return s;
    }

    /** Drops the database (the application instances must be gone: it is dropped with force). */
    @Override
    public synchronized void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // Dropping it ends the connection anyway.
        }
        database.close();
    }
}
