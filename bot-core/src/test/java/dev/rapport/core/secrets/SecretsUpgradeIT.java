package dev.rapport.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.database.ThrowawayDatabase;
import dev.rapport.core.test.FreshDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrading a database an earlier version wrote, with comments and meeting notes in the clear and a Slack token under
 * the old token key: after the migration no plaintext is left, and every value opens with the new key.
 */
class SecretsUpgradeIT {

    static final String LEGACY_KEY = "the-old-slack-token-key-of-32-characters";
    static final String COMMENT = "My mentor keeps cancelling and I feel ignored";
    static final String NOTE = "Discussed the fellowship interview, she will call the dean";
    static final String TOKEN = "local-bot-token-for-the-upgrade";

    final Secrets secrets = Secrets.of(FreshDatabase.SECRET_KEY, List.of());

    ThrowawayDatabase db;
    DriverManagerDataSource source;
    JdbcTemplate jdbc;

    @BeforeEach
    void aDatabaseOfVersion5WithPlaintext() throws Exception {
        db = FreshDatabase.create(
                "rapport_upgrade", FreshDatabase.serverUrl(), FreshDatabase.user(), FreshDatabase.password());
        source = new DriverManagerDataSource(db.url(), FreshDatabase.user(), FreshDatabase.password());
        flyway("5", null).migrate();
        jdbc = new JdbcTemplate(source);
        jdbc.update("""
                insert into programme (id, platform, workspace_id, name, time_zone, created_at)
                values (1, 'SLACK', 'T1', 'Residents', 'UTC', now())""");
        jdbc.update("""
                insert into participant (id, platform, workspace_id, platform_user_id, display_name, time_zone, created_at)
                values (1, 'SLACK', 'T1', 'U1', 'Lee', 'UTC', now()), (2, 'SLACK', 'T1', 'U2', 'Ana', 'UTC', now())""");
        jdbc.update("""
                insert into pair (id, programme_id, mentor_id, mentee_id, started_on, status, created_at)
                values (1, 1, 1, 2, '2026-11-02', 'ACTIVE', now())""");
        String checkIn = """
                insert into check_in (id, pair_id, role, participant_id, period, seq, bank_version, question_ids, due_at,
                                      status, comment, comment_shared)
                values (?, 1, ?, ?, ?::date, 0, 'v1', 'q', now(), 'ANSWERED', ?, ?)""";
        jdbc.update(checkIn, 10L, "MENTEE", 2L, "2026-11-09", COMMENT, true);
        jdbc.update(checkIn, 11L, "MENTOR", 1L, "2026-11-09", null, false);
        List<Object[]> more = new java.util.ArrayList<>(); // more rows than one batch of the migration
        for (int i = 0; i < 1200; i++) {
            more.add(new Object[] {
                100L + i,
                "MENTEE",
                2L,
                java.time.LocalDate.parse("2027-01-01").plusDays(i).toString(),
                "comment " + i,
                false
            });
        }
        jdbc.batchUpdate(checkIn, more);
        jdbc.update("""
                insert into meeting (id, pair_id, held_on, note, logged_by, created_at)
                values (5, 1, '2026-11-06', ?, 1, now()), (6, 1, '2026-11-07', null, 2, now())""", NOTE);
        jdbc.update("""
                insert into installation (platform, workspace_id, bot_token_cipher, installed_at)
                values ('SLACK', 'T1', ?, now())""", legacyToken(TOKEN));
    }

    @AfterEach
    void dropTheDatabase() {
        db.close();
    }

    @Test
    void after_the_upgrade_no_plaintext_is_left_and_everything_opens_with_the_new_key() {
        assertThat(DatabaseScan.columnsContaining(jdbc, COMMENT))
                .as("the scan sees plaintext before the upgrade")
                .containsExactly("check_in.comment");

        flyway("latest", new SecretsAtRestMigration(secrets, new LegacyTokenKey(LEGACY_KEY)))
                .migrate();

        assertThat(DatabaseScan.columnsContaining(jdbc, COMMENT)).isEmpty();
        assertThat(DatabaseScan.columnsContaining(jdbc, NOTE)).isEmpty();
        assertThat(DatabaseScan.columnsContaining(jdbc, "comment 1199")).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from check_in where comment is not null and comment not like 'rk1:%'",
                        Integer.class))
                .isZero();
        assertThat(secrets.open(
                        SecretField.CHECK_IN_COMMENT, 10L, stored("select comment from check_in where id = 10")))
                .isEqualTo(COMMENT);
        assertThat(secrets.open(
                        SecretField.CHECK_IN_COMMENT, 1299L, stored("select comment from check_in where id = 1299")))
                .isEqualTo("comment 1199");
        assertThat(stored("select comment from check_in where id = 11")).isNull();
        assertThat(secrets.open(SecretField.MEETING_NOTE, 5L, stored("select note from meeting where id = 5")))
                .isEqualTo(NOTE);
        assertThat(stored("select note from meeting where id = 6")).isNull();
        assertThat(secrets.open(
                        SecretField.BOT_TOKEN,
                        "SLACK/T1",
                        stored("select bot_token_cipher from installation where workspace_id = 'T1'")))
                .isEqualTo(TOKEN);
        assertThat(jdbc.queryForObject("select success from flyway_schema_history where version = '6'", Boolean.class))
                .isTrue();
    }

    @Test
    void without_the_old_token_key_the_upgrade_stops_and_changes_nothing() {
        assertThatThrownBy(() -> flyway("latest", new SecretsAtRestMigration(secrets, new LegacyTokenKey(null)))
                        .migrate())
                .hasStackTraceContaining("RAPPORT_SLACK_TOKEN_KEY");
        assertThat(stored("select comment from check_in where id = 10"))
                .as("rolled back with the migration")
                .isEqualTo(COMMENT);
        assertThat(jdbc.queryForObject(
                        "select max(version::int) from flyway_schema_history where success", Integer.class))
                .isEqualTo(5);
    }

    private String stored(String sql) {
        return jdbc.queryForObject(sql, String.class);
    }

    private Flyway flyway(String target, SecretsAtRestMigration migration) {
        var config = Flyway.configure()
                .dataSource(source)
                .locations("classpath:db/migration")
                .target(target);
        if (migration != null) {
            config.javaMigrations(migration);
        }
        return config.load();
    }

    /** A bot token as versions before 6 stored it: AES-GCM under SHA-256 of the token key, no associated data. */
    static String legacyToken(String token) throws Exception {
        return legacyToken(LEGACY_KEY, token);
    }

    static String legacyToken(String tokenKey, String token) throws Exception {
        byte[] key = MessageDigest.getInstance("SHA-256").digest(tokenKey.getBytes(StandardCharsets.UTF_8));
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
        byte[] all = new byte[12 + sealed.length];
        System.arraycopy(nonce, 0, all, 0, 12);
        System.arraycopy(sealed, 0, all, 12, sealed.length);
        return "v1:" + Base64.getEncoder().encodeToString(all);
    }
}
