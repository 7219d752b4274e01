package dev.rapport.core.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At every start, once the application is ready, seals under the current key every value of a {@link SecretField} that
 * is not yet: values sealed under a previous key ({@code RAPPORT_SECRET_KEY_PREVIOUS}: the second half of a key
 * rotation), and values an instance of an earlier version wrote in the clear while a rolling upgrade ran next to it.
 * The database leaves out what is already under the current key, so a start with nothing to do reads nothing.
 *
 * <p>Each row is a compare-and-set, so several instances doing it at once write each row once. Values that no
 * configured key opens are counted, left as they are and never logged; the log says whether the previous keys are
 * still needed.
 */
@Component
public class Reencryption {

    private static final Logger log = LoggerFactory.getLogger(Reencryption.class);

    /**
     * What a pass did.
     *
     * @param resealed values sealed again under the current key
     * @param sealedPlaintext values found in the clear (written by an earlier version) and sealed
     * @param unreadable values no configured key opens, left as they are
     */
    public record Result(int resealed, int sealedPlaintext, int unreadable) {}

    private final Secrets secrets;
    private final JdbcTemplate jdbc;

    Reencryption(Secrets secrets, JdbcTemplate jdbc) {
        this.secrets = secrets;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        Result r = run();
        if (r.unreadable() > 0) {
            log.warn(
                    "{} stored values open with no configured key and were left as they are; RAPPORT_SECRET_KEY is key"
                            + " id {}",
                    r.unreadable(),
                    secrets.currentKeyId());
        }
        if (r.resealed() > 0 || r.sealedPlaintext() > 0 || secrets.hasPreviousKeys()) {
            log.info(
                    "Secrets at rest: {} values sealed again under key id {}, {} values written in the clear by an"
                            + " earlier version sealed{}",
                    r.resealed(),
                    secrets.currentKeyId(),
                    r.sealedPlaintext(),
                    secrets.hasPreviousKeys() && r.unreadable() == 0
                            ? "; every value opens with RAPPORT_SECRET_KEY, so RAPPORT_SECRET_KEY_PREVIOUS can be"
                                    + " removed once every instance runs with it"
                            : "");
        }
    }

    /** Seals every value not under the current key under it. */
    public Result run() {
        int[] counts = new int[3];
        for (SecretField field : SecretField.values()) {
            SealedRows.rewrite(jdbc, field, secrets.currentPrefix(), (row, stored) -> {
                if (!Secrets.isSealed(stored)) {
                    counts[1]++;
                    return secrets.seal(field, row, stored);
                }
                try {
                    String sealed = secrets.seal(field, row, secrets.open(field, row, stored));
                    counts[0]++;
                    return sealed;
                } catch (SecretUnreadableException e) {
                    counts[2]++;
                    return null;
                }
            });
        }
        return new Result(counts[0], counts[1], counts[2]);
    }
}
