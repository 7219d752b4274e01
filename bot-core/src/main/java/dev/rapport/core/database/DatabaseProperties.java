package dev.rapport.core.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Rapport's PostgreSQL is. Bound from {@code rapport.db.*}, so from the environment as
 * {@code RAPPORT_DB_URL}, {@code RAPPORT_DB_USER}, {@code RAPPORT_DB_PASSWORD}.
 *
 * @param url JDBC URL; the database in it is created when the server answers but the database is missing
 * @param embeddedDirectory where the embedded PostgreSQL keeps its data when it has to be started
 * @param embedded whether an embedded PostgreSQL may be started when nothing answers at {@code url}, which it only
 *     may when {@code url} names the default server, localhost:5432 (see {@link PostgresLocator})
 */
@ConfigurationProperties("rapport.db")
public record DatabaseProperties(
        @DefaultValue(DatabaseProperties.DEFAULT_URL) String url,

        @DefaultValue("postgres") String user,
        @DefaultValue("") String password,
        @DefaultValue("10") int maxPoolSize,
        Path embeddedDirectory,
        @DefaultValue("true") boolean embedded) {

    /** Where Rapport looks when {@code RAPPORT_DB_URL} is not set. */
    public static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/rapport";

    @Override
    public String toString() {
        // Never print the password, even by accident through a log of the properties.
        return "DatabaseProperties[url=" + PostgresLocator.shown(url) + ", user=" + user + ", maxPoolSize="
                + maxPoolSize + "]";
    }
}
