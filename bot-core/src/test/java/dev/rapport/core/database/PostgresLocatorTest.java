package dev.rapport.core.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresLocatorTest {

    @Test
    void a_malformed_url_is_explained() {
        assertThatThrownBy(() ->
                        PostgresLocator.resolve(new DatabaseProperties("postgres://nowhere", "u", "", 2, null, true)))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("jdbc:postgresql://host:5432/database");
    }

    private static DatabaseProperties at(String url, boolean embedded) {
        return new DatabaseProperties(url, "postgres", "", 2, null, embedded);
    }

    private static final SQLException UNREACHABLE = new SQLException("Connection refused", "08001");

    @Test
    void with_no_server_at_the_default_url_an_ordinary_user_gets_an_embedded_postgres() {
        assertThat(PostgresLocator.refusal(at(DatabaseProperties.DEFAULT_URL, true), false, UNREACHABLE))
                .isEmpty();
    }

    @Test
    void the_default_server_may_be_replaced_whatever_the_database_as_the_sandbox_and_the_tests_choose_their_own() {
        for (String url : List.of(
                "jdbc:postgresql://localhost:5432/rapport",
                "jdbc:postgresql://localhost/rapport",
                "jdbc:postgresql://localhost:5432/rapport_sandbox",
                "jdbc:postgresql://LOCALHOST:5432/postgres?ssl=false",
                "jdbc:postgresql://127.0.0.1:5432/rapport_test_0123456789ab")) {
            assertThat(PostgresLocator.namesTheDefaultServer(url)).as(url).isTrue();
            assertThat(PostgresLocator.refusal(at(url, true), false, UNREACHABLE))
                    .as(url)
                    .isEmpty();
        }
    }

    @Test
    void another_server_or_port_is_never_replaced_by_an_embedded_postgres() {
        for (String url : List.of(
                "jdbc:postgresql://db.example.org:5432/rapport",
                "jdbc:postgresql://db/rapport",
                "jdbc:postgresql://localhost:5433/rapport",
                "jdbc:postgresql://10.0.0.7:5432/rapport")) {
            assertThat(PostgresLocator.namesTheDefaultServer(url)).as(url).isFalse();
            for (boolean root : List.of(false, true)) {
                assertThat(PostgresLocator.refusal(at(url, true), root, UNREACHABLE))
                        .as(url)
                        .get()
                        .satisfies(e -> assertThat(e)
                                .hasMessageContaining("No PostgreSQL answers at " + url)
                                .hasMessageContaining("does not start an embedded PostgreSQL")
                                .hasMessageContaining("RAPPORT_DB_URL")
                                .hasMessageNotContaining("root")
                                .hasCause(UNREACHABLE));
            }
        }
    }

    @Test
    void with_no_server_at_the_default_url_and_the_fallback_off_it_says_what_to_do() {
        assertThat(PostgresLocator.refusal(at(DatabaseProperties.DEFAULT_URL, false), false, UNREACHABLE))
                .get()
                .satisfies(e -> assertThat(e)
                        .hasMessageContaining("No PostgreSQL answers at " + DatabaseProperties.DEFAULT_URL)
                        .hasMessageContaining("rapport.db.embedded=false")
                        .hasMessageContaining("RAPPORT_DB_URL"));
    }

    @Test
    void as_root_with_no_server_at_the_default_url_it_stops_with_a_message_instead_of_starting_an_embedded_postgres() {
        assertThat(PostgresLocator.refusal(at(DatabaseProperties.DEFAULT_URL, true), true, UNREACHABLE))
                .get()
                .satisfies(
                        e -> assertThat(e).hasMessageContaining("runs as root").hasMessageContaining("pg_ctlcluster"));
    }

    @Test
    void a_password_in_the_url_is_never_shown() {
        String url = "jdbc:postgresql://db.example.org/rapport?user=rapport&password=s3cret-value&ssl=true";
        assertThat(PostgresLocator.refusal(at(url, true), false, UNREACHABLE))
                .get()
                .satisfies(e -> assertThat(e)
                        .hasMessageNotContaining("s3cret")
                        .hasMessageContaining(
                                "jdbc:postgresql://db.example.org/rapport?user=rapport&password=***&ssl=true"));
        assertThat(at(url, true).toString()).doesNotContain("s3cret");
    }

    @Test
    void a_server_named_explicitly_that_does_not_answer_stops_rapport_instead_of_starting_an_embedded_one()
            throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/rapport";
        assertThatThrownBy(() -> PostgresLocator.resolve(new DatabaseProperties(url, "postgres", "", 2, null, true)))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("No PostgreSQL answers at " + url)
                .hasMessageContaining("does not start an embedded PostgreSQL")
                .hasMessageContaining("RAPPORT_DB_URL");
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
