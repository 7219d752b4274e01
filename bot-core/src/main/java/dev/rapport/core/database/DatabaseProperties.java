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
 * @param embedded whether an embedded PostgreSQL may be started when nothing answers at {@code url}
 */
@ConfigurationProperties("rapport.db")
public record DatabaseProperties(
        @DefaultValue("jdbc:postgresql://localhost:5432/rapport")
        String url,

        @DefaultValue("postgres") String user,
        @DefaultValue("") String password,
        @DefaultValue("10") int maxPoolSize,
        Path embeddedDirectory,
        @DefaultValue("true") boolean embedded) {

    @Override
    public String toString() {
        // Never print the password, even by accident through a log of the properties.
        return "DatabaseProperties[url=" + url + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
