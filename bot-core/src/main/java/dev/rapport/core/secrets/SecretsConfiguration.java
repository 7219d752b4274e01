package dev.rapport.core.secrets;

import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The application's {@link Secrets}, from the environment:
 *
 * <ul>
 *   <li>{@code RAPPORT_SECRET_KEY} ({@code rapport.secret-key}): the secret new values are sealed under, 32+ characters;
 *   <li>{@code RAPPORT_SECRET_KEY_PREVIOUS} ({@code rapport.secret-key-previous}): earlier secrets, comma-separated,
 *       that still open what was sealed under them (a rotation);
 *   <li>{@code RAPPORT_SLACK_TOKEN_KEY} ({@code rapport.slack.token-key}), deprecated: the key of versions before 6,
 *       which encrypted only Slack tokens. Used as {@code RAPPORT_SECRET_KEY} when that is not set, and by the upgrade
 *       to read the tokens it encrypted.
 * </ul>
 *
 * With none of them Rapport does not start ({@link SecretKeyMissingException}), except in the sandbox on its own
 * database, which is emptied at every start: there a random key lives as long as the process
 * ({@value #EPHEMERAL} is set by the sandbox, not a setting).
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    static final String KEY = "rapport.secret-key";
    static final String PREVIOUS = "rapport.secret-key-previous";
    static final String LEGACY_SLACK_KEY = "rapport.slack.token-key";
    /** Set by the sandbox when its data live in a database of their own that is emptied at every start. */
    static final String EPHEMERAL = Secrets.EPHEMERAL_KEY_PROPERTY;

    @Bean
    Secrets secrets(Environment env) {
        List<String> previous = previous(env);
        String key = env.getProperty(KEY);
        if (isSet(key)) {
            return Secrets.of(key, previous);
        }
        String legacy = env.getProperty(LEGACY_SLACK_KEY);
        if (isSet(legacy)) {
            log.warn("RAPPORT_SLACK_TOKEN_KEY is deprecated: it now serves as RAPPORT_SECRET_KEY, which encrypts"
                    + " comments, meeting notes and Slack tokens. Set RAPPORT_SECRET_KEY to the same value and remove"
                    + " RAPPORT_SLACK_TOKEN_KEY.");
            return Secrets.of(legacy, previous);
        }
        if ("true".equals(env.getProperty(EPHEMERAL))) {
            log.info("No RAPPORT_SECRET_KEY: the sandbox encrypts its data under a key made for this run"
                    + " (its database is emptied at every start).");
            return Secrets.ephemeral();
        }
        throw new SecretKeyMissingException("RAPPORT_SECRET_KEY is not set. Rapport encrypts check-in comments,"
                + " meeting notes and Slack bot tokens in the database with a key derived from it, and does not store"
                + " them without one.");
    }

    /** The upgrade's means to read Slack tokens that versions before 6 encrypted. */
    @Bean
    LegacyTokenKey legacyTokenKey(Environment env) {
        String legacy = env.getProperty(LEGACY_SLACK_KEY);
        // As the earlier versions used it: the whole value, white space included.
        return new LegacyTokenKey(isSet(legacy) ? legacy : null);
    }

    @Bean
    SecretsAtRestMigration secretsAtRestMigration(Secrets secrets, LegacyTokenKey legacy) {
        return new SecretsAtRestMigration(secrets, legacy);
    }

    private static List<String> previous(Environment env) {
        String value = env.getProperty(PREVIOUS, "");
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
