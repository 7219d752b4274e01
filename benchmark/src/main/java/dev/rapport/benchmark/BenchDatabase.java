package dev.rapport.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A throwaway database {@code rapport_bench_<random>} on the given server, dropped by {@link #drop()}. */
final class BenchDatabase {

    final String name;
    final String url;
    private final String serverUrl;
    private final String user;
    private final String password;
    private volatile boolean dropped;

    BenchDatabase(String serverUrl, String user, String password) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.name =
                "rapport_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.url = serverUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create " + name + " on " + serverUrl + ": " + e.getMessage(), e);
        }
        // Dropped even when the run is interrupted.
        Runtime.getRuntime().addShutdownHook(new Thread(this::drop, "drop-" + name));
    }

    synchronized void drop() {
        if (dropped) {
            return;
        }
        dropped = true;
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop " + name + ": " + e.getMessage());
        }
    }
}
