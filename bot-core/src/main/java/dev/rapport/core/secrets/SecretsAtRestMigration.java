package dev.rapport.core.secrets;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Flyway version 6, "secrets at rest": a database written by an earlier version holds comments and meeting notes in
 * the clear and Slack tokens under the old token key; this seals them all under {@link Secrets}, in the migration's
 * transaction, before the application reads them. So an upgraded database holds no plaintext, and a failure (such as
 * a missing {@code RAPPORT_SLACK_TOKEN_KEY} for old tokens) changes nothing and stops the start with a message.
 *
 * <p>A Java migration, because it needs the key; Spring Boot hands it to Flyway as a bean.
 */
public final class SecretsAtRestMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(SecretsAtRestMigration.class);

    private final Secrets secrets;
    private final LegacyTokenKey legacy;

    SecretsAtRestMigration(Secrets secrets, LegacyTokenKey legacy) {
        this.secrets = secrets;
        this.legacy = legacy;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6");
    }

    @Override
    public String getDescription() {
        return "secrets at rest";
    }

    @Override
    public Integer getChecksum() {
        return 6;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        int comments = sealPlaintext(jdbc, SecretField.CHECK_IN_COMMENT);
        int notes = sealPlaintext(jdbc, SecretField.MEETING_NOTE);
        int tokens = SealedRows.rewrite(jdbc, SecretField.BOT_TOKEN, (row, stored) -> {
            if (LegacyTokenKey.isLegacy(stored)) {
                return secrets.seal(SecretField.BOT_TOKEN, row, legacy.open(row, stored));
            }
            if (Secrets.isSealed(stored)) {
                return null;
            }
            throw new SecretUnreadableException("the Slack bot token of installation " + row
                    + " is in no form Rapport wrote; reinstall the app in that workspace after removing its row");
        });
        log.info(
                "Encrypted what earlier versions stored in the clear: {} comments and {} meeting notes; {} Slack bot"
                        + " tokens sealed again (key id {})",
                comments,
                notes,
                tokens,
                secrets.currentKeyId());
    }

    /** Before version 6 every value of these columns was plaintext. */
    private int sealPlaintext(JdbcTemplate jdbc, SecretField field) {
        return SealedRows.rewrite(jdbc, field, (row, stored) -> secrets.seal(field, row, stored));
    }
}
