package dev.rapport.core.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The second half of a key rotation: when {@code RAPPORT_SECRET_KEY_PREVIOUS} is set, every value sealed under a
 * previous key is sealed again under the current one, once the application is ready. Each row is a compare-and-set,
 * so several instances doing it at once write each row once. Afterwards the log says whether the previous keys are
 * still needed. Values that no configured key opens are counted, left as they are and never logged.
 */
@Component
public class Reencryption {

    private static final Logger log = LoggerFactory.getLogger(Reencryption.class);

    /** What a pass did. */
    public record Result(int resealed, int unreadable) {}

    private final Secrets secrets;
    private final JdbcTemplate jdbc;

    Reencryption(Secrets secrets, JdbcTemplate jdbc) {
        this.secrets = secrets;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (secrets.hasPreviousKeys()) {
            run();
        }
    }

    /** Seals every value not under the current key again under it. */
    public Result run() {
        int resealed = 0;
        int[] unreadable = {0};
        for (SecretField field : SecretField.values()) {
            resealed += SealedRows.rewrite(jdbc, field, (row, stored) -> {
                if (secrets.isCurrent(stored)) {
                    return null;
                }
                try {
                    return secrets.seal(field, row, secrets.open(field, row, stored));
                } catch (SecretUnreadableException e) {
                    unreadable[0]++;
                    return null;
                }
            });
        }
        if (unreadable[0] == 0) {
            log.info(
                    "Key rotation: {} values sealed again under key id {}; every value opens with it, so"
                            + " RAPPORT_SECRET_KEY_PREVIOUS can be removed once every instance runs with this key",
                    resealed,
                    secrets.currentKeyId());
        } else {
            log.warn(
                    "Key rotation: {} values sealed again under key id {}; {} values open with no configured key and"
                            + " were left as they are",
                    resealed,
                    secrets.currentKeyId(),
                    unreadable[0]);
        }
        return new Result(resealed, unreadable[0]);
    }
}
