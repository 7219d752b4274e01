package dev.rapport.core.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own, with a random name, on the PostgreSQL server a URL points at (or the embedded one, as
 * {@link PostgresLocator} decides), dropped by {@link #close()} or at the latest when the JVM exits. Tests and the
 * benchmark use it, so state left by an earlier run never matters and runs on one server never meet.
 */
public final class ThrowawayDatabase implements AutoCloseable {

    private final String name;
    private final String url;
    private final PostgresLocator.Target server;
    private boolean dropped;

    private ThrowawayDatabase(String name, String url, PostgresLocator.Target server) {
        this.name = name;
        this.url = url;
        this.server = server;
    }

    /** Creates {@code <prefix>_<random>} next to the database of {@code baseUrl}. */
    public static ThrowawayDatabase create(String prefix, String baseUrl, String user, String password) {
        String name =
                prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String serverUrl = baseUrl.replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
        PostgresLocator.Target server =
                PostgresLocator.resolve(new DatabaseProperties(serverUrl, user, password, 2, null, true));
        try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Could not create database " + name + ": " + e.getMessage(), e);
        }
        ThrowawayDatabase db =
                new ThrowawayDatabase(name, server.url().replaceFirst("/postgres(\\?|$)", "/" + name + "$1"), server);
        Runtime.getRuntime().addShutdownHook(new Thread(db::close, "drop-" + name));
        return db;
    }

    public String name() {
        return name;
    }

    /** The JDBC URL of the new database. */
    public String url() {
        return url;
    }

    /** Drops the database (once); a failure is ignored, since a database left behind is harmless. */
    @Override
    public synchronized void close() {
        if (dropped) {
            return;
        }
        dropped = true;
        try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            // Best effort: every run creates a new name.
        }
    }
}
