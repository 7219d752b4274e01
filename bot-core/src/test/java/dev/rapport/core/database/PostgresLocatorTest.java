package dev.rapport.core.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PostgresLocatorTest {

    @Test
    void a_malformed_url_is_explained() {
        assertThatThrownBy(() ->
                        PostgresLocator.resolve(new DatabaseProperties("postgres://nowhere", "u", "", 2, null, true)))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("jdbc:postgresql://host:5432/database");
    }

    @Test
    void with_no_server_and_the_fallback_off_it_says_what_to_do() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/rapport";
        assertThatThrownBy(() -> PostgresLocator.resolve(new DatabaseProperties(url, "postgres", "", 2, null, false)))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("No PostgreSQL answers at " + url)
                .hasMessageContaining("RAPPORT_DB_URL");
    }

    @Test
    void as_root_with_no_server_it_stops_with_a_message_instead_of_starting_an_embedded_postgres() throws Exception {
        assumeTrue(PostgresLocator.isRoot(), "only meaningful as root (CI runs as root)");
        String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/rapport";
        assertThatThrownBy(() -> PostgresLocator.resolve(new DatabaseProperties(url, "postgres", "", 2, null, true)))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("runs as root")
                .hasMessageContaining("pg_ctlcluster");
    }

    @Test
    void as_an_ordinary_user_with_no_server_it_starts_an_embedded_postgres_with_the_database() throws Exception {
        assumeTrue(!PostgresLocator.isRoot(), "PostgreSQL cannot run as root");
        String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/rapport_embedded";
        PostgresLocator.Target target =
                PostgresLocator.resolve(new DatabaseProperties(url, "postgres", "", 2, null, true));
        assertThat(target.embedded()).isTrue();
        assertThat(target.url()).contains("/rapport_embedded");
    }

    @Test
    void the_password_never_appears_in_the_properties_text() {
        assertThat(new DatabaseProperties("jdbc:postgresql://h/d", "u", "s3cret-value", 2, null, true).toString())
                .doesNotContain("s3cret");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
